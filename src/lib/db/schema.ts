import type { DBSchema } from 'idb';
import type { CardState, ReviewRecord } from '$lib/srs';
import type { AppSettings } from './settings';

export const DB_NAME = 'roadmap-recall';

/** Bump this with a new `case` in migrations.ts; never edit a shipped step. */
export const DB_VERSION = 1;

export interface RecallDB extends DBSchema {
	/** FSRS state per card id: a cache of the review log. */
	cards: {
		key: string;
		value: CardState;
		indexes: { 'by-due': number };
	};
	/** The review log, append-only: the source of truth. */
	reviews: {
		key: string;
		value: ReviewRecord;
		indexes: { 'by-card': string; 'by-time': number };
	};
	/** The learner's settings under the key "user". */
	settings: {
		key: string;
		value: AppSettings;
	};
	/** Book-keeping: install time, last backup, and the like. */
	meta: {
		key: string;
		value: unknown;
	};
}
