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

/**
 * Makes exactly `ids` due now (cached states only: the log is the truth, but
 * nothing here replays it): each is put due a minute ago, and every other
 * card due within a day is moved a month ahead. No new cards, no review
 * limit: a session then shows these cards and nothing else.
 */
export async function onlyDue(page, base, ids) {
	await page.goto(`${base}/settings`);
	await page.getByLabel('New cards per day', { exact: true }).fill('0');
	await page.getByLabel('Reviews per day', { exact: true }).fill('99999');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
	await page.evaluate(
		(ids) =>
			new Promise((resolve, reject) => {
				const r = indexedDB.open('roadmap-recall');
				r.onsuccess = () => {
					const tx = r.result.transaction(['cards', 'marks'], 'readwrite');
					const cards = tx.objectStore('cards');
					const now = Date.now();
					const wanted = new Set(ids);
					const soon = cards.index('by-due').getAll(IDBKeyRange.upperBound(now + 86_400_000));
					soon.onsuccess = () => {
						for (const s of soon.result) if (!wanted.has(s.card_id)) cards.put({ ...s, due: now + 30 * 86_400_000 });
						for (const card_id of ids) {
							tx.objectStore('marks').delete(card_id);
							cards.put({
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
						}
					};
					tx.oncomplete = () => {
						r.result.close();
						resolve(undefined);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		ids
	);
}

/** Times the session's last answer to its summary on screen. */
async function sessionEnd(page, base) {
	await onlyDue(page, base, [DUE_CARD]);
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
		// The whole page: its last section is built last.
		stats: [`${base}/stats`, () => !!document.querySelector('[data-testid="stats-practice"]')]
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

/**
 * Installs, before the app loads, a timer on every read-write transaction
 * that writes the review log: from its creation to its `complete` event.
 * That is one answer's save (recordReview), as the learner waits for it.
 */
export async function timeTransactions(context) {
	await context.addInitScript(() => {
		window.__tx = [];
		const open = IDBDatabase.prototype.transaction;
		IDBDatabase.prototype.transaction = function (stores, mode, options) {
			const tx = open.call(this, stores, mode, options);
			const names = typeof stores === 'string' ? [stores] : [...stores];
			if (mode === 'readwrite' && names.includes('reviews') && names.includes('cards')) {
				const t = performance.now();
				tx.addEventListener('complete', () => window.__tx.push(performance.now() - t));
			}
			return tx;
		};
	});
}

/**
 * Grades `n` flashcards from the keyboard (Space shows the answer, 3 is
 * Good) and times each grade: from the key press to the frame after the
 * next card is in the page, i.e. once it is painted.
 */
async function gradeTimes(page, n) {
	return page.evaluate(async (n) => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
		const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
		const card = () => document.querySelector('article[data-card-id]')?.getAttribute('data-card-id');
		const times = [];
		for (let i = 0; i < n; i++) {
			const id = card();
			key(' ');
			while (document.querySelector('.session')?.getAttribute('data-phase') !== 'answer') await frame();
			const t = performance.now();
			// Watched with a MutationObserver, not by polling: the measure adds no tasks of its own to the page's main thread.
			const changed = new Promise((resolve) => {
				const observer = new MutationObserver(() => {
					if (card() && card() !== id) {
						observer.disconnect();
						resolve(undefined);
					}
				});
				observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-card-id'] });
			});
			key('3');
			await changed;
			await frame();
			times.push(performance.now() - t);
		}
		return times;
	}, n);
}

const percentile = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/**
 * A review session on this history: `2 * grades` flashcards due now; app
 * open (navigation start) to the first card on screen, median of five;
 * then `grades` grades at full speed and `grades` at 4x CPU slowdown (the
 * DevTools protocol's throttling), each grade to the next card painted;
 * and each answer's transaction. Needs timeTransactions() on the context.
 */
export async function measureSession(page, base, flashcards, grades = 200) {
	await onlyDue(page, base, flashcards.slice(0, 2 * grades + 10));
	const firsts = [];
	for (let i = 0; i < RUNS; i++) firsts.push(await openTime(page, `${base}/review`, () => !!document.querySelector('article[data-card-id]')));
	await page.evaluate(() => (window.__tx = []));
	const normal = await gradeTimes(page, grades);
	const tx = await page.evaluate(() => window.__tx);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const slow = await gradeTimes(page, grades);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await cdp.detach();
	return {
		firstCardMs: median(firsts),
		gradeMedianMs: median(normal),
		gradeP95Ms: percentile(normal, 95),
		grade4xMedianMs: median(slow),
		grade4xP95Ms: percentile(slow, 95),
		txMedianMs: median(tx),
		txP95Ms: percentile(tx, 95),
		transactions: tx.length
	};
}
