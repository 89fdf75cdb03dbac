import { DB_VERSION } from '../src/lib/db/schema';
import { expect, only, test } from './fixtures';
import { countRecords, currentCardId } from './helpers';

test(
	'a failed write shows on the card with Retry, keeps the answer, and saves it on retry',
	only('desktop', 'the same at any size: once'),
	async ({ page }) => {
		await page.goto('/review');
		const id = await currentCardId(page);
		const before = Date.now();
		// The next review write is aborted, as the browser does when storage is full.
		await page.evaluate(() => {
			const proto = IDBObjectStore.prototype;
			// The original method, to call with apply() and to put back (read off its descriptor: it is never called unbound).
			const add = Object.getOwnPropertyDescriptor(proto, 'add')!.value as IDBObjectStore['add'];
			proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
				const request = add.apply(this, args);
				if (this.name === 'reviews') {
					proto.add = add;
					this.transaction.abort();
				}
				return request;
			};
		});
		const show = page.getByRole('button', { name: 'Show answer' });
		if (await show.isVisible()) await show.click();
		else if ((await page.locator('[data-option]').count()) > 0) await page.locator('[data-option]').first().click();
		await page.getByRole('button', { name: /^Good/ }).click();

		const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
		await expect(alert).toContainText('Your answer is kept here; press Retry.');
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', id);
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '0');
		expect(await countRecords(page, 'reviews')).toBe(0);
		expect(await countRecords(page, 'cards')).toBe(0);

		await page.waitForTimeout(300);
		await alert.getByRole('button', { name: 'Retry' }).click();
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '1');
		await expect(alert).toHaveCount(0);
		const saved = await page.evaluate(
			() =>
				new Promise<{ card_id: string; review: number }[]>((resolve) => {
					const open = indexedDB.open('roadmap-recall');
					open.onsuccess = () => {
						const req = open.result.transaction('reviews').objectStore('reviews').getAll();
						req.onsuccess = () => {
							open.result.close();
							resolve(req.result as { card_id: string; review: number }[]);
						};
					};
				})
		);
		expect(saved.map((r) => r.card_id)).toEqual([id]);
		// Saved with the time it was answered, not the time of the retry.
		expect(saved[0]!.review).toBeGreaterThanOrEqual(before);
		expect(saved[0]!.review).toBeLessThan(Date.now() - 250);
	}
);

test(
	'a schema upgrade in a new tab is not blocked by an old tab, which asks its user to reload',
	only('desktop', 'tabs are a laptop’s: once'),
	async ({ page, context }) => {
		await page.goto('/review');
		await expect(page.locator('article[data-card-id]')).toBeVisible();
		const other = await context.newPage();
		await other.goto('/stats');
		const took = await other.evaluate(
			(next) =>
				new Promise<number>((resolve, reject) => {
					const start = performance.now();
					// The version after the app's own, whatever that is.
					const req = indexedDB.open('roadmap-recall', next);
					req.onupgradeneeded = () => req.result.createObjectStore(`added-in-v${next}`);
					req.onsuccess = () => {
						req.result.close();
						resolve(performance.now() - start);
					};
					req.onblocked = () => reject(new Error('blocked by the old tab'));
					req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
				}),
			DB_VERSION + 1
		);
		console.log(`schema upgrade with an old tab open completed in ${Math.round(took)} ms`);
		await expect(page.getByRole('alert').filter({ hasText: 'A newer version of Roadmap Recall is open in another tab' })).toBeVisible();
		await expect(page.getByRole('alert').getByRole('button', { name: 'Reload' })).toBeVisible();
	}
);
