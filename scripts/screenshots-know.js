// `npm run screenshots` (second part): what a learner knows, after six weeks
// of a simulated learner's study (scripts/history.js), imported through the
// settings page like any backup: the roadmap map, the statistics, readiness
// for a date and the card browser, at phone (360×740) and laptop (1280×800)
// sizes, into docs/screenshots/.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';
import { SIZES, withHistory } from './shots.js';
import { serve } from './serve.js';

// OUT and BUILD_DIR: another folder for the pictures, another build to shoot (an earlier one, say, to compare).
const OUT = process.env.OUT ?? 'docs/screenshots';
const server = await serve({ port: 0, host: '127.0.0.1', ...(process.env.BUILD_DIR ? { dir: process.env.BUILD_DIR } : {}) });
const base = server.url.replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
	for (const [size, options] of Object.entries(SIZES)) {
		const { context, page, counts } = await withHistory(browser, base, options);
		console.log(`${size}: imported ${counts.reviews} simulated answers`);
		const shot = async (name, url, ready, fullPage = size === 'laptop') => {
			await page.goto(`${base}${url}`);
			await ready();
			await page.waitForTimeout(300);
			await page.screenshot({ path: `${OUT}/${name}-${size}.png`, fullPage });
			console.log(`wrote ${OUT}/${name}-${size}.png`);
		};
		// On a phone, the map from its first tiles, under the legend.
		await shot('map', '/sections', async () => {
			await page.getByTestId('map-summary').waitFor();
			if (size === 'phone') await page.getByTestId('map-summary').evaluate((el) => el.scrollIntoView());
		});
		await shot('stats', '/stats', () => page.locator('main h2').first().waitFor(), true);
		await shot('readiness', '/readiness', () => page.locator('main h2').first().waitFor());
		await shot('browser', '/cards', () => page.locator('main h2, main table, main li').first().waitFor());
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
