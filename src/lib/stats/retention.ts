import type { DayTotals } from '$lib/data/totals';
import { startOfDay } from '$lib/srs/day';
import { addDays } from './days';

export const RETENTION_WINDOWS = [7, 30, 365] as const;

/** Review-card answers and how many of them were Again. */
export interface Tally {
	answers: number;
	again: number;
}

export interface RetentionRow {
	days: number;
	young: Tally;
	mature: Tally;
	all: Tally;
}

/** The recalled share of a tally, 0..1; undefined with no answers. */
export const recalled = (t: Tally): number | undefined => (t.answers === 0 ? undefined : (t.answers - t.again) / t.answers);

/**
 * True retention: the share of answers to cards in review that were not
 * Again, over the last 7, 30 and 365 whole learner's days (today included;
 * a day past today, from a clock that was ahead, counts as today). Young
 * cards had an interval under 21 days before the answer, mature 21 or more.
 */
export function retention(perDay: ReadonlyMap<number, DayTotals>, now: number, dayStartHour: number): RetentionRow[] {
	const today = startOfDay(now, dayStartHour);
	return RETENTION_WINDOWS.map((days) => {
		const from = addDays(today, -(days - 1), dayStartHour);
		const row: RetentionRow = { days, young: { answers: 0, again: 0 }, mature: { answers: 0, again: 0 }, all: { answers: 0, again: 0 } };
		for (const d of perDay.values()) {
			if (d.day < from) continue;
			row.young.answers += d.youngReview;
			row.young.again += d.youngAgain;
			row.mature.answers += d.matureReview;
			row.mature.again += d.matureAgain;
			row.all.answers += d.reviewAnswers;
			row.all.again += d.reviewAgain;
		}
		return row;
	});
}
