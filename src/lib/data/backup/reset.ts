import type { StoreNames } from 'idb';
import type { RecallDatabase } from '$lib/db/open';
import type { RecallDB } from '$lib/db/schema';
import { MERGE_STORES } from '../kinds';

/**
 * The stores of everything the learner owns: each synced kind's, what
 * merging them writes besides (the log's running totals, card states), and
 * sync's queue; `meta` is cleared apart from this device's id.
 */
const OWN_STORES = [...MERGE_STORES.filter((s) => s !== 'meta'), 'outbox'] as StoreNames<RecallDB>[];

/** Deletes everything the learner owns, in one transaction (this device keeps its id). */
export async function resetAll(db: RecallDatabase, options?: IDBTransactionOptions): Promise<void> {
	// The running totals of the log go with it, and sync's settings and queue: sync is off afterwards.
	const tx = db.transaction([...OWN_STORES, 'meta'], 'readwrite', options);
	const meta = tx.objectStore('meta');
	const keys = (await meta.getAllKeys()).filter((k) => k !== 'device');
	await Promise.all([...OWN_STORES.map((s) => tx.objectStore(s).clear()), ...keys.map((k) => meta.delete(k)), tx.done]);
}
