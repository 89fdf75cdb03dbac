import { expect, only, test } from './fixtures';
import { answerCard, changeSettings, expectAccessible, finishSession, giveAnswer } from './helpers';

// The home page is where the daily phone journey starts: checked there.
const once = only('phone', 'the home page is a phone journey');

test('home says what is due now and later today, the streak, and how long today takes at my own pace', once, async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
	// One learning step of 30 minutes: beyond the 20-minute learn-ahead limit, so "later today".
	await changeSettings(page, { 'Learning steps': '30m', 'New cards per day': '5' });
	await page.goto('/');
	await expect(page.getByTestId('due-now')).toHaveText('0');
	await expect(page.getByTestId('streak')).toHaveText('0 days');
	// Before any answer: an assumed 10 s an answer, 5 new cards of one step each: 50 s.
	await expect(page.getByTestId('time-estimate')).toHaveText('about 1 min');
	await expect(page.getByTestId('pace')).toContainText('an assumed pace');

	// Time stands still while the card is on screen, so the answer takes what the learner took, not the test's own time too.
	await page.clock.pauseAt(new Date('2026-11-21T10:05:00'));
	await page.goto('/review');
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	// The learner takes 24 s over this card.
	await page.clock.runFor(24_000);
	await giveAnswer(page);
	await page.getByRole('button', { name: /^Again/ }).click();
	await expect(page.locator('.session[data-answers="1"]')).toBeAttached();
	await page.clock.resume();

	await page.goto('/');
	await expect(page.getByTestId('new-count')).toHaveText('4');
	await expect(page.getByTestId('learning-count')).toHaveText('1');
	await expect(page.getByTestId('due-now')).toHaveText('0');
	await expect(page.getByTestId('due-later')).toHaveText('1');
	await expect(page.getByTestId('streak')).toHaveText('1 day');
	// 4 new + 1 learning = 5 answers at my own 24 s: two minutes.
	await expect(page.getByTestId('pace')).toContainText('About 5 answers at your pace over the last 30 days: 24 s an answer');
	await expect(page.getByTestId('time-estimate')).toHaveText('about 2 min');

	// Half an hour on, the learning card is due now.
	await page.clock.runFor(31 * 60_000);
	await page.reload();
	await expect(page.getByTestId('due-now')).toHaveText('1');
	await expect(page.getByTestId('due-later')).toHaveText('0');
});

test('home at zero says what tomorrow brings and what to do next, with no Start review', only('desktop', 'home at zero: once'), async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
	await changeSettings(page, { 'New cards per day': '2' });
	await page.goto('/review');
	await answerCard(page, 'Again');
	await finishSession(page, 'Good');
	await page.goto('/');
	await expect(page.getByTestId('due-count')).toHaveText('0');
	await expect(page.getByTestId('done-today')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Start review' })).toHaveCount(0);
	await expect(page.getByTestId('time-estimate')).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Learn 10 new cards from \S/ })).toBeVisible();
	await expect(page.getByRole('link', { name: "Practise today's misses: 1 card" })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Review ahead: 2 cards due soon$/ })).toBeVisible();
	// Tomorrow: the card missed today, relearned with a day's interval; the other graduated to days more.
	await expect(page.getByTestId('done-today')).toHaveText('Done for today: tomorrow 1 review.');
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Practise today's misses/ }).click();
	await expect(page.getByRole('heading', { name: "Practise today's misses" })).toBeAttached();
	await expect(page.locator('article[data-card-id]')).toBeVisible();
});
