import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type RatingName = 'Again' | 'Hard' | 'Good' | 'Easy';

/** The id of the card on screen. */
export async function currentCardId(page: Page): Promise<string> {
	const id = await page.locator('article[data-card-id]').getAttribute('data-card-id');
	if (!id) throw new Error('no card on screen');
	return id;
}

/** Reveals or answers the card on screen, whatever its kind, up to the rating buttons. */
export async function giveAnswer(page: Page): Promise<void> {
	const kind = await page.locator('article[data-card-id]').getAttribute('data-kind');
	if (kind === 'flashcard') await page.getByRole('button', { name: 'Show answer' }).click();
	else if (kind === 'choice') await page.locator('[data-option]').first().click();
	else {
		if (kind === 'multi') await page.getByRole('checkbox').first().check();
		if (kind === 'typed') await page.getByLabel('Your answer').fill('not sure');
		if (kind === 'order') while ((await page.locator('[data-option]').count()) > 0) await page.locator('[data-option]').first().click();
		await page.getByRole('button', { name: 'Check answer' }).click();
	}
}

/** Answers given so far in the session on screen. */
export async function answersSoFar(page: Page): Promise<number> {
	return Number(await page.locator('[data-answers]').getAttribute('data-answers'));
}

/**
 * Answers the card on screen by tapping, as a learner would, whatever its
 * kind (right or wrong does not matter here), then rates it. Returns the
 * card's id once the answer is saved and the session moved on.
 */
export async function answerCard(page: Page, rating: RatingName = 'Good'): Promise<string> {
	// Wait until the card on screen is a fresh question (not the last one still saving).
	await expect(page.getByRole('group', { name: 'How well did you recall it?' })).toBeHidden();
	const id = await currentCardId(page);
	const before = await answersSoFar(page);
	await giveAnswer(page);
	await page.getByRole('button', { name: new RegExp(`^${rating}\\b`) }).click();
	await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', String(before + 1));
	return id;
}

/**
 * Answers every card until nothing is due now (the session is complete, or
 * waits for a learning step); returns their ids. `inspect` looks at each
 * card before it is answered.
 */
export async function finishSession(page: Page, rating: RatingName = 'Good', inspect?: () => Promise<void>): Promise<string[]> {
	const done = page.getByRole('heading', { name: /^(Session complete|Practice complete|Next card in)/ });
	const card = page.locator('article[data-card-id]');
	const ids: string[] = [];
	for (;;) {
		await expect(done.or(card)).toBeVisible();
		if (await done.isVisible()) return ids;
		await inspect?.();
		ids.push(await answerCard(page, rating));
	}
}

/** Fails with axe's own report if the page has any accessibility violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Resolves once a service worker controls the page and has precached the app. */
export async function waitForOffline(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Card states as stored in the page's IndexedDB, by card id. */
export async function storedStates(page: Page): Promise<Record<string, unknown>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown>>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('cards').objectStore('cards').getAll();
					req.onsuccess = () => {
						db.close();
						resolve(Object.fromEntries((req.result as { card_id: string }[]).map((s) => [s.card_id, s])));
					};
					req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
				};
			})
	);
}

/** How many records a store of the page's IndexedDB holds. */
export async function countRecords(page: Page, store: 'reviews' | 'practice' | 'cards' | 'marks'): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name).count();
					req.onsuccess = () => {
						db.close();
						resolve(req.result);
					};
					req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
				};
			}),
		store
	);
}

/** Saves settings through the settings page, as a learner would. */
export async function changeSettings(page: Page, fields: Record<string, string>): Promise<void> {
	await page.goto('/settings');
	for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
}

/** Every store of the page's IndexedDB, to compare before and after. */
export async function storedData(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
					const names = ['settings', 'cards', 'reviews', 'practice', 'marks'];
					const tx = db.transaction(names);
					const out: Record<string, unknown[]> = {};
					for (const n of names) {
						const req = tx.objectStore(n).getAll();
						req.onsuccess = () => (out[n] = req.result as unknown[]);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
				};
			})
	);
}
