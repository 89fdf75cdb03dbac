import { expect, only, test } from './fixtures';
import type { Page } from '@playwright/test';
import { answerCard, changeSettings, countRecords, currentCardId, expectAccessible } from './helpers';

/** Bury or suspend as the screen offers it: behind More on a phone, a button on a laptop. */
async function cardAction(page: Page, action: 'Bury' | 'Suspend'): Promise<void> {
	const more = page.getByRole('button', { name: 'More' });
	if (await more.isVisible()) {
		await more.click();
		await page.getByRole('button', { name: action === 'Bury' ? 'Bury until tomorrow' : 'Suspend' }).click();
	} else await page.getByRole('button', { name: action, exact: true }).click();
}

test(
	'bury, suspend, flag and undo from the review screen, then see and undo them on the cards page',
	only('phone', 'the review screen’s card actions, a phone journey: once'),
	async ({ page }) => {
		await page.goto('/review');
		const card = page.locator('article[data-card-id]');
		await expect(card).toBeVisible();
		const notice = page.locator('.notice');
		const snack = page.locator('.snack');

		const a = await currentCardId(page);
		await cardAction(page, 'Bury');
		await expect(snack).toContainText(/^Buried “.+” until tomorrow\./);
		await expect(card).not.toHaveAttribute('data-card-id', a);
		// Undo brings the buried card straight back.
		await page.getByRole('toolbar', { name: 'Card actions' }).getByRole('button', { name: 'Undo' }).click();
		await expect(card).toHaveAttribute('data-card-id', a);
		await cardAction(page, 'Bury');
		await expect(card).not.toHaveAttribute('data-card-id', a);

		const b = await currentCardId(page);
		await cardAction(page, 'Suspend');
		await expect(snack).toContainText(/^Suspended “.+”\. Resume it under Cards\./);
		await expect(card).not.toHaveAttribute('data-card-id', b);

		const c = await currentCardId(page);
		const prompt = (await page.locator('#prompt').innerText()).trim().replace(/\s+/g, ' ');
		await page.getByRole('button', { name: 'Flag', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toHaveAttribute('aria-pressed', 'true');

		// Answer c, then take the answer back: the card returns, and its review is gone.
		const reviews = await countRecords(page, 'reviews');
		await answerCard(page, 'Easy');
		expect(await countRecords(page, 'reviews')).toBe(reviews + 1);
		await page.getByRole('toolbar', { name: 'Card actions' }).getByRole('button', { name: 'Undo' }).click();
		await expect(card).toHaveAttribute('data-card-id', c);
		// The notice says what was taken back: the rating, on which card.
		await expect(notice).toContainText(prompt.length <= 60 ? `Undid Easy on “${prompt}”.` : `Undid Easy on “${prompt.slice(0, 40)}`);
		expect(await countRecords(page, 'reviews')).toBe(reviews);
		expect(await countRecords(page, 'cards')).toBe(0);
		await expectAccessible(page);

		// After a reload the buried and the suspended card stay away.
		await page.reload();
		await expect(card).toHaveAttribute('data-card-id', c);

		// The cards page lists each by its mark (the browser's filter), and takes them back.
		const list = page.getByRole('list', { name: 'Cards' });
		for (const [mark, id] of [
			['buried', a],
			['suspended', b],
			['flagged', c]
		] as const) {
			await page.goto(`/cards?mark=${mark}`);
			await expect(list.getByRole('listitem')).toHaveCount(1);
			await expect(list.getByRole('listitem')).toHaveAttribute('data-card-id', id);
		}
		await expectAccessible(page);
		await page.goto('/cards?mark=suspended');
		await list.getByRole('link').click();
		await page.getByRole('button', { name: 'Unsuspend' }).click();
		await expect(page.getByRole('status')).toHaveText('Card resumed: it is back in your reviews.');
		await expect(list.getByRole('listitem')).toHaveCount(0);
		await page.goto('/cards?mark=buried');
		await list.getByRole('link').click();
		await page.getByRole('button', { name: 'Unbury' }).click();
		await expect(page.getByRole('status')).toHaveText('Card unburied: it can come up today.');
		await page.goto('/review');
		await expect(card).toHaveAttribute('data-card-id', a);
	}
);

test('undo reaches back at least 30 answers, in order', only('phone', 'undo from the review screen, a phone journey: once'), async ({ page }) => {
	await changeSettings(page, { 'New cards per day': '30' });
	await page.goto('/review');
	const answered: string[] = [];
	// Easy graduates each new card at once, so thirty answers end the session.
	for (let i = 0; i < 30; i++) answered.push(await answerCard(page, 'Easy'));
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	const undo = page.getByRole('toolbar', { name: 'Card actions' }).getByRole('button', { name: 'Undo' });
	for (const id of [...answered].reverse()) {
		await undo.click();
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', id);
	}
	expect(await countRecords(page, 'reviews')).toBe(0);
	await expect(undo).toBeDisabled();
});
