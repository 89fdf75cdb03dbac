import { expect, only, test } from './fixtures';
import { answerCard, changeSettings, countRecords, finishSession } from './helpers';

test('the daily new-card limit holds across two tabs', only('desktop', 'two tabs are a laptop’s: once'), async ({ page, context }) => {
	await changeSettings(page, { 'New cards per day': '2' });
	const other = await context.newPage();
	await page.goto('/review');
	await other.goto('/review');
	await expect(other.getByTestId('left-new')).toHaveText('2');
	// One new card in the first tab…
	const first = [await answerCard(page, 'Good')];
	// …moves the second tab past it (it was showing that card too), and leaves it one more.
	await expect(other.locator('article[data-card-id]')).not.toHaveAttribute('data-card-id', new RegExp(`^(${first.join('|')})$`));
	// The second tab introduces one new card, then learns ahead the two learning cards of both tabs.
	const more = await finishSession(other, 'Good');
	expect(new Set([...first, ...more]).size).toBe(2);
	expect(await countRecords(page, 'reviews')).toBe(first.length + more.length);
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toHaveText('0');
});

test(
	'a section page shows where its cards stand, and stats count the day',
	only('desktop', 'the same figures at any size: once, on the laptop'),
	async ({ page }) => {
		await page.goto('/sections/caching/quiz');
		for (let i = 0; i < 3; i++) await answerCard(page, 'Good');
		await page.goto('/sections/caching');
		await expect(page.getByTestId('section-learning')).toHaveText('3');
		const { cardIds } = ((await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] }).decks.find(
			(d) => d.id === 'caching'
		)!;
		// Today's quiz: what is left of the day's 20 new cards, and the three learning cards.
		await expect(page.getByTestId('section-new')).toHaveText('17');
		await expect(page.getByTestId('section-due')).toHaveText('0');
		await expect(page.getByTestId('section-quiz-total')).toHaveText('The quiz has 20 cards for you now.');
		// Its memory, in the map's words: three cards introduced, recalled with some chance, the other cards not known.
		await expect(page.getByTestId('section-introduced')).toHaveText('3');
		await expect(page.getByTestId('section-unstarted')).toHaveText(String(cardIds.length - 3));
		await expect(page.getByTestId('section-mastered')).toHaveText('0');
		await expect(page.getByTestId('section-recall')).toHaveText(/^\d{1,3}%$/);
		// Known = coverage × recall of studied cards, over every card of the section (the two figures are rounded: within a point).
		const recall = Number((await page.getByTestId('section-recall').innerText()).replace('%', '')) / 100;
		const known = Number((await page.getByTestId('section-known').innerText()).replace(/[<%]/g, ''));
		expect(Math.abs(known - ((3 * recall) / cardIds.length) * 100)).toBeLessThanOrEqual(1);
		await expect(page.getByRole('term').filter({ hasText: 'Recall of studied cards' }).first()).toBeVisible();
		// The tiles add up to what the quiz shows.
		await page.getByRole('link', { name: 'Quiz this section' }).click();
		await expect(page.getByTestId('left-new')).toHaveText('17');
		await expect(page.getByTestId('left-learning')).toHaveText('3');
		await expect(page.getByTestId('left-review')).toHaveText('0');
		await page.goto('/stats');
		await expect(page.getByTestId('stats-today')).toHaveText('3');
		await expect(page.getByTestId('stats-streak')).toHaveText('1 day');
	}
);
