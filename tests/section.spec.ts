import { expect, only, test } from './fixtures';
import { changeSettings, finishSession } from './helpers';

test("quizzing one section shows only that section's cards", only('desktop', 'a long journey, the same at any size: once, on the laptop'), async ({ page }) => {
	// A day of five new cards keeps the round short; which cards come is what matters.
	await changeSettings(page, { 'New cards per day': '5' });
	await page.goto('/sections/rest');
	await page.getByRole('link', { name: 'Quiz this section' }).click();
	await expect(page).toHaveURL(/\/sections\/rest\/quiz$/);

	const shownDecks = new Set<string | null>();
	const ids = await finishSession(page, 'Good', async () => {
		shownDecks.add(await page.locator('.deck-tag').getAttribute('data-deck'));
	});

	const { cards } = (await (await page.request.get('/decks/rest.json')).json()) as { cards: { id: string }[] };
	// Today's five new cards (the daily limit), each back once at its 10-minute step, learned ahead.
	expect(new Set(ids).size).toBe(5);
	expect(ids).toHaveLength(10);
	expect(ids.every((id) => cards.some((c) => c.id === id))).toBe(true);
	expect([...shownDecks]).toEqual(['rest']);
});
