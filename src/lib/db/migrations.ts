import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RecallDB } from './schema';

type UpgradeTx = IDBPTransaction<RecallDB, StoreNames<RecallDB>[], 'versionchange'>;

/** Builds the running totals from the review log (aggregates.ts's rebuildTotals): only a database of version 1 needs it. */
export type Rebuild = (tx: UpgradeTx) => Promise<void>;

/**
 * Walks the schema from `oldVersion` up to the current version, one step per
 * version, in order. Steps that have shipped are never edited: add a case.
 * A step may read and write records: it awaits only the upgrade transaction's
 * own requests (anything else would let the transaction commit half-way).
 * A rejection aborts the upgrade (see openRecallDB).
 */
export async function migrate(db: IDBPDatabase<RecallDB>, oldVersion: number, tx: UpgradeTx, rebuild?: Rebuild): Promise<void> {
	switch (oldVersion) {
		case 0: {
			const cards = db.createObjectStore('cards', { keyPath: 'card_id' });
			cards.createIndex('by-due', 'due');
			const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
			reviews.createIndex('by-card', 'card_id');
			reviews.createIndex('by-time', 'review');
			db.createObjectStore('settings');
			db.createObjectStore('meta');
			db.createObjectStore('marks', { keyPath: 'card_id' });
			const practice = db.createObjectStore('practice', { keyPath: 'id' });
			practice.createIndex('by-card', 'card_id');
			practice.createIndex('by-time', 'review');
		}
		// falls through to later versions' steps as they are added
		case 1: {
			// Running totals of the review log, built here from the log as it stands.
			db.createObjectStore('buckets', { keyPath: 't' });
			db.createObjectStore('cardTotals', { keyPath: 'card_id' });
			// A new database has no answers to total (and a first visit need not load the code that does).
			if (oldVersion > 0) {
				if (!rebuild) throw new Error('the running totals cannot be built here');
				await rebuild(tx);
			}
		}
		// falls through
		case 2: {
			// Learners' notes on cards ("Report a problem with this card").
			db.createObjectStore('reports', { keyPath: 'id' }).createIndex('by-card', 'card_id');
		}
		// falls through
		case 3: {
			// Sync: what this device changed and the server has not confirmed yet.
			db.createObjectStore('outbox', { keyPath: 'key' });
		}
		// falls through
		case 4: {
			// The learner's own cards and notes: new stores, nothing to move.
			db.createObjectStore('ownCards', { keyPath: 'id' }).createIndex('by-section', 'section');
			db.createObjectStore('notes', { keyPath: 'card_id' });
		}
	}
}
