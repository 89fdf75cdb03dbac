import { expect, test } from './fixtures';
import { openCardOfKind, shown } from './cards';

test('a whole review by keyboard: Space reveals, 1–4 rate, Enter accepts the suggestion', async ({ page }) => {
	await page.goto('/review');
	const progress = page.locator('[data-answers]');
	const ratings = page.getByRole('group', { name: 'How well did you recall it?' });
	const card = page.locator('article[data-card-id]');
	const kinds = new Set<string>();
	for (let n = 1; n <= 8; n++) {
		await expect(card).toBeVisible();
		await expect(ratings).toBeHidden();
		const kind = (await card.getAttribute('data-kind')) ?? '';
		kinds.add(kind);
		// Focus comes to each new card (once it is painted): to its answer field, or to its prompt for a screen reader to read.
		await expect(kind === 'typed' ? page.getByLabel('Your answer') : card.locator('#prompt')).toBeFocused();
		if (kind === 'flashcard') {
			await page.keyboard.press('Space');
			await expect(ratings).toBeVisible();
			await page.keyboard.press(String((n % 4) + 1));
		} else {
			if (kind === 'typed') await page.keyboard.type('a guess');
			else if (kind === 'order') while ((await page.locator('[data-option]').count()) > 0) await page.keyboard.press('1');
			else await page.keyboard.press('1');
			if (kind !== 'choice') await page.keyboard.press('Enter');
			await expect(page.locator('.verdict')).toHaveText(/Correct\.|Not quite\./);
			await page.keyboard.press('Enter');
		}
		await expect(progress).toHaveAttribute('data-answers', String(n));
	}
	expect(kinds.size).toBeGreaterThan(1);
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toHaveText('12');
});

test.describe('auto-graded kinds by keyboard', () => {
	test('ordering: digits place the steps, Enter checks, Enter accepts the grade', async ({ page }) => {
		const card = await openCardOfKind(page, 'order');
		for (const step of card.steps ?? []) {
			const pool = await page.locator('[data-option] .text').allInnerTexts();
			await page.keyboard.press(String(pool.indexOf(shown(step)) + 1));
		}
		await page.keyboard.press('Enter');
		await expect(page.locator('.verdict')).toHaveText(/Correct\./);
		const progress = page.locator('[data-answers]');
		const before = Number(await progress.getAttribute('data-answers'));
		await page.keyboard.press('Enter');
		await expect(progress).toHaveAttribute('data-answers', String(before + 1));
	});

	test('choose all that apply: digits tick, Enter checks', async ({ page }) => {
		const card = await openCardOfKind(page, 'multi');
		const options = await page.locator('[data-option] .text').allInnerTexts();
		for (const option of card.correct ?? []) await page.keyboard.press(String(options.indexOf(shown(option)) + 1));
		await page.keyboard.press('Enter');
		await expect(page.locator('.verdict')).toHaveText(/Correct\./);
	});

	test('typed: the answer field has focus, Enter checks', async ({ page }) => {
		const card = await openCardOfKind(page, 'typed');
		await expect(page.getByLabel('Your answer')).toBeFocused();
		await page.keyboard.type(shown(card.answer ?? ''));
		await page.keyboard.press('Enter');
		await expect(page.locator('.verdict')).toHaveText(/Correct\./);
		await expect(page.getByRole('button', { name: /^Good .*\(suggested\)/ })).toBeFocused();
	});
});

test('? lists the shortcuts; Ctrl+Z undoes; B, S and F bury, suspend and flag', async ({ page }) => {
	await page.goto('/review');
	const card = page.locator('article[data-card-id]');
	await expect(card).toBeVisible();
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('row', { name: /Ctrl\+Z/ })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	const first = await card.getAttribute('data-card-id');
	await page.keyboard.press('b');
	await expect(card).not.toHaveAttribute('data-card-id', first ?? '');
	await page.keyboard.press('Control+z');
	await expect(card).toHaveAttribute('data-card-id', first ?? '');
	await page.keyboard.press('f');
	await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toBeVisible();
	await page.keyboard.press('s');
	await expect(page.getByRole('status').filter({ hasText: /^Suspended “.+”\. Resume it under Cards\./ })).toBeVisible();
	await expect(card).not.toHaveAttribute('data-card-id', first ?? '');
});

test('focus is always visible while moving through a session with Tab', async ({ page }) => {
	await page.goto('/review');
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	// From the top of the page through every control: skip link, menu, toolbar, card.
	await page.getByRole('link', { name: 'Skip to content' }).focus();
	const controls = await page.locator('a:visible, button:visible:enabled, input:visible').count();
	for (let i = 0; i < controls; i++) {
		if (i > 0) await page.keyboard.press('Tab');
		const outline = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return 'nothing focused';
			const style = getComputedStyle(el);
			return style.outlineStyle === 'none' || style.outlineWidth === '0px' ? `no outline on ${el.tagName} ${el.textContent?.slice(0, 20)}` : 'visible';
		});
		expect(outline).toBe('visible');
	}
});

test('on a laptop the answer and its explanation sit beside the question, and sections use the width', async ({ page }) => {
	await page.goto('/sections/web-security/quiz');
	await expect(page.locator('article[data-card-id]')).toBeVisible();
	const prompt = await page.locator('#prompt').boundingBox();
	await page.keyboard.press('Space');
	const kind = await page.locator('article[data-card-id]').getAttribute('data-kind');
	if (kind !== 'flashcard') await page.keyboard.press('1');
	const reveal = await page.locator('.reveal').boundingBox();
	expect(reveal!.x).toBeGreaterThan(prompt!.x + prompt!.width);
	expect(Math.abs(reveal!.y - prompt!.y)).toBeLessThan(40);
	await page.goto('/sections');
	// Measured once the learner's figures are in: the summary line above the map comes with them and moves it down.
	await expect(page.getByTestId('map-summary')).toBeVisible();
	// The map stacks a group's sections down its column, as the roadmap does: the width goes to groups side by side.
	const groups = page.locator('.map > li');
	const [a, b] = [await groups.nth(0).boundingBox(), await groups.nth(1).boundingBox()];
	expect(a!.y).toBe(b!.y);
	expect(b!.x).toBeGreaterThan(a!.x + a!.width);
});

test('no focus ring is cut off where a page skips drawing what is out of sight', async ({ page }) => {
	// Rows of the card list and sections of Stats paint nothing outside themselves (content-visibility: auto).
	for (const path of ['/stats', '/cards']) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeAttached();
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
		// Tab once, so focus rings show as for a keyboard user; then each control in turn.
		await page.keyboard.press('Tab');
		const cut = await page.evaluate(() => {
			const out: string[] = [];
			for (const el of document.querySelectorAll<HTMLElement>('main a[href], main button, main summary, main [tabindex="0"], main input, main select')) {
				const clip = el.parentElement?.closest<HTMLElement>('li, section');
				if (!clip || getComputedStyle(clip).contentVisibility !== 'auto' || el.getClientRects().length === 0) continue;
				el.focus();
				const style = getComputedStyle(el);
				const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
				const r = el.getBoundingClientRect();
				const c = clip.getBoundingClientRect();
				if (r.left - ring < c.left - 0.5 || r.right + ring > c.right + 0.5 || r.top - ring < c.top - 0.5 || r.bottom + ring > c.bottom + 0.5)
					out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
			}
			return out;
		});
		expect(cut, `focus rings cut off on ${path}`).toEqual([]);
	}
});
