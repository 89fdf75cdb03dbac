// Every spec imports `test` and `expect` from here: an uncaught exception or
// an unhandled promise rejection in any page of the test's context fails the
// test, even when every assertion passed.
import { test as base, expect, type Page, type TestDetails } from '@playwright/test';

/**
 * Waits, after each goto and reload of the test's page, until the app is
 * hydrated (the root layout marks <html data-hydrated>): page.goto resolves
 * at the load event, before SvelteKit has attached the handlers, and a click
 * then lands on a button with none (three full runs lost clicks this way on
 * a busy machine: an export that never started, a link that never went).
 */
async function untilHydrated(page: Page, url: string | undefined): Promise<void> {
	if (url && /\.(json|webmanifest|js|png|svg)(\?|$)/.test(url)) return;
	await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
}

/**
 * Makes a page's goto and reload wait for hydration. The test's page, and
 * every other page of its context, get it here; a page of a context a test
 * makes itself (a second device, say) is passed through this by that test.
 */
export function hydrating(page: Page): Page {
	const goto = page.goto.bind(page);
	const reload = page.reload.bind(page);
	page.goto = async (url, options) => {
		const response = await goto(url, options);
		await untilHydrated(page, url);
		return response;
	};
	page.reload = async (options) => {
		const response = await reload(options);
		await untilHydrated(page, page.url());
		return response;
	};
	return page;
}

export const test = base.extend<{ failOnPageErrors: void }>({
	page: async ({ page, context }, use) => {
		// A second tab (context.newPage()) waits too.
		context.on('page', hydrating);
		await use(hydrating(page));
	},
	failOnPageErrors: [
		async ({ context }, use, testInfo) => {
			const errors: string[] = [];
			// A rejected DOMException has no stack: name and message then.
			const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack || `${e.name}: ${e.message}`}`));
			// The default page is opened after this fixture starts (it depends on the context), so 'page' sees it too.
			context.pages().forEach(watch);
			context.on('page', watch);
			await use();
			if (errors.length > 0) {
				await testInfo.attach('page errors', { body: errors.join('\n\n'), contentType: 'text/plain' });
			}
			expect(errors, 'uncaught exceptions or unhandled promise rejections in the page').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/**
 * Runs the test on one project only: a behaviour is tested once, at the size
 * where it matters (the phone's one-thumb journeys, the laptop's keyboard,
 * install and offline ones), not on every project. Passed as the test's
 * details: `test(title, only('phone', why), body)`. The tag keeps the test
 * out of the other project altogether (playwright.config.ts), where a skip
 * inside the test still opened a context and a page first: about 1.5 s of a
 * worker for each of the 96 tests skipped that way.
 */
export function only(project: 'phone' | 'desktop', why: string): TestDetails {
	return { tag: `@${project}-only`, annotation: { type: 'only', description: why } };
}
