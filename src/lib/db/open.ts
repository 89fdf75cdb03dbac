import { openDB, type IDBPDatabase } from 'idb';
import { migrate } from './migrations';
import { DB_NAME, DB_VERSION, type RecallDB } from './schema';

export type RecallDatabase = IDBPDatabase<RecallDB>;

export interface OpenOptions {
	name?: string;
	/** Another tab wants a newer schema: we have closed our connection. */
	onBlocking?: () => void;
	/** The browser closed the connection (storage cleared, for instance). */
	onTerminated?: () => void;
}

/** Opens (creating or migrating) the learner's database. */
export async function openRecallDB(options: OpenOptions = {}): Promise<RecallDatabase> {
	const db = await openDB<RecallDB>(options.name ?? DB_NAME, DB_VERSION, {
		upgrade(database, oldVersion, _newVersion, tx) {
			migrate(database, oldVersion, tx);
		},
		blocking() {
			// Closing lets the other tab's upgrade go ahead instead of hanging.
			db.close();
			options.onBlocking?.();
		},
		terminated() {
			options.onTerminated?.();
		}
	});
	return db;
}
