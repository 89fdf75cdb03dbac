import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';

// Practice pages are reached through a form, not a link, so the crawler is told of them.
const deckIds = readdirSync('decks')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page is prerendered; 200.html is the SPA shell for any other path.
		adapter: adapter({ fallback: '200.html', strict: true }),
		// We register the worker ourselves with workbox-window, to offer updates
		// instead of letting the browser swap code under a running review.
		serviceWorker: { register: false },
		prerender: {
			entries: ['*', ...deckIds.map((id) => `/sections/${id}/practice`)],
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
