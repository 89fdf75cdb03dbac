// The yardstick for what home's JavaScript weighs (scripts/bench.js): the
// smallest SvelteKit app that does what this one is built on, one
// prerendered page (adapter-static, runes) that opens an IndexedDB database
// with idb, schedules a card with ts-fsrs, registers a service worker with
// workbox-window and shows a number. Built from these files into a
// temporary folder with this repository's packages, so it moves with them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const FILES = {
	'package.json': JSON.stringify({ name: 'bare-page', private: true, type: 'module' }),
	'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { compilerOptions: { runes: true }, kit: { adapter: adapter({ fallback: '200.html' }), serviceWorker: { register: false } } };
`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
export default { plugins: [sveltekit()], logLevel: 'warn' };
`,
	'src/app.html': `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		%sveltekit.head%
	</head>
	<body>
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>
`,
	'src/routes/+layout.ts': `export const prerender = true;
`,
	'src/routes/+page.svelte': `<script>
	import { onMount } from 'svelte';
	import { openDB } from 'idb';
	import { fsrs, createEmptyCard, Rating } from 'ts-fsrs';
	import { Workbox } from 'workbox-window';

	let days = $state('…');
	onMount(async () => {
		const db = await openDB('bare', 1, { upgrade: (d) => d.createObjectStore('cards') });
		const card = fsrs().next(createEmptyCard(), new Date(), Rating.Good).card;
		await db.put('cards', card, 'one');
		days = String((await db.get('cards', 'one')).scheduled_days);
		if ('serviceWorker' in navigator) void new Workbox('/service-worker.js').register().catch(() => undefined);
	});
</script>

<h1>Due</h1>
<p data-testid="due-count">{days}</p>
`
};

/** Builds the bare page; returns its folder (remove it when done) and its build. */
export function buildBarePage() {
	const dir = mkdtempSync(join(tmpdir(), 'recall-bare-'));
	for (const [path, text] of Object.entries(FILES)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: 'pipe' });
	return { dir, build: join(dir, 'build') };
}
