import { type Page } from '@playwright/test';
import { startOfDay } from '../src/lib/srs/day';
import { expect, only, test } from './fixtures';
import { answerCard, changeSettings, expectAccessible, finishSession, storedStates } from './helpers';

const DAY_START = 4; // the default day-start hour
const DAY = 86_400_000;

interface State {
	card_id: string;
	state: number;
	due: number;
	stability: number;
}

/** Learner's days from `from` to `to` (both epoch ms). */
const daysBetween = (from: number, to: number) => Math.round((startOfDay(to, DAY_START) - startOfDay(from, DAY_START)) / DAY);

async function openStats(page: Page): Promise<void> {
	await page.goto('/stats');
	await expect(page.getByTestId('stats-today')).toBeVisible();
}

/** Runs axe in the light and the dark theme; with `tables`, first opens every table under a chart so axe checks them too. */
async function expectAccessibleInBothThemes(page: Page, tables = false): Promise<void> {
	const closed = page.locator('main details:not([open]) > summary');
	while (tables && (await closed.count()) > 0) await closed.first().click();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		// The page's own background says which theme is on.
		await expect
			.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
			.toBe(scheme === 'light' ? 'rgb(247, 245, 240)' : 'rgb(21, 23, 28)');
		await expectAccessible(page);
	}
}

test(
	'stats show a learner’s history: calendar, forecast, retention, buttons and sections',
	only('desktop', 'the figures are the same at any size: once, on the laptop'),
	async ({ page }) => {
		// Two axe runs over a page of tables take a while on a busy machine.
		test.setTimeout(90_000);
		const first = new Date('2026-11-20T10:00:00').getTime();
		await page.clock.install({ time: first });
		await changeSettings(page, { 'New cards per day': '3' });
		await page.goto('/review');
		// Easy on a new card graduates it straight to review, days ahead.
		expect(await finishSession(page, 'Easy')).toHaveLength(3);
		const states = Object.values(await storedStates(page)) as State[];
		expect(states.map((s) => s.state)).toEqual([2, 2, 2]);

		await openStats(page);
		await expect(page.getByTestId('stats-today')).toHaveText('3');
		await expect(page.locator('[data-testid="heatmap"] rect[data-today]')).toHaveAttribute('data-count', '3');
		// Each card on the forecast row of the day it falls due.
		const dueOn = new Map<number, number>();
		for (const s of states) dueOn.set(daysBetween(first, s.due), (dueOn.get(daysBetween(first, s.due)) ?? 0) + 1);
		await page.getByText('Show as a table').first().click();
		const forecastRows = page.getByTestId('forecast-table').locator('tbody tr');
		await expect(forecastRows).toHaveCount(30);
		for (const [day, n] of dueOn) {
			expect(day).toBeGreaterThan(0);
			await expect(forecastRows.nth(day).locator('td')).toHaveText(String(n));
		}
		await expect(forecastRows.nth(0).locator('td')).toHaveText('0');
		await expect(page.getByTestId('forecast-summary')).toHaveText('3 review cards due in the next 30 days; 0 today.');
		// No review answered yet: no retention figure, only its sample size.
		await expect(page.locator('[data-testid="retention-table"] tr[data-kind="all"] td[data-days="30"]')).toHaveText(/—\s*0 answers/);

		// Twenty days on, every card is overdue: they all count on today.
		await page.clock.setSystemTime(first + 20 * DAY);
		await openStats(page);
		await expect(page.getByTestId('forecast-summary')).toHaveText('3 review cards due in the next 30 days; 3 today, 3 of them overdue.');
		await expect(page.getByTestId('stats-today')).toHaveText('0');

		// Review them: one Again (it comes back after its relearning step), the rest Good.
		await changeSettings(page, { 'New cards per day': '0' });
		await page.goto('/review');
		await answerCard(page, 'Again');
		expect(await finishSession(page, 'Good')).toHaveLength(3);

		await openStats(page);
		await expect(page.getByTestId('stats-today')).toHaveText('4');
		await expect(page.getByTestId('stats-total')).toHaveText('7');
		const heatmap = page.getByTestId('heatmap');
		await expect(heatmap.locator('rect[data-today]')).toHaveAttribute('data-count', '4');
		await expect(heatmap.locator(`rect[data-day="${new Date(first).toDateString()}"]`)).toHaveAttribute('data-count', '3');
		await expect(heatmap).toHaveAttribute('aria-label', 'Calendar of the last 365 days: 7 answers on 2 days, at most 4 in a day; today 4 answers.');
		// The two days with answers are squares of their own; the other 363 days of the year are one shape.
		await expect(heatmap.locator('rect')).toHaveCount(2);
		expect((await page.getByTestId('heatmap-empty').getAttribute('d'))?.match(/M/g)).toHaveLength(363);
		// The intervals were about a week: young cards. Two of three review answers recalled, in every window.
		const retention = page.getByTestId('retention-table');
		for (const days of [7, 30, 365]) {
			await expect(retention.locator(`tr[data-kind="young"] td[data-days="${days}"]`)).toHaveText(/^67%\s*3 answers$/);
			await expect(retention.locator(`tr[data-kind="mature"] td[data-days="${days}"]`)).toHaveText(/^—\s*0 answers$/);
			await expect(retention.locator(`tr[data-kind="all"] td[data-days="${days}"]`)).toHaveText(/^67%\s*3 answers$/);
		}
		// Seven presses: three Easy twenty days ago, then Again, Good, Good and Good on the relearned card.
		const buttons = page.getByTestId('buttons-table');
		await expect(buttons.locator('tr[data-button="again"] td').nth(0)).toHaveText('1 (14%)');
		await expect(buttons.locator('tr[data-button="good"] td').nth(0)).toHaveText('3 (43%)');
		await expect(buttons.locator('tr[data-button="easy"] td').nth(1)).toHaveText('3 (43%)');
		await expect(buttons.locator('tr[data-button="hard"] td').nth(1)).toHaveText('0 (0%)');

		// The section the cards came from, with the deck index as the page reads it.
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		const total = index.decks.reduce((n, d) => n + d.cardIds.length, 0);
		const after = Object.values(await storedStates(page)) as State[];
		const deck = index.decks.find((d) => d.cardIds.includes(after[0]!.card_id))!;
		expect(after.every((s) => deck.cardIds.includes(s.card_id))).toBe(true);
		const mastered = after.filter((s) => s.state === 2 && s.stability >= 21).length;
		const row = page.locator(`[data-testid="sections-table"] tr[data-section="${deck.id}"]`);
		// Known, recall of studied cards, introduced (of the section's cards), mastered, retention: the map's words.
		await expect(row.locator('td')).toHaveText([
			/^(<1|\d{1,2})%$/,
			/^\d{1,3}%$/,
			new RegExp(`^3\\s*of ${deck.cardIds.length}$`),
			String(mastered),
			/^67%\s*3 answers$/
		]);
		await expect(page.getByTestId('sections-table').locator('thead th')).toHaveText([
			'Section',
			'Known',
			'Recall of studied cards',
			'Introduced',
			'Mastered',
			'Retention'
		]);
		await expect(row.getByRole('link')).toHaveAttribute('href', `/sections/${deck.id}`);
		await expect(page.locator('[data-testid="sections-table"] tr[data-section="scalability"] td')).toHaveText([
			'0%',
			'—',
			/^0\s*of \d+$/,
			'0',
			/^—\s*0 answers$/
		]);
		// On a laptop the whole table fits: no hint to scroll.
		await expect(page.getByTestId('sections-hint')).toBeHidden();
		// Three studied cards, each recalled with some chance between 0 and 1; every other card counts 0.
		const knowledge = await page.getByTestId('stats-knowledge').innerText();
		const m = /^≈ (\d(?:\.\d)?) cards of ([\d,]+)$/.exec(knowledge.replace(/\s+/g, ' ').trim());
		expect(m, knowledge).not.toBeNull();
		expect(Number(m![1])).toBeGreaterThan(2);
		expect(Number(m![1])).toBeLessThanOrEqual(3);
		expect(m![2]).toBe(total.toLocaleString('en'));
		// The headline's words are the map's, with the recall of the three studied cards.
		const note = page.getByTestId('stats-knowledge-note');
		await expect(note).toContainText('Known: How many of all the cards you would recall now');
		await expect(note).toContainText(/Recall of studied cards: \d{1,3}%, over the 3 cards\s+introduced\.$/);
		const statesTable = page.getByTestId('states-table');
		await expect(statesTable.locator('tr[data-state="new"] td').first()).toHaveText((total - 3).toLocaleString('en'));
		await expect(statesTable.locator('tr[data-state="young"] td').first()).toHaveText(String(3 - mastered));

		// From the keyboard: the calendar scrolls in its own box, the next stop after its heading.
		await page.getByRole('heading', { name: 'Answers, last 365 days' }).click();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('region', { name: 'Answer calendar (scrolls sideways)' })).toBeFocused();
		await expectAccessibleInBothThemes(page, true);
	}
);

test('on a phone the calendar scrolls in its own box, showing the latest weeks, and the page does not', only('phone', 'the phone layout'), async ({ page }) => {
	await page.goto('/review');
	await answerCard(page, 'Good');
	await openStats(page);
	await expect(page.getByTestId('stats-today')).toHaveText('1');
	const box = page.getByRole('region', { name: 'Answer calendar (scrolls sideways)' });
	const { scrollWidth, clientWidth, boxRight, calendarRight } = await box.evaluate((el) => ({
		scrollWidth: el.scrollWidth,
		clientWidth: el.clientWidth,
		boxRight: el.getBoundingClientRect().right,
		calendarRight: el.querySelector('svg')!.getBoundingClientRect().right
	}));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	// It opens scrolled to its end: the calendar's right edge (the latest week) is the box's.
	expect(Math.abs(calendarRight - boxRight)).toBeLessThanOrEqual(1);
	// Today's cell is on screen without scrolling.
	const today = await page.locator('[data-testid="heatmap"] rect[data-today]').boundingBox();
	expect(today!.x + today!.width).toBeLessThanOrEqual(360);
	expect(today!.x).toBeGreaterThanOrEqual(0);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessibleInBothThemes(page);
});

test(
	'on a phone the per-section table says it scrolls, keeps each section’s name in view, and shows every figure one swipe away',
	only('phone', 'the phone layout'),
	async ({ page }) => {
		await page.goto('/sections/http/quiz');
		await answerCard(page, 'Good');
		await openStats(page);
		const table = page.getByTestId('sections-table');
		const row = table.locator('tr[data-section="http"]');
		await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
		// The cue: visible words, and a box named for screen readers.
		await expect(page.getByTestId('sections-hint')).toBeVisible();
		await expect(page.getByTestId('sections-hint')).toHaveText('Scroll the table sideways for all five figures →');
		const box = page.getByRole('region', { name: 'Table of sections (scrolls sideways)' });
		await expect(box).toBeVisible();
		expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		// Scrolled to its end, the last column is on screen, and the row's section name still is.
		await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
		for (const cell of [row.locator('td').last(), row.getByRole('link', { name: 'HTTP' })]) {
			await expect(cell).toBeInViewport({ ratio: 0.95 });
		}
		await expect(row.locator('td').last()).toHaveText(/^—\s*0 answers$/);
		await expect(row.locator('td').nth(2)).toHaveText(/^1\s*of \d+$/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		// The keyboard scrolls it too: the box is a tab stop.
		await box.focus();
		await expect(box).toBeFocused();
	}
);
