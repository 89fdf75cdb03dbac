import type { DBSchema } from 'idb';
import type { CardState, ReviewRecord } from '$lib/srs';
import type { Stamp } from './device';
import type { AppSettings } from './settings';

/** What the learner did to a card by hand: bury, suspend, flag; and whether it became a leech. */
export interface CardMarks extends Stamp {
	card_id: string;
	suspended: boolean;
	/** Hidden until this time (the start of the learner's next day), epoch ms. */
	buried_until: number | null;
	flagged: boolean;
	leech: boolean;
}

/** One practice answer: stored apart from the review log, never fed to FSRS. */
export interface PracticeRecord {
	id: string;
	card_id: string;
	rating: 1 | 2 | 3 | 4;
	/** For auto-graded cards, whether the answer was right; null for flashcards. */
	correct: boolean | null;
	review: number;
	duration: number;
}

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
	/** Bury, suspend, flag and leech marks by card id. */
	marks: {
		key: string;
		value: CardMarks;
	};
	/** Practice answers, which never change the schedule. */
	practice: {
		key: string;
		value: PracticeRecord;
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
