import { Rating } from './constants';
import { startOfDay } from './day';
import type { LogRating } from './types';

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
