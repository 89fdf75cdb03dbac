// `npm run bench` (third part): personal parameters trained in Chromium on the
// production build. A simulated learner's history of about 10,000 answers
// (scripts/history.js; BENCH_OPTIMIZER_DAYS sets its length) is imported
// through the settings page, then "Optimize my parameters" is pressed: it
// reports the training time the page shows, the fit before and after, and
// the size of what loads when the optimizer starts (its worker and WebAssembly).
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { simulateHistory } from './history.js';
import { serve } from './serve.js';

const server = await serve({ port: 0, host: '127.0.0.1' });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
try {
	const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
	await page.goto(`${base}/settings`);
	const index = await (await page.request.get(`${base}/decks/index.json`)).json();
	const { file, counts } = simulateHistory(
		index.decks.flatMap((d) => d.cardIds),
		{ days: Number(process.env.BENCH_OPTIMIZER_DAYS ?? 160) }
	);
	await page.getByLabel('Import a backup').setInputFiles({ name: 'history.json.gz', mimeType: 'application/gzip', buffer: file });
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await page.getByTestId('import-message').waitFor({ timeout: 0 });
	await page.reload();
	const loaded = [];
	page.on('response', async (res) => {
		if (/workers\//.test(res.url())) loaded.push({ url: new URL(res.url()).pathname, body: await res.body() });
	});
	const panel = page.getByTestId('optimizer');
	await panel.getByRole('button', { name: 'Optimize my parameters' }).click();
	await panel.getByTestId('optimizer-result').waitFor({ timeout: 0 });
	const rows = await panel.getByTestId('optimizer-result').locator('tbody tr').allInnerTexts();
	const note = await panel.locator('p.note').filter({ hasText: 'Trained in' }).innerText();
	console.log(`Optimizer: ${counts.reviews.toLocaleString('en')} answers. ${note}`);
	for (const r of rows) console.log(`  ${r.replace(/\t/g, '  ')}`);
	for (const l of loaded) console.log(`  loaded ${l.url}: ${kB(l.body.length)} raw, ${kB(gzipSync(l.body).length)} gzipped`);
} finally {
	await browser.close();
	await server.close();
}
