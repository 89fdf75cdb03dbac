// `npm run bench`: what a learner's device downloads and keeps.
// - the JavaScript loaded by `/` (raw and gzipped), as Chromium requests it,
//   against a bare SvelteKit page with ts-fsrs, idb and workbox-window
//   (built here from bare-page.js and measured the same way; target 1.3x);
// - the service worker's offline cache (every precached file, raw and gzipped);
// - the time from the first visit until the app is ready offline.
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBarePage } from './bare-page.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
/** Home's JavaScript may weigh at most this many times the bare page's. */
const TARGET_RATIO = 1.3;

/** Records the scripts a page loads: every file, each gzipped on its own as a server would send it. */
function recordScripts(page) {
	const scripts = [];
	page.on('response', async (res) => {
		if (res.request().resourceType() === 'script') scripts.push({ url: new URL(res.url()).pathname, body: await res.body() });
	});
	return scripts;
}
const total = (scripts) => ({ raw: scripts.reduce((n, s) => n + s.body.length, 0), zipped: scripts.reduce((n, s) => n + gz(s.body), 0) });

/** The bare page, built and loaded like home: until its figure is on screen and the network is idle. */
async function bareScripts(browser) {
	const bare = buildBarePage();
	const server = await serve({ port: 0, host: '127.0.0.1', dir: bare.build });
	try {
		const page = await browser.newPage();
		const scripts = recordScripts(page);
		await page.goto(`${server.url.replace('localhost', '127.0.0.1')}/`);
		await page.getByTestId('due-count').filter({ hasText: /^\d+$/ }).waitFor();
		await page.waitForLoadState('networkidle');
		await page.close();
		return scripts;
	} finally {
		await server.close();
		rmSync(bare.dir, { recursive: true, force: true });
	}
}

const server = await serve({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage();
	const scripts = recordScripts(page);
	const t0 = performance.now();
	await page.goto(`${server.url.replace('localhost', '127.0.0.1')}/`);
	await page.getByTestId('due-count').filter({ hasText: /^\d+$/ }).waitFor();
	const interactive = performance.now() - t0;
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	const offlineReady = performance.now() - t0;
	await page.waitForLoadState('networkidle');

	const { raw, zipped } = total(scripts);
	console.log(`JavaScript loaded by /: ${scripts.length} files, ${kB(raw)} raw, ${kB(zipped)} gzipped`);
	for (const s of scripts.sort((a, b) => b.body.length - a.body.length)) {
		console.log(`  ${kB(gz(s.body)).padStart(9)} gz  ${s.url}`);
	}
	const bare = await bareScripts(browser);
	const base = total(bare);
	const ratio = zipped / base.zipped;
	console.log(
		`A bare SvelteKit page with ts-fsrs, idb and workbox-window: ${bare.length} files, ${kB(base.raw)} raw, ${kB(base.zipped)} gzipped; / loads ${ratio.toFixed(2)}x that (target ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'not met'})`
	);

	const cacheFiles = await page.evaluate(async () => {
		const out = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) out.push(new URL(req.url).pathname);
		}
		return out;
	});
	const files = [];
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else files.push(p);
		}
	};
	walk('build');
	const byPath = new Map(files.map((p) => [`/${relative('build', p)}`, p]));
	let cacheRaw = 0;
	let cacheGz = 0;
	for (const path of cacheFiles) {
		const file = byPath.get(path) ?? byPath.get(`${path}.html`) ?? byPath.get(path === '/' ? '/index.html' : '');
		if (!file) continue;
		const buf = readFileSync(file);
		cacheRaw += buf.length;
		cacheGz += gz(buf);
	}
	console.log(`Offline cache: ${cacheFiles.length} entries, ${kB(cacheRaw)} raw (${kB(cacheGz)} if gzipped)`);
	console.log(`First visit: counts shown after ${interactive.toFixed(0)} ms, ready offline after ${offlineReady.toFixed(0)} ms (localhost)`);
} finally {
	await browser.close();
	await server.close();
}
