import { type Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { answerCard, countRecords, currentCardId, expectAccessible, storedStates } from './helpers';

const DAY = 86_400_000;
const start = new Date('2026-11-21T10:00:00');

/** Studies `n` HTTP cards on the first day (rated Easy, so they graduate), then moves the clock three days on. */
async function studyHttp(page: Page, n: number): Promise<string[]> {
	await page.clock.install({ time: start });
	await page.goto('/sections/http/quiz');
	const ids: string[] = [];
	for (let i = 0; i < n; i++) ids.push(await answerCard(page, 'Easy'));
	await page.goto('/');
	await page.clock.setSystemTime(new Date(start.getTime() + 3 * DAY));
	return ids;
}

const pct = async (page: Page, section: string, which: 'now' | 'then') =>
	Number((await page.locator(`tr[data-section="${section}"] [data-testid="${which}"]`).innerText()).replace('%', ''));

/** Axe in the light and the dark scheme (the theme follows the system by default). */
async function accessibleInBothThemes(page: Page): Promise<void> {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectAccessible(page);
	}
	await page.emulateMedia({ colorScheme: null });
}

test(
	'readiness for a date: predicted recall, the weakest sections, and a targeted review that reschedules',
	only('desktop', 'the journey runs on the laptop; the phone checks its layout below'),
	async ({ page }) => {
		const studied = await studyHttp(page, 3);

		await page.getByRole('link', { name: 'How ready are you for a date?' }).click();
		await expect(page).toHaveURL(/\/readiness$/);
		const input = page.getByLabel('Your date');
		// Fourteen days ahead by default, tomorrow at the earliest.
		await expect(input).toHaveValue('2026-12-08');
		await expect(input).toHaveAttribute('min', '2026-11-25');
		await input.fill('2027-11-20');
		await expect(page.getByRole('heading', { level: 2, name: /^On .*2027$/ })).toBeVisible();

		// HTTP is held less well a year on than today; untouched sections are at 0% on both.
		await expect(page.locator('tr[data-section] [data-testid="then"]')).toHaveCount(31);
		expect(await pct(page, 'http', 'now')).toBeGreaterThan(0);
		expect(await pct(page, 'http', 'then')).toBeLessThan(await pct(page, 'http', 'now'));
		for (const id of ['internet', 'rest', 'scalability']) {
			await expect(page.locator(`tr[data-section="${id}"] [data-testid="then"]`)).toHaveText('0%');
			await expect(page.locator(`tr[data-section="${id}"]`)).toContainText('0 of');
		}
		await expect(page.getByTestId('weakest')).toContainText(/HTTP: \d+%/);
		await expect(page.getByText('30 sections are not started yet')).toBeVisible();
		await accessibleInBothThemes(page);

		// The date is kept on the device.
		await page.reload();
		await expect(page.getByLabel('Your date')).toHaveValue('2027-11-20');

		// Started from the keyboard.
		const start3 = page.getByRole('link', { name: 'Review the weakest cards (3)' });
		await start3.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/readiness\/review\?date=2027-11-20$/);

		const card = page.locator('article[data-card-id]');
		await expect(card).toBeVisible();
		await expect(page.getByTestId('left-review')).toHaveText('3');
		const first = await currentCardId(page);
		expect(studied).toContain(first);
		const before = (await storedStates(page))[first] as { due: number; reps: number };
		const reviews = await countRecords(page, 'reviews');
		await answerCard(page, 'Good');
		// An ordinary review: logged, and the card rescheduled.
		expect(await countRecords(page, 'reviews')).toBe(reviews + 1);
		const after = (await storedStates(page))[first] as { due: number; reps: number };
		expect(after.reps).toBe(before.reps + 1);
		expect(after.due).not.toBe(before.due);
		await accessibleInBothThemes(page);

		// A reload carries on the same list where it was.
		const second = await currentCardId(page);
		await page.reload();
		await expect(card).toBeVisible();
		expect(await currentCardId(page)).toBe(second);
		await expect(page.getByTestId('left-review')).toHaveText('2');
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '1');

		await answerCard(page, 'Good');
		await answerCard(page, 'Good');
		await expect(page.getByRole('heading', { name: 'Targeted review complete' })).toBeVisible();
		await expect(page.getByTestId('summary-cards')).toHaveText('3');
		await accessibleInBothThemes(page);
		await page.getByRole('link', { name: 'Back to readiness' }).click();
		await expect(page).toHaveURL(/\/readiness$/);
		// Answered today: nothing more to review before tomorrow.
		await expect(page.getByText('Every card of these sections was answered today')).toBeVisible();
	}
);

test('the readiness page fits a phone, with big targets, in both themes', only('phone', 'a phone layout'), async ({ page }) => {
	await studyHttp(page, 1);
	await page.goto('/readiness');
	const review = page.getByRole('link', { name: 'Review the weakest cards (1)' });
	await expect(review).toBeVisible();
	const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
	expect(scrollWidth).toBeLessThanOrEqual(width);
	for (const target of [page.getByLabel('Your date'), review]) expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(44);
	await accessibleInBothThemes(page);
	await review.click();
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	await accessibleInBothThemes(page);
});

test('a date before tomorrow is refused', only('desktop', 'checked once'), async ({ page }) => {
	await page.clock.install({ time: start });
	await page.goto('/readiness');
	await page.getByLabel('Your date').fill('2026-11-21');
	await expect(page.getByRole('alert')).toHaveText('Choose a date from tomorrow on.');
	await page.goto('/readiness/review?date=2026-11-01');
	await expect(page.getByRole('alert')).toContainText('no date from tomorrow on');
});
