import { expect, hydrating, only, test } from './fixtures';
import type { Page } from '@playwright/test';
import { backupLines, deleteEverything, download, importFile } from './backup-file';
import { answerCard, expectAccessible, giveAnswer } from './helpers';
import { newDbName, setUpSync } from './sync-helpers';

/** One card of each kind, written through the form as a learner would (the section's topics left alone). */
const CARDS = [
	{
		kind: 'Question and answer',
		prompt: 'Mine: which request header carries cookies back? <script>window.pwned = 1</script>',
		fields: { Answer: '`Cookie`' }
	},
	{
		kind: 'Pick one',
		prompt: 'Mine: which status says a resource was made?',
		fields: { 'Right answer': '201 Created', 'Wrong option 1': '200 OK', 'Wrong option 2': '204 No Content' }
	},
	{
		kind: 'Choose all that apply',
		prompt: 'Mine: which methods are idempotent?',
		fields: { 'Right option 1': 'PUT', 'Right option 2': 'DELETE', 'Wrong option 1': 'POST' }
	},
	{
		kind: 'Type the answer',
		prompt: 'Mine: which header names the media type of a body?',
		fields: { Answer: 'Content-Type', 'Other answer 1': 'MIME type' }
	},
	{ kind: 'Put in order', prompt: 'Mine: order a TLS 1.3 handshake.', fields: { 'Step 1': 'ClientHello', 'Step 2': 'ServerHello', 'Step 3': 'Finished' } }
] as const;

async function writeCard(page: Page, card: (typeof CARDS)[number]): Promise<void> {
	await page.goto('/cards/new?section=http');
	await page.getByRole('radio', { name: card.kind }).check();
	await page.getByLabel('Question', { exact: true }).fill(card.prompt);
	for (const [label, value] of Object.entries(card.fields)) await page.getByLabel(label, { exact: true }).fill(value);
	await page.getByLabel('Explanation', { exact: true }).fill('Written by the learner for this test.');
	// The preview shows the card as the review will, before it is saved.
	await expect(page.getByTestId('own-card-preview')).toContainText(card.prompt);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

/** The prompts of the learner's cards the section page lists. */
const ownPrompts = (page: Page) => page.getByTestId('own-cards').locator('li');

test(
	'own cards of every kind: written, refused when incomplete, reviewed, edited, restored from a backup and synced to a second device',
	only('desktop', 'the form and sync are the same at any size: once, on the laptop'),
	async ({ page, browser, baseURL }, info) => {
		test.setTimeout(120_000);
		// Incomplete: the error is at its field, and nothing is saved.
		await page.goto('/cards/new?section=http');
		// Before Save, the preview says what it waits for.
		await expect(page.getByTestId('own-card-preview')).toContainText('Still needed: Question: must not be empty');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByLabel('Question', { exact: true })).toBeFocused();
		await expect(page.locator('form').getByText('Question: must not be empty')).toBeVisible();
		await expectAccessible(page);

		// From Cards, the learner first picks the section.
		await page.goto('/cards');
		await page.getByRole('link', { name: 'Add a card' }).click();
		await page.getByRole('list', { name: 'Sections' }).getByRole('link', { name: 'HTTP', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Add a card to HTTP' })).toBeVisible();

		for (const card of CARDS) await writeCard(page, card);
		await page.goto('/sections/http');
		await expect(ownPrompts(page)).toHaveCount(5);
		// What the learner typed is shown as text, never run.
		await expect(ownPrompts(page).first()).toContainText('<script>window.pwned = 1</script>');
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

		// A note of the learner's own on the quiz's first card: saved in Cards, found by its words, shown under the explanation.
		await page.goto('/sections/http/quiz');
		const first = await page.locator('article[data-card-id]').getAttribute('data-card-id');
		await page.goto(`/cards?card=${first}`);
		await page.getByLabel(/^Your note/).fill('Met at work: the zebrastripe CDN');
		await page.getByRole('button', { name: 'Save note' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
		await page.goto('/cards?q=zebrastripe');
		await expect(page.locator('li[data-card-id]')).toHaveCount(1);
		await page.goto('/sections/http/quiz');
		await expect(page.locator('article[data-card-id]')).toHaveAttribute('data-card-id', first!);
		await giveAnswer(page);
		await expect(page.getByTestId('card-note')).toHaveText('Met at work: the zebrastripe CDN');

		// Reviewed like any card: the section's quiz brings them first (the default), each kind graded.
		await page.goto('/sections/http/quiz');
		const answered = [];
		for (let i = 0; i < 5; i++) answered.push(await answerCard(page, 'Good'));
		expect(answered.every((id) => id.startsWith('mine-'))).toBe(true);

		// Edited: a new answer for a studied card offers to start it over.
		await page.goto('/sections/http');
		await ownPrompts(page).filter({ hasText: 'which request header' }).getByRole('link').click();
		await expect(page.getByRole('heading', { name: 'Edit your card' })).toBeVisible();
		await page.getByLabel('Answer', { exact: true }).fill('The `Cookie` header');
		await expect(page.getByLabel('Start this card over: its answer changed')).toBeChecked();
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'It starts over as a new card.' })).toBeVisible();
		await page.goto('/cards?mine=1');
		await expect(page.locator('li[data-card-id^="mine-"]')).toHaveCount(5);

		// A backup brings them back after everything was deleted.
		await page.goto('/settings');
		const file = await download(page, 'Export backup');
		expect(backupLines(file).filter((l) => 'ownCard' in l)).toHaveLength(5);
		await deleteEverything(page);
		await page.goto('/sections/http');
		await expect(ownPrompts(page)).toHaveCount(0);
		await page.goto('/settings');
		await importFile(page, 'backup.gz', file);
		await page.goto('/sections/http');
		await expect(ownPrompts(page)).toHaveCount(5);
		// As edited: the new answer is what the browser finds.
		await page.goto('/cards?mine=1&q=the+cookie+header');
		await expect(page.locator('li[data-card-id^="mine-"]')).toHaveCount(1);

		// Synced: a second device gets the cards and their answers.
		const db = newDbName(info);
		await setUpSync(page, db);
		const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
		try {
			const other = hydrating(await context.newPage());
			await setUpSync(other, db);
			await other.goto('/sections/http');
			await expect(ownPrompts(other)).toHaveCount(5);
			await other.goto('/cards?mine=1');
			await expect(other.locator('li[data-card-id^="mine-"]')).toHaveCount(5);
		} finally {
			await context.close();
		}
	}
);
