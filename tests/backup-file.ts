import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Crc32 } from '../src/lib/data/backup/crc32';

/** Clicks a download button and returns the file's bytes. */
export async function download(page: Page, button: string): Promise<Buffer> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
	return readFileSync(await file.path());
}

/** A format-2 backup's records, one per line. */
export function backupLines(file: Buffer): Record<string, unknown>[] {
	return gunzipSync(file)
		.toString('utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A backup made of these records, with a fresh end line (counts and checksum), as the app writes one. */
export function backupFile(lines: Record<string, unknown>[]): Buffer {
	const body = lines
		.filter((l) => !('end' in l))
		.map((l) => `${JSON.stringify(l)}\n`)
		.join('');
	const count = (k: string) => lines.filter((l) => k in l).length;
	const end = {
		reviews: count('review'),
		practice: count('practice'),
		cards: count('card'),
		marks: count('marks'),
		checksum: new Crc32().update(Buffer.from(body)).hex()
	};
	return gzipSync(Buffer.from(`${body}${JSON.stringify({ end })}\n`));
}

/** A backup line for one answer as the app logs it; import replays it, so the state fields are only the log's shape. */
export function reviewLine(id: string, card_id: string, at: number, rating = 3): Record<string, unknown> {
	return {
		review: {
			id,
			card_id,
			rating,
			review: at,
			duration: 5000,
			state: 0,
			due: at,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			last_elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0
		}
	};
}

/** Chooses a file to import and how: "Merge into my data" or "Replace everything with this backup". */
export async function importFile(
	page: Page,
	name: string,
	buffer: Buffer,
	how: 'Merge into my data' | 'Replace everything with this backup' = 'Merge into my data'
): Promise<void> {
	await page.getByLabel('Import a backup').setInputFiles({ name, mimeType: 'application/gzip', buffer });
	await page.getByRole('button', { name: how }).click();
	await expect(page.getByTestId('import-message')).toBeVisible();
}

/** Deletes everything through the settings page, as a learner would. */
export async function deleteEverything(page: Page): Promise<void> {
	await page.getByLabel('Type “delete my data” to confirm').fill('delete my data');
	await page.getByRole('button', { name: 'Delete all my data' }).click();
	await expect(page.getByText('All your data was deleted.')).toBeVisible();
}
