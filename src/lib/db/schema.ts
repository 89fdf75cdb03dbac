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

/**
 * Counts of review-log records (practice is not counted), added up per
 * quarter-hour bucket or per card, so stats read days and cards, not answers.
 */
export interface AnswerCounts {
	answers: number;
	again: number;
	hard: number;
	good: number;
	easy: number;
	/** Sum of the answers' durations, ms. */
	timeMs: number;
	/** Answers to a card in state New (its first answer). */
	newCards: number;
	/** Answers to a card in state Review, and of those, how many were Again. */
	reviewAnswers: number;
	reviewAgain: number;
	/** Review answers by the interval before the answer: young under 21 days, mature from 21 (as Anki). */
	youngReview: number;
	youngAgain: number;
	matureReview: number;
	matureAgain: number;
}

/**
 * The answers given in one UTC quarter-hour, t = floor(time / 900 000). Every
 * time zone offset in use is a multiple of 15 minutes, so a local day (from
 * any day-start hour) is a whole number of buckets, assembled when read.
 */
export interface AnswerBucket extends AnswerCounts {
	t: number;
}

/** One card's answers, added up. */
export interface CardTotals {
	card_id: string;
	answers: number;
	again: number;
	reviewAnswers: number;
	reviewAgain: number;
	timeMs: number;
	/** Times of its first and last answers, epoch ms. */
	first: number;
	last: number;
}

/** Why a learner reports a card. */
export const REPORT_REASONS = ['wrong', 'unclear', 'outdated', 'typo', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/**
 * A learner's note on a card, for the deck's maintainers: kept on the
 * device and in backups, copied out as Markdown or JSON. Stamped, so a
 * note edited or deleted on one device wins over an older copy (sync).
 */
export interface CardReport extends Stamp {
	id: string;
	card_id: string;
	/** The deck the card was in and that deck's version (a hash of its content), as the learner saw it. */
	deck: string;
	deckVersion: string;
	/** The app's version. */
	appVersion: string;
	reason: ReportReason;
	/** The learner's own words; may be empty. */
	text: string;
	/** When it was written, epoch ms. */
	created: number;
	/** A note the learner deleted stays as a tombstone, so a merge cannot bring it back. */
	deleted: boolean;
}

/** A change waiting to be sent: the document to put (its current local copy) or to delete. */
export interface OutboxEntry {
	/** The server document's id. */
	key: string;
	op: 'put' | 'delete';
	/** When it was queued: the push removes an entry only if it is still the one it sent. */
	at: number;
}

export const DB_NAME = 'roadmap-recall';

/** Bump this with a new `case` in migrations.ts; never edit a shipped step. */
export const DB_VERSION = 4;

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
	/** Answers per quarter-hour, kept in the same transaction as every change to the review log (since version 2). */
	buckets: {
		key: number;
		value: AnswerBucket;
	};
	/** Answers per card, kept like `buckets` (since version 2). */
	cardTotals: {
		key: string;
		value: CardTotals;
	};
	/** Learners' notes on cards (since version 3). */
	reports: {
		key: string;
		value: CardReport;
		indexes: { 'by-card': string };
	};
	/**
	 * Changes made on this device since sync was set up that the server has
	 * not confirmed yet, by document id ("review:<id>", "marks:<card>", …);
	 * written in the same transaction as the change (since version 4).
	 */
	outbox: {
		key: string;
		value: OutboxEntry;
	};
	/** Book-keeping: install time, last backup, and the like. */
	meta: {
		key: string;
		value: unknown;
	};
}
