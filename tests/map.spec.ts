import { expect, only, test } from './fixtures';
import { simulateHistory } from '../scripts/history.js';
import { answerCard, expectAccessible, storedStates } from './helpers';

test(
	'three cards studied show on the map, the calendar, the per-section table and the card browser',
	only('desktop', 'the same figures at any size: checked once; the phone layouts have their own tests'),
	async ({ page }) => {
		// Before: nothing studied anywhere.
		await page.goto('/stats');
		// Introduced, of the section's cards.
		await expect(page.getByTestId('sections-table').locator('tr[data-section="http"] td').nth(2)).toHaveText(/^0\s*of \d+$/);
		await expect(page.getByTestId('heatmap').locator('rect[data-today]')).toHaveAttribute('data-count', '0');
		await page.goto('/cards?section=http&state=learning');
		await expect(page.getByTestId('card-count')).toHaveText('0 cards');

		await page.goto('/sections/http/quiz');
		const studied: string[] = [];
		for (let i = 0; i < 3; i++) studied.push(await answerCard(page));

		// After: the calendar counts today's three answers, the table three cards studied in HTTP, the browser three learning cards.
		await page.goto('/stats');
		const row = page.getByTestId('sections-table').locator('tr[data-section="http"] td');
		await expect(row.nth(2)).toHaveText(/^3\s*of \d+$/);
		await expect(row.nth(1)).toHaveText(/^\d{1,3}%$/);
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
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		const total = index.decks.find((d) => d.id === 'http')!.cardIds.length;
		const http = page.locator('a[href="/sections/http"]');
		// The three cards are at a learning step, due again today; the rest are new.
		await expect(http).toContainText(new RegExp(`(<1|\\d{1,2})% known\\s·\\s3 due\\s·\\s${total - 3} new`));
		await expect(http).toContainText(/Recall of studied cards: \d{1,3}%/);
		await expect(http).toContainText(new RegExp(`3 of ${total} introduced\\s·\\s0 mastered`));
		// The tile is one link whose name carries the figures, for screen readers.
		await expect(
			page.getByRole('link', {
				name: new RegExp(
					`^HTTP: (<1|\\d{1,2})% known, 3 of ${total} cards introduced; recall of studied cards \\d{1,3}%, 0 mastered; today 3 due, ${total - 3} new$`
				)
			})
		).toBeVisible();
		for (const id of ['rest', 'scalability']) {
			await expect(page.locator(`a[href="/sections/${id}"]`)).toContainText(/Not started\W*\d+ cards/);
		}
		// The first section of the roadmap is still not started: it is the next one, marked on its tile, in its name and in the summary.
		const next = page.locator('a[data-section="internet"]');
		await expect(next.locator('.next-mark')).toHaveText('Next');
		await expect(next).toHaveAccessibleName(/^How the internet works: not started, \d+ cards; next in roadmap order$/);
		await expect(page.locator('.map .next-mark')).toHaveCount(1);
		await expect(page.getByTestId('map-summary')).toHaveText('You have started 1 of 31 sections. Next in roadmap order: How the internet works.');

		const legend = page.getByRole('region', { name: 'Colour key' });
		await expect(legend).toContainText('Not started');
		for (const word of ['Known', 'Recall of studied cards', 'Introduced', 'Mastered'])
			await expect(legend.getByRole('term').filter({ hasText: word })).toBeVisible();
		await expect(legend).toContainText('Cards not started count as not known.');

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

test(
	'after weeks of study every started tile is filled as far as it is known, and the next section is the first with new cards',
	only('desktop', 'the figures are the same at any size: once, on the laptop'),
	async ({ page }) => {
		test.setTimeout(120_000);
		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] };
		// Two weeks of a simulated learner, 15 new cards a day in roadmap order: the first sections studied, one part way through.
		const { file } = simulateHistory(
			index.decks.flatMap((d) => d.cardIds),
			{ days: 14 }
		);
		await page.goto('/settings');
		await page.getByLabel('Import a backup').setInputFiles({ name: 'history.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(page.getByTestId('import-message')).toBeVisible({ timeout: 60_000 });
		const studied = new Set(Object.keys(await storedStates(page)));
		const started = index.decks.filter((d) => d.cardIds.some((id) => studied.has(id)));
		const next = index.decks.find((d) => d.cardIds.some((id) => !studied.has(id)))!;
		expect(started.length).toBeGreaterThan(1);

		await page.goto('/sections');
		await expect(page.getByTestId('map-summary')).toContainText(`You have started ${started.length} of 31 sections.`);
		for (const deck of started) {
			const tile = page.locator(`a[data-section="${deck.id}"]`);
			const text = (await tile.innerText()).replace(/\s+/g, ' ');
			const m = /(<1|\d+)% known · (\d+) due · (\d+) new Recall of studied cards: (\d+)% (\d+) of (\d+) introduced · \d+ mastered/.exec(text);
			expect(m, text).not.toBeNull();
			// "<1%" known is a share below half a point: 0 to the nearest point.
			const [known, fresh, recall, introduced, total] = [1, 3, 4, 5, 6].map((i) => (m![i] === '<1' ? 0 : Number(m![i])));
			expect(introduced).toBe(deck.cardIds.filter((id) => studied.has(id)).length);
			expect(fresh).toBe(total! - introduced!);
			// Known is coverage × recall of studied cards (each figure rounded: within a point).
			expect(Math.abs(known! - (introduced! / total!) * recall!)).toBeLessThanOrEqual(1);
			// The fill the tile paints stops where the known share does: a continuous share, so 94% and 95% known differ by a point, not a colour.
			const stop = await tile.evaluate((el) => Number(/\) ([\d.]+)%/.exec(getComputedStyle(el).backgroundImage)?.[1]));
			expect(Math.abs(stop - known!)).toBeLessThanOrEqual(0.5);
		}
		// The learner works in roadmap order: the next section is the one they are part way through, or the first not started.
		await expect(page.locator(`a[data-section="${next.id}"] .next-mark`)).toHaveText('Next');
		await expect(page.locator(`a[data-section="${next.id}"]`)).toHaveAccessibleName(/; next in roadmap order$/);
		await expect(page.locator('.map .next-mark')).toHaveCount(1);
		// Filled tiles and the mark keep their text readable, in either theme.
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectAccessible(page);
		}
	}
);
