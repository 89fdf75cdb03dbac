// dependency-cruiser: the import graph of src/ (npm run graph) and its rules, checked by `npm run lint`.
// No import cycle anywhere in src/, type-only imports included: a cycle is two modules that cannot be read,
// tested or moved one without the other.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-cycle',
			severity: 'error',
			comment: 'Modules that import each other, even for a type, cannot be understood or moved apart.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'no-runes-in-workers',
			severity: 'error',
			comment: 'Workers are bundled without the Svelte compiler: a .svelte.ts module anywhere under one fails at run time ($state is not defined).',
			from: { path: '\\.worker\\.ts$' },
			to: { path: '\\.svelte(\\.ts)?$', reachable: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^src/service-worker\\.ts$' },
		tsPreCompilationDeps: true,
		// SvelteKit's $lib alias (the generated tsconfig names it relative to .svelte-kit/, which the cruiser cannot read).
		webpackConfig: { fileName: 'scripts/depcruise-alias.cjs' },
		enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.svelte.ts'] }
	}
};
