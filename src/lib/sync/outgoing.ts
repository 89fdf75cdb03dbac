import type { RecallDatabase } from '$lib/db/open';
import type { OutboxEntry } from '$lib/db/schema';
import { docIdOf, keyOf, kindOf, KINDS, SCAN_ORDER, storeKeyOf, SYNCED_STORES, type Kind } from '$lib/data/kinds';
import type { ScanPosition } from './state';

/** Documents sent per request, and records read per page of the first upload. */
export const PUSH_BATCH = 500;

/** One change to send: a document's current content, or its deletion. */
export interface Outgoing {
	id: string;
	data?: unknown;
	/** The outbox entry it came from, removed once the server has it. */
	entry?: OutboxEntry;
}

/** The documents for outbox entries: each record as it is now (from its kind's store), or its deletion. */
export async function outgoing(db: RecallDatabase, entries: readonly OutboxEntry[]): Promise<Outgoing[]> {
	const tx = db.transaction(SYNCED_STORES);
	const read = (key: string): Promise<unknown> => {
		const kind = kindOf(key);
		return kind ? tx.objectStore(KINDS[kind].store).get(storeKeyOf(kind, key)) : Promise.resolve(undefined);
	};
	const data = await Promise.all(entries.map((e) => (e.op === 'put' ? read(e.key) : Promise.resolve(undefined))));
	return entries.map((entry, i) => ({ id: entry.key, data: data[i], entry }));
}

/** A document for a record of `kind`. */
const item = (kind: Kind, data: unknown): Outgoing => ({ id: docIdOf(kind, data), data });

/**
 * A page of the first upload: the kinds in the table's scan order (the
 * step, kept in meta, is a place in that order), each read as the table
 * says. Answers go in time order, so another device replays them as they
 * happened.
 */
export async function scanPage(db: RecallDatabase, scan: ScanPosition): Promise<{ items: Outgoing[]; next: ScanPosition }> {
	const kind = SCAN_ORDER[scan.step];
	const following = (): ScanPosition => (scan.step + 1 < SCAN_ORDER.length ? { ...scan, step: scan.step + 1, after: undefined } : { ...scan, done: true });
	if (kind === undefined) return { items: [], next: { ...scan, done: true } };
	const spec = KINDS[kind];
	const store = spec.store;
	if (spec.scan.by === 'one') {
		const record = await db.get(store, keyOf(kind, undefined));
		return { items: record ? [item(kind, record)] : [], next: following() };
	}
	if (spec.scan.by === 'key') {
		const after = typeof scan.after === 'string' ? IDBKeyRange.lowerBound(scan.after, true) : undefined;
		const page = await db.getAll(store, after, PUSH_BATCH);
		const last = page.at(-1);
		return { items: page.map((r) => item(kind, r)), next: page.length < PUSH_BATCH || !last ? following() : { ...scan, after: keyOf(kind, last) } };
	}
	// Answers by time, then id, up to when the upload began (later ones are in the outbox):
	// a page starts at the last time sent, leaving out what was sent at that very ms.
	const after = typeof scan.after === 'object' ? scan.after : undefined;
	const until = scan.until ?? Number.MAX_SAFE_INTEGER;
	const range = IDBKeyRange.bound(after?.time ?? -Infinity, until);
	// The kinds read by time are the answers, with a by-time index.
	const page = (await db.getAllFromIndex(store as 'reviews' | 'practice', 'by-time', range, PUSH_BATCH + 50)) as { id: string; review: number }[];
	const rest = after ? page.filter((r) => r.review > after.time || r.id > after.id) : page;
	const sorted = rest.sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : 1)).slice(0, PUSH_BATCH);
	const last = sorted.at(-1);
	const more = page.length === PUSH_BATCH + 50 || rest.length > PUSH_BATCH;
	return { items: sorted.map((r) => item(kind, r)), next: last && more ? { ...scan, after: { time: last.review, id: last.id } } : following() };
}
