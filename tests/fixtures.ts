// Every spec imports `test` and `expect` from here: an uncaught exception or
// an unhandled promise rejection in any page of the test's context fails the
// test, even when every assertion passed.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ failOnPageErrors: void }>({
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
 * install and offline ones), not on every project.
 */
export function only(project: 'phone' | 'desktop', why: string): void {
	test.skip(test.info().project.name !== project, why);
}
