import type { DBSchema, IDBPDatabase } from 'idb';
import type { CardState, ReviewRecord } from '$lib/srs/types';
import type { MetaKey, MetaValue } from './meta-keys';
import type { AnswerBucket, CardMarks, CardNote, CardReport, CardTotals, OutboxEntry, OwnCardRecord, PracticeRecord } from './records';
import type { AppSettings } from './settings';

export { REPORT_REASONS } from './records';
export type {
	CardMarks,
	PracticeRecord,
	AnswerCounts,
	AnswerBucket,
	CardTotals,
	ReportReason,
	CardReport,
	OutboxEntry,
	OwnCardRecord,
	CardNote
} from './records';

export const DB_NAME = 'roadmap-recall';

/** Bump this with a new `case` in migrations.ts; never edit a shipped step. */
export const DB_VERSION = 5;

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
	/** Cards the learner wrote, by card id ("mine-…"); a deleted one is a tombstone (since version 5). */
	ownCards: {
		key: string;
		value: OwnCardRecord;
		indexes: { 'by-section': string };
	};
	/** The learner's own notes on cards, by card id (since version 5). */
	notes: {
		key: string;
		value: CardNote;
	};
	/** This device's book-keeping, one value per key: the keys and their values are in meta.ts. */
	meta: {
		key: MetaKey;
		value: MetaValue;
	};
}

export type RecallDatabase = IDBPDatabase<RecallDB>;
