import { expect, only, test } from './fixtures';
import { openCardOfKind, shown } from './cards';
import { expectAccessible } from './helpers';

const verdict = (page: import('@playwright/test').Page) => page.locator('.verdict');
const suggested = (page: import('@playwright/test').Page, rating: string) => page.getByRole('button', { name: new RegExp(`^${rating} .*\\(suggested\\)`) });

test.describe('typed answers', () => {
	test('count as right whatever the case and surrounding spaces', only('desktop', 'typing an answer: once, with the laptop keyboard'), async ({ page }) => {
		const card = await openCardOfKind(page, 'typed');
		await expectAccessible(page);
		await page.getByLabel('Your answer').fill(`  ${shown(card.answer ?? '').toUpperCase()}  `);
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Correct\./);
		await expect(suggested(page, 'Good')).toBeVisible();
		await expectAccessible(page);
	});

	test(
		'one typo in a longer word is "almost": the letters compared, and Hard suggested',
		only('desktop', 'grading is the same at any size'),
		async ({ page }) => {
			// A word answer of six letters or more, with no number, flag or command in it: one typo is forgiven there.
			const card = await openCardOfKind(page, 'typed', (c) => /^[A-Za-z]{6,}$/.test(shown(c.answer ?? '')) && !/command/i.test(c.prompt));
			const answer = shown(card.answer ?? '');
			// Two letters in the middle swapped.
			const typo = answer.slice(0, 2) + answer[3] + answer[2] + answer.slice(4);
			await page.getByLabel('Your answer').fill(typo);
			await page.getByRole('button', { name: 'Check answer' }).click();
			await expect(verdict(page)).toHaveText(/Almost: one letter off/);
			await expect(suggested(page, 'Hard')).toBeVisible();
			const diff = page.getByTestId('typed-diff');
			await expect(diff).toContainText(`One letter off. You typed ${typo}; the answer is ${answer}.`);
			await expect(diff.locator('del')).toHaveCount(1);
			await expect(diff.locator('ins')).toHaveCount(1);
			await expectAccessible(page);
		}
	);

	test(
		'a near miss, two letters off, is wrong: the expected answer, and the letters that differ marked',
		only('desktop', 'grading is the same at any size'),
		async ({ page }) => {
			const card = await openCardOfKind(page, 'typed', (c) => /^[A-Za-z]{8,}$/.test(shown(c.answer ?? '')) && !/command/i.test(c.prompt));
			const answer = shown(card.answer ?? '');
			// Two letters left out: too far for a typo, near enough to compare.
			const typed = answer.slice(0, 2) + answer.slice(3, 5) + answer.slice(6);
			await page.getByLabel('Your answer').fill(typed);
			await page.getByRole('button', { name: 'Check answer' }).click();
			await expect(verdict(page)).toHaveText(/Not quite\./);
			await expect(suggested(page, 'Again')).toBeVisible();
			await expect(page.getByText('Expected:')).toContainText(answer);
			const diff = page.getByTestId('typed-diff');
			await expect(diff).toContainText(`You typed ${typed}; the answer is ${answer}.`);
			// The two missing letters underlined (<ins>), where they belong; nothing typed was extra.
			await expect(diff.locator('ins')).toHaveText([answer[2]!, answer[5]!]);
			await expect(diff.locator('del')).toHaveCount(0);
			await expect(diff.locator('code')).toHaveText(answer);
			await expectAccessible(page);
		}
	);

	test('show the expected answer when wrong, and suggest Again', only('desktop', 'typing an answer: once, with the laptop keyboard'), async ({ page }) => {
		const card = await openCardOfKind(page, 'typed');
		await page.getByLabel('Your answer').fill('definitely not it');
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Not quite\./);
		await expect(page.getByText('Expected:')).toContainText(shown(card.answer ?? ''));
		// Nothing in common: no letter-by-letter comparison to wade through.
		await expect(page.getByTestId('typed-diff')).toHaveCount(0);
		await expect(suggested(page, 'Again')).toBeVisible();
	});
});

test.describe('choose all that apply', () => {
	test('all correct and nothing wrong is Good', only('phone', 'ticking options is a tap: once, on the phone'), async ({ page }) => {
		const card = await openCardOfKind(page, 'multi');
		await expectAccessible(page);
		for (const option of card.correct ?? []) await page.getByRole('checkbox', { name: shown(option), exact: true }).check();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Correct\./);
		await expect(suggested(page, 'Good')).toBeVisible();
	});

	test('a missed option is Again, and the missed one is marked', only('phone', 'ticking options is a tap: once, on the phone'), async ({ page }) => {
		const card = await openCardOfKind(page, 'multi');
		const [first, ...rest] = card.correct ?? [];
		await page.getByRole('checkbox', { name: shown(first ?? ''), exact: true }).check();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Not quite\./);
		await expect(suggested(page, 'Again')).toBeVisible();
		await expect(page.locator('.option.missed')).toHaveCount(rest.length);
		await expectAccessible(page);
	});
});

test.describe('ordering', () => {
	test('tapping the steps in the right order is Good', only('phone', 'ordering steps by tapping: once, on the phone'), async ({ page }) => {
		const card = await openCardOfKind(page, 'order');
		await expectAccessible(page);
		for (const step of card.steps ?? []) await page.locator('[data-option]', { hasText: shown(step) }).click();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Correct\./);
		await expect(suggested(page, 'Good')).toBeVisible();
	});

	test('a wrong order is Again and shows the right one', only('phone', 'ordering steps by tapping: once, on the phone'), async ({ page }) => {
		const card = await openCardOfKind(page, 'order');
		const steps = card.steps ?? [];
		for (const step of [...steps].reverse()) await page.locator('[data-option]', { hasText: shown(step) }).click();
		// A step can be taken back before checking.
		await page.getByRole('button', { name: 'Take back step 1' }).click();
		await expect(page.locator('[data-option]')).toHaveCount(1);
		await page.locator('[data-option]').click();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(verdict(page)).toHaveText(/Not quite\./);
		await expect(page.getByRole('list', { name: 'The right order' }).getByRole('listitem').locator('.text')).toHaveText(steps.map(shown));
		await expect(suggested(page, 'Again')).toBeVisible();
		await expectAccessible(page);
	});
});
