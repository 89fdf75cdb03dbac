import { describe, expect, it } from 'vitest';
import { webManifest } from './manifest';

/** Every URL the manifest names: where the app opens, what it covers, its icons, screenshots and shortcuts. */
function urls(m: ReturnType<typeof webManifest>): string[] {
	return [
		m.id,
		m.start_url,
		m.scope,
		...m.icons.map((i) => i.src),
		...m.screenshots.map((s) => s.src),
		...m.shortcuts.flatMap((s) => [s.url, ...s.icons.map((i) => i.src)])
	];
}

describe('the web app manifest', () => {
	it('at the root of a domain keeps the identity and URLs installed apps have', () => {
		const m = webManifest('');
		expect(m).toMatchObject({ id: '/', start_url: '/', scope: '/' });
		expect(m.icons.map((i) => i.src)).toEqual(['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png', '/icons/monochrome-512.png']);
		expect(m.shortcuts.map((s) => s.url)).toEqual(['/review', '/sections']);
	});

	it('under a path, names only URLs inside it, and is an app of its own there', () => {
		const m = webManifest('/roadmap-recall');
		expect(m).toMatchObject({ id: '/roadmap-recall/', start_url: '/roadmap-recall/', scope: '/roadmap-recall/' });
		for (const url of urls(m)) expect(url).toMatch(/^\/roadmap-recall\//);
	});
});
