import { expect, only, test } from './fixtures';
import { backupFile, backupLines, deleteEverything, download, importFile } from './backup-file';
import { changeSettings } from './helpers';

// One settings store: whatever changes the stored settings shows at once in an open settings form,
// and a form with unsaved edits is never overwritten.

test(
	'an import shows the backup’s settings in the open form, and a later Save does not write the old ones back',
	only('desktop', 'the settings page is the same at any size: once'),
	async ({ page }) => {
		await page.goto('/settings');
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
		await expect(page.getByLabel('New cards per day')).toHaveValue('20');
		// Another device's backup: this one's, with that device's newer settings.
		const lines = backupLines(await download(page, 'Export backup')).map((line) =>
			'settings' in line
				? { settings: { ...(line.settings as object), retention: 0.85, newPerDay: 7, updated: Date.now() + 1000, device: 'other-phone' } }
				: line
		);
		await importFile(page, 'backup.json.gz', backupFile(lines));
		await expect(page.getByTestId('import-message')).toContainText("Settings: the backup's.");
		// No reload: the form already shows what was imported.
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
		await expect(page.getByLabel('New cards per day')).toHaveValue('7');
		// Saving for another reason keeps them.
		await page.getByLabel('Dark').check();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
		await page.reload();
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
		await expect(page.getByLabel('New cards per day')).toHaveValue('7');
	}
);

test(
	'another tab’s save shows in an open form; a form with unsaved edits keeps them and says so',
	only('desktop', 'two tabs on the laptop'),
	async ({ page, context }) => {
		const other = await context.newPage();
		await page.goto('/settings');
		await other.goto('/settings');
		await expect(page.getByLabel('New cards per day')).toHaveValue('20');

		await other.getByLabel('New cards per day').fill('12');
		await other.getByRole('button', { name: 'Save settings' }).click();
		await expect(other.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
		await expect(page.getByLabel('New cards per day')).toHaveValue('12');
		await expect(page.getByTestId('settings-stale')).toHaveCount(0);

		// Now this tab has an edit of its own when the other saves again.
		await page.getByLabel('Desired retention').fill('0.80');
		await other.getByLabel('New cards per day').fill('15');
		await other.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByTestId('settings-stale')).toContainText('Your settings were changed elsewhere');
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.80');
		await expect(page.getByLabel('New cards per day')).toHaveValue('12');
		await page.getByRole('button', { name: 'Show the stored settings' }).click();
		await expect(page.getByLabel('New cards per day')).toHaveValue('15');
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
		await expect(page.getByTestId('settings-stale')).toHaveCount(0);
		await other.close();
	}
);

test(
	'deleting all data shows the default settings in the open form at once',
	only('desktop', 'the settings page is the same at any size: once'),
	async ({ page }) => {
		await changeSettings(page, { 'New cards per day': '4', 'Desired retention': '0.93' });
		await expect(page.getByLabel('New cards per day')).toHaveValue('4');
		await deleteEverything(page);
		await expect(page.getByLabel('New cards per day')).toHaveValue('20');
		await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
	}
);
