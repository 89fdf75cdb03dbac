import { createEmptyCard, type FSRS, type Grade } from 'ts-fsrs';
import { Rating } from './constants';
import { fromFsrsCard, fromFsrsLog, toFsrsCard } from './convert';
import type { CardState, ReviewRecord } from './types';

/** A never-seen card, as FSRS starts it. */
export function newCardState(card_id: string, now: number): CardState {
	return fromFsrsCard(card_id, createEmptyCard(new Date(now)));
}

/**
 * If the device clock went backwards since the last review, grade as of the
 * last review instead, so intervals never go negative.
 */
function reviewTime(state: CardState | undefined, now: number): number {
	return state?.last_review != null ? Math.max(now, state.last_review) : now;
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
	const before = input.state ?? newCardState(input.card_id, at);
	const { card, log } = f.next(toFsrsCard(before), new Date(at), input.rating);
	return {
		state: fromFsrsCard(input.card_id, card),
		log: fromFsrsLog({ id: input.id, card_id: input.card_id, duration: Math.max(0, Math.round(input.duration)) }, log)
	};
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
 * Rebuilds a card's state from its review log alone, through ts-fsrs's
 * `reschedule`, in time order (ties broken by id so every device gets the
 * same result). Import, merge, a change of settings and the optimizer all
 * come down to this.
 */
export function replay(f: FSRS, card_id: string, logs: readonly ReviewRecord[]): CardState | undefined {
	const history = logs
		.filter((l) => l.card_id === card_id)
		.sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((l) => ({ rating: l.rating, review: new Date(l.review) }));
	const first = history[0];
	if (!first) return undefined;
	const { collections } = f.reschedule(createEmptyCard(first.review), history, { skipManual: true });
	const last = collections.at(-1);
	return last ? fromFsrsCard(card_id, last.card) : undefined;
}
