// How many learner's days lie between two moments. A module of its own: home's
// modules (day.ts among them) ship every export they have, and home counts none.
import { startOfDay } from './day';

/** Whole learner's days from the day of `a` to the day of `b` (negative when `b` is earlier); rounded, as a day may be 23 or 25 hours long. */
export function daysBetween(a: number, b: number, dayStartHour: number): number {
	return Math.round((startOfDay(b, dayStartHour) - startOfDay(a, dayStartHour)) / 86_400_000);
}
