import { readFileSync } from 'node:fs';
import { expect, only, test } from './fixtures';
import { backupFile, backupLines, deleteEverything, download, importFile, reviewLine } from './backup-file';
import { answerCard, changeSettings, countRecords, expectAccessible, giveAnswer, storedData, storedStates } from './helpers';

// Backups and the settings page are the same at any size: once, on the laptop.
const once = only('desktop', 'backups: one size is enough');

test('a backup made while the clock was set to 2019 restores whole, its odd times kept and named', once, async ({ page }) => {
	await page.clock.install({ time: new Date('2019-06-01T10:00:00') });
	await page.goto('/review');
	await answerCard(page, 'Good');
	await answerCard(page, 'Again');
	await page.goto('/settings');
	const before = await storedData(page);
	const file = await download(page, 'Export backup');
	// Back to the right time on a new phone: the backup still restores.
	await page.clock.setSystemTime(new Date('2026-11-28T10:00:00'));
	await deleteEverything(page);
	await importFile(page, 'backup.json.gz', file);
	await expect(page.getByTestId('import-message')).toContainText('2 answers added');
	await expect(page.getByTestId('import-message')).toContainText(
		"2 answers have a time before 2020 or in the future: the device clock was probably wrong. They were kept as they are, and are passed over when a card's schedule is worked out again from its answers."
	);
	expect((await storedData(page)).reviews).toEqual(before.reviews);
});

test('a restore gives back every due date, even after a settings change the learner did not reschedule', once, async ({ page }) => {
	await page.goto('/review');
	for (let i = 0; i < 3; i++) await answerCard(page, i === 1 ? 'Again' : 'Easy');
	await changeSettings(page, { 'Desired retention': '0.97' });
	// The offer to reschedule is declined: nothing is pressed.
	const states = await storedStates(page);
	const file = await download(page, 'Export backup');
	await deleteEverything(page);
	await importFile(page, 'backup.json.gz', file);
	await expect(page.getByTestId('import-message')).toContainText('3 cards restored exactly as exported.');
	expect(await storedStates(page)).toEqual(states);
});

test('a merge keeps the newer of each mark and setting; "Replace everything" takes the backup whole', once, async ({ page }) => {
	await page.goto('/review');
	const card = await page.locator('article[data-card-id]').getAttribute('data-card-id');
	await page.keyboard.press('f');
	await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toBeVisible();
	await changeSettings(page, { 'New cards per day': '12' });
	const file = await download(page, 'Export backup');
	expect(backupLines(file).find((l) => 'marks' in l)).toMatchObject({ marks: { card_id: card, flagged: true } });
	// Newer, here: the flag comes off and the limit changes.
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: true })).toBeVisible();
	await page.keyboard.press('f');
	await expect(page.getByRole('button', { name: 'Flag', exact: true, pressed: false })).toBeVisible();
	await changeSettings(page, { 'New cards per day': '15' });

	await importFile(page, 'backup.json.gz', file);
	await expect(page.getByTestId('import-message')).toContainText('Settings: yours were newer and stay.');
	await expect(page.getByTestId('import-message')).toContainText('Marks: 0 cards from the backup, 1 of yours newer and kept.');
	let data = await storedData(page);
	expect(data.marks).toMatchObject([{ card_id: card, flagged: false }]);
	expect(data.settings).toMatchObject([{ newPerDay: 15 }]);

	await page.reload();
	await importFile(page, 'backup.json.gz', file, 'Replace everything with this backup');
	await expect(page.getByTestId('import-message')).toContainText('Replaced everything');
	data = await storedData(page);
	expect(data.marks).toMatchObject([{ card_id: card, flagged: true }]);
	expect(data.settings).toMatchObject([{ newPerDay: 12 }]);
});

test.describe(() => {
	// The service worker would serve a worker's script from its cache, out of reach of page.route.
	test.use({ serviceWorkers: 'block' });
	test('an import that fails part way (storage full) says so in words next to it', once, async ({ page }) => {
		await page.goto('/review');
		await answerCard(page, 'Good');
		await page.goto('/settings');
		const file = await download(page, 'Export backup');
		await deleteEverything(page);
		// The import runs in a Worker: the disk fills up there, in the worker's own code as it loads.
		await page.context().route(/import\.worker-.*\.js$/, async (route) => {
			const script = await (await route.fetch()).text();
			const full = "IDBObjectStore.prototype.add = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };\n";
			await route.fulfill({ contentType: 'text/javascript', body: full + script });
		});
		await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'The import stopped: the device is out of storage space for this site.' })).toBeVisible();
		expect(await countRecords(page, 'reviews')).toBe(0);
	});

	test('an export shows the answers done and to go, and Cancel stops it with nothing saved', once, async ({ page }) => {
		await page.goto('/settings');
		const [first] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup', exact: true }).click()]);
		expect(first.suggestedFilename()).toMatch(/^roadmap-recall-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
		// Two answers and a practice answer: the export counts the answers first, then the practice.
		const now = Date.now();
		const practice = { practice: { id: 'p1', card_id: 'c1', rating: 3, correct: null, review: now, duration: 5000 } };
		const history = [reviewLine('r1', 'c1', now - 60_000), reviewLine('r2', 'c1', now), practice];
		await importFile(page, 'history.json.gz', backupFile([...backupLines(readFileSync(await first.path())), ...history]));
		await expect(page.getByTestId('import-message')).toContainText('2 answers added, 1 practice answer added');
		// The export runs in a Worker: there it stays busy after its first progress, as a long export does.
		await page.context().route(/export\.worker-.*\.js$/, async (route) => {
			const script = await (await route.fetch()).text();
			const busy = "{ const send = self.postMessage.bind(self); self.postMessage = (m) => { send(m); if (m.type === 'progress') for (;;); }; }\n";
			await route.fulfill({ contentType: 'text/javascript', body: busy + script });
		});
		const saved: string[] = [];
		page.on('download', (d) => saved.push(d.suggestedFilename()));
		await page.getByRole('button', { name: 'Export backup', exact: true }).click();
		const progress = page.getByRole('progressbar', { name: 'Exporting: 2 of 3 answers, 1 to go' });
		await expect(progress).toHaveAttribute('value', '2');
		await expect(progress).toHaveAttribute('max', '3');
		const exporting = () => page.workers().filter((w) => /export\.worker-/.test(w.url())).length;
		await expect.poll(exporting).toBe(1);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Cancel export' }).click();
		await expect(page.getByTestId('export-message')).toHaveText('Export cancelled: nothing was saved.');
		await expect(page.getByRole('progressbar', { name: /^Exporting/ })).toHaveCount(0);
		// Cancel ends the worker itself, busy as it is.
		await expect.poll(exporting).toBe(0);
		// The keyboard's place, on Cancel as it went, is back on the button that starts an export.
		await expect(page.getByRole('button', { name: 'Export backup', exact: true })).toBeFocused();
		expect(saved).toEqual([]);
	});
});

test('the daily new-card limit holds with three tabs on three sections', once, async ({ page, context }) => {
	await changeSettings(page, { 'New cards per day': '1' });
	const tabs = [page, await context.newPage(), await context.newPage()];
	const sections = ['http', 'rest', 'caching'];
	// All three open their quiz, each showing one new card, before any answer.
	for (const [i, tab] of tabs.entries()) {
		await tab.goto(`/sections/${sections[i]}/quiz`);
		await expect(tab.getByTestId('left-new')).toHaveText('1');
	}
	for (const tab of tabs) await giveAnswer(tab);
	for (const tab of tabs) await tab.getByRole('button', { name: /^Good/ }).click();
	await expect(tabs[1]!.getByRole('status').filter({ hasText: "Today's 1 new card was already introduced" })).toBeVisible();
	await expect(tabs[2]!.getByRole('status').filter({ hasText: "Today's 1 new card was already introduced" })).toBeVisible();
	expect(await countRecords(page, 'reviews')).toBe(1);
});

test('steps beyond a year or under a minute are refused by the form and by import alike', once, async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m 100000000d');
	await page.getByLabel('Relearning steps', { exact: true }).fill('0m');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Learning steps: "100000000d" is longer than a year; each step must be from 1m to 365d.')).toBeVisible();
	await expect(page.getByText(/Relearning steps: "0m" is shorter than a minute/)).toBeVisible();
	// A backup with such a step is refused whole, naming the line and field.
	const lines = backupLines(await download(page, 'Export backup'));
	(lines[1]!.settings as { learningSteps: string[] }).learningSteps = ['100000000d'];
	await importFile(page, 'bad.json.gz', backupFile(lines));
	await expect(page.getByTestId('import-message')).toHaveText(/^Nothing was imported\. line 2: settings\.learningSteps\[0\]: must be a step from 1m to 365d/);
	expect((await storedData(page)).settings).toEqual([]);
});

test('a review log exported for a spreadsheet escapes cells that would run as formulas', once, async ({ page }) => {
	await page.goto('/settings');
	const lines = backupLines(await download(page, 'Export backup'));
	const review = (card_id: string, i: number) => reviewLine(`r${i}`, card_id, Date.UTC(2026, 10, 1, 9, i));
	const hostile = ['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)'];
	await importFile(page, 'hostile.json.gz', backupFile([...lines, ...hostile.map(review)]));
	await expect(page.getByTestId('import-message')).toContainText('4 answers added');
	const csv = (await download(page, 'Export review log for the FSRS optimizer (CSV)')).toString('utf8');
	// Each row: the card id, then four numbers.
	const ids = csv
		.trim()
		.split('\n')
		.slice(1)
		.map((row) => row.replace(/(,\d+){4}$/, ''));
	expect(ids.sort()).toEqual(['"\'=HYPERLINK(""http://evil"")"', "'+1+1", "'-2", "'@SUM(A1)"].sort());
});

test('a backup chosen before the page has woken up is still imported', once, async ({ page }) => {
	await page.goto('/review');
	await answerCard(page, 'Good');
	await page.goto('/settings');
	const file = await download(page, 'Export backup');
	await deleteEverything(page);
	// A slow phone: the prerendered page is there, its JavaScript not yet (held here until the file is chosen).
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
		await held;
		await route.continue();
	});
	const opened = page.goto('/settings');
	await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json.gz', mimeType: 'application/gzip', buffer: file });
	expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(false);
	release();
	await opened;
	await page.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(page.getByTestId('import-message')).toContainText('1 answer added');
});
