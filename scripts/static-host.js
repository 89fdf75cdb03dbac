// After `vite build`: what static hosts need beside the build.
// - 404.html: GitHub Pages answers a path it has no file for with this page,
//   so a deep link (/sections/http/quiz) opens the app's shell, as 200.html
//   does for `npm start` and for hosts with rewrites.
// - _headers: the cache and security headers of `npm start`, in the format
//   Netlify and Cloudflare Pages read (scripts/headers.js).
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, IMMUTABLE } from './headers.js';

// The build's folder (BUILD_DIR, as svelte.config.js reads it) and the path it is served under (BASE_PATH).
const build = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.BUILD_DIR ?? 'build');
const base = process.env.BASE_PATH ?? '';

/** The build's paths as the host serves them, one rule each, leaving out the immutable files (their own rule). */
export function hostPaths(dir = build, prefix = '/') {
	/** @type {string[]} */
	const out = prefix === '/' ? ['/'] : [];
	for (const name of readdirSync(dir).sort()) {
		if (/\.(br|gz)$/.test(name) || name === '_headers') continue;
		const path = `${prefix}${name}`;
		if (statSync(join(dir, name)).isDirectory()) {
			// The immutable folder has its own rule; the folder holding it (_app) is listed entry by entry; any other is one rule.
			if (`${path}/` === IMMUTABLE) continue;
			if (IMMUTABLE.startsWith(`${path}/`)) out.push(...hostPaths(join(dir, name), `${path}/`));
			else out.push(`${path}/*`);
		} else {
			out.push(path);
			// A prerendered page is served at its path without .html too.
			if (name.endsWith('.html') && name !== 'index.html') out.push(path.slice(0, -'.html'.length));
		}
	}
	return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (!existsSync(join(build, '200.html'))) throw new Error(`${build}/200.html is missing: run \`vite build\` first`);
	for (const ext of ['', '.br', '.gz'])
		if (existsSync(join(build, `200.html${ext}`))) copyFileSync(join(build, `200.html${ext}`), join(build, `404.html${ext}`));
	writeFileSync(join(build, '_headers'), headersFile(hostPaths(build), base));
	console.log(`Wrote 404.html and _headers for static hosts in ${build}${base ? `, for a site under ${base}` : ''}.`);
}
