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
		await expect(page.getByRole('status').filter({ hasText: 'Report saved on this device' })).toBeVisible();
		await expect(page.locator('.session')).toHaveAttribute('data-answers', '0');

		await page.goto('/cards');
		const reports = page.getByRole('region', { name: /Your reports/ });
		await expect(reports.getByRole('heading')).toHaveText('Your reports (1)');
		await expect(reports.locator(`li[data-report-card="${id}"]`)).toContainText('Outdated');
		await expect(reports.locator(`li[data-report-card="${id}"]`)).toContainText('HTTP/2 and 3 send no reason phrase: say so first.');

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
