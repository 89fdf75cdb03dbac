import { backupFile, backupLines, deleteEverything, download, importFile } from './backup-file';
import { expect, only, test } from './fixtures';
import { answerCard, changeSettings, expectAccessible, storedData } from './helpers';

test(
	'export, delete everything, import: the same data; a second import changes nothing; a bad file changes nothing',
	only('desktop', 'backups: one size is enough'),
	async ({ page }) => {
		await changeSettings(page, { 'New cards per day': '25' });
		await page.goto('/review');
		for (let i = 0; i < 3; i++) await answerCard(page, 'Good');
		await page.goto('/settings');
		const before = await storedData(page);
		expect(before.settings).toHaveLength(1);

		const file = await download(page, 'Export backup');
		await expect(page.getByTestId('export-message')).toHaveText(/^Backup saved: 3 answers in [\d.]+ MB \(gzip\)\.$/);
		const lines = backupLines(file);
		expect(lines[0]).toMatchObject({ format: 'roadmap-recall-backup', formatVersion: 2 });
		expect(lines.filter((l) => 'review' in l)).toHaveLength(3);

		const csv = (await download(page, 'Export review log for the FSRS optimizer (CSV)')).toString('utf8');
		expect(csv.split('\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
		expect(csv.trim().split('\n')).toHaveLength(4);
		const anki = (await download(page, 'Export cards for Anki (TSV)')).toString('utf8');
		expect(anki.split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#deck column:3', '#tags column:4']);
		expect(anki.split('\n')[4]?.split('\t')).toHaveLength(4);

		await deleteEverything(page);
		expect((await storedData(page)).reviews).toEqual([]);

		await importFile(page, 'backup.json.gz', file);
		await expect(page.getByTestId('import-message')).toHaveText(/^Merged: 3 answers added, 0 practice answers added\. 3 cards restored exactly as exported\./);
		expect(await storedData(page)).toEqual(before);

		await importFile(page, 'backup.json.gz', file);
		await expect(page.getByTestId('import-message')).toHaveText(/^Merged: 0 answers added \(3 were here already\)/);
		expect(await storedData(page)).toEqual(before);

		// A file with one bad rating, resealed so only validation can catch it.
		const bad = lines.map((l) => structuredClone(l));
		(bad.filter((l) => 'review' in l)[1]!.review as { rating: number }).rating = 9;
		await importFile(page, 'bad.json.gz', backupFile(bad));
		await expect(page.getByTestId('import-message')).toHaveText(/^Nothing was imported\. line 4: review\.rating: must be 0, 1, 2, 3 or 4 \(Forget, Again/);
		expect(await storedData(page)).toEqual(before);
		await expectAccessible(page);
	}
);

test(
	'text from an imported backup is shown as text, never run as HTML, under a strict CSP',
	only('desktop', 'the same at any size: once'),
	async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		await page.goto('/settings');
		await expect(page.getByTestId('storage-status')).not.toHaveText('Checking storage…');
		const lines = backupLines(await download(page, 'Export backup'));
		const payloads = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>'];
		const hostile = payloads.map((card_id) => ({ marks: { card_id, suspended: false, buried_until: null, flagged: true, leech: false } }));
		await importFile(page, 'hostile.json.gz', backupFile([...lines, ...hostile]));
		await expect(page.getByTestId('import-message')).toHaveText(/^Merged:/);

		await page.goto('/cards?mark=flagged');
		const flagged = page.getByRole('list', { name: 'Cards' });
		for (const p of payloads) await expect(flagged.getByText(`${p} (no longer in any deck)`, { exact: true })).toBeVisible();
		await expect(flagged.locator('img, script')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

		// The policy itself: no inline script may run, and the app's pages raise no violation.
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		for (const path of ['/', '/review', '/sections/http', '/stats']) await page.goto(path);
		expect(violations).toEqual([]);
	}
);
