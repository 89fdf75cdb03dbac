import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { crc32 } from '../src/lib/db/crc32';
import { answerCard, changeSettings, expectAccessible, storedData } from './helpers';

/** Keys sorted at every level, as the app checksums backups. */
const canonical = (value: unknown) =>
	JSON.stringify(value, (_k, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v
	);

async function download(page: Page, button: string): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return readFileSync((await file.path()) as string, 'utf8');
}

async function importText(page: Page, name: string, text: string): Promise<void> {
	await page.getByLabel('Import a backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export, delete everything, import: the same data; a second import changes nothing; a bad file changes nothing', async ({ page }) => {
	await changeSettings(page, { 'New cards per day': '25' });
	await page.goto('/review');
	for (let i = 0; i < 3; i++) await answerCard(page, 'Good');
	await page.goto('/settings');
	const before = await storedData(page);
	expect(before.settings).toHaveLength(1);

	const backupText = await download(page, 'Export backup (JSON)');
	const backup = JSON.parse(backupText) as { format: string; checksum: string; data: { reviews: { rating: number }[]; marks: unknown[] } };
	expect(backup.format).toBe('roadmap-recall-backup');
	expect(backup.data.reviews).toHaveLength(3);

	const csv = await download(page, 'Export review log for the FSRS optimizer (CSV)');
	expect(csv.split('\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
	expect(csv.trim().split('\n')).toHaveLength(4);
	const anki = await download(page, 'Export cards for Anki (TSV)');
	expect(anki.split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#deck column:3', '#tags column:4']);
	expect(anki.split('\n')[4]?.split('\t')).toHaveLength(4);

	await page.getByLabel('Type “delete my data” to confirm').fill('delete my data');
	await page.getByRole('button', { name: 'Delete all my data' }).click();
	await expect(page.getByText('All your data was deleted.')).toBeVisible();
	expect((await storedData(page)).reviews).toEqual([]);

	await importText(page, 'backup.json', backupText);
	await expect(page.getByTestId('import-message')).toHaveText('Imported: 3 new reviews and 0 practice answers; 3 cards recomputed from their history.');
	expect(await storedData(page)).toEqual(before);

	await importText(page, 'backup.json', backupText);
	await expect(page.getByTestId('import-message')).toHaveText('Imported: 0 new reviews and 0 practice answers; 3 cards recomputed from their history.');
	expect(await storedData(page)).toEqual(before);

	// A file with one bad rating, resealed so only validation can catch it.
	backup.data.reviews[1]!.rating = 9;
	backup.checksum = crc32(canonical(backup.data));
	await importText(page, 'bad.json', JSON.stringify(backup));
	await expect(page.getByTestId('import-message')).toHaveText(/^Nothing was imported\. data\.reviews\[1\]\.rating: must be 1, 2, 3 or 4/);
	expect(await storedData(page)).toEqual(before);
	await expectAccessible(page);
});

test('text from an imported backup is shown as text, never run as HTML, under a strict CSP', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.goto('/settings');
	await expect(page.getByTestId('storage-status')).not.toHaveText('Checking storage…');
	const text = await download(page, 'Export backup (JSON)');
	const backup = JSON.parse(text) as { checksum: string; data: { marks: unknown[] } };
	const payloads = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>'];
	backup.data.marks = payloads.map((card_id) => ({ card_id, suspended: false, buried_until: null, flagged: true, leech: false }));
	backup.checksum = crc32(canonical(backup.data));
	await importText(page, 'hostile.json', JSON.stringify(backup));
	await expect(page.getByTestId('import-message')).toHaveText(/^Imported:/);

	await page.goto('/cards');
	const flagged = page.getByRole('region', { name: /^Flagged/ });
	for (const p of payloads) await expect(flagged.getByText(`${p} (no longer in any deck)`, { exact: true })).toBeVisible();
	await expect(flagged.locator('img, script')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

	// The policy itself: no inline script may run, and the app's pages raise no violation.
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	for (const path of ['/', '/review', '/sections/http', '/stats']) await page.goto(path);
	expect(violations).toEqual([]);
});
