// `npm run bench` (sync): a first sync of a heavy history through the app's
// Sync section, against PouchDB Server (express-pouchdb, in memory) on
// loopback. For each size (BENCH_SYNC_ANSWERS, default 100000): a laptop
// imports a backup of that many answers, then sets sync up and presses Sync
// now (the first upload); a phone, empty, then sets up the same database
// and pulls everything. Reports each one's time against its target (issue
// 23: upload at most 15 s, first download at most 30 s), the requests made,
// how much of the time the app was waiting for the server (the union of the
// requests' lifetimes) and how much it worked by itself, and whether both
// ended with the same answers. BENCH_BUILD serves another copy of the build.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { makeBackup } from './bench-history.js';
import { serve } from './serve.js';
import { ADMIN } from '../tests/couch/server.js';
import { spawn } from 'node:child_process';

const SIZES = (process.env.BENCH_SYNC_ANSWERS ?? '100000').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'recall-bench-sync-'));
const server = await serve({ port: 0, host: '127.0.0.1', ...(process.env.BENCH_BUILD ? { dir: process.env.BENCH_BUILD } : {}) });
const base = server.url.replace('127.0.0.1', 'localhost');
/**
 * The server in its own process, as a real one would be: in this one, it
 * would share its thread with Playwright's handling of the browser's events.
 */
async function startServer() {
	const child = spawn(process.execPath, ['tests/couch/server.js'], { env: { ...process.env, COUCH_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			const found = /on (http:\S+)/.exec(String(chunk));
			if (found) resolve(found[1]);
		});
		child.on('exit', (code) => reject(new Error(`The test server stopped (exit code ${code})`)));
	});
	return { url, admin: ADMIN, close: () => child.kill() };
}
const couch = await startServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** Issue 23's targets at 100,000 answers. */
const TARGET = { upload: 15_000, download: 30_000 };

const count = (page, store) =>
	page.evaluate(
		(name) =>
			new Promise((resolve) => {
				const r = indexedDB.open('roadmap-recall');
				r.onsuccess = () => {
					const q = r.result.transaction(name).objectStore(name).count();
					q.onsuccess = () => {
						r.result.close();
						resolve(q.result);
					};
				};
			}),
		store
	);

/** Sets sync up on the settings page and presses Sync now; returns the time, the requests to the server, and the message. */
async function firstSync(page, db) {
	await page.goto(`${base}/settings`);
	await page.getByLabel('Server address').fill(couch.url);
	await page.getByLabel('Database').fill(db);
	await page.getByLabel('Username').fill(couch.admin.name);
	await page.getByLabel('Password', { exact: true }).fill(couch.admin.password);
	const requests = new Map();
	let bytes = 0;
	/** The bodies of the uploads, for the server-alone loop. */
	const uploads = [];
	/** When each request to the server started and ended (ms, this process's clock). */
	const started = new Map();
	const spans = [];
	const onRequest = (r) => {
		if (!r.url().startsWith(couch.url) || r.method() === 'OPTIONS') return;
		const what = `${r.method()} ${new URL(r.url()).pathname.replace(`/${db}`, '/{db}')}`;
		requests.set(what, (requests.get(what) ?? 0) + 1);
		bytes += r.postData()?.length ?? 0;
		if (what === 'POST /{db}/_bulk_docs') uploads.push(r.postData() ?? '');
		started.set(r, performance.now());
	};
	const onEnd = (r) => {
		const t = started.get(r);
		if (t !== undefined) spans.push([t, performance.now()]);
		started.delete(r);
	};
	page.on('request', onRequest);
	page.on('requestfinished', onEnd);
	page.on('requestfailed', onEnd);
	// When each phase began (the progress label's first word), on the page's clock, to say where the time goes.
	await page.evaluate(() => {
		window.__phases = [{ text: 'start', at: performance.now() }];
		new MutationObserver(() => {
			const text = document.querySelector('label[for="sync-progress-bar"]')?.textContent?.split(':')[0] ?? 'between phases';
			if (window.__phases.at(-1).text !== text) window.__phases.push({ text, at: performance.now() });
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const t0 = performance.now();
	await page.getByRole('button', { name: 'Sync now' }).click();
	await page.getByTestId('sync-message').waitFor({ timeout: 0 });
	const ms = performance.now() - t0;
	const phases = await page.evaluate(() => {
		const list = [...window.__phases, { text: 'end', at: performance.now() }];
		return list
			.slice(0, -1)
			.map((p, i) => `${p.text} ${((list[i + 1].at - p.at) / 1000).toFixed(1)} s`)
			.join(' · ');
	});
	page.off('request', onRequest);
	page.off('requestfinished', onEnd);
	page.off('requestfailed', onEnd);
	// Time with at least one request open: requests that overlap count once.
	let waiting = 0;
	let reach = -Infinity;
	for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
		if (b > reach) waiting += b - Math.max(a, reach);
		reach = Math.max(reach, b);
	}
	return {
		ms,
		waiting,
		requests: Object.fromEntries(requests),
		total: [...requests.values()].reduce((a, b) => a + b, 0),
		sentMB: bytes / 1048576,
		uploads,
		phases,
		message: await page.getByTestId('sync-message').innerText()
	};
}

/**
 * The test server's own speed, in the same run: the upload's requests
 * (their bodies as the app sent them) posted to a new database from Node,
 * one after another. No browser upload can beat it.
 */
async function serverAlone(name, bodies) {
	const headers = {
		Authorization: `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`,
		'Content-Type': 'application/json'
	};
	await fetch(`${couch.url}/${name}`, { method: 'PUT', headers });
	const t0 = performance.now();
	for (const body of bodies) {
		const res = await fetch(`${couch.url}/${name}/_bulk_docs`, { method: 'POST', headers, body });
		if (!res.ok) throw new Error(`The server refused an upload: HTTP ${res.status}`);
		await res.arrayBuffer();
	}
	return performance.now() - t0;
}

async function run(N) {
	console.log(`\n## First sync of ${N.toLocaleString('en')} answers`);
	const db = `bench-${N}-${Date.now()}`;
	const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
	const index = await (await laptop.request.get(`${base}/decks/index.json`)).json();
	const { file } = makeBackup(
		N,
		index.decks.flatMap((d) => d.cardIds)
	);
	const path = join(dir, 'backup.json.gz');
	writeFileSync(path, file);
	await laptop.goto(`${base}/settings`);
	await laptop.getByLabel('Import a backup').setInputFiles(path);
	const t0 = performance.now();
	await laptop.getByRole('button', { name: 'Merge into my data' }).click();
	await laptop.getByTestId('import-message').waitFor({ timeout: 0 });
	console.log(`(laptop: backup imported in ${s(performance.now() - t0)})`);

	const scale = N / 100_000;
	const target = (ms, of) => `${s(ms)} (target ${s(of * scale)}${ms > of * scale ? ': MISSED' : ''})`;
	const split = (r) => `waiting for the server ${s(r.waiting)}, the app by itself ${s(r.ms - r.waiting)}`;
	const up = await firstSync(laptop, db);
	console.log(`Laptop, upload ${N.toLocaleString('en')} answers: ${target(up.ms, TARGET.upload)}; ${split(up)}`);
	console.log(`  ${up.total} requests, ${up.sentMB.toFixed(1)} MB sent: ${JSON.stringify(up.requests)}`);
	console.log(`  ${up.message}`);
	console.log(`  phases: ${up.phases}`);
	const bare = await serverAlone(`${db}-bare`, up.uploads);
	console.log(
		`  the server alone, the same ${up.uploads.length} uploads sent one after another from Node (no browser, no IndexedDB): ${s(bare)}; the upload took ${(up.ms / bare).toFixed(2)}× that`
	);
	const phone = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
	const down = await firstSync(phone, db);
	console.log(`Phone, first download ${N.toLocaleString('en')} answers: ${target(down.ms, TARGET.download)}; ${split(down)}`);
	console.log(`  ${down.total} requests: ${JSON.stringify(down.requests)}`);
	console.log(`  ${down.message}`);
	console.log(`  phases: ${down.phases}`);
	const [a, b] = [await count(laptop, 'reviews'), await count(phone, 'reviews')];
	console.log(`Answers: laptop ${a}, phone ${b}: ${a === b && a === N ? 'the same' : 'DIFFERENT'}`);
	await laptop.context().close();
	await phone.context().close();
	return { answers: N, uploadMs: up.ms, uploadRequests: up.total, serverAloneMs: bare, downloadMs: down.ms, downloadRequests: down.total };
}

try {
	const results = [];
	for (const n of SIZES) results.push(await run(n));
	console.log('\nanswers   upload (time, requests)   download (time, requests)   targets at 100,000: upload 15 s, download 30 s');
	for (const r of results)
		console.log(
			`${String(r.answers).padEnd(9)} ${s(r.uploadMs).padStart(8)} ${String(r.uploadRequests).padStart(6)}        ${s(r.downloadMs).padStart(8)} ${String(r.downloadRequests).padStart(6)}`
		);
} finally {
	await browser.close();
	await server.close();
	await couch.close();
	rmSync(dir, { recursive: true, force: true });
}
