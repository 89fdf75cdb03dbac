import { expect, test } from './fixtures';
import { answerCard, countRecords, finishSession, storedStates } from './helpers';

test('a practice round leaves every due date unchanged, and shows in stats', async ({ page }, info) => {
	test.skip(info.project.name !== 'desktop', 'a long journey, the same at any size: once, on the laptop');
	// Some history first, so there are schedules to disturb.
	await page.goto('/sections/rest/quiz');
	for (let i = 0; i < 3; i++) await answerCard(page, 'Good');
	const before = await storedStates(page);
	const reviewsBefore = await countRecords(page, 'reviews');
	expect(Object.keys(before)).toHaveLength(3);

	await page.goto('/sections/rest');
	const { cardIds } = ((await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] }).decks.find(
		(d) => d.id === 'rest'
	)!;
	// Every card of the section, so the round certainly includes the three with a schedule.
	await page.getByLabel('Practice with').fill(String(cardIds.length));
	await page.getByRole('button', { name: 'Practice' }).click();
	await expect(page).toHaveURL(new RegExp(`/sections/rest/practice\\?n=${cardIds.length}$`));
	await expect(page.getByTestId('session-counts')).toContainText(`${cardIds.length} left`);
	await expect(page.locator('article[data-card-id]')).toBeVisible();

	const practised = await finishSession(page, 'Again');
	expect(new Set(practised)).toEqual(new Set(cardIds));
	await expect(page.getByRole('heading', { name: 'Practice complete' })).toBeVisible();

	expect(await storedStates(page)).toEqual(before);
	expect(await countRecords(page, 'reviews')).toBe(reviewsBefore);
	expect(await countRecords(page, 'practice')).toBe(cardIds.length);
	await page.goto('/stats');
	await expect(page.getByTestId('stats-practice')).toContainText(`${cardIds.length} practice answers, ${cardIds.length} today`);
});
