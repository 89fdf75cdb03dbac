import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RecallDB } from './schema';

type UpgradeTx = IDBPTransaction<RecallDB, StoreNames<RecallDB>[], 'versionchange'>;

/**
 * Walks the schema from `oldVersion` up to the current version, one step per
 * version, in order. Steps that have shipped are never edited: add a case.
 */
export function migrate(db: IDBPDatabase<RecallDB>, oldVersion: number, _tx: UpgradeTx): void {
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
	}
}
