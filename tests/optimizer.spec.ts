// Personal FSRS parameters, trained in the browser on a learner's own history.
import { expect, only, test } from './fixtures';
import { expectAccessible } from './helpers';
// A simulated learner: ts-fsrs schedules every answer, recall follows retrievability.
import { simulateHistory } from '../scripts/history.js';
import { gunzipSync } from 'node:zlib';
import { default_w } from 'ts-fsrs';
import { trainNative } from '../src/lib/optimizer/native-binding';
import type { ReviewRecord } from '../src/lib/srs/types';
import { optimizerItems } from '../src/lib/optimizer/items';

/** The same optimizer, native (fsrs-rs through napi), trained in Node on the same answers as the browser. */
async function nativeParameters(file: Buffer, dayStartHour: number): Promise<number[]> {
	const reviews = gunzipSync(file)
		.toString()
		.split('\n')
		.filter(Boolean)
		.flatMap((line) => {
			const o = JSON.parse(line) as { review?: ReviewRecord };
			return o.review ? [o.review] : [];
		});
	return trainNative(optimizerItems(reviews, dayStartHour));
}

/** Shown parameters are rounded to 3 decimals; float32 in the browser against float64 natively adds about 1e-6. */
const TOLERANCE = 0.0011;

test(
	'the optimizer trains on 2,000+ answers on the device: the fit improves, Apply uses the new parameters, Restore brings the old back',
	only('desktop', 'training is the same at any size: checked once on the laptop'),
	async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/settings');
		const panel = page.getByTestId('optimizer');
		// Too few answers: the button waits, and says why.
		await expect(panel.getByTestId('optimizer-too-few')).toContainText('Training needs at least 400 answers; you have 0.');
		await expect(panel.getByRole('button', { name: 'Optimize my parameters' })).toBeDisabled();

		const index = (await (await page.request.get('/decks/index.json')).json()) as { decks: { cardIds: string[] }[] };
		const { file, counts } = simulateHistory(
			index.decks.flatMap((d) => d.cardIds),
			{ days: 30 }
		);
		expect(counts.reviews).toBeGreaterThanOrEqual(2000);
		await page.getByLabel('Import a backup').setInputFiles({ name: 'history.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(page.getByTestId('import-message')).toBeVisible({ timeout: 60_000 });
		await page.reload();
		await expect(panel.getByTestId('parameters-in-use')).toContainText("FSRS's defaults");

		await panel.getByRole('button', { name: 'Optimize my parameters' }).click();
		// While it works: a progress bar, and Cancel.
		await expect(panel.getByRole('progressbar')).toBeVisible();
		await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
		const result = panel.getByTestId('optimizer-result');
		await expect(result).toBeVisible({ timeout: 90_000 });
		const loss = async (row: string) => Number(await result.locator(`tr[data-row="${row}"] td`).first().innerText());
		// The trained parameters fit this learner's answers better than the defaults.
		expect(await loss('trained')).toBeLessThan(await loss('current'));
		await expectAccessible(page);

		// Settings open in another tab show the applied parameters at once, without a reload.
		const other = await page.context().newPage();
		await other.goto('/settings');
		await expect(other.getByTestId('parameters-in-use')).toContainText("FSRS's defaults");
		await panel.getByRole('button', { name: 'Apply' }).click();
		await expect(panel.getByRole('status')).toHaveText(/Your own parameters are in use/);
		await expect(panel.getByTestId('parameters-in-use')).toContainText('your own parameters');
		await expect(other.getByTestId('parameters-in-use')).toContainText('your own parameters');
		await other.close();
		// The browser's WebAssembly build agrees with the native optimizer on the same answers, parameter by parameter.
		const shown = (await panel.getByTestId('parameters-in-use').locator('.w').innerText()).split(', ').map(Number);
		const native = await nativeParameters(file, 4);
		expect(shown).toHaveLength(21);
		expect(native).toHaveLength(21);
		// They are this learner's, not FSRS's defaults.
		expect(Math.max(...shown.map((x, i) => Math.abs(x - default_w[i]!)))).toBeGreaterThan(0.05);
		const off = shown.map((x, i) => Math.abs(x - native[i]!));
		expect(Math.max(...off), `browser ${shown.join(' ')} against native ${native.map((x) => x.toFixed(3)).join(' ')}`).toBeLessThanOrEqual(TOLERANCE);
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
		// A saved desired retention moves the mark at once.
		await page.getByLabel('Desired retention').fill('0.85');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(rows.filter({ hasText: '85% (yours)' })).toHaveCount(1);
		await expect(rows.filter({ hasText: '(yours)' })).toHaveCount(1);
		await expectAccessible(page);

		// Cancel stops a training at once, and nothing changes.
		await panel.getByRole('button', { name: 'Optimize my parameters' }).click();
		await panel.getByRole('button', { name: 'Cancel' }).click();
		await expect(panel.getByRole('status').filter({ hasText: 'Training cancelled. Nothing changed.' })).toBeVisible();
		await expect(panel.getByTestId('optimizer-result')).toHaveCount(0);
		await expect(panel.getByTestId('parameters-in-use')).toContainText("FSRS's defaults");
	}
);
