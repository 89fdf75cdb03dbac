import type { RecallDatabase } from '$lib/db/open';
import { SCAN_KEY, SYNC_CONFIG_KEY } from '$lib/db/outbox';

export { SCAN_KEY };
import type { AuthMode, CouchConfig } from './couch';

/**
 * What sync keeps on the device, in `meta`:
 *   sync          the server, database, user and password (this device only; "Stop syncing" deletes it)
 *   sync-since    the last _changes sequence merged, written in the same transaction as the merge
 *   sync-scan     how far the first upload of what was here before sync got (resumable)
 *   sync-status   the last sync's outcome, for the settings page
 */
export const SINCE_KEY = 'sync-since';
export const STATUS_KEY = 'sync-status';

/** Position of the first upload: which kind of record, and the last key sent. */
export interface ScanPosition {
	step: number;
	/** For answers, ordered by time: the last time and id sent. */
	after?: { time: number; id: string } | string;
	/** Answers after this time (when the upload began) are in the outbox instead. */
	until?: number;
	done?: boolean;
}

export interface SyncStatus {
	/** When the last sync finished without an error, epoch ms. */
	lastSync?: number;
	lastError?: string;
	lastErrorAt?: number;
	auth?: AuthMode;
	/** Documents on the server that failed our checks: skipped, named here (the last 20). */
	skipped: { id: string; why: string }[];
	skippedCount: number;
	/** What the last sync moved. */
	sent?: number;
	received?: number;
}

export async function getSyncConfig(db: RecallDatabase): Promise<CouchConfig | undefined> {
	return (await db.get('meta', SYNC_CONFIG_KEY)) as CouchConfig | undefined;
}

export async function getSyncStatus(db: RecallDatabase): Promise<SyncStatus> {
	return ((await db.get('meta', STATUS_KEY)) as SyncStatus | undefined) ?? { skipped: [], skippedCount: 0 };
}

/**
 * Turns sync on for this server: from now on every change is queued in the
 * outbox in its own transaction, and what was here before is uploaded once
 * (the scan). Pointing at another server or database starts over.
 */
export async function startSync(db: RecallDatabase, config: CouchConfig, now = Date.now()): Promise<void> {
	const tx = db.transaction(['meta', 'outbox'], 'readwrite', { durability: 'strict' });
	const meta = tx.objectStore('meta');
	const old = (await meta.get(SYNC_CONFIG_KEY)) as CouchConfig | undefined;
	const same = old && old.server === config.server && old.db === config.db;
	const writes: Promise<unknown>[] = [meta.put(config, SYNC_CONFIG_KEY)];
	if (!same) {
		writes.push(
			meta.delete(SINCE_KEY),
			meta.put({ step: 0, until: now } satisfies ScanPosition, SCAN_KEY),
			meta.delete(STATUS_KEY),
			tx.objectStore('outbox').clear()
		);
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
		meta.delete(SYNC_CONFIG_KEY),
		meta.delete(SINCE_KEY),
		meta.delete(SCAN_KEY),
		meta.delete(STATUS_KEY),
		tx.objectStore('outbox').clear(),
		tx.done
	]);
}
