import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, only, test } from './fixtures';

/**
 * What each page costs to load: the JavaScript and CSS its first visit
 * fetches (before any service worker, so nothing comes from a cache),
 * gzipped, against budgets kept in budgets.json. A page that outgrows its
 * budget fails here, with the page, the size and the budget; raising a
 * budget is a change to review like any other.
 */
const once = only('desktop', 'sizes do not depend on the screen');
test.use({ serviceWorkers: 'block' });

const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8')) as Record<string, { js: number; css: number }>;
const gz = (text: Buffer | string) => gzipSync(text, { level: 9 }).length;
const kB = (n: number) => Math.round((n / 1024) * 10) / 10;

for (const [path, budget] of Object.entries(budgets)) {
	test(`${path} loads at most ${budget.js} kB of JavaScript and ${budget.css} kB of CSS, gzipped`, once, async ({ page }) => {
		const js: Promise<number>[] = [];
		const css: Promise<number>[] = [];
		page.on('response', (res) => {
			const type = res.request().resourceType();
			if (type === 'script') js.push(res.body().then(gz));
			else if (type === 'stylesheet') css.push(res.body().then(gz));
		});
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		// Styles small enough to be inlined into the page count as the page's CSS too.
		const html = (await response?.text()) ?? '';
		const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => gz(m[1] ?? ''));
		const size = { js: kB((await Promise.all(js)).reduce((a, b) => a + b, 0)), css: kB([...(await Promise.all(css)), ...inline].reduce((a, b) => a + b, 0)) };
		console.log(`${path}: ${size.js} kB JS, ${size.css} kB CSS (gzipped); budget ${budget.js} / ${budget.css} kB`);
		expect(size.js, `${path} loads ${size.js} kB of JavaScript (gzipped); its budget is ${budget.js} kB`).toBeLessThanOrEqual(budget.js);
		expect(size.css, `${path} loads ${size.css} kB of CSS (gzipped); its budget is ${budget.css} kB`).toBeLessThanOrEqual(budget.css);
	});
}
