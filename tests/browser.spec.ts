// The card browser at /cards: search, filters and sort, a card's detail and
// history, and its undoable actions. The journeys run on the laptop; the
// phone gets one short check of its layout.
import type { Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { answerCard, countRecords, expectAccessible, storedStates } from './helpers';

const count = (page: Page) => page.getByTestId('card-count');
const list = (page: Page) => page.getByRole('list', { name: 'Cards' });
const items = (page: Page) => list(page).getByRole('listitem');
const ids = (page: Page) => items(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')));
const detail = (page: Page) => page.getByRole('region', { name: /./ }).filter({ has: page.getByRole('heading', { name: 'Answer history' }) });

/** Answers two new cards through /review: the first Easy (review), the second Again (learning). */
async function answerTwo(page: Page): Promise<{ easy: string; again: string }> {
	await page.goto('/review');
	const easy = await answerCard(page, 'Easy');
	const again = await answerCard(page, 'Again');
	return { easy, again };
}

test(
	'search, filters and sort show the right cards, and the URL keeps them',
	only('desktop', 'a laptop journey; the phone has its own check below'),
	async ({ page }) => {
		await page.clock.install();
		const { easy, again } = await answerTwo(page);
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		const total = index.decks.reduce((n, d) => n + d.cardIds.length, 0);
		const http = index.decks.find((d) => d.id === 'http')!;

		await page.goto('/cards');
		await expect(count(page)).toHaveText(`${total} cards`);
		// One page of cards is rendered at first, then more on request.
		await expect(items(page)).toHaveCount(50);
		await page.getByRole('button', { name: /^Show 50 more/ }).click();
		await expect(items(page)).toHaveCount(100);

		// Search by card id, then by prompt words.
		await page.getByLabel('Search').fill(http.cardIds[0]!);
		await expect(count(page)).toHaveText('1 card');
		await expect(page).toHaveURL(new RegExp(`[?&]q=${http.cardIds[0]}`));
		await expect.poll(() => ids(page)).toEqual([http.cardIds[0]]);
		await page.getByLabel('Search').fill('idempotent');
		await expect(count(page)).not.toHaveText('1 card');
		const found = await items(page).evaluateAll((els) => els.map((e) => `${(e as HTMLElement).innerText} ${e.getAttribute('data-card-id')}`.toLowerCase()));
		expect(found.length).toBeGreaterThan(1);
		for (const text of found) expect(text).toContain('idempotent');

		// A section filter shows that section's cards in roadmap order.
		await page.getByRole('button', { name: 'Clear filters' }).click();
		await expect(count(page)).toHaveText(`${total} cards`);
		await page.getByLabel('Section').selectOption('http');
		await expect(count(page)).toHaveText(`${http.cardIds.length} cards`);
		// The first 50 of them, then the rest on request.
		await expect.poll(() => ids(page)).toEqual(http.cardIds.slice(0, 50));
		if (http.cardIds.length > 50) {
			await page.getByRole('button', { name: /^Show \d+ more/ }).click();
			await expect.poll(() => ids(page)).toEqual(http.cardIds);
		}

		// State filters, and the reload keeps them.
		await page.getByLabel('Section').selectOption('');
		await page.getByLabel('State').selectOption('review');
		await expect(count(page)).toHaveText('1 card');
		await expect.poll(() => ids(page)).toEqual([easy]);
		await page.getByLabel('State').selectOption('learning');
		await expect(count(page)).toHaveText('1 card');
		await expect.poll(() => ids(page)).toEqual([again]);
		await page.reload();
		await expect(page.getByLabel('State')).toHaveValue('learning');
		await expect.poll(() => ids(page)).toEqual([again]);
		await page.getByLabel('State').selectOption('');
		await page.getByLabel('Due').selectOption('today');
		await expect.poll(() => ids(page)).toEqual([again]);

		// Sort by due date: the learning card (minutes) before the review card (days), new cards after.
		await page.getByLabel('Due').selectOption('');
		await page.getByLabel('Sort by').selectOption('due');
		await expect(count(page)).toHaveText(`${total} cards`);
		await expect.poll(async () => (await ids(page)).slice(0, 2)).toEqual([again, easy]);
		await page.getByLabel('Sort by').selectOption('stability');
		await expect.poll(async () => (await ids(page)).slice(0, 2)).toEqual([again, easy]);
		await page.getByLabel('Sort by').selectOption('answered');
		await expect.poll(async () => (await ids(page)).slice(0, 2)).toEqual([again, easy]);

		// Back goes to the previous filters.
		await page.goBack();
		await expect(page.getByLabel('Sort by')).toHaveValue('stability');
		await page.goBack();
		await expect(page.getByLabel('Sort by')).toHaveValue('due');
		await page.goBack();
		await expect(page.getByLabel('Sort by')).toHaveValue('roadmap');
		await page.goBack();
		await expect(page.getByLabel('Due')).toHaveValue('today');
		await expect.poll(() => ids(page)).toEqual([again]);

		// On a laptop the list is a table: column headings, and each card's figures in a row.
		await page.getByLabel('Due').selectOption('');
		await expect(page.getByText('Difficulty', { exact: true })).toBeVisible();
		await expect(list(page).locator(`li[data-card-id="${easy}"]`)).toContainText(/Recall now: 100%|Recall now: 99%/);

		// Two days on, the card forgotten at once is fading; the one answered Easy is not: recall below 95% finds only it.
		await page.clock.fastForward(2 * 86_400_000);
		await page.reload();
		await page.getByLabel('Recall now').selectOption('95');
		await expect(count(page)).toHaveText('1 card');
		await expect.poll(() => ids(page)).toEqual([again]);
		await page.getByLabel('Recall now').selectOption('50');
		await expect(page).toHaveURL(/[?&]below=50/);
	}
);

test(
	'a card answered in /review shows its history; suspend, forget and undo (button and Ctrl+Z)',
	only('desktop', 'a laptop journey; the phone has its own check below'),
	async ({ page, context }) => {
		const { easy } = await answerTwo(page);
		await page.goto('/cards?state=review');
		await items(page).getByRole('link').first().click();
		await expect(page).toHaveURL(new RegExp(`card=${easy}`));
		const card = detail(page);
		await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
		await expect(card.getByTestId('detail-state')).toHaveText('Review');
		// The explanation comes from the card's deck, loaded when the card is opened (the list holds prompts and answers only).
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		const deckId = index.decks.find((d) => d.cardIds.includes(easy))?.id ?? '';
		const deck = (await (await page.request.get(`/decks/${deckId}.json`)).json()) as { cards: { id: string; explanation: string }[] };
		const why = deck.cards.find((c) => c.id === easy)?.explanation ?? '';
		expect(why).not.toBe('');
		await expect(card.getByRole('heading', { name: 'Why', level: 3 })).toBeVisible();
		await expect(card).toContainText(why.replaceAll('`', '').slice(0, 40));
		const history = card.getByRole('table', { name: 'Answer history' });
		await expect(history.getByRole('row')).toHaveCount(2);
		await expect(history.getByRole('row').nth(1)).toContainText('Easy');
		await expect(history.getByRole('row').nth(1)).toContainText(/\d+d/);

		// Suspend, then Ctrl+Z with the focus on the button.
		await card.getByRole('button', { name: 'Suspend' }).click();
		await expect(page.getByRole('status')).toHaveText('Card suspended: it stays out of your reviews.');
		await expect(card.getByTestId('detail-state')).toHaveText('Review, suspended');
		expect(await countRecords(page, 'marks')).toBe(1);
		await expect(card.getByRole('button', { name: 'Unsuspend' })).toBeFocused();
		await page.keyboard.press('Control+z');
		// The undo says which action, on which card.
		await expect(page.getByRole('status')).toHaveText(/^Undid Suspend on “.+”\.$/);
		await expect(card.getByTestId('detail-state')).toHaveText('Review');
		expect(await countRecords(page, 'marks')).toBe(0);

		// Forget: the card is new again, as its section counts it (seen from another tab), with a forget in its history.
		const section = easy.split('-')[0]!;
		const other = await context.newPage();
		await other.goto(`/sections/${section}`);
		await expect(other.getByTestId('section-unstarted')).not.toHaveText('…');
		const unstarted = Number(await other.getByTestId('section-unstarted').textContent());
		const before = (await storedStates(page))[easy];
		await card.getByRole('button', { name: 'Forget' }).click();
		await expect(page.getByRole('status')).toHaveText('Card forgotten: it is new again.');
		await expect(card.getByTestId('detail-state')).toHaveText('New');
		await expect(history.getByRole('row')).toHaveCount(3);
		await expect(history.getByRole('row').nth(1)).toContainText('Forget (reset to new)');
		await expect(card.getByRole('button', { name: 'Forget' })).toHaveAttribute('aria-disabled', 'true');
		expect(await countRecords(page, 'reviews')).toBe(3);
		expect(await countRecords(page, 'cards')).toBe(2);
		await other.reload();
		await expect(other.getByTestId('section-unstarted')).toHaveText(String(unstarted + 1));

		// Undo: the exact earlier state, and the forget's record is gone.
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(page.getByRole('status')).toHaveText(/^Undid Forget on “.+”\.$/);
		await expect(card.getByTestId('detail-state')).toHaveText('Review');
		await expect(history.getByRole('row')).toHaveCount(2);
		expect(await countRecords(page, 'reviews')).toBe(2);
		expect((await storedStates(page))[easy]).toEqual(before);
		await other.reload();
		await expect(other.getByTestId('section-unstarted')).toHaveText(String(unstarted));
		await other.close();
	}
);

test(
	'no accessibility violation in light and dark, list and detail',
	only('desktop', 'a laptop journey; the phone has its own check below'),
	async ({ page }) => {
		const { easy } = await answerTwo(page);
		await page.goto('/cards?mark=flagged');
		await expect(page.getByText('No card matches.')).toBeVisible();
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(`/cards?card=${easy}`);
			await expect(detail(page).getByRole('table', { name: 'Answer history' })).toBeVisible();
			await detail(page).getByRole('button', { name: 'Flag' }).click();
			await expect(page.getByRole('status')).toHaveText('Card flagged.');
			await expectAccessible(page);
			await page.getByRole('button', { name: 'Undo' }).click();
			await expect(page.getByRole('status')).toHaveText(/^Undid Flag on “.+”\.$/);
		}
	}
);

test('on a phone: the list or one card, big targets, no violation in light and dark', only('phone', 'the phone layout'), async ({ page }) => {
	const { easy } = await answerTwo(page);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/cards?state=review');
		await expect(count(page)).toHaveText('1 card');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		// The list once; the card in both themes.
		if (scheme === 'light') await expectAccessible(page);
		await items(page).getByRole('link').first().click();
		await expect(list(page)).toBeHidden();
		await expect(detail(page).getByRole('table', { name: 'Answer history' })).toBeVisible();
		await expectAccessible(page);
		for (const b of await detail(page).getByRole('button').all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await detail(page).getByRole('link', { name: 'Back to the list' }).click();
		await expect(list(page).locator(`li[data-card-id="${easy}"] a`)).toBeFocused();
	}
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test(
	'on a phone the cards come first, each with its section and when it is due; the filters fold behind one button',
	only('phone', 'the phone showed its filters, not its cards'),
	async ({ page }) => {
		const { easy, again } = await answerTwo(page);
		const preview = (await (await page.request.get('/decks/preview.json')).json()) as { sections: { id: string; title: string }[] };
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		// A row names its section by the title's short name, before the colon.
		const sectionOf = (id: string) =>
			preview.sections
				.find((s) => s.id === index.decks.find((d) => d.cardIds.includes(id))?.id)!
				.title.split(':')[0]!
				.trim();

		await page.goto('/cards');
		await expect(count(page)).not.toHaveText('Reading your cards…');
		// The first card is on the first screen, whole.
		const box = (await items(page).first().boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(640);
		const filters = page.getByRole('button', { name: /^Filters/ });
		await expect(filters).toHaveAccessibleName('Filters');
		await expect(filters).toHaveAttribute('aria-expanded', 'false');
		await expect(page.getByLabel('Section')).toBeHidden();

		// Each row says its section and when it is due, in days; a card never studied is new.
		const meta = (id: string) => list(page).locator(`li[data-card-id="${id}"]`).getByTestId('row-meta');
		await expect(meta(again)).toHaveText(`${sectionOf(again)} · due today`);
		const escaped = sectionOf(easy).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		await expect(meta(easy)).toHaveText(new RegExp(`^${escaped}\\s·\\sdue in \\d+ days$`));
		const unseen = list(page).locator(`li:not([data-card-id="${easy}"]):not([data-card-id="${again}"])`).first();
		await expect(unseen.getByTestId('row-meta')).toHaveText(/\s·\snew$/);

		// The filters open on request, and the button counts those in use once closed.
		await filters.click();
		await expect(filters).toHaveAttribute('aria-expanded', 'true');
		await page.getByLabel('State').selectOption('review');
		await expect(count(page)).toHaveText('1 card');
		await filters.click();
		await expect(page.getByLabel('State')).toBeHidden();
		await expect(filters).toHaveAccessibleName('Filters 1 active');
		await expect(filters).toHaveAttribute('aria-expanded', 'false');
		await expect.poll(() => ids(page)).toEqual([easy]);
	}
);
