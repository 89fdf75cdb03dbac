// Learner's days as epoch ms of their start (see $lib/srs/day): calendar
// arithmetic in local time, so a day stays a day across DST changes.
import { startOfDay } from '$lib/srs/day';

/** The start of the learner's day `k` days after (or before, k < 0) the day starting at `day`. */
export function addDays(day: number, k: number, dayStartHour: number): number {
	const d = new Date(startOfDay(day, dayStartHour));
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() + k, dayStartHour).getTime();
}

/** The starts of the `n` learner's days ending with today's, oldest first. */
export function lastDays(now: number, n: number, dayStartHour: number): number[] {
	const today = startOfDay(now, dayStartHour);
	return Array.from({ length: n }, (_, i) => addDays(today, i - (n - 1), dayStartHour));
}

/** The starts of the `n` learner's days starting with today's. */
export function nextDays(now: number, n: number, dayStartHour: number): number[] {
	const today = startOfDay(now, dayStartHour);
	return Array.from({ length: n }, (_, i) => addDays(today, i, dayStartHour));
}

/** "—" when there is nothing to divide by, else a whole percentage. */
export function percent(part: number, whole: number): string {
	return whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

// One formatter, made once: toLocaleDateString makes a new one at every call, and the calendar alone formats 365 days.
const DAY_LABEL = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric' });

/** A learner's day as a short date, e.g. "Mon, Nov 30". */
export const dayLabel = (day: number): string => DAY_LABEL.format(day);
