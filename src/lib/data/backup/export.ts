import type { RecallDatabase } from '$lib/db/open';
import { deviceId } from '$lib/db/device';
import { fill, GROW_ONLY, isGrowOnly, isOne, keyOf, KIND_NAMES, KINDS, type GrowOnlyKind, type KeyedKind } from '../kinds';
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
 * and gzipped as it goes, so a million answers export on a phone. A line
 * per record of each kind in the table (kinds.ts), named by its kind: the
 * one settings record first, then the answers (paged), the card states
 * (a cache of the answers, not synced), and the marks and notes.
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
	const others = KIND_NAMES.filter((k): k is Exclude<KeyedKind, GrowOnlyKind> => !isOne(k) && !isGrowOnly(k));
	// The settings in force: the stored record with the defaults for whatever it lacks.
	for (const kind of KIND_NAMES.filter(isOne)) await out.line({ [kind]: fill(kind, await db.get(KINDS[kind].store, keyOf(kind, undefined))) });
	const total = (await Promise.all(GROW_ONLY.map((k) => db.count(KINDS[k].store)))).reduce((a, b) => a + b, 0);
	let done = 0;
	// The end line counts each store in the file's order.
	const stores = [...GROW_ONLY.map((k) => KINDS[k].store), 'cards' as const, ...others.map((k) => KINDS[k].store)];
	const counts = Object.fromEntries(stores.map((s) => [s, 0])) as Record<(typeof stores)[number], number>;
	for (const kind of GROW_ONLY) {
		const store = KINDS[kind].store;
		let after: string | undefined;
		for (;;) {
			// By primary key, a page after the last: no cursor held across the (slow) compression.
			const page = await db.getAll(store, after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PAGE);
			for (const r of page) await out.line({ [kind]: r });
			counts[store] += page.length;
			done += page.length;
			onProgress?.(done, total);
			if (page.length < PAGE) break;
			after = page[page.length - 1]?.id;
		}
	}
	for (const c of await db.getAll('cards')) await out.line({ card: c });
	counts.cards = await db.count('cards');
	for (const kind of others) {
		const store = KINDS[kind].store;
		for (const r of await db.getAll(store)) await out.line({ [kind]: r });
		counts[store] = await db.count(store);
	}
	const blob = await out.finish(counts);
	return { blob, reviews: counts.reviews, bytes: out.bytes };
}
