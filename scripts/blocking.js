// `node scripts/blocking.js [path] [loads] [build dir ...]`: the main thread's
// blocking time on opening one page, as Lighthouse counts it (each long task's
// time over 50 ms, summed), at 4x CPU slowdown on a 412 px phone, over several
// fresh loads of each build given. Lighthouse's own TBT varies by 100 ms and
// more between runs on this machine; comparing two builds (copies of build/)
// in turns, minutes apart, is what tells whether a change helped.
//   node scripts/blocking.js /stats 8 /tmp/build-old /tmp/build-new
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const [path = '/', loads = '5', ...dirs] = process.argv.slice(2);
const builds = dirs.length > 0 ? dirs : ['build'];
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** One fresh load (new profile, no service worker): the blocking time and the long tasks, in ms. */
async function load(base) {
	const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.addInitScript(() => {
		const tasks = [];
		Object.defineProperty(window, '__longTasks', { value: tasks });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push(Math.round(e.duration));
		}).observe({ type: 'longtask', buffered: true });
	});
	await page.goto(`${base}${path}`);
	// Long enough for every step of the slowest page to have run at 4x.
	await page.waitForTimeout(5000);
	const tasks = /** @type {number[]} */ (await page.evaluate(() => /** @type {any} */ (window).__longTasks));
	const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
	await context.close();
	return { blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0), tasks, elements };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const servers = await Promise.all(builds.map((dir) => serve({ port: 0, host: '127.0.0.1', dir })));
const results = builds.map(() => []);
// In turns, one load of each build, so a machine that slows down for a while slows all builds alike.
for (let i = 0; i < Number(loads); i++) for (const [b, server] of servers.entries()) results[b].push(await load(server.url));
for (const [b, dir] of builds.entries()) {
	const runs = results[b];
	console.log(
		`${dir} ${path}: blocking median ${median(runs.map((r) => r.blocking))} ms [${runs.map((r) => r.blocking).join(', ')}], ${runs[0].elements} elements; long tasks ${runs.map((r) => r.tasks.join('+')).join(' | ')}`
	);
}
await browser.close();
await Promise.all(servers.map((server) => server.close()));
