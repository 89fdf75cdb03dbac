// `npm run bench` (second part): a heavy learner's backup, end to end in
// Chromium on the production build. Seeds N answers (default 1,000,000; set
// BENCH_ANSWERS) over the 813 roadmap cards, then exports through the
// settings page, deletes everything and imports the file again, as a learner
// would. Reports the file size, both times, the longest main-thread task
// during the import (the page must never freeze for more than 100 ms), and
// whether every card state came back exactly.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const N = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'recall-bench-'));
const server = await serve({ port: 0, host: '127.0.0.1' });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
try {
	const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(`${base}/settings`);
	await page.getByTestId('storage-status').filter({ hasNotText: 'Checking' }).waitFor();
	const { cardIds } = await (await page.request.get(`${base}/decks/index.json`)).json().then((i) => ({ cardIds: i.decks.flatMap((d) => d.cardIds) }));

	// Seed: answers spread over the cards and over the last three years, each card's state consistent with its log.
	const t0 = performance.now();
	await page.evaluate(
		async ({ n, cardIds }) => {
			const open = () =>
				new Promise((resolve, reject) => {
					const r = indexedDB.open('roadmap-recall');
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
			const db = await open();
			const start = Date.now() - 3 * 365 * 86_400_000;
			const step = Math.floor((3 * 365 * 86_400_000) / n);
			const last = new Map();
			const count = new Map();
			for (let i = 0; i < n; i += 20_000) {
				await new Promise((resolve, reject) => {
					const tx = db.transaction('reviews', 'readwrite');
					const store = tx.objectStore('reviews');
					for (let j = i; j < Math.min(n, i + 20_000); j++) {
						const card_id = cardIds[j % cardIds.length];
						const review = start + j * step;
						store.add({
							id: crypto.randomUUID(),
							card_id,
							rating: (j % 7 === 0 ? 1 : 3),
							review,
							duration: 3000 + (j % 5000),
							state: 2,
							due: review,
							stability: 10 + (j % 300) / 7,
							difficulty: 5 + (j % 40) / 13,
							elapsed_days: j % 30,
							last_elapsed_days: j % 29,
							scheduled_days: j % 31,
							learning_steps: 0
						});
						last.set(card_id, review);
						count.set(card_id, (count.get(card_id) ?? 0) + 1);
					}
					tx.oncomplete = resolve;
					tx.onerror = () => reject(tx.error);
				});
			}
			await new Promise((resolve, reject) => {
				const tx = db.transaction('cards', 'readwrite');
				for (const [card_id, reps] of count)
					tx.objectStore('cards').put({
						card_id,
						due: last.get(card_id) + 20 * 86_400_000,
						stability: 20.5,
						difficulty: 5.25,
						elapsed_days: 3,
						scheduled_days: 20,
						learning_steps: 0,
						reps,
						lapses: Math.floor(reps / 7),
						state: 2,
						last_review: last.get(card_id)
					});
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ n: N, cardIds }
	);
	console.log(`Seeded ${N.toLocaleString('en')} answers in ${s(performance.now() - t0)}`);
	await page.reload();
	const before = await page.evaluate(() => new Promise((resolve) => {
		const r = indexedDB.open('roadmap-recall');
		r.onsuccess = () => {
			const q = r.result.transaction('cards').objectStore('cards').getAll();
			q.onsuccess = () => { r.result.close(); resolve(q.result); };
		};
	}));

	// Export, as the learner does it.
	const t1 = performance.now();
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.getByRole('button', { name: 'Export backup', exact: true }).click()]);
	const file = join(dir, 'backup.json.gz');
	await download.saveAs(file);
	const exportMs = performance.now() - t1;
	const size = statSync(file).size;
	console.log(`Export: ${s(exportMs)}, file ${(size / 1048576).toFixed(1)} MB gzipped`);

	await page.getByLabel('Type “delete my data” to confirm').fill('delete my data');
	await page.getByRole('button', { name: 'Delete all my data' }).click();
	await page.getByText('All your data was deleted.').waitFor();

	// Import, watching for long tasks on the main thread.
	await page.evaluate(() => {
		window.__longest = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.getByLabel('Import a backup').setInputFiles(file);
	const t2 = performance.now();
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await page.getByTestId('import-message').waitFor({ timeout: 0 });
	const importMs = performance.now() - t2;
	const message = await page.getByTestId('import-message').innerText();
	const longest = await page.evaluate(() => window.__longest);
	const after = await page.evaluate(() => new Promise((resolve) => {
		const r = indexedDB.open('roadmap-recall');
		r.onsuccess = () => {
			const q = r.result.transaction('cards').objectStore('cards').getAll();
			q.onsuccess = () => { r.result.close(); resolve(q.result); };
		};
	}));
	const exact = JSON.stringify(after) === JSON.stringify(before);
	console.log(`Import: ${s(importMs)}; longest main-thread task ${longest.toFixed(0)} ms; card states identical: ${exact}`);
	console.log(`  ${message.slice(0, 200)}`);
	writeFileSync(join(dir, 'done'), '');
} finally {
	await browser.close();
	await server.close();
	rmSync(dir, { recursive: true, force: true });
}
