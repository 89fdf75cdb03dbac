// `npm run audit`: Lighthouse (mobile: a mid-range phone on slow 4G, 4x CPU
// slowdown, as Lighthouse's default) against the production build, served
// locally, in Debian's Chromium. Prints the four scores of each page with
// its LCP and TBT (medians of AUDIT_RUNS runs, 3 by default), and the audits
// that cost points; writes bench/audit.json.
// Build first (`npm run build`, or `npm run audit` does it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const PAGES = (process.env.AUDIT_PAGES ?? '/,/review,/sections,/sections/http,/stats,/settings,/cards').split(',');
// HTTP/2 over TLS (a throwaway self-signed certificate), as any real host serves the app; AUDIT_HTTP1=1 for npm start's plain HTTP/1.1.
const http1 = process.env.AUDIT_HTTP1 === '1';
const dir = mkdtempSync(join(tmpdir(), 'recall-audit-'));
if (!http1)
	execFileSync(
		'openssl',
		['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
		{ stdio: 'ignore' }
	);
const tls = http1 ? undefined : { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
const server = await serve({ port: 0, host: '127.0.0.1', tls });
const base = server.url;
const chrome = await chromeLauncher.launch({
	chromePath: findChromium(),
	chromeFlags: [...CHROMIUM_ARGS, '--headless=new', ...(http1 ? [] : ['--ignore-certificate-errors'])]
});
// Lighthouse's figures vary from run to run (TBT by 100 ms and more on this machine): each page is audited AUDIT_RUNS times, and the medians reported.
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);

/** One Lighthouse run of one page, as a first visit: Lighthouse clears the origin's storage (and so the service worker) before loading. */
async function audit(path) {
	const run = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
	const lhr = run.lhr;
	if (process.env.AUDIT_DUMP) writeFileSync(`${process.env.AUDIT_DUMP}-${path.replaceAll('/', '_')}-${Date.now()}.json`, JSON.stringify(lhr));
	const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
	const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
	const lost = Object.values(lhr.audits)
		.filter(
			(a) =>
				a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable'
		)
		.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		lcpMs: ms('largest-contentful-paint'),
		tbtMs: ms('total-blocking-time'),
		fcpMs: ms('first-contentful-paint'),
		cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
		result: {
			page: path,
			lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet,
			lost,
			longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ ms: Math.round(t.duration), at: Math.round(t.startTime), url: t.url }))
		}
	};
}

const results = [];
try {
	for (const path of PAGES) {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await audit(path));
		// The run with the median TBT stands for the page (its audits and long tasks are printed); each figure is the median of the runs.
		const byTbt = [...runs].sort((a, b) => a.tbtMs - b.tbtMs);
		const mid = byTbt[Math.floor(runs.length / 2)];
		const median = (k) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
		const r = {
			...mid.result,
			performance: median('performance'),
			accessibility: median('accessibility'),
			bestPractices: median('bestPractices'),
			seo: median('seo'),
			lcpMs: median('lcpMs'),
			tbtMs: median('tbtMs'),
			fcpMs: median('fcpMs'),
			cls: median('cls'),
			runs: runs.map(({ result, ...figures }) => figures)
		};
		results.push(r);
		const range = (k) => (runs.length > 1 ? ` (${Math.min(...runs.map((x) => x[k]))}–${Math.max(...runs.map((x) => x[k]))})` : '');
		console.log(
			`${path.padEnd(16)} perf ${String(r.performance).padStart(3)}${range('performance')}  a11y ${String(r.accessibility).padStart(3)}  best ${String(r.bestPractices).padStart(3)}  seo ${String(r.seo).padStart(3)}  LCP ${String(r.lcpMs).padStart(5)} ms${range('lcpMs')}  TBT ${String(r.tbtMs).padStart(4)} ms${range('tbtMs')}  FCP ${r.fcpMs} ms  CLS ${r.cls.toFixed(3)}`
		);
		if (r.lost.length > 0) console.log(`  lost points: ${r.lost.join(', ')}`);
		if (r.lcpElement) console.log(`  LCP element: ${r.lcpElement.slice(0, 160)}`);
		// What blocked the main thread: the long tasks (simulated 4x slowdown) with the script each is attributed to.
		for (const t of r.longTasks) console.log(`  long task ${t.ms} ms at ${t.at} ms: ${t.url}`);
	}
	mkdirSync('bench', { recursive: true });
	writeFileSync(
		'bench/audit.json',
		`${JSON.stringify({ date: new Date().toISOString(), chromium: findChromium(), protocol: http1 ? 'HTTP/1.1' : 'HTTP/2 (TLS)', results }, null, '\t')}\n`
	);
} finally {
	await chrome.kill();
	await server.close();
	rmSync(dir, { recursive: true, force: true });
}
