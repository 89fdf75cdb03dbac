import { State } from '$lib/srs/constants';
import { nextDayStart } from '$lib/srs/day';
import type { CardState } from '$lib/srs/types';
import { nextDays } from './days';

export const FORECAST_DAYS = 30;

export interface Forecast {
	/** The next 30 learner's days, today first, with the review cards due on each. */
	days: { day: number; due: number }[];
	/** Of today's count, the cards that were due before today began. */
	overdue: number;
	total: number;
}

/**
 * Review cards by the learner's day they fall due, over the next 30 days;
 * a card already overdue counts on today. Suspended cards are left out
 * (they are not shown until unsuspended); learning cards are due within
 * minutes and belong to today's session, not to the forecast.
 */
export function forecast(states: Iterable<CardState>, suspended: ReadonlySet<string>, now: number, dayStartHour: number, n = FORECAST_DAYS): Forecast {
	const starts = nextDays(now, n, dayStartHour);
	const end = nextDayStart(starts[n - 1]!, dayStartHour);
	const counts = new Array<number>(n).fill(0);
	let overdue = 0;
	for (const s of states) {
		if (s.state !== State.Review || suspended.has(s.card_id) || s.due >= end) continue;
		if (s.due < starts[0]!) overdue++;
		// The last day whose start is at or before the due time; overdue cards land on day 0.
		let i = 0;
		while (i + 1 < n && starts[i + 1]! <= s.due) i++;
		counts[i]!++;
	}
	return { days: starts.map((day, i) => ({ day, due: counts[i]! })), overdue, total: counts.reduce((a, b) => a + b, 0) };
}
