import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kill, launch } from './killable';
import { replay } from '../src/lib/srs/grade';
import { giveAnswer } from './helpers';
import { scheduler } from '../src/lib/srs/scheduler';
import type { CardState, ReviewRecord, SchedulerSettings } from '../src/lib/srs/types';

interface Stored {
	reviews: ReviewRecord[];
	cards: CardState[];
	settings: SchedulerSettings[];
}

function read(page: Page): Promise<Stored> {
	return page.evaluate(
		() =>
			new Promise<Stored>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				// Never create the database here: an empty one at version 1 would stand in the app's way. Missing, it is a finding.
				let missing = false;
				open.onupgradeneeded = () => {
					missing = true;
					open.transaction?.abort();
				};
				open.onerror = () => reject(missing ? new Error('the database is missing after the relaunch') : (open.error ?? new Error('IndexedDB request failed')));
				open.onsuccess = () => {
					const tx = open.result.transaction(['reviews', 'cards', 'settings']);
					const out = {} as Stored;
					const st = tx.objectStore('settings').getAll();
					st.onsuccess = () => (out.settings = st.result as Stored['settings']);
					const r = tx.objectStore('reviews').getAll();
					r.onsuccess = () => (out.reviews = r.result as Stored['reviews']);
					const c = tx.objectStore('cards').getAll();
					c.onsuccess = () => (out.cards = c.result as Stored['cards']);
					tx.oncomplete = () => {
						open.result.close();
						resolve(out);
					};
				};
			})
	);
}

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
	let s = seed;
	return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Enough answers for several kills at random points, a few of them during a save. */
const GRADES = 15;

test('grade 15 cards while the browser is killed at random points: every completed save survives', async ({}, testInfo) => {
	test.setTimeout(180_000);
	const base = String(testInfo.project.use.baseURL);
	const profile = mkdtempSync(join(tmpdir(), 'recall-crash-'));
	// This seed kills the browser four times in 15 answers, two of them during a save (whether or not that save lands).
	const rnd = random(18);
	const confirmed: string[] = [];
	let kills = 0;
	let inFlightKills = 0;
	try {
		let { proc, page, browser } = await launch(profile);
		await page.goto(`${base}/settings`);
		await page.getByLabel('New cards per day').fill('80');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

		while (confirmed.length < GRADES) {
			await page.goto(`${base}/review`);
			const progress = page.locator('[data-answers]');
			const card = page.locator('article[data-card-id]');
			const run = 3 + Math.floor(rnd() * 10);
			let killedMidSave = false;
			for (let i = 0; i < run && confirmed.length < GRADES; i++) {
				await expect(card).toBeVisible();
				const id = (await card.getAttribute('data-card-id')) ?? '';
				await giveAnswer(page);
				const before = Number(await progress.getAttribute('data-answers'));
				await page.getByRole('button', { name: /^Good/ }).click();
				if (i === run - 1 && rnd() < 0.5) {
					// Kill while this save may still be in flight.
					killedMidSave = true;
					break;
				}
				await expect(progress).toHaveAttribute('data-answers', String(before + 1));
				confirmed.push(id);
			}
			if (confirmed.length >= GRADES && !killedMidSave) break;
			await kill(proc);
			kills++;
			if (killedMidSave) inFlightKills++;
			({ proc, page, browser } = await launch(profile));
			await page.goto(`${base}/stats`);
			const stored = await read(page);
			const ids = stored.reviews.map((r) => r.card_id);
			// Every confirmed answer is there; at most the one in flight may be added.
			for (const id of new Set(confirmed)) expect(ids.filter((x) => x === id).length).toBeGreaterThanOrEqual(confirmed.filter((x) => x === id).length);
			expect(stored.reviews.length - confirmed.length).toBeGreaterThanOrEqual(0);
			expect(stored.reviews.length - confirmed.length).toBeLessThanOrEqual(killedMidSave ? 1 : 0);
			if (stored.reviews.length > confirmed.length) confirmed.push(ids.find((x, i) => ids.indexOf(x) === i && !confirmed.includes(x)) ?? ids.at(-1)!);
			// Each card's state is exactly what replaying its surviving log gives.
			const f = scheduler({ ...stored.settings[0]! });
			for (const c of stored.cards) expect(c).toEqual(replay(f, c.card_id, stored.reviews));
			expect(stored.cards).toHaveLength(new Set(ids).size);
		}
		const final = await read(page);
		expect(final.reviews.length).toBeGreaterThanOrEqual(GRADES);
		console.log(`crash test: ${final.reviews.length} cards graded, ${kills} kills (${inFlightKills} during a save), 0 completed saves lost`);
		expect(kills).toBeGreaterThanOrEqual(4);
		expect(inFlightKills).toBeGreaterThanOrEqual(2);
		await browser.close();
		await kill(proc);
	} finally {
		// The killed browser may still be writing its profile for a moment: retry.
		rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
	}
});
