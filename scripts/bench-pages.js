// What a learner waits for on opening the pages that show what they know,
// on whatever history the profile holds: home, the roadmap map, /stats and
// the end of a session. Each time runs from the start of the navigation
// (or from the last answer's click) to the moment the page shows its
// figures, read in the page; the median of five opens. The JS heap is read
// after each page settles.

/** The card the session-end measure makes due: a flashcard, so one click reveals it. */
const DUE_CARD = 'http-response-status-line';

/** Waits in the page for `ready()` to hold, then returns ms since the navigation started. */
async function openTime(page, url, ready) {
	await page.goto(url);
	await page.waitForFunction(ready, undefined, { timeout: 0, polling: 'raf' });
	return page.evaluate(() => performance.now());
}

async function heapMB(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 1048576;
}

/** Puts one card due now, with no new cards today: a session of exactly one answer. */
async function oneCardDue(page, base) {
	await page.goto(`${base}/settings`);
	await page.getByLabel('New cards per day', { exact: true }).fill('0');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
	// A cached state only (the log is the truth, but nothing here replays it): due a minute ago.
	await page.evaluate(
		(card_id) =>
			new Promise((resolve, reject) => {
				const r = indexedDB.open('roadmap-recall');
				r.onsuccess = () => {
					const tx = r.result.transaction('cards', 'readwrite');
					const now = Date.now();
					tx.objectStore('cards').put({
						card_id,
						due: now - 60_000,
						stability: 10,
						difficulty: 5,
						elapsed_days: 10,
						scheduled_days: 10,
						learning_steps: 0,
						reps: 3,
						lapses: 0,
						state: 2,
						last_review: now - 10 * 86_400_000
					});
					tx.oncomplete = () => {
						r.result.close();
						resolve(undefined);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		DUE_CARD
	);
}

/** Times the session's last answer to its summary on screen. */
async function sessionEnd(page, base) {
	await oneCardDue(page, base);
	await page.goto(`${base}/review`);
	await page.locator(`article[data-card-id="${DUE_CARD}"]`).waitFor();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).waitFor();
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const t = performance.now();
				[...document.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Good'))?.click();
				const check = () => (document.querySelector('[data-testid="summary-line"]') ? resolve(performance.now() - t) : requestAnimationFrame(check));
				check();
			})
	);
}

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens each page RUNS times on this profile's history; returns { page: median ms } and the largest heap seen. */
export async function measurePages(page, base) {
	const times = {};
	let heap = 0;
	const settle = async () => (heap = Math.max(heap, await heapMB(page)));
	const pages = {
		home: [`${base}/`, () => /^\d+$/.test(document.querySelector('[data-testid="streak"]')?.textContent?.split(' ')[0] ?? '')],
		map: [`${base}/sections`, () => !!document.querySelector('[data-testid="map-summary"]')],
		stats: [`${base}/stats`, () => !!document.querySelector('main h2') && !document.querySelector('main [role="status"]')?.textContent?.includes('Loading')]
	};
	for (const [name, [url, ready]] of Object.entries(pages)) {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await openTime(page, url, ready));
		times[name] = median(runs);
		await settle();
	}
	const ends = [];
	for (let i = 0; i < RUNS; i++) ends.push(await sessionEnd(page, base));
	times['session end'] = median(ends);
	await settle();
	return { times, heap };
}
