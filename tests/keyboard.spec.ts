import { expect, test } from '@playwright/test';

test('a whole review by keyboard: Space reveals, 1–4 rate, Enter accepts the suggestion', async ({ page }) => {
	await page.goto('/review');
	const progress = page.getByRole('progressbar', { name: 'Session progress' });
	const ratings = page.getByRole('group', { name: 'How well did you recall it?' });
	let flashcards = 0;
	let choices = 0;
	for (let n = 1; flashcards < 2 || choices < 2; n++) {
		await expect(page.locator('article[data-card-id]')).toBeVisible();
		await expect(ratings).toBeHidden();
		if (await page.getByRole('button', { name: 'Show answer' }).isVisible()) {
			await page.keyboard.press('Space');
			await expect(ratings).toBeVisible();
			await page.keyboard.press(String((n % 4) + 1));
			flashcards++;
		} else {
			await page.keyboard.press('1');
			await expect(page.getByText(/^(Correct\.|Not quite\.)/)).toBeVisible();
			await page.keyboard.press('Enter');
			choices++;
		}
		await expect(progress).toHaveAttribute('aria-valuenow', String(n));
	}
	await page.goto('/');
	await expect(page.getByTestId('due-count')).not.toHaveText('20');
});
