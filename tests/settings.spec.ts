import { expect, only, test } from './fixtures';
import { answerCard, expectAccessible, storedStates } from './helpers';

test('settings refuse invalid values next to the field and save nothing', only('desktop', 'the same form at any size: once'), async ({ page }) => {
	await page.goto('/settings');
	const retention = page.getByLabel('Desired retention');
	await expect(retention).toHaveValue('0.90');
	await retention.fill('1.5');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m soon');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText('Nothing was saved: please correct the fields marked below.');
	await expect(retention).toHaveAttribute('aria-invalid', 'true');
	await expect(retention).toHaveAccessibleDescription(/Desired retention must be a number from 0.70 to 0.99\./);
	await expect(page.getByText('Learning steps: "soon" is not a step.')).toBeVisible();
	await expect(retention).toBeFocused();
	await expectAccessible(page);
	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 10m');
});

test('changing retention offers to reschedule cards from their history', only('desktop', 'the same at any size: once'), async ({ page }) => {
	await page.goto('/review');
	for (let i = 0; i < 2; i++) await answerCard(page, 'Good');
	const before = await storedStates(page);

	await page.goto('/settings');
	await page.getByLabel('Learning steps', { exact: true }).fill('5m');
	await page.getByLabel('Desired retention').fill('0.95');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('heading', { name: 'Reschedule your cards?' })).toBeVisible();
	await page.getByRole('button', { name: 'Reschedule 2 cards' }).click();
	await expect(page.getByRole('status')).toHaveText('Rescheduled 2 cards from their review history.');

	// With steps 1m 10m, Good on a new card meant the 10-minute step. With a single
	// 5m step, the same answer, replayed, already graduates the card to review.
	const after = await storedStates(page);
	expect(Object.keys(after)).toHaveLength(2);
	for (const [id, state] of Object.entries(after) as [string, { state: number; due: number; last_review: number }][]) {
		const old = before[id] as { state: number; due: number; last_review: number };
		expect(old.state).toBe(1);
		expect(old.due - old.last_review).toBe(10 * 60_000);
		expect(state.state).toBe(2);
		expect(state.due - state.last_review).toBeGreaterThanOrEqual(86_400_000);
	}
});

test('the theme can be set to dark and stays dark after a reload', only('phone', 'the same at any size: once'), async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Dark').check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	expect(bg).toBe('rgb(21, 23, 28)');
});
