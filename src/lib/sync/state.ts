import type { RecallDatabase } from '$lib/db/open';
import { getMeta, putMeta, readMeta, type CouchConfig, type SyncStatus } from '$lib/db/meta';

// What sync keeps on the device is in `meta` (db/meta-keys.ts): sync, sync-since, sync-scan, sync-status.
export type { ScanPosition, SyncStatus } from '$lib/db/meta';

/** Whether `a` is set up for the same server and database as `b` (the user and password aside). */
export function sameTarget(a: CouchConfig | undefined, b: CouchConfig): boolean {
	return !!a && a.server === b.server && a.db === b.db;
}

/** Since when sync has been failing: the first failure after the last sync that went through (undefined: it is not failing). */
export function failingSince(status: SyncStatus): number | undefined {
	if (!status.lastError || status.lastErrorAt === undefined || status.lastErrorAt <= (status.lastSync ?? 0)) return undefined;
	return status.failingSince ?? status.lastErrorAt;
}

export async function getSyncConfig(db: RecallDatabase): Promise<CouchConfig | undefined> {
	return readMeta(db, 'sync');
}

export async function getSyncStatus(db: RecallDatabase): Promise<SyncStatus> {
	return (await readMeta(db, 'sync-status')) ?? { skipped: [], skippedCount: 0 };
}

/**
 * Turns sync on for this server: from now on every change is queued in the
 * outbox in its own transaction, and what was here before is uploaded once
 * (the scan). Pointing at another server or database starts over.
 */
export async function startSync(db: RecallDatabase, config: CouchConfig, now = Date.now()): Promise<void> {
	const tx = db.transaction(['meta', 'outbox'], 'readwrite', { durability: 'strict' });
	const meta = tx.objectStore('meta');
	const old = await getMeta(meta, 'sync');
	const same = sameTarget(old, config);
	const writes: Promise<unknown>[] = [putMeta(meta, 'sync', config)];
	if (!same) {
		writes.push(meta.delete('sync-since'), putMeta(meta, 'sync-scan', { step: 0, until: now }), meta.delete('sync-status'), tx.objectStore('outbox').clear());
	}
	await Promise.all([...writes, tx.done]);
}

/**
 * "Stop syncing": forgets the password and the server, and stops queueing
 * changes. The learner's own data stays as it is, on this device and on the server.
 */
export async function stopSync(db: RecallDatabase): Promise<void> {
	const tx = db.transaction(['meta', 'outbox'], 'readwrite', { durability: 'strict' });
	const meta = tx.objectStore('meta');
	await Promise.all([
		meta.delete('sync'),
		meta.delete('sync-since'),
		meta.delete('sync-scan'),
		meta.delete('sync-status'),
		tx.objectStore('outbox').clear(),
		tx.done
	]);
}
