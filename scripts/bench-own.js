// `npm run bench` (own cards, issue 25): a learner with 10,000 cards of
// their own (BENCH_OWN_CARDS), a fifth of them in HTTP, against the same
// profile with none, in the same run. Times, median of five opens each:
// the HTTP section page from the navigation to its figures and its list of
// the learner's cards, and /cards from the navigation to its count of cards
// with the learner's figures; and the longest main-thread task while /cards
// opens. BENCH_BUILD serves another copy of the build.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { serve } from './serve.js';

const N = Number(process.env.BENCH_OWN_CARDS ?? 10000);
/** Budgets with 10,000 own cards (a heavy author, not an edge case). */
const TARGETS = { section: 1000, cards: 2000, longestTask: 200 };
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve({ port: 0, host: '127.0.0.1', ...(process.env.BENCH_BUILD ? { dir: process.env.BENCH_BUILD } : {}) });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** Writes `n` own cards straight into the store, as the form would have (flashcards, five kinds are the same size here). */
async function addOwnCards(page, n) {
	const index = await (await page.request.get(`${base}/decks/index.json`)).json();
	const http = await (await page.request.get(`${base}/decks/http.json`)).json();
	const sections = index.decks.map((d) => d.id);
	await page.evaluate(
		({ n, sections, source }) =>
			new Promise((resolve, reject) => {
				const r = indexedDB.open('roadmap-recall');
				r.onsuccess = () => {
					const tx = r.result.transaction('ownCards', 'readwrite');
					const store = tx.objectStore('ownCards');
					const now = Date.now();
					for (let i = 0; i < n; i++) {
						const id = `mine-${crypto.randomUUID()}`;
						// A fifth in HTTP, the rest spread over every section.
						const section = i % 5 === 0 ? 'http' : sections[i % sections.length];
						const card = {
							id,
							kind: 'flashcard',
							prompt: `Card ${i} of my own: what does the header number ${i} tell a cache between the client and the server?`,
							answer: `That the response number ${i} may be stored for a while`,
							explanation: 'Written by a learner who writes a lot of cards.',
							source
						};
						store.put({ id, section, card, created: now + i, updated: now + i, device: 'bench' });
					}
					tx.oncomplete = () => {
						r.result.close();
						resolve(undefined);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ n, sections, source: http.cards[0].source }
	);
}

/** ms from the navigation to `ready()` holding, and the longest task seen meanwhile. */
async function open(page, url, ready, arg) {
	await page.goto(url);
	await page.waitForFunction(ready, arg, { timeout: 0, polling: 'raf' });
	return page.evaluate(() => ({ ms: performance.now(), longest: Math.max(0, ...(window.__longTasks ?? [])) }));
}

async function measure(own) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addInitScript(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
	});
	const page = await context.newPage();
	await page.goto(`${base}/settings`);
	await page.getByTestId('storage-status').filter({ hasNotText: 'Checking' }).waitFor();
	if (own > 0) await addOwnCards(page, own);
	const section = [];
	const cards = [];
	const longest = [];
	for (let i = 0; i < RUNS; i++) {
		section.push(
			(
				await open(
					page,
					`${base}/sections/http`,
					(withOwn) =>
						document.querySelector('[data-testid="section-unstarted"]')?.textContent !== '…' &&
						(!withOwn || document.querySelectorAll('[data-testid="own-cards"] li').length > 0),
					own > 0
				)
			).ms
		);
		const c = await open(
			page,
			`${base}/cards`,
			() => !!document.querySelector('[data-testid="card-count"]') && document.querySelector('.list-pane')?.getAttribute('aria-busy') === 'false'
		);
		cards.push(c.ms);
		longest.push(c.longest);
	}
	const counted = await page.evaluate(() => document.querySelector('[data-testid="card-count"]')?.textContent);
	await context.close();
	return { own, section: median(section), cards: median(cards), longestTask: median(longest), counted };
}

const none = await measure(0);
const many = await measure(N);
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`\n## ${N.toLocaleString('en')} cards of the learner's own (median of ${RUNS} opens)`);
console.log('own cards   section page   /cards   longest task on /cards   /cards counts');
for (const r of [none, many])
	console.log(`${String(r.own).padEnd(11)} ${ms(r.section).padStart(12)} ${ms(r.cards).padStart(8)} ${ms(r.longestTask).padStart(24)}   ${r.counted}`);
const check = (what, value, target) =>
	console.log(
		`${value <= target ? 'met   ' : 'MISSED'} ${what}: ${ms(value)} (target ${ms(target)}; ${ms(what.startsWith('section') ? none.section : what.startsWith('/cards') ? none.cards : none.longestTask)} with none)`
	);
check(`section page with ${N.toLocaleString('en')} own cards`, many.section, TARGETS.section);
check(`/cards with ${N.toLocaleString('en')} own cards`, many.cards, TARGETS.cards);
check('longest task while /cards opens', many.longestTask, TARGETS.longestTask);
await browser.close();
server.close?.();
process.exit(0);
