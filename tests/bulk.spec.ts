import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, only, test } from './fixtures';
import { backupFile, reviewLine } from './backup-file';
import { storedData } from './helpers';
import { kill, launch } from './killable';
import { recompute } from '../src/lib/db/aggregates';
import { replay } from '../src/lib/srs/grade';
import { isPlausibleTime } from '../src/lib/srs/constants';
import { scheduler } from '../src/lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '../src/lib/db/settings';
import type { CardState, ReviewRecord } from '../src/lib/srs/types';

// Imports are the same at any size: once, on the laptop.
const once = only('desktop', 'bulk imports: one size is enough');

const DAY = 86_400_000;

/** A backup of `n` answers over the first 60 cards of the decks, a day apart per card, ending yesterday. */
async function history(page: Page, n: number, base = ''): Promise<Buffer> {
	const index = (await (await page.request.get(`${base}/decks/index.json`)).json()) as { decks: { cardIds: string[] }[] };
	const cards = index.decks.flatMap((d) => d.cardIds).slice(0, 60);
	const start = Date.now() - Math.ceil(n / cards.length) * DAY - DAY;
	const lines: Record<string, unknown>[] = [
		{ format: 'roadmap-recall-backup', formatVersion: 2, appVersion: 'test', exportedAt: Date.now(), device: 'other' },
		{ settings: { ...DEFAULT_SETTINGS, updated: 1, device: 'other' } }
	];
	for (let i = 0; i < n; i++) {
		const card = cards[i % cards.length]!;
		lines.push(reviewLine(`bulk-${i}`, card, start + Math.floor(i / cards.length) * DAY + (i % cards.length) * 60_000, i % 9 === 0 ? 1 : 3));
	}
	return backupFile(lines);
}

/** Every card state and running total is what the answers in the log give: nothing was left half done. */
async function expectConsistent(page: Page): Promise<number> {
	const data = await storedData(page, ['settings', 'cards', 'reviews', 'buckets', 'cardTotals']);
	const reviews = data.reviews as ReviewRecord[];
	const f = scheduler({ ...DEFAULT_SETTINGS, ...(data.settings?.[0] as object) });
	const now = Date.now();
	const byCard = new Map<string, ReviewRecord[]>();
	for (const r of reviews) byCard.set(r.card_id, [...(byCard.get(r.card_id) ?? []), r]);
	const cards = data.cards as CardState[];
	expect(cards.map((c) => c.card_id).sort()).toEqual([...byCard.keys()].sort());
	for (const c of cards)
		expect(c).toEqual(
			replay(
				f,
				c.card_id,
				byCard.get(c.card_id)!.filter((r) => isPlausibleTime(r.review, now))
			)
		);
	const totals = recompute(reviews);
	const sort = <T>(list: T[], key: (x: T) => string | number) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
	expect(sort(data.buckets as { t: number }[], (b) => b.t)).toEqual(sort([...totals.buckets.values()], (b) => b.t));
	expect(sort(data.cardTotals as { card_id: string }[], (c) => c.card_id)).toEqual(sort([...totals.cards.values()], (c) => c.card_id));
	return reviews.length;
}

test.describe(() => {
	// The service worker would serve the import worker's script from its cache, out of reach of page.route.
	test.use({ serviceWorkers: 'block' });
	test('a cancelled import keeps what it added, says how much, and importing the file again adds the rest', once, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/settings');
		const file = await history(page, 12_000);
		// Each answer's write takes half a millisecond longer in the import's worker, so there is time to press Cancel.
		await page.context().route(/import\.worker-.*\.js$/, async (route) => {
			const script = await (await route.fetch()).text();
			const slow =
				'const add = IDBObjectStore.prototype.add; IDBObjectStore.prototype.add = function (...a) { const t = performance.now(); while (performance.now() - t < 0.5); return add.apply(this, a); };\n';
			await route.fulfill({ contentType: 'text/javascript', body: slow + script });
		});
		await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		// Progress in counts, with what is left.
		await expect(page.getByTestId('import-detail')).toContainText(/[1-9][\d,]* of 12,000 answers · [\d,]+ left/, { timeout: 30_000 });
		await page.getByRole('button', { name: 'Cancel import' }).click();
		const message = page.getByTestId('import-message');
		await expect(message).toContainText(/Import cancelled after [\d,]+ of 12,000 answers in the file/);
		const added = Number(/Merged: ([\d,]+) answers added/.exec(await message.innerText())![1]!.replace(/,/g, ''));
		expect(added).toBeGreaterThan(0);
		expect(added).toBeLessThan(12_000);
		expect(await expectConsistent(page)).toBe(added);

		await page.context().unrouteAll();
		await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(message).toContainText(`Merged: ${(12_000 - added).toLocaleString('en')} answers added (${added.toLocaleString('en')} were here already)`, {
			timeout: 60_000
		});
		expect(await expectConsistent(page)).toBe(12_000);
	});
});

test('an import cut short by a crash is finished by the next page opened: every card and total matches the answers kept', once, async ({}, testInfo) => {
	test.setTimeout(180_000);
	const base = String(testInfo.project.use.baseURL);
	const profile = mkdtempSync(join(tmpdir(), 'recall-bulk-crash-'));
	try {
		let { proc, page, browser } = await launch(profile);
		await page.goto(`${base}/settings`);
		const file = await history(page, 20_000, base);
		await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json.gz', mimeType: 'application/gzip', buffer: file });
		await page.getByRole('button', { name: 'Merge into my data' }).click();
		await expect(page.getByTestId('import-detail')).toContainText(/[1-9][\d,]* of 20,000 answers/, { timeout: 60_000 });
		await kill(proc);

		({ proc, page, browser } = await launch(profile));
		// A page of the site without the app: the marker of the cut-short import is still there, nothing repaired yet.
		await page.goto(`${base}/manifest.webmanifest`);
		const marker = await storedData(page, ['meta']);
		expect(marker.meta).toContainEqual(expect.objectContaining({ cards: expect.any(Array) }));
		// The app opened: it finishes the import's bookkeeping for the answers that were kept.
		await page.goto(`${base}/stats`);
		await expect
			.poll(async () => (await storedData(page, ['meta'])).meta!.some((m) => typeof m === 'object' && m !== null && 'cards' in m), { timeout: 30_000 })
			.toBe(false);
		const kept = await expectConsistent(page);
		expect(kept).toBeGreaterThan(0);
		expect(kept).toBeLessThan(20_000);
		await browser.close();
		await kill(proc);
	} finally {
		rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
	}
});
