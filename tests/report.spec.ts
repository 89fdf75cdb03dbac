// "Report a problem with this card": from the answer side to the list on
// /cards, copied as Markdown, exported as JSON, and kept in backups.
import { expect, only, test } from './fixtures';
import { backupLines, download } from './backup-file';
import { currentCardId, expectAccessible } from './helpers';

test(
	'a learner reports a card from its answer; Cards lists it, copies it as Markdown, exports JSON, and backups keep it',
	only('desktop', 'the same on any screen: checked once on the laptop'),
	async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/sections/http/quiz');
		const card = page.locator('article[data-card-id]');
		await expect(card).toHaveAttribute('data-kind', 'flashcard');
		const id = await currentCardId(page);
		await page.getByRole('button', { name: 'Show answer' }).click();

		await page.getByRole('button', { name: 'Report a problem with this card' }).click();
		const dialog = page.getByRole('dialog', { name: 'Report a problem with this card' });
		await expect(dialog).toBeVisible();
		await expectAccessible(page);
		// Typing in the form answers nothing: the digits are text there, not ratings.
		await dialog.getByRole('radio', { name: /Outdated/ }).check();
		await dialog.getByLabel('Details (optional)').fill('HTTP/2 and 3 send no reason phrase: say so first.');
		await dialog.getByRole('button', { name: 'Save report' }).click();
		await expect(dialog).toBeHidden();
		const saved = page.getByRole('status').filter({ hasText: 'Report saved on this device' });
		await expect(saved).toBeVisible();
		await expect(page.locator('.session')).toHaveAttribute('data-answers', '0');

		// The confirmation's "Cards → Reports" is a link to the reports' own view of the Cards page.
		await saved.getByRole('link', { name: 'Cards → Reports' }).click();
		await expect(page).toHaveURL(/\/cards\?view=reports$/);
		const reports = page.getByRole('region', { name: /Your reports/ });
		await expect(reports.getByRole('heading')).toHaveText('Your reports (1)');
		await expect(reports.locator(`li[data-report-card="${id}"]`)).toContainText('Outdated');
		await expect(reports.locator(`li[data-report-card="${id}"]`)).toContainText('HTTP/2 and 3 send no reason phrase: say so first.');
		// The card list is not in this view; the list links back here in one line.
		await expect(page.getByTestId('card-count')).toHaveCount(0);
		await page.getByRole('link', { name: 'All cards' }).click();
		await expect(page.getByTestId('card-count')).toBeVisible();
		await page.getByRole('link', { name: 'Your reports (1)' }).click();
		await expect(reports.getByRole('heading')).toHaveText('Your reports (1)');

		await reports.getByRole('button', { name: 'Copy as Markdown' }).click();
		await expect(reports.getByRole('status')).toHaveText(/Copied 1 report as Markdown/);
		const markdown = await page.evaluate(() => navigator.clipboard.readText());
		expect(markdown).toContain(`- **Outdated**: \`${id}\` in deck \`http\` (version `);
		expect(markdown).toContain('  - HTTP/2 and 3 send no reason phrase: say so first.');

		const [file] = await Promise.all([page.waitForEvent('download'), reports.getByRole('button', { name: 'Export as JSON' }).click()]);
		const exported = JSON.parse((await (await file.createReadStream()).toArray()).join('')) as {
			card_id: string;
			deck: string;
			deckVersion: string;
			reason: string;
		}[];
		expect(exported).toEqual([
			expect.objectContaining({ card_id: id, deck: 'http', reason: 'outdated', deckVersion: expect.stringMatching(/^[0-9a-f]{12}$/) })
		]);

		await page.goto('/settings');
		const lines = backupLines(await download(page, 'Export backup'));
		expect(lines.filter((l) => 'report' in l)).toEqual([{ report: expect.objectContaining({ card_id: id, reason: 'outdated' }) }]);
		expect(lines.at(-1)).toEqual({ end: expect.objectContaining({ reports: 1 }) });
	}
);

test(
	'on a 360 × 740 phone the report form shows Save without scrolling, and asks for a reason rather than assuming "Wrong"',
	only('phone', 'the height where Save fell below the screen'),
	async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/sections/http/quiz');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Report a problem with this card' }).click();
		const dialog = page.getByRole('dialog', { name: 'Report a problem with this card' });
		await expect(dialog).toBeVisible();
		const save = dialog.getByRole('button', { name: 'Save report' });
		const box = (await save.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(740);
		// Nothing else is drawn over it: a tap there presses Save.
		const hit = await save.evaluate((b) => {
			const r = b.getBoundingClientRect();
			return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button') === b;
		});
		expect(hit).toBe(true);

		// No reason is chosen for the learner; Save says what is missing and keeps the form open.
		for (const radio of await dialog.getByRole('radio').all()) await expect(radio).not.toBeChecked();
		await save.click();
		await expect(dialog.getByRole('alert')).toHaveText('Choose what is wrong first: one of the reasons above.');
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('radio').first()).toBeFocused();
		await dialog.getByRole('radio', { name: /Typo/ }).check();
		await expect(dialog.getByRole('alert')).toHaveCount(0);
		await save.click();
		await expect(dialog).toBeHidden();
		await expect(page.getByRole('status').filter({ hasText: 'Report saved on this device' })).toBeVisible();
	}
);
