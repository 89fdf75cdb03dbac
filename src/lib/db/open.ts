import { openDB } from 'idb';
import { migrate, type Rebuild } from './migrations';
import { DB_NAME, DB_VERSION, type RecallDB, type RecallDatabase } from './schema';

export type { RecallDatabase };

export interface OpenOptions {
	name?: string;
	/** For migration drills and tests only: open at another version with other steps. */
	version?: number;
	migrate?: (...args: Parameters<typeof migrate>) => void | Promise<void>;
	/** Another tab wants a newer schema: we have closed our connection. */
	onBlocking?: () => void;
	/** The browser closed the connection (storage cleared, for instance). */
	onTerminated?: () => void;
}

/** An upgrade step failed; the database is left as it was, at its old version. */
export class UpgradeError extends Error {
	constructor(from: number, to: number, cause: unknown) {
		super(
			`Could not update your data from version ${from} to ${to}: ${cause instanceof Error ? cause.message : String(cause)}. Nothing was changed; reload to try again.`
		);
		this.name = 'UpgradeError';
		this.cause = cause;
	}
}

/**
 * What rebuilds the running totals of a database of version 1, loaded only
 * when one is opened: every other open, a first visit's included, does
 * without it (it is most of aggregates.ts, which the home page then skips).
 */
let rebuild: Rebuild | undefined;

/** The upgrade was aborted before any step: a step needs `rebuild`, not loaded yet. */
class RebuildNeeded extends Error {}

/**
 * Opens (creating or migrating) the learner's database. A database of
 * version 1 has its upgrade aborted untouched, the rebuild loaded, and is
 * opened again: an upgrade transaction cannot wait for a module to load.
 */
export async function openRecallDB(options: OpenOptions = {}): Promise<RecallDatabase> {
	try {
		return await openWith(options);
	} catch (e) {
		if (!(e instanceof RebuildNeeded)) throw e;
	}
	rebuild ??= (await import('./aggregates')).rebuildTotals;
	return openWith(options);
}

async function openWith(options: OpenOptions): Promise<RecallDatabase> {
	const version = options.version ?? DB_VERSION;
	let needed = false;
	const steps = options.migrate ?? migrate;
	let failure: { from: number; cause: unknown } | undefined;
	let stepsSettled: Promise<void> | undefined;
	const opening = openDB<RecallDB>(options.name ?? DB_NAME, version, {
		upgrade(database, oldVersion, _newVersion, tx) {
			// A failed upgrade is reported by the open itself; its transaction's own rejection is expected.
			tx.done.catch(() => undefined);
			if (oldVersion === 1 && !rebuild) {
				needed = true;
				tx.abort();
				return;
			}
			const fail = (cause: unknown) => {
				// Aborting the versionchange transaction rolls every step back.
				failure ??= { from: oldVersion, cause };
				try {
					tx.abort();
				} catch {
					// A failed request has aborted it already.
				}
			};
			try {
				// Steps that read and write records finish later: their failure aborts the upgrade too.
				stepsSettled = Promise.resolve(steps(database, oldVersion, tx, rebuild)).catch(fail);
			} catch (cause) {
				fail(cause);
			}
		},
		blocking(_current, _blocked, event) {
			// Closing lets the other tab's upgrade go ahead instead of hanging.
			(event.target as IDBDatabase).close();
			options.onBlocking?.();
		},
		terminated() {
			options.onTerminated?.();
		}
	});
	let db: RecallDatabase;
	try {
		db = await opening;
	} catch (e) {
		if (needed) throw new RebuildNeeded();
		// A step's rejection may arrive after the open has failed because of it.
		await stepsSettled;
		if (failure) throw new UpgradeError(failure.from, version, failure.cause);
		throw e;
	}
	return db;
}
