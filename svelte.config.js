import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';

// Practice pages are reached through a form, not a link, so the crawler is told of them.
const deckIds = readdirSync('decks')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''));

// BASE_PATH=/roadmap-recall builds the app for a site under that path (a GitHub Pages project site).
const basePath = process.env.BASE_PATH ?? '';
if (basePath !== '' && !/^\/[\w.~-]+(\/[\w.~-]+)*$/.test(basePath)) {
	throw new Error(`BASE_PATH must start with / and not end with one, like /roadmap-recall (got "${basePath}")`);
}

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// KIT_OUT_DIR: SvelteKit's working folder (.svelte-kit unless set). The test's base-path build has its own, so that
		// it can run beside the type check and the unit tests, which read .svelte-kit, without changing what they read.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Every page is prerendered; 200.html is the SPA shell for any other path.
		// precompress: every file also as .br and .gz, which the server sends to browsers that accept them.
		// BUILD_DIR: where the build goes (build/ unless set; the base-path test builds beside it).
		// PRECOMPRESS=0 leaves out the .br and .gz files (the test's base-path build: 6 s less, nothing it checks).
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html', strict: true, precompress: process.env.PRECOMPRESS !== '0' }),
		paths: { base: basePath },
		// Small stylesheets go inline into each page instead of blocking its first paint on another request.
		inlineStyleThreshold: 8192,
		// We register the worker ourselves with workbox-window, to offer updates
		// instead of letting the browser swap code under a running review.
		serviceWorker: { register: false },
		// A strict policy: scripts only from this origin or hashed by Kit, never inline
		// by hand; styles may be inline because Svelte sets style attributes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// Sync talks to the learner's own CouchDB server, wherever it is: any HTTPS
				// address, or plain http on this machine only (as the sync form allows).
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		prerender: {
			entries: ['*', ...deckIds.map((id) => `/sections/${id}/practice`)],
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
