// Personal FSRS parameters, trained in the browser on a learner's own history.
import { expect, test } from './fixtures';
import { expectAccessible } from './helpers';
// A simulated learner: ts-fsrs schedules every answer, recall follows retrievability.
import { simulateHistory } from '../scripts/history.js';

test('the optimizer trains on 5,000+ answers on the device: the fit improves, Apply uses the new parameters, Restore brings the old back', async ({ page }, info) => {
	test.skip(info.project.name !== 'desktop', 'training is the same at any size: checked once on the laptop');
	test.setTimeout(120_000);
	await page.goto('/settings');
	const panel = page.getByTestId('optimizer');
	// Too few answers: the button waits, and says why.
	await expect(panel.getByTestId('optimizer-too-few')).toContainText('Training needs at least 400 answers; you have 0.');
	await expect(panel.getByRole('button', { name: 'Optimize my parameters' })).toBeDisabled();

	const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { cardIds: string[] }[] };
	const { file, counts } = simulateHistory(
		index.decks.flatMap((d) => d.cardIds),
		{ days: 90 }
	);
	expect(counts.reviews).toBeGreaterThanOrEqual(5000);
	await page.getByLabel('Import a backup').setInputFiles({ name: 'history.json.gz', mimeType: 'application/gzip', buffer: file });
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(page.getByTestId('import-message')).toBeVisible({ timeout: 60_000 });
	await page.reload();
	await expect(panel.getByTestId('parameters-in-use')).toContainText("FSRS's defaults");

	await panel.getByRole('button', { name: 'Optimize my parameters' }).click();
	const result = panel.getByTestId('optimizer-result');
	await expect(result).toBeVisible({ timeout: 90_000 });
	const loss = async (row: string) => Number(await result.locator(`tr[data-row="${row}"] td`).first().innerText());
	// The trained parameters fit this learner's answers better than the defaults.
	expect(await loss('trained')).toBeLessThan(await loss('current'));
	await expectAccessible(page);

	await panel.getByRole('button', { name: 'Apply' }).click();
	await expect(panel.getByRole('status')).toHaveText(/Your own parameters are in use/);
	await expect(panel.getByTestId('parameters-in-use')).toContainText('your own parameters');
	// Saving the settings form keeps them.
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.reload();
	await expect(panel.getByTestId('parameters-in-use')).toContainText('your own parameters');
	await panel.getByRole('button', { name: 'Restore the previous parameters' }).click();
	await expect(panel.getByTestId('parameters-in-use')).toContainText("FSRS's defaults");

	// The workload at each desired retention, from 70% to 97%: it grows with retention, and the learner's own is marked.
	await panel.getByRole('button', { name: 'Estimate my workload' }).click();
	const rows = panel.getByTestId('workload').locator('tbody tr');
	await expect(rows).toHaveCount(7);
	await expect(rows.filter({ hasText: '90% (yours)' })).toHaveCount(1);
	const perDay = (await rows.locator('td:first-of-type').allInnerTexts()).map(Number);
	for (let i = 1; i < perDay.length; i++) expect(perDay[i]).toBeGreaterThan(perDay[i - 1]!);
	await expectAccessible(page);
});
