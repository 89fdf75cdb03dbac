// The shapes of the records the learner owns, as stored (schema.ts names the stores that hold them).
import type { Card } from '$lib/decks/schema';
import type { Stamp } from './stamp';

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

/**
 * A card the learner wrote, in one of the roadmap's sections. Its content is
 * a deck card (decks/schema.ts: the same kinds, fields and limits), so it is
 * graded, scheduled and shown like one; its id starts with "mine-" and is
 * never reused. Stamped: the newer copy wins a merge (sync, backup). A
 * deleted card stays as a tombstone (no content), so no older copy brings
 * it back; its answers stay in the review log.
 */
export interface OwnCardRecord extends Stamp {
	id: string;
	/** The roadmap section (deck id) it belongs to. */
	section: string;
	/** The card as a deck holds it (id equal to this record's), or null once deleted. */
	card: Card | null;
	/** When it was first written, epoch ms. */
	created: number;
}

/** A learner's own note on a card (built-in or their own), shown under its explanation. An empty text is a deleted note. */
export interface CardNote extends Stamp {
	card_id: string;
	text: string;
}
