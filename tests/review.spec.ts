import { expect, only, test } from './fixtures';
import { answerCard, expectAccessible } from './helpers';

test(
	'answered cards are saved: after a reload they are no longer due',
	only('phone', 'the daily review is the phone journey: once, at 360 px'),
	async ({ page }) => {
		await page.goto('/');
		const due = page.getByTestId('due-count');
		await expect(due).toHaveText('20');

		await page.getByRole('link', { name: 'Start review' }).click();
		await expect(page.getByTestId('left-new')).toHaveText('20');
		const reviewed: string[] = [];
		for (let i = 0; i < 5; i++) reviewed.push(await answerCard(page, 'Good'));

		await page.goto('/');
		await page.reload();
		// The five answered are learning cards due later today: Today counts them too.
		await expect(page.getByTestId('new-count')).toHaveText('15');
		await expect(page.getByTestId('learning-count')).toHaveText('5');
		await expect(due).toHaveText('20');

		await page.getByRole('link', { name: 'Start review' }).click();
		await expect(page.getByTestId('left-new')).toHaveText('15');
		await expect(page.getByTestId('left-learning')).toHaveText('5');
		// The new cards come first: the five answered wait for their 10-minute step (daily.spec runs a whole day to its end).
		for (let i = 0; i < 3; i++) expect(reviewed).not.toContain(await answerCard(page, 'Good'));
		await expect(page.getByTestId('left-new')).toHaveText('12');
	}
);

test('rating buttons show the next interval of each choice', only('phone', 'the daily review is the phone journey: once'), async ({ page }) => {
	await page.goto('/review');
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	const show = page.getByRole('button', { name: 'Show answer' });
	if (await show.isVisible()) await show.click();
	else await page.locator('[data-option]').first().click();
	// A new card with steps 1m 10m: Again 1m, Hard 6m, Good 10m, Easy in days.
	await expect(page.getByRole('button', { name: /^Again 1m/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Hard 6m/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Good 10m/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Easy \d+d/ })).toBeVisible();
	await expectAccessible(page);
});

test('multiple choice grades itself and explains why', only('phone', 'the daily review is the phone journey: once'), async ({ page }) => {
	await page.goto('/sections/http/quiz');
	const options = page.locator('[data-option]');
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	// Skip flashcards until a multiple-choice card comes up.
	while ((await options.count()) === 0) await answerCard(page, 'Good');
	await expectAccessible(page);
	const id = await page.locator('article[data-card-id]').getAttribute('data-card-id');
	const deck = (await (await page.request.get('/decks/http.json')).json()) as { cards: { id: string; answer: string }[] };
	// Backticks mark code in deck text and are not shown.
	const answer = (deck.cards.find((c) => c.id === id)?.answer ?? '').replaceAll('`', '');
	const texts = await options.locator('.text').allInnerTexts();
	expect(texts.filter((t) => t === answer)).toHaveLength(1);
	const wrongIndex = texts.findIndex((t) => t !== answer);
	await options.nth(wrongIndex).click();
	await expect(page.locator('.verdict')).toHaveText(/Not quite\./);
	// The pick is marked as the learner's, with ✗ as well as colour; the right option is marked where it stands, not repeated below.
	await expect(options.nth(wrongIndex)).toContainText('✗ Your answer');
	await expect(options.filter({ hasText: answer })).toContainText('✓ Right answer');
	await expect(page.locator('.reveal .answer')).toHaveCount(0);
	await expect(page.locator('.reveal')).not.toContainText('The answer is');
	// Wrong → Again is suggested; the learner may still pick another rating.
	await expect(page.getByRole('button', { name: /^Again .*\(suggested\)/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Good/ })).toBeEnabled();
	await expectAccessible(page);
});

test('the section list shows every deck with its card count', only('phone', 'the daily review is the phone journey: once'), async ({ page }) => {
	await page.goto('/sections');
	for (const id of ['http', 'rest', 'caching']) {
		await expect(page.locator(`a[href="/sections/${id}"]`)).toContainText(/\d+ cards/);
	}
	await page.goto('/sections/http');
	await expect(page.getByRole('link', { name: 'Quiz this section' })).toBeVisible();
});
