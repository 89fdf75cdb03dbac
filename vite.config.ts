import { resolve } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { loadDecks } from './src/lib/decks/read.server.ts';

/** Fails the build, naming file, card and field, when any deck file is malformed. */
function checkDecksPlugin(): Plugin {
	return {
		name: 'roadmap-recall:check-decks',
		// Unit tests feed the checker their own decks; the real ones are checked by build, dev and `npm test`.
		apply: () => !process.env.VITEST,
		buildStart() {
			const { errors } = loadDecks();
			if (errors.length > 0) {
				this.error(`${errors.length} deck error(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
			}
		}
	};
}

/** The modules the home page's first paint needs: the root layout and the page, and what they import statically. */
const HOME = ['src/routes/+layout.svelte', 'src/routes/+layout.ts', 'src/routes/+page.svelte', 'src/routes/+page.ts'].map((p) => resolve(p));

/**
 * Puts what the home page needs to paint (the root layout, the page and
 * everything they import statically, the Svelte runtime with them) into one
 * chunk of the browser build, instead of the two dozen small ones automatic
 * splitting makes of it: each file is compressed on its own, and home's 30
 * files under 3 kB came to 25.5 kB gzipped, 19.2 kB as one. Every page loads
 * the layout and the runtime, and most pages the database and settings
 * modules too, so the chunk is mostly what they fetch anyway. What is
 * imported dynamically stays out, in its own chunks.
 */
function homeChunkPlugin(): Plugin {
	const home = new Set<string>();
	return {
		name: 'roadmap-recall:home-chunk',
		apply: 'build',
		buildEnd() {
			home.clear();
			if (this.environment.name !== 'client') return;
			const stack = [...HOME];
			for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
				const info = this.getModuleInfo(id);
				if (!info || home.has(id)) continue;
				home.add(id);
				stack.push(...info.importedIds);
			}
			// The pages' own modules are SvelteKit's entries, and their styles stay theirs: a page's CSS is inlined into it.
			for (const id of home) if (HOME.includes(id) || /[\\/]\.svelte-kit[^\\/]*[\\/]|\.css$|[?&]type=style/.test(id)) home.delete(id);
		},
		config: () => ({
			build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'home', test: (id: string) => home.has(id) }] } } } }
		})
	};
}

/** Unit tests that touch IndexedDB, fetch or a server, or mock modules: run isolated, one module graph per file. */
const STORAGE_TESTS = ['src/lib/{data,db,sync,study,reminder}/**/*.test.ts', 'src/lib/components/review/actions.test.ts'];

export default defineConfig({
	plugins: [checkDecksPlugin(), sveltekit(), homeChunkPlugin()],
	define: {
		__APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0')
	},
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		environment: 'node',
		projects: [
			{
				// Tests of the storage, sync and study layers share globals (fake-indexeddb's databases, fetch, the
				// PouchDB server): each file gets a fresh module graph.
				extends: true,
				test: { name: 'storage', include: STORAGE_TESTS }
			},
			{
				// Pure functions (scheduling, grading, decks, stats): their modules are loaded once per worker, not once
				// per file.
				extends: true,
				test: { name: 'pure', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: STORAGE_TESTS, isolate: false }
			}
		]
	}
});
