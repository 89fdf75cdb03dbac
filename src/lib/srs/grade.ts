import { createEmptyCard, type Card, type FSRS, type Grade, type RecordLogItem } from 'ts-fsrs';
import { Rating } from './constants';
import { fromFsrsCard, fromFsrsLog, toFsrsCard } from './convert';
import type { CardState, ReviewRecord } from './types';

/** A never-seen card, as FSRS starts it. */
export function newCardState(card_id: string, now: number): CardState {
	return fromFsrsCard(card_id, createEmptyCard(new Date(now)));
}

/**
 * When an answer counts as given: now, but always at least 1 ms after the
 * card's last review. So a clock that went backwards never makes intervals
 * negative, and the answers to one card are strictly increasing in time, in
 * the order they were written (a replay then puts them in the same order).
 */
function reviewTime(state: CardState | undefined, now: number): number {
	return state?.last_review != null ? Math.max(now, state.last_review + 1) : now;
}

/** Thrown instead of returning a result that would store a NaN or an invalid date. */
export class InvalidScheduleError extends Error {
	constructor(card_id: string, what: string) {
		super(`Could not schedule card ${card_id}: ${what}. Nothing was saved.`);
		this.name = 'InvalidScheduleError';
	}
}

const STATE_NUMBERS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses'] as const;
const LOG_NUMBERS = ['review', 'due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps'] as const;

/** The first field that is not a finite number, if any. */
function notFinite<T>(o: T, keys: readonly (keyof T)[]): string | undefined {
	return keys.find((k) => !Number.isFinite(o[k])) as string | undefined;
}

export interface GradeInput {
	card_id: string;
	/** The stored state, or undefined for a card never answered. */
	state: CardState | undefined;
	rating: Grade;
	now: number;
	/** ms spent on the answer. */
	duration: number;
	/** A fresh unique id for the review record. */
	id: string;
}

/** Applies one answer: the card's next state and the immutable review record. */
export function grade(f: FSRS, input: GradeInput): { state: CardState; log: ReviewRecord } {
	const at = reviewTime(input.state, input.now);
	if (!Number.isFinite(at))
		throw new InvalidScheduleError(input.card_id, `the time of the answer is not a valid date (now ${input.now}, last review ${input.state?.last_review})`);
	const before = input.state ?? newCardState(input.card_id, at);
	const { card, log } = f.next(toFsrsCard(before), new Date(at), input.rating);
	const state = fromFsrsCard(input.card_id, card);
	const record = fromFsrsLog({ id: input.id, card_id: input.card_id, duration: Math.max(0, Math.round(input.duration)) }, log);
	// A NaN written here would stay: the card would never come due again, and replays would carry it on.
	const badState = notFinite(state, STATE_NUMBERS) ?? (state.last_review === null || Number.isFinite(state.last_review) ? undefined : 'last_review');
	if (badState) throw new InvalidScheduleError(input.card_id, `the next ${badState} came out as ${String(state[badState as keyof CardState])}`);
	const badLog = notFinite(record, LOG_NUMBERS);
	if (badLog) throw new InvalidScheduleError(input.card_id, `the review record's ${badLog} came out as ${String(record[badLog as keyof ReviewRecord])}`);
	return { state, log: record };
}

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];

/** For each button, how long until the card would come back (ms). */
export function previewIntervals(f: FSRS, card_id: string, state: CardState | undefined, now: number): Record<Grade, number> {
	const at = reviewTime(state, now);
	const before = state ?? newCardState(card_id, at);
	const preview = f.repeat(toFsrsCard(before), new Date(at));
	const out = {} as Record<Grade, number>;
	for (const g of GRADES) out[g] = preview[g].card.due.getTime() - at;
	return out;
}

/** Multiple choice grades itself: right is Good, wrong is Again. */
export function autoGrade(correct: boolean): Grade {
	return correct ? Rating.Good : Rating.Again;
}

/**
 * A card reset to new at `at`, as ts-fsrs's `forget()` does it, with
 * `reset_count` false: its reps and lapses stay (as Anki's Forget keeps them
 * unless asked), so the leech count and the card's story survive a reset.
 * One change: `last_review` becomes the time of the forget (ts-fsrs keeps
 * the last answer's), as ts-fsrs's own reschedule does for a manual reset to
 * New. A new card's schedule never reads it, and it keeps every card's log
 * strictly increasing in time: the next answer comes after the forget.
 */
function forgetCard(f: FSRS, card: Card, at: Date): RecordLogItem {
	const { card: reset, log } = f.forget(card, at, false);
	return { card: { ...reset, last_review: at }, log };
}

export interface ForgetInput {
	card_id: string;
	/** The stored state: only a card answered before can be forgotten. */
	state: CardState;
	now: number;
	/** A fresh unique id for the forget's record. */
	id: string;
}

/**
 * Resets a card to new: its next state and the immutable log record of the
 * forget (rating 0, Manual; duration 0), for the review log. Its time is at
 * least 1 ms after the card's last record, as an answer's is.
 */
export function forget(f: FSRS, input: ForgetInput): { state: CardState; log: ReviewRecord } {
	const at = reviewTime(input.state, input.now);
	if (!Number.isFinite(at))
		throw new InvalidScheduleError(input.card_id, `the time of the forget is not a valid date (now ${input.now}, last review ${input.state.last_review})`);
	const { card, log } = forgetCard(f, toFsrsCard(input.state), new Date(at));
	const state = fromFsrsCard(input.card_id, card);
	const record = fromFsrsLog({ id: input.id, card_id: input.card_id, duration: 0 }, log);
	const badLog = notFinite(record, LOG_NUMBERS);
	if (badLog) throw new InvalidScheduleError(input.card_id, `the forget record's ${badLog} came out as ${String(record[badLog as keyof ReviewRecord])}`);
	return { state, log: record };
}

/**
 * Rebuilds a card's state from its review log alone, in time order: each
 * answer through ts-fsrs's `next` (what its `reschedule` does), each forget
 * (rating 0) through `forgetCard`, as when it was recorded. Answers written
 * here never share a time on one card, but legacy data or two devices may:
 * ties are broken by id (a stable sort keeps even equal ids in place) so
 * every device gets the same result. Import, merge, a change of settings
 * and the optimizer all come down to this.
 */
export function replay(f: FSRS, card_id: string, logs: readonly ReviewRecord[]): CardState | undefined {
	return replaySteps(f, card_id, logs).at(-1)?.state;
}

/** The same replay, step by step: each record, in replay order, with the card's state after it. */
export function replaySteps(f: FSRS, card_id: string, logs: readonly ReviewRecord[]): { log: ReviewRecord; state: CardState }[] {
	const history = inReplayOrder(card_id, logs);
	const first = history[0];
	if (!first) return [];
	return steps(f, card_id, createEmptyCard(new Date(first.review)), history);
}

/**
 * A card's state after `later` answers, applied on top of `state` (the
 * replay of the answers before them): what replaying the whole log gives
 * when every one of `later` comes after the state's last review, at the
 * cost of the new answers alone. Undefined when one does not (the caller
 * replays the whole log then).
 */
export function replayOnto(f: FSRS, state: CardState, later: readonly ReviewRecord[]): CardState | undefined {
	const history = inReplayOrder(state.card_id, later);
	const last = state.last_review ?? -Infinity;
	if (history.some((l) => l.review <= last)) return undefined;
	return steps(f, state.card_id, toFsrsCard(state), history).at(-1)?.state ?? state;
}

/** A card's records in time order, ties broken by id (a stable sort keeps even equal ids in place). */
const inReplayOrder = (card_id: string, logs: readonly ReviewRecord[]) =>
	logs.filter((l) => l.card_id === card_id).sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function steps(f: FSRS, card_id: string, start: Card, history: readonly ReviewRecord[]): { log: ReviewRecord; state: CardState }[] {
	let card = start;
	return history.map((l) => {
		const at = new Date(l.review);
		card = l.rating === Rating.Manual ? forgetCard(f, card, at).card : f.next(card, at, l.rating).card;
		return { log: l, state: fromFsrsCard(card_id, card) };
	});
}
