import { Rating, State } from './constants';
import { nextDayStart, startOfDay } from './day';
import type { CardState, LogRating } from './types';

/** Stability (days) from which a card counts as mastered. */
export const MASTERED_STABILITY = 21;

/**
 * Consecutive learner's days with at least one answer, up to today. A streak
 * is still alive today if it ran until yesterday and today has no answer yet.
 */
export function streak(reviewTimes: Iterable<number>, now: number, dayStartHour: number): number {
	const days = new Set<number>();
	for (const t of reviewTimes) days.add(startOfDay(t, dayStartHour));
	let day = startOfDay(now, dayStartHour);
	if (!days.has(day)) day = startOfDay(day - 1, dayStartHour);
	let n = 0;
	while (days.has(day)) {
		n++;
		day = startOfDay(day - 1, dayStartHour);
	}
	return n;
}

/**
 * "Recalled": the share of answers not rated Again, from 0 to 1; undefined
 * with no answers. The session summary counts a round this way, so Stats
 * must too, or the same round shows two different figures.
 */
export function recalledShare(ratings: Iterable<LogRating>): number | undefined {
	let answered = 0;
	let recalled = 0;
	for (const r of ratings) {
		answered++;
		if (r !== Rating.Again) recalled++;
	}
	return answered === 0 ? undefined : recalled / answered;
}

export interface SectionCounts {
	total: number;
	new: number;
	learning: number;
	/** Review cards due today. */
	due: number;
	mastered: number;
	suspended: number;
}

/** Where a section's cards stand today. */
export function sectionCounts(
	ids: readonly string[],
	states: ReadonlyMap<string, CardState>,
	now: number,
	dayStartHour: number,
	suspended: ReadonlySet<string> = new Set()
): SectionCounts {
	const dayEnd = nextDayStart(now, dayStartHour);
	const c: SectionCounts = { total: ids.length, new: 0, learning: 0, due: 0, mastered: 0, suspended: 0 };
	for (const id of ids) {
		if (suspended.has(id)) c.suspended++;
		const s = states.get(id);
		if (!s || s.state === State.New) c.new++;
		else if (s.state === State.Learning || s.state === State.Relearning) c.learning++;
		else if (s.due < dayEnd) c.due++;
		if (s && s.state === State.Review && s.stability >= MASTERED_STABILITY) c.mastered++;
	}
	return c;
}
