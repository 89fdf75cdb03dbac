import { expect, only, test } from './fixtures';
import { answerCard } from './helpers';

test(
	'three cards studied show on the map, the calendar, the per-section table and the card browser',
	only('desktop', 'the same figures at any size: checked once; the phone layouts have their own tests'),
	async ({ page }) => {
		// Before: nothing studied anywhere.
		await page.goto('/stats');
		await expect(page.getByTestId('sections-table').locator('tr[data-section="http"] td').nth(1)).toHaveText('0');
		await expect(page.getByTestId('heatmap').locator('rect[data-today]')).toHaveAttribute('data-count', '0');
		await page.goto('/cards?section=http&state=learning');
		await expect(page.getByTestId('card-count')).toHaveText('0 cards');

		await page.goto('/sections/http/quiz');
		const studied: string[] = [];
		for (let i = 0; i < 3; i++) studied.push(await answerCard(page));

		// After: the calendar counts today's three answers, the table three cards studied in HTTP, the browser three learning cards.
		await page.goto('/stats');
		const row = page.getByTestId('sections-table').locator('tr[data-section="http"] td');
		await expect(row.nth(1)).toHaveText('3');
		await expect(row.nth(4)).toHaveText(/^\d{1,3}%$/);
		await expect(page.getByTestId('heatmap').locator('rect[data-today]')).toHaveAttribute('data-count', '3');
		await page.goto('/cards?section=http&state=learning');
		await expect(page.getByTestId('card-count')).toHaveText('3 cards');
		await expect
			.poll(() =>
				page
					.getByRole('list', { name: 'Cards' })
					.getByRole('listitem')
					.evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')))
			)
			.toEqual(studied);

		await page.goto('/sections');
		const http = page.locator('a[href="/sections/http"]');
		await expect(http).toContainText(/3 of \d+ cards introduced/);
		await expect(http).toContainText(/\b\d{1,3}% recall/);
		await expect(http).toContainText('0 mastered');
		// The tile is one link whose name carries the figures, for screen readers.
		await expect(page.getByRole('link', { name: /^HTTP: \d{1,3}% recall, 3 of \d+ cards introduced, 0 mastered$/ })).toBeVisible();
		for (const id of ['internet', 'rest', 'scalability']) {
			await expect(page.locator(`a[href="/sections/${id}"]`)).toContainText(/Not started\W*\d+ cards/);
		}
		await expect(page.getByTestId('map-summary')).toHaveText('You have started 1 of 31 sections.');

		const legend = page.getByRole('region', { name: 'Colour key' });
		await expect(legend).toContainText('Not started');
		await expect(legend).toContainText('below 70% recall');
		await expect(legend).toContainText('95% or more recall');

		await http.click();
		await expect(page).toHaveURL(/\/sections\/http$/);
		await expect(page.getByRole('heading', { level: 1, name: 'HTTP' })).toBeVisible();
	}
);

test('the map groups the sections in roadmap order', async ({ page }) => {
	await page.goto('/sections');
	const groups = page.locator('.map > li h2');
	await expect(groups).toHaveCount(11);
	await expect(groups.first()).toHaveText(/The internet/);
	await expect(groups.last()).toHaveText(/Operations/);
	await expect(page.locator('.map a')).toHaveCount(31);
	// Every tile is a comfortable tap target.
	for (const box of await page.locator('.map a').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
		expect(box).toBeGreaterThanOrEqual(44);
	}
});

test(
	'the prerendered map names every section with its card count, before any script runs',
	only('desktop', 'the prerendered HTML is the same at any size'),
	async ({ page }) => {
		const html = await (await page.request.get('/sections')).text();
		// Links are relative to the page (./sections/http from /sections), so the same build works under any path.
		expect(html).toMatch(/href="\.\/sections\/http"[^>]*>[\s\S]*?HTTP[\s\S]*?\d+ cards/);
		expect(html.match(/href="\.\/sections\/[a-z-]+"/g)).toHaveLength(31);
	}
);
