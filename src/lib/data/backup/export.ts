import type { RecallDatabase } from '$lib/db/open';
import { deviceId } from '$lib/db/device';
import { withDefaults } from '$lib/db/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter } from './format';

/** How many records each read takes: memory stays at one page whatever the history's size. */
const PAGE = 5000;

export interface ExportedBackup {
	blob: Blob;
	reviews: number;
	/** Uncompressed size, for the record. */
	bytes: number;
}

/**
 * Everything the learner owns as a format-2 backup: read a page at a time
 * and gzipped as it goes, so a million answers export on a phone.
 */
export async function exportBackup(
	db: RecallDatabase,
	appVersion: string,
	now: number,
	onProgress?: (done: number, total: number) => void
): Promise<ExportedBackup> {
	const out = new BackupWriter();
	const device = await deviceId(db);
	await out.line({ format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, appVersion, exportedAt: now, device });
	await out.line({ settings: withDefaults(await db.get('settings', 'user')) });
	const total = (await db.count('reviews')) + (await db.count('practice'));
	let done = 0;
	const counts = { reviews: 0, practice: 0, cards: 0, marks: 0, reports: 0 };
	for (const [store, kind, key] of [
		['reviews', 'review', 'reviews'],
		['practice', 'practice', 'practice']
	] as const) {
		let after: string | undefined;
		for (;;) {
			// By primary key, a page after the last: no cursor held across the (slow) compression.
			const page = await db.getAll(store, after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PAGE);
			for (const r of page) await out.line({ [kind]: r });
			counts[key] += page.length;
			done += page.length;
			onProgress?.(done, total);
			if (page.length < PAGE) break;
			after = page[page.length - 1]?.id;
		}
	}
	for (const c of await db.getAll('cards')) await out.line({ card: c });
	counts.cards = await db.count('cards');
	for (const m of await db.getAll('marks')) await out.line({ marks: m });
	counts.marks = await db.count('marks');
	for (const r of await db.getAll('reports')) await out.line({ report: r });
	counts.reports = await db.count('reports');
	const blob = await out.finish(counts);
	return { blob, reviews: counts.reviews, bytes: out.bytes };
}
