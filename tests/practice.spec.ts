import { backupFile, backupLines, download, importFile, reviewLine } from './backup-file';
import { expect, only, test } from './fixtures';
import { countRecords, finishSession, storedStates } from './helpers';

const DAY = 86_400_000;
const ROUND = 8;

test(
	'a practice round leaves every due date unchanged, and shows in stats',
	only('desktop', 'a long journey, the same at any size: once, on the laptop'),
	async ({ page }) => {
		const { cardIds } = ((await (await page.request.get('/decks/index.json')).json()) as { decks: { id: string; cardIds: string[] }[] }).decks.find(
			(d) => d.id === 'rest'
		)!;
		// A history for every card of the section (one Good three days ago, through a backup), so whichever cards the round draws have a schedule to disturb.
		await page.goto('/settings');
		const start = Date.now() - 3 * DAY;
		const history = cardIds.map((card_id, i) => reviewLine(`history-${i}`, card_id, start + i * 60_000));
		await importFile(page, 'history.json.gz', backupFile([...backupLines(await download(page, 'Export backup')), ...history]));
		await expect(page.getByTestId('import-message')).toContainText(`${cardIds.length} answers added`);
		const before = await storedStates(page);
		expect(Object.keys(before).sort()).toEqual([...cardIds].sort());

		await page.goto('/sections/rest');
		await page.getByLabel('Practice with').fill(String(ROUND));
		await page.getByRole('button', { name: 'Practice' }).click();
		await expect(page).toHaveURL(new RegExp(`/sections/rest/practice\\?n=${ROUND}$`));
		await expect(page.getByTestId('session-counts')).toContainText(`${ROUND} left`);

		// Eight different cards of the section, each once, all rated Again.
		const practised = await finishSession(page, 'Again');
		expect(new Set(practised).size).toBe(ROUND);
		expect(practised.every((id) => cardIds.includes(id))).toBe(true);
		await expect(page.getByRole('heading', { name: 'Practice complete' })).toBeVisible();

		expect(await storedStates(page)).toEqual(before);
		expect(await countRecords(page, 'reviews')).toBe(cardIds.length);
		expect(await countRecords(page, 'practice')).toBe(ROUND);
		await page.goto('/stats');
		await expect(page.getByTestId('stats-practice')).toContainText(`${ROUND} practice answers, ${ROUND} today`);
	}
);
