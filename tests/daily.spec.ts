import { type Page } from '@playwright/test';
import { expect, only, test } from './fixtures';
import { answerCard, changeSettings, currentCardId, expectAccessible, finishSession } from './helpers';

/** Fails if the page scrolls sideways or a visible control is smaller than 44×44 px. */
async function expectPhoneFriendly(page: Page): Promise<void> {
	const { scrollWidth, width, small } = await page.evaluate(() => {
		const controls = [...document.querySelectorAll<HTMLElement>('button, a.btn, nav a, input, label.option, [role="button"]')];
		const small = controls
			.filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(
				({ el, r }) => r.width > 0 && (r.width < 44 || r.height < 44) && !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
			)
			.map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
		return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, small };
	});
	expect(scrollWidth).toBeLessThanOrEqual(width);
	expect(small).toEqual([]);
}

test(
	'a first day of 20 new cards with the default steps runs to its end with no waiting screen',
	only('phone', 'the daily journey is a phone one; the queue is the same on a laptop'),
	async ({ page }) => {
		test.setTimeout(120_000);
		await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
		await page.goto('/');
		await expect(page.getByTestId('due-count')).toHaveText('20');
		await page.getByRole('link', { name: 'Start review' }).click();
		// Three labelled counts, as in Anki.
		await expect(page.getByTestId('left-new')).toHaveText('20');
		await expect(page.getByTestId('left-learning')).toHaveText('0');
		await expect(page.getByTestId('left-review')).toHaveText('0');
		const progress = page.getByRole('progressbar', { name: 'Session progress' });
		const waiting = page.getByRole('heading', { name: /^Next card in/ });
		let last = 0;
		const ids = await finishSession(page, 'Good', async () => {
			await expect(waiting).toHaveCount(0);
			// The bar never moves backwards, and is not full before the end.
			const now = Number(await progress.getAttribute('aria-valuenow'));
			expect(now).toBeGreaterThanOrEqual(last);
			expect(now).toBeLessThan(100);
			last = now;
		});
		// Each new card twice: once new, once at its 10-minute step, learned ahead.
		expect(ids).toHaveLength(40);
		expect(new Set(ids).size).toBe(20);
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		await expect(progress).toHaveAttribute('aria-valuenow', '100');
		await expect(page.getByTestId('summary-line')).toHaveText('Today: 40 answers, 20 new cards');
		await expect(page.getByTestId('next-due')).toHaveText(/^Next card due in \d+ days?(; \d+ reviews? due tomorrow)?\.$/);
		await expectAccessible(page);
		await expectPhoneFriendly(page);
	}
);

test(
	'with learn ahead off, a step beyond the limit waits, says when, and comes back by itself',
	only('desktop', 'the queue is the same at any size: once'),
	async ({ page }) => {
		await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
		await changeSettings(page, { 'New cards per day': '3', 'Learn ahead limit (minutes)': '0' });
		await page.goto('/');
		await expect(page.getByTestId('due-count')).toHaveText('3');
		await expectPhoneFriendly(page);
		await page.getByRole('link', { name: 'Start review' }).click();

		// The first card: a flashcard in the internet deck. The answer appears without moving the question.
		await expect(page.locator('article[data-card-id]')).toBeVisible();
		await expectPhoneFriendly(page);
		const prompt = page.locator('#prompt');
		const before = await prompt.boundingBox();
		const first = await currentCardId(page);
		await page.getByRole('button', { name: 'Show answer' }).click();
		expect(await prompt.boundingBox()).toEqual(before);
		// Rating buttons sit at the bottom, within thumb reach.
		const again = await page.getByRole('button', { name: /^Again/ }).boundingBox();
		const height = page.viewportSize()?.height ?? 0;
		expect((again?.y ?? 0) + (again?.height ?? 0)).toBeGreaterThan(height * 0.8);
		await expectPhoneFriendly(page);
		await page.getByRole('button', { name: /^Again/ }).click();
		await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', '1');

		await answerCard(page, 'Good');
		await answerCard(page, 'Good');

		// Nothing else is due: the screen says when the next step comes, and shows it then.
		await expect(page.getByRole('heading', { name: 'Next card in 1 minute' })).toBeVisible();
		await page.clock.fastForward('01:05');
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', first);
		await answerCard(page, 'Good');

		await expect(page.getByRole('heading', { name: /^Next card in/ })).toBeVisible();
		await page.clock.fastForward('10:05');
		// All three come back for their last learning step, then graduate.
		for (let i = 0; i < 3; i++) await answerCard(page, 'Good');

		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		await expect(page.getByTestId('summary-line')).toHaveText('Today: 7 answers, 3 new cards');
		await expect(page.getByTestId('summary-accuracy')).toHaveText('86%');
		await expect(page.getByTestId('summary-streak')).toHaveText('1 day');
		await expect(page.getByText(/reviews? due tomorrow|Next card due in/)).toBeVisible();
		await expectAccessible(page);
		await expectPhoneFriendly(page);
		await page.getByRole('link', { name: 'Back to today' }).click();
		await expect(page.getByTestId('due-count')).toHaveText('0');
	}
);

test('a leech is suspended with a notice', only('phone', 'the daily review is the phone journey: once'), async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
	await changeSettings(page, { 'New cards per day': '1', 'Leech after this many lapses': '1' });
	await page.goto('/review');
	const id = await answerCard(page, 'Good');
	await page.clock.fastForward('10:05');
	await answerCard(page, 'Good');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();

	// Days later the card is due as a review, and forgotten.
	await page.clock.fastForward(10 * 24 * 3_600_000);
	await page.goto('/review');
	await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', id);
	await answerCard(page, 'Again');
	await expect(page.getByRole('status').filter({ hasText: 'it is a leech, and now suspended' })).toBeVisible();
	await page.goto('/cards?mark=suspended');
	await expect(page.getByRole('list', { name: 'Cards' }).locator(`li[data-card-id="${id}"] [data-tag="leech"]`)).toBeVisible();
});
