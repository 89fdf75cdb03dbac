import type { IDBPTransaction, StoreNames } from 'idb';
import type { RecallDatabase } from '$lib/db/open';
import { putMeta } from '$lib/db/meta';
import type { OutboxEntry, RecallDB } from '$lib/db/schema';

/**
 * After an import: everything is uploaded again (the server keeps one copy
 * of each answer, so nothing doubles), and what the backup brought reaches
 * the server too.
 */
export async function rescanForSync(db: RecallDatabase): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	if ((await tx.store.getKey('sync')) !== undefined) await putMeta(tx.store, 'sync-scan', { step: 0, until: Date.now() });
	await tx.done;
}

/** The outbox's keys are the server's document ids ("review:<id>", "settings"), from the table of kinds. */
export { docId } from './kinds';

type WithOutbox = IDBPTransaction<RecallDB, ArrayLike<StoreNames<RecallDB>>, 'readwrite'>;

/**
 * Queues changed documents for the server, inside the transaction that
 * changes them, when sync is set up (so a crash cannot keep one and lose the
 * other). The transaction must include 'meta' and 'outbox'. Returns the
 * writes to issue with the rest (see commit()).
 */
export async function queueForSync(
	tx: WithOutbox,
	changes: readonly { key: string; op: OutboxEntry['op'] }[],
	now = Date.now(),
	syncOn?: boolean
): Promise<(() => Promise<unknown>)[]> {
	if (changes.length === 0) return [];
	// While sync's settings are in `meta`, changes are queued for the server (`syncOn`: the caller read it in this transaction).
	const on = syncOn ?? (await isSyncOn(tx));
	if (!on) return [];
	const outbox = tx.objectStore('outbox');
	return changes.map((c) => () => outbox.put({ key: c.key, op: c.op, at: now }));
}

/** Whether sync is set up, read in the caller's transaction (which must include 'meta'). */
export async function isSyncOn(tx: WithOutbox): Promise<boolean> {
	return (await tx.objectStore('meta').getKey('sync')) !== undefined;
}
