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

export default defineConfig({
	plugins: [checkDecksPlugin(), sveltekit()],
	define: {
		__APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0')
	},
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
