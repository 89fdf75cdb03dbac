import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

export type RatingName = 'Again' | 'Hard' | 'Good' | 'Easy';

/** The id of the card on screen. */
export async function currentCardId(page: Page): Promise<string> {
	const id = await page.locator('article[data-card-id]').getAttribute('data-card-id');
	if (!id) throw new Error('no card on screen');
	return id;
}

/** The kinds of card a deck has. */
export type Kind = 'flashcard' | 'choice' | 'multi' | 'typed' | 'order';

/** Reveals or answers the card on screen, whatever its kind, up to the rating buttons. */
export async function giveAnswer(page: Page, kind?: string | null): Promise<void> {
	kind ??= await page.locator('article[data-card-id]').getAttribute('data-kind');
	switch (kind as Kind) {
		case 'flashcard':
			return page.getByRole('button', { name: 'Show answer' }).click();
		case 'choice':
			return page.locator('[data-option]').first().click();
		case 'multi':
			await page.getByRole('checkbox').first().check();
			break;
		case 'typed':
			await page.getByLabel('Your answer').fill('not sure');
			break;
		case 'order':
			while ((await page.locator('[data-option]').count()) > 0) await page.locator('[data-option]').first().click();
	}
	await page.getByRole('button', { name: 'Check answer' }).click();
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
	// One round trip: wait until the card on screen is a fresh question (not the last one still saving), and read it.
	const handle = await page.waitForFunction(() => {
		const session = document.querySelector<HTMLElement>('[data-answers]');
		const card = document.querySelector<HTMLElement>('article[data-card-id]');
		if (session?.dataset.phase !== 'question' || !card) return null;
		return { id: card.dataset.cardId!, kind: card.dataset.kind!, answers: Number(session.dataset.answers) };
	});
	const { id, kind, answers } = (await handle.jsonValue())!;
	await handle.dispose();
	await giveAnswer(page, kind);
	await page.getByRole('button', { name: new RegExp(`^${rating}\\b`) }).click();
	await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', String(answers + 1));
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

/**
 * Fails with axe's own report if the page has any accessibility violation.
 * axe-core runs in the page, loaded once per document: a second check of the
 * same page (the other theme, an answer revealed) runs only the rules.
 * @axe-core/playwright loads its 550 kB script anew on every check and, by
 * default, opens a blank page to merge frame results, which no page here
 * needs: the same checks took twice to four times as long through it.
 */
export async function expectAccessible(page: Page, only?: string[]): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const violations = await page.evaluate(async (rules) => {
		const runOnly = rules ? { runOnly: { type: 'rule' as const, values: rules } } : {};
		const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'], ...runOnly });
		return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	}, only);
	expect(violations).toEqual([]);
}

/**
 * Resolves once a service worker controls the page and has precached the app.
 * A page whose navigation was still in flight when the first worker activated
 * is not claimed (Chromium claims only clients that are already running), so
 * it is controlled from its next load on: as for a learner, one reload does it.
 */
export async function waitForOffline(page: Page): Promise<void> {
	const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	try {
		await expect.poll(controlled, { timeout: 3_000 }).toBe(true);
	} catch {
		await page.reload();
		await expect.poll(controlled).toBe(true);
	}
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

/** One value of the app's `meta` store, as the page's IndexedDB holds it now (undefined: not written). */
export async function metaValue<T>(page: Page, key: string): Promise<T | undefined> {
	return page.evaluate(
		(k) =>
			new Promise<T | undefined>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('meta').objectStore('meta').get(k);
					req.onsuccess = () => {
						db.close();
						resolve(req.result as T | undefined);
					};
					req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
				};
			}),
		key
	);
}

/** Every store of the page's IndexedDB, to compare before and after. */
export async function storedData(page: Page, stores = ['settings', 'cards', 'reviews', 'practice', 'marks']): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		(names) =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open('roadmap-recall');
				open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
				open.onsuccess = () => {
					const db = open.result;
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
			}),
		stores
	);
}
