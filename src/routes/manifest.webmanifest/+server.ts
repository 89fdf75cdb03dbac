import { base } from '$app/paths';
import { webManifest } from '$lib/pwa/manifest';

// Written into the build as /manifest.webmanifest (under BASE_PATH when it is set).
export const prerender = true;

export function GET(): Response {
	return new Response(JSON.stringify(webManifest(base), null, '\t'), { headers: { 'content-type': 'application/manifest+json' } });
}
