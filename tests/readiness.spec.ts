import { type Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { answerCard, countRecords, currentCardId, expectAccessible, storedStates } from './helpers';
import { backupFile, backupLines, download, importFile, reviewLine } from './backup-file';
import { simulateHistory } from '../scripts/history.js';

const DAY = 86_400_000;
const start = new Date('2026-11-21T10:00:00');
/** Three days on, when readiness is read. */
const later = start.getTime() + 3 * DAY;

interface Index {
	decks: { id: string; title: string; cardIds: string[] }[];
}
const deckIndex = async (page: Page) => (await (await page.request.get('/decks/index.json')).json()) as Index;

/** Studies `n` HTTP cards on the first day (rated Easy, so they graduate), then moves the clock three days on. */
async function studyHttp(page: Page, n: number): Promise<string[]> {
	await page.clock.install({ time: start });
	await page.goto('/sections/http/quiz');
	const ids: string[] = [];
	for (let i = 0; i < n; i++) ids.push(await answerCard(page, 'Easy'));
	await page.goto('/');
	await page.clock.setSystemTime(new Date(later));
	return ids;
}

/**
 * 14 of the 53 cards of "How the internet works" answered Easy through a
 * backup: 3 on the first day and 11 today, so the section is judged (over a
 * quarter introduced) and its targeted review holds the 3 not answered today.
 */
async function studyInternet(page: Page, internet: readonly string[]): Promise<string[]> {
	await page.goto('/settings');
	const old = internet.slice(0, 3);
	const answers = [
		...old.map((id, i) => reviewLine(`internet-old-${i}`, id, start.getTime() + (i + 5) * 60_000, 4)),
		...internet.slice(3, 14).map((id, i) => reviewLine(`internet-today-${i}`, id, later - 3_600_000 + i * 60_000, 4))
	];
	await importFile(page, 'internet.json.gz', backupFile([...backupLines(await download(page, 'Export backup')), ...answers]));
	await expect(page.getByTestId('import-message')).toContainText('14 answers added');
	return old;
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
	'readiness for a date: recall of studied cards and the cards not started, the weakest sections judged apart from the barely started, and a targeted review of the named sections only',
	only('desktop', 'the journey runs on the laptop; the phone checks its layout below'),
	async ({ page }) => {
		const http = await studyHttp(page, 3);
		const index = await deckIndex(page);
		const internet = index.decks.find((d) => d.id === 'internet')!.cardIds;
		const old = await studyInternet(page, internet);
		const perDay = Number(await page.getByLabel('New cards per day').inputValue());

		// A card on Stats and on Today leads to readiness.
		await page.goto('/stats');
		await expect(page.getByRole('heading', { name: 'Readiness for a date', level: 2 })).toBeVisible();
		await expect(page.getByRole('link', { name: 'See readiness' })).toHaveAttribute('href', '/readiness');
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Readiness for a date', level: 2 })).toBeVisible();
		await page.getByRole('link', { name: 'See readiness' }).click();
		await expect(page).toHaveURL(/\/readiness$/);
		const input = page.getByLabel('Your date');
		// Fourteen days ahead by default, tomorrow at the earliest.
		await expect(input).toHaveValue('2026-12-08');
		await expect(input).toHaveAttribute('min', '2026-11-25');
		await input.fill('2027-11-20');
		await expect(page.getByRole('heading', { level: 2, name: /^On .*2027$/ })).toBeVisible();

		// The headline in two figures: recall of the 17 studied cards on that day, and the cards not started with the days they need.
		const total = index.decks.reduce((n, d) => n + d.cardIds.length, 0);
		const notStarted = total - 17;
		const overall = Number((await page.getByTestId('overall').innerText()).replace('%', ''));
		expect(overall).toBeGreaterThan(0);
		expect(overall).toBeLessThan(100);
		await expect(page.getByTestId('unstudied')).toHaveText(notStarted.toLocaleString('en'));
		await expect(page.getByTestId('start-line')).toContainText(
			`${notStarted.toLocaleString('en')} cards not started: ${Math.ceil(notStarted / perDay)} days at ${perDay} new a day.`
		);

		// Every section: recall of studied cards, lower a year on than today; untouched sections have none.
		await expect(page.locator('tr[data-section] [data-testid="then"]')).toHaveCount(31);
		expect(await pct(page, 'http', 'now')).toBeGreaterThan(0);
		expect(await pct(page, 'http', 'then')).toBeLessThan(await pct(page, 'http', 'now'));
		for (const id of ['rest', 'scalability']) {
			await expect(page.locator(`tr[data-section="${id}"] [data-testid="then"]`)).toHaveText('—');
			await expect(page.locator(`tr[data-section="${id}"]`)).toContainText('0 of');
		}

		// HTTP, 3 of 55 introduced, is not ranked among the weakest: it is listed apart, to learn.
		const weakest = page.getByTestId('weakest');
		await expect(weakest).toContainText(/How the internet works: \d+%/);
		await expect(weakest.locator('li[data-section="http"]')).toHaveCount(0);
		const low = page.getByTestId('low-coverage').locator('li[data-section="http"]');
		await expect(low).toContainText('3 of 55 introduced');
		const learn = low.getByRole('link', { name: /^Learn \d+ new from this section$/ });
		await expect(learn).toBeVisible();
		await expect(page.getByText('29 sections are not started yet')).toBeVisible();
		await accessibleInBothThemes(page);

		// The date is kept on the device.
		await page.reload();
		await expect(page.getByLabel('Your date')).toHaveValue('2027-11-20');

		// The review names its one section and holds only its cards: not HTTP's, weaker as they are over all cards.
		const start3 = page.getByRole('link', { name: 'Review the weakest cards (3)' });
		await expect(start3).toHaveAttribute('data-sections', 'internet');
		await expect(page.getByTestId('target-line')).toContainText('Cards of How the internet works only');
		// Started from the keyboard.
		await start3.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/readiness\/review\?date=2027-11-20&sections=internet$/);

		const card = page.locator('article[data-card-id]');
		await expect(card).toBeVisible();
		await expect(page.getByTestId('left-review')).toHaveText('3');
		const seen: string[] = [];
		const first = await currentCardId(page);
		seen.push(first);
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

		seen.push(await answerCard(page, 'Good'));
		seen.push(await answerCard(page, 'Good'));
		await expect(page.getByRole('heading', { name: 'Targeted review complete' })).toBeVisible();
		await expect(page.getByTestId('summary-cards')).toHaveText('3');
		// The cards of the section it named, the three not answered today, and none of HTTP's.
		expect([...seen].sort()).toEqual([...old].sort());
		for (const id of seen) {
			expect(internet).toContain(id);
			expect(http).not.toContain(id);
		}
		await accessibleInBothThemes(page);
		await page.getByRole('link', { name: 'Back to readiness' }).click();
		await expect(page).toHaveURL(/\/readiness$/);
		// Answered today: nothing more to review before tomorrow.
		await expect(page.getByText('Every card of these sections was answered today')).toBeVisible();

		// "Learn N new" opens HTTP's quiz with N of its new cards, today's limit or not.
		const n = Number((await learn.innerText()).match(/\d+/)![0]);
		await learn.click();
		await expect(page).toHaveURL(/\/sections\/http\/quiz$/);
		await expect(card).toBeVisible();
		await expect(page.getByTestId('left-new')).toHaveText(String(n));
		expect(await currentCardId(page)).toMatch(/^http-/);
	}
);

test('readiness fits a 360 px phone after weeks of study, with big targets, in both themes', only('phone', 'a phone layout'), async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/settings');
	const index = await deckIndex(page);
	// A simulated learner's month, through a backup, as the tester had (scripts/history.js).
	const { file } = simulateHistory(
		index.decks.flatMap((d) => d.cardIds),
		{ days: 30 }
	);
	await importFile(page, 'history.json.gz', file);
	await expect(page.getByTestId('import-message')).toContainText('answers added', { timeout: 60_000 });
	// One card of a late section, so a barely started one is listed with its action.
	await page.goto('/sections/scalability/quiz');
	await answerCard(page, 'Easy');

	await page.goto('/readiness');
	const review = page.getByRole('link', { name: /^Review the weakest cards \(\d+\)$/ });
	await expect(review).toBeVisible();
	const learn = page.getByTestId('low-coverage').getByRole('link', { name: /^Learn \d+ new from this section$/ });
	await expect(learn).toBeVisible();
	for (const width of [360, 320]) {
		await page.setViewportSize({ width, height: 640 });
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
		expect(scrollWidth, `the page at ${width} px`).toBeLessThanOrEqual(Math.min(innerWidth, width));
	}
	await page.setViewportSize({ width: 360, height: 640 });
	const links = page.getByTestId('weakest').getByRole('link');
	for (const target of [page.getByLabel('Your date'), review, learn, ...(await links.all())])
		expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(44);
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
