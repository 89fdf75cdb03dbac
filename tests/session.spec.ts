import { type Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { openCardOfKind } from './cards';
import { answerCard, changeSettings, countRecords, currentCardId, expectAccessible, finishSession, giveAnswer, storedData } from './helpers';

/** Whether any part of the element's box is hidden by something drawn over it (the rating bar, say). */
async function coveredPoints(page: Page, selector: string): Promise<string[]> {
	return page.evaluate((sel) => {
		const el = document.querySelector(sel);
		if (!el) return ['missing'];
		const r = el.getBoundingClientRect();
		const out: string[] = [];
		for (const fy of [0.1, 0.5, 0.9])
			for (const fx of [0.1, 0.5, 0.9]) {
				const x = r.left + r.width * fx;
				const y = r.top + r.height * fy;
				if (y < 0 || y > innerHeight) {
					out.push(`(${Math.round(x)}, ${Math.round(y)}) off screen`);
					continue;
				}
				const hit = document.elementFromPoint(x, y);
				if (!hit || !el.contains(hit)) out.push(`(${Math.round(x)}, ${Math.round(y)}) under ${hit?.tagName.toLowerCase()}.${hit?.className}`);
			}
		return out;
	}, selector);
}

test(
	'on a phone, an auto-graded answer shows its verdict and explanation above the rating bar, never under it',
	only('phone', 'a phone journey'),
	async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 640 });
		await openCardOfKind(page, 'order');
		// A wrong order: the longest feedback, with the right order shown too.
		while ((await page.locator('[data-option]').count()) > 0) await page.locator('[data-option]').last().click();
		await page.getByRole('button', { name: 'Check answer' }).click();
		const verdict = page.getByTestId('verdict');
		await expect(verdict).toBeVisible();
		expect(await coveredPoints(page, '[data-testid="verdict"]')).toEqual([]);
		// Scroll the card to the explanation: it is in full view, not under the bar.
		await page.locator('.explanation').scrollIntoViewIfNeeded();
		expect(await coveredPoints(page, '.explanation')).toEqual([]);
		const bar = await page.getByRole('group', { name: 'How well did you recall it?' }).boundingBox();
		const why = await page.locator('.explanation').boundingBox();
		expect(why!.y + why!.height).toBeLessThanOrEqual(bar!.y);
		// The bar takes no more than the ratings need.
		const actions = await page.locator('.actions').boundingBox();
		expect(actions!.height).toBeLessThan(bar!.height + 32);
		await expectAccessible(page);
	}
);

test('the review page fits the screen exactly at 360 and 320 px: only the card scrolls', only('phone', 'a phone journey'), async ({ page }) => {
	for (const width of [360, 320]) {
		await page.setViewportSize({ width, height: 740 });
		await page.goto('/review');
		await page.getByRole('button', { name: 'Show answer' }).or(page.locator('[data-option]').first()).or(page.getByLabel('Your answer')).first().waitFor();
		const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
		expect(size).toEqual({ h: 740, w: width });
	}
});

test('undo survives a reload, and the session counts carry on', only('phone', 'the daily review is the phone journey: once'), async ({ page }) => {
	await page.goto('/review');
	const first = await answerCard(page, 'Good');
	const second = await answerCard(page, 'Again');
	await expect(page.getByTestId('left-new')).toHaveText('18');
	await page.reload();
	await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '2');
	await expect(page.getByTestId('left-new')).toHaveText('18');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', second);
	await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '1');
	expect(await countRecords(page, 'reviews')).toBe(1);
	// Again after another reload: the history is kept for the day, step by step.
	await page.reload();
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', second);
	await page.keyboard.press('Control+z');
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', first);
	expect(await countRecords(page, 'reviews')).toBe(0);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('bury sits behind More on a phone, and a snackbar names the card and undoes it', only('phone', 'a phone journey'), async ({ page }) => {
	await page.goto('/review');
	const id = await currentCardId(page);
	const prompt = (await page.locator('#prompt').innerText()).trim();
	await expect(page.getByRole('button', { name: 'Bury', exact: true })).toBeHidden();
	await page.getByRole('button', { name: 'More' }).click();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	const snack = page.locator('.snack');
	await expect(snack).toContainText(`Buried “${prompt.slice(0, 40)}`);
	await expect(snack).toContainText('until tomorrow');
	await expect(page.locator('article[data-card-id]')).not.toHaveAttribute('data-card-id', id);
	await expectAccessible(page);
	await snack.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', id);
	await expect(snack).toHaveCount(0);
	expect(await countRecords(page, 'marks')).toBe(0);
});

test(
	'the snackbar lies over the session bar, clear of the card and the rating buttons, and goes by itself unless held',
	only('phone', 'where it covered the card: a 360 px phone'),
	async ({ page }) => {
		await page.clock.install();
		await page.goto('/review');
		const card = page.locator('article[data-card-id]');
		await giveAnswer(page, await card.getAttribute('data-kind'));
		const ratings = page.getByRole('group', { name: 'How well did you recall it?' });
		await expect(ratings).toBeVisible();
		const flag = page.getByRole('button', { name: 'Flag', exact: true });
		await flag.click();
		const snack = page.locator('.snack');
		await expect(snack).toContainText('Flagged “');
		const s = (await snack.boundingBox())!;
		for (const other of [ratings, page.getByRole('region', { name: 'Card' })]) {
			const o = (await other.boundingBox())!;
			const apart = s.x + s.width <= o.x || o.x + o.width <= s.x || s.y + s.height <= o.y || o.y + o.height <= s.y;
			expect(apart, `the snackbar at y ${s.y}–${s.y + s.height} over something at y ${o.y}–${o.y + o.height}`).toBe(true);
		}

		// Held while the focus is on it (a keyboard user on their way to Undo)…
		await page.mouse.move(180, 600);
		await snack.getByRole('button', { name: 'Undo' }).focus();
		await page.clock.fastForward(20_000);
		await expect(snack).toBeVisible();
		// …and gone a few seconds after the focus leaves; the flag stays.
		await ratings.getByRole('button').first().focus();
		await page.clock.fastForward(10_000);
		await expect(snack).toHaveCount(0);
		await expect(flag).toHaveAttribute('aria-pressed', 'true');

		// The close button takes it away at once.
		await flag.click();
		await expect(snack).toContainText('Removed the flag from “');
		await snack.getByRole('button', { name: 'Dismiss' }).click();
		await expect(snack).toHaveCount(0);
		await expect(flag).toHaveAttribute('aria-pressed', 'false');
	}
);

test(
	'bury and suspend in practice skip the card for the round and leave the schedule alone',
	only('desktop', 'practice runs on the laptop: once'),
	async ({ page }) => {
		// A card with a schedule first, so there is something to leave alone.
		await page.goto('/sections/rest/quiz');
		await answerCard(page, 'Good');
		const before = await storedData(page);
		await page.goto('/sections/rest/practice?n=3');
		const first = await currentCardId(page);
		// A typed card (drawn at random) has the answer field focused: Esc leaves it, so the keys are shortcuts.
		const settled = () => page.waitForFunction(() => document.activeElement?.matches('#prompt, [data-typed]') ?? false);
		await settled();
		await page.keyboard.press('Escape');
		await page.keyboard.press('b');
		await expect(page.locator('.snack')).toContainText('in this round. Its schedule is unchanged.');
		await expect(page.locator('article[data-card-id]')).not.toHaveAttribute('data-card-id', first);
		const second = await currentCardId(page);
		await settled();
		await page.keyboard.press('Escape');
		await page.keyboard.press('s');
		await expect(page.locator('article[data-card-id]')).not.toHaveAttribute('data-card-id', second);
		const after = await storedData(page);
		expect(after.marks).toEqual(before.marks);
		expect(after.cards).toEqual(before.cards);
		expect(after.reviews).toEqual(before.reviews);
		// The round ends with one card answered; the end leads back to the section and offers another round.
		await finishSession(page, 'Good');
		await expect(page.getByRole('heading', { name: 'Practice complete' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Back to REST' })).toBeVisible();
		await page.getByRole('button', { name: 'Practice another 3' }).click();
		await expect(page.locator('article[data-card-id]')).toBeVisible();
		await expect(page.getByTestId('session-counts')).toContainText('3 left');
	}
);

test(
	'typed answers from the keyboard: Esc leaves the field, Ctrl+Z undoes from it, Enter on empty means "I don\'t know"',
	only('desktop', 'a keyboard journey'),
	async ({ page }) => {
		await openCardOfKind(page, 'typed');
		const field = page.getByLabel('Your answer');
		await expect(field).toBeFocused();
		const answered = Number(await page.locator('[data-answers]').getAttribute('data-answers'));
		// Esc leaves the field; then the shortcuts work (F flags).
		await page.keyboard.type('x');
		await page.keyboard.press('Escape');
		await expect(field).not.toBeFocused();
		await page.keyboard.press('f');
		await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toBeVisible();
		// Back in the field, Ctrl+Z still undoes (the flag), not the typing.
		await field.focus();
		await page.keyboard.press('Control+z');
		await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: false })).toBeVisible();
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', String(answered));
		// Enter with nothing typed: the answer shows, and Again is suggested.
		await field.fill('');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('verdict')).toHaveText('No answer given: here it is.');
		await expect(page.getByText('Expected:')).toBeVisible();
		await expect(page.getByRole('button', { name: /^Again .*\(suggested\)/ })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', String(answered + 1));
	}
);

test(
	'a section quiz past the daily limit: the section page says so and learns N more from that section only',
	only('desktop', 'quizzing a section: once, on the laptop'),
	async ({ page }) => {
		await changeSettings(page, { 'New cards per day': '2' });
		await page.goto('/review');
		await answerCard(page, 'Good');
		await answerCard(page, 'Good');
		await page.goto('/sections/http');
		await expect(page.getByTestId('section-new')).toHaveText('0');
		await expect(page.getByTestId('limit-note')).toContainText("You have learned today's 2 new cards");
		// The quiz never opens empty without saying why, and offers the way on.
		await page.getByRole('link', { name: 'Quiz this section' }).click();
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		await expect(page.getByTestId('empty-reason')).toContainText("today's 2 new cards are used");
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Back to HTTP' }).click();
		// The end screen has a "Learn 10 more" button too: click the section page's, once it is there.
		await expect(page).toHaveURL(/\/sections\/http$/);
		await expect(page.getByTestId('limit-note')).toBeVisible();
		await page.getByRole('button', { name: 'Learn 10 more from this section' }).click();
		await expect(page).toHaveURL(/\/sections\/http\/quiz$/);
		await expect(page.getByTestId('left-new')).toHaveText('10');
		const id = await answerCard(page, 'Good');
		expect(id.startsWith('http-')).toBe(true);
		// Only this section: the daily review and other sections have no more new cards today.
		await page.goto('/');
		await expect(page.getByTestId('new-count')).toHaveText('0');
		await page.goto('/sections/rest');
		await expect(page.getByTestId('section-new')).toHaveText('0');
	}
);

test(
	'the daily session ends with what to do next: more new cards from the next section, today’s misses, review ahead',
	only('desktop', 'the same links at any size: once'),
	async ({ page }) => {
		test.setTimeout(120_000);
		await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
		await changeSettings(page, { 'New cards per day': '3' });
		await page.goto('/review');
		const missed = await answerCard(page, 'Again');
		await finishSession(page, 'Good');
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		// The first section of the roadmap still has cards never studied: it is the next one, named.
		await expect(page.getByRole('link', { name: /^Learn 10 new cards from \S/ })).toBeVisible();
		await expect(page.getByRole('link', { name: "Practise today's misses: 1 card" })).toBeVisible();
		// The three cards graduated with intervals of a few days: due soon, so they can be reviewed ahead.
		const ahead = page.getByRole('link', { name: /^Review ahead: \d+ cards? due soon$/ });
		await expect(ahead).toBeVisible();
		const offered = Number((await ahead.textContent())?.match(/\d+/)?.[0]);
		expect(offered).toBeGreaterThan(0);
		await expect(page.getByRole('link', { name: 'Back to today' })).toBeVisible();
		await expectAccessible(page);

		// Today's misses: the card rated Again, practised; the schedule stays as it is.
		const before = await storedData(page, ['cards']);
		await page.getByRole('link', { name: /^Practise today's misses/ }).click();
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', missed);
		await answerCard(page, 'Good');
		await expect(page.getByRole('heading', { name: 'Practice complete' })).toBeVisible();
		expect(await storedData(page, ['cards'])).toEqual(before);
		expect(await countRecords(page, 'practice')).toBe(1);

		// Review ahead: the cards offered, as ordinary reviews answered early.
		await page.goto('/review');
		const reviews = await countRecords(page, 'reviews');
		await page.getByRole('link', { name: /^Review ahead/ }).click();
		await expect(page.getByTestId('left-review')).toHaveText(String(offered));
		for (let i = 0; i < offered; i++) await answerCard(page, 'Good');
		await expect(page.getByRole('heading', { name: 'Review ahead complete' })).toBeVisible();
		expect(await countRecords(page, 'reviews')).toBe(reviews + offered);

		// Learn 10 more: the section's quiz, with ten new cards allowed beyond today's limit.
		await page.goto('/review');
		await page.getByRole('link', { name: /^Learn 10 new cards from/ }).click();
		await expect(page).toHaveURL(/\/sections\/[^/]+\/quiz$/);
		await expect(page.getByTestId('left-new')).toHaveText('10');
		// A reload does not allow ten more again.
		await page.reload();
		await expect(page.getByTestId('left-new')).toHaveText('10');
	}
);

test(
	'today’s answers read the same at the session’s end, on its summary reopened and on Stats, after an undo and a reload',
	only('desktop', 'counts, not layout: once'),
	async ({ page }) => {
		await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
		await changeSettings(page, { 'New cards per day': '3' });
		await page.goto('/review');
		await answerCard(page, 'Good');
		await answerCard(page, 'Again');
		await answerCard(page, 'Good');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '2');
		await page.reload();
		await finishSession(page, 'Good');
		const atEnd = await page.getByTestId('summary-answered').textContent();
		expect(Number(atEnd)).toBe(await countRecords(page, 'reviews'));
		await expect(page.getByTestId('summary-line')).toHaveText(`Today: ${atEnd} answers, 3 new cards`);
		// Home at zero has no Start review; the summary is still at /review.
		await page.goto('/');
		await expect(page.getByTestId('done-today')).toBeVisible();
		await page.goto('/review');
		await expect(page.getByTestId('summary-answered')).toHaveText(atEnd!);
		await page.goto('/stats');
		await expect(page.getByTestId('stats-today')).toHaveText(atEnd!);
	}
);
