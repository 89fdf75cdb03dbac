import { expect, test } from './fixtures';
import { answerCard, expectAccessible, giveAnswer } from './helpers';

/**
 * Every page of the app, in light and dark, at phone and laptop sizes (the
 * two projects): axe finds no violation. A few cards are answered first, so
 * the pages show a learner's figures, not only their empty states. Each page
 * is loaded once and checked in both themes (the theme follows the system's,
 * switched here without a reload). Pages with more than one view (a card
 * open in the browser, a revealed answer) are checked in each.
 * The dark theme is checked on the phone only, and only by the rules about
 * colours: a theme changes colours (the same custom properties at any
 * width), while the size changes the markup (targets, columns, the header),
 * which the light check covers at both sizes with every rule.
 */
const PAGES = [
	'/',
	'/review',
	'/sections',
	'/sections/http',
	'/sections/http/quiz',
	'/sections/http/practice',
	'/stats',
	'/settings',
	'/cards',
	'/cards?card=http-response-status-line',
	'/readiness',
	'/cards/new?section=http',
	'/readiness/review',
	'/no-such-page'
];

/** The rules whose outcome depends on colours: all the dark theme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function inTheThemes(page: import('@playwright/test').Page): Promise<void> {
	await page.emulateMedia({ colorScheme: 'light' });
	await expectAccessible(page);
	if (test.info().project.name !== 'phone') return;
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectAccessible(page, COLOUR_RULES);
}

test('no accessibility violation on any page, in light and dark', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/review');
	for (let i = 0; i < 3; i++) await answerCard(page, i === 1 ? 'Again' : 'Good');
	for (const path of PAGES) {
		await test.step(path, async () => {
			await page.goto(path);
			// The page's own figures, read from the device, are on screen: nothing says it is still loading.
			await expect(page.locator('h1').first()).toBeAttached();
			await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
			await expect(page.getByText(/^Loading/)).toHaveCount(0);
			await inTheThemes(page);
		});
	}
	await test.step('a revealed answer', async () => {
		await page.goto('/review');
		await giveAnswer(page);
		await expect(page.getByRole('group', { name: 'How well did you recall it?' })).toBeVisible();
		await inTheThemes(page);
	});
});
