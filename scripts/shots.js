// What the screenshot scripts share: the two sizes they shoot at, and a
// fresh profile holding the simulated learner's six weeks (scripts/history.js),
// imported through the settings page like any backup.
import { simulateHistory } from './history.js';

/** A phone (360×740) and a laptop (1280×800). */
export const SIZES = {
	phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
	laptop: { viewport: { width: 1280, height: 800 } }
};

/** A new context at these options, its page, and the simulated history imported into it. */
export async function withHistory(browser, base, options) {
	const context = await browser.newContext({ ...options, colorScheme: 'light', serviceWorkers: 'block' });
	const page = await context.newPage();
	const index = await (await page.request.get(`${base}/decks/index.json`)).json();
	const { file, counts } = simulateHistory(index.decks.flatMap((d) => d.cardIds));
	await page.goto(`${base}/settings`);
	// Hydrated (the layout marks it), so the file is read as it is chosen.
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Import a backup').setInputFiles({ name: 'history.json.gz', mimeType: 'application/gzip', buffer: file });
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await page.getByTestId('import-message').waitFor({ timeout: 120_000 });
	return { context, page, counts };
}
