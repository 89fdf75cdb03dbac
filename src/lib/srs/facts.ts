// The day's facts about cards, defined once: studied, hidden, introduced
// today, reviews done today, and when a card counts as due. The queue
// (home, the session, the badge, the section pages) and the service
// worker's reminder all count with these, so they cannot disagree.
// Imports stay tiny (no ts-fsrs at run time, no idb): the service worker
// bundles this. Recall now needs FSRS, so it lives in recall.ts.
import { Rating, State } from './constants';
import { nextDayStart, startOfDay } from './day';
import type { CardState, ReviewRecord } from './types';

/**
 * Studied: answered at least once and not reset to new since. A card with
 * no stored state has never been answered.
 */
export function isStudied<S extends Pick<CardState, 'state'>>(s: S | undefined): s is S {
	return s !== undefined && s.state !== State.New;
}

/** What the hidden test needs of a card's marks. */
export interface HideMarks {
	suspended: boolean;
	buried_until: number | null;
}

/** Buried until a time still to come (a bury lasts until the next day starts). */
export function isBuried(m: HideMarks | undefined, now: number): boolean {
	return !!m && m.buried_until !== null && m.buried_until > now;
}

/** Hidden from reviews now: suspended, or buried until later. */
export function isHidden(m: HideMarks | undefined, now: number): boolean {
	return !!m && (m.suspended || isBuried(m, now));
}

/** What the day's counts need of a review record. */
export type DayLog = Pick<ReviewRecord, 'card_id' | 'review' | 'rating' | 'state'>;

/**
 * The cards introduced since `from`: answered as new cards (a forget, rating
 * 0, introduces nothing; the card's next answer, as a new card, does). A card
 * answered twice as new (after a forget) is introduced once.
 */
export function introducedSince(logs: Iterable<DayLog>, from: number): Set<string> {
	const out = new Set<string>();
	for (const l of logs) if (l.review >= from && l.rating !== Rating.Manual && l.state === State.New) out.add(l.card_id);
	return out;
}

/** What was already done today, from the review log. */
export interface DoneToday {
	/** New cards introduced today: they count against the new-card limit. */
	newCards: number;
	/** Answers to review cards today: they count against the review limit. */
	reviews: number;
}

/**
 * Counts today's answers on new cards and on review cards (learning steps do
 * not count). A forget (rating 0) is neither: it introduces no card and
 * reviews none (the card's next answer, to a new card, counts as new).
 */
export function doneToday(logs: Iterable<DayLog>, now: number, dayStartHour: number): DoneToday {
	const from = startOfDay(now, dayStartHour);
	const list = [...logs];
	let reviews = 0;
	for (const l of list) if (l.review >= from && l.rating !== Rating.Manual && l.state === State.Review) reviews++;
	return { newCards: introducedSince(list, from).size, reviews };
}

/** How many more review cards today's limit allows. */
export function reviewRoom(reviewsPerDay: number, done: DoneToday): number {
	return Math.max(0, reviewsPerDay - done.reviews);
}

/** How many more new cards today's limit allows, with any extra allowed in this scope ("Learn N more"). */
export function newRoom(newPerDay: number, done: DoneToday, extraNew = 0): number {
	return Math.max(0, newPerDay + Math.max(0, extraNew) - done.newCards);
}

/** The moments a card's due time is judged against. */
export interface DueWindow {
	now: number;
	/** Learning cards due by then are shown early, once nothing else is left (Anki's learn-ahead limit). */
	aheadUntil: number;
	/** When the learner's next day starts: anything due before is due today. */
	dayEnd: number;
}

export function dueWindow(now: number, dayStartHour: number, learnAheadMs = 0): DueWindow {
	return { now, aheadUntil: now + Math.max(0, learnAheadMs), dayEnd: nextDayStart(now, dayStartHour) };
}

/**
 * How a card counts today, hidden cards aside:
 * - `new`: never studied (new cards are never "due"; the new-card limit says how many a day brings);
 * - `learning`: a learning or relearning step due now;
 * - `ahead`: a step due within the learn-ahead limit;
 * - `later`: a step due later today, past that limit;
 * - `review`: a review card due today (a review is due for the whole day it falls on), overdue ones included;
 * - `none`: not due today.
 */
export type DueKind = 'new' | 'learning' | 'ahead' | 'later' | 'review' | 'none';

export function dueKind(s: Pick<CardState, 'state' | 'due'> | undefined, w: DueWindow): DueKind {
	if (!isStudied(s)) return 'new';
	if (s.state === State.Review) return s.due < w.dayEnd ? 'review' : 'none';
	if (s.due <= w.now) return 'learning';
	if (s.due <= w.aheadUntil) return 'ahead';
	return s.due < w.dayEnd ? 'later' : 'none';
}

/** Due today: studied, and due before the learner's next day starts (overdue and hidden cards included; no limit applies). */
export function isDueToday(s: Pick<CardState, 'state' | 'due'> | undefined, now: number, dayStartHour: number): boolean {
	const kind = dueKind(s, dueWindow(now, dayStartHour));
	return kind !== 'new' && kind !== 'none';
}
