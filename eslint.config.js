// ESLint: typescript-eslint with type information (projectService) and
// eslint-plugin-svelte; Prettier owns formatting (eslint-config-prettier turns
// the rules it would fight off). `npm run lint` checks both.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'static/', 'bench/'] },
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			// __APP_VERSION__ is defined by Vite (vite.config.ts) and declared in src/app.d.ts.
			globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' },
			parserOptions: {
				// Files outside SvelteKit's tsconfig (the service worker, two scripts, Playwright's config) get its settings too.
				projectService: {
					allowDefaultProject: ['src/service-worker.ts', 'scripts/check-decks.ts', 'scripts/make-db-fixture.ts', 'playwright.config.ts'],
					defaultProject: 'tsconfig.json'
				},
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// A promise nobody awaits loses its error: every one is awaited, returned, or marked `void` on purpose.
			'@typescript-eslint/no-floating-promises': 'error',
			// A leading underscore names what is left out on purpose (a destructured field, an unused argument).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
			// Playwright reads a test's fixtures from its first parameter, which must be a destructuring pattern: `({}, info)`.
			'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
			// Turned off: the app is served at the site root by design (the service worker's precache and offline
			// fallback, the manifest's scope and start_url all assume "/"), so no link needs paths.base; and
			// resolve() cannot take the query strings that /cards and the practice links carry.
			'svelte/no-navigation-without-resolve': 'off',
			// Turned off: it flags every Map, Set and URLSearchParams made in a component or .svelte.ts file,
			// including temporaries built and then assigned whole ($state.raw) or never reactive at all. Each
			// of the 11 it found was reviewed: none is reactive state mutated in place, which is what it guards.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Plain JavaScript (scripts, configs, the test server) is not in a TypeScript project: no type information to lint with.
		files: ['**/*.js', '**/*.cjs'],
		...ts.configs.disableTypeChecked
	}
);
