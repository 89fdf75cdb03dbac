// Today's answers, defined once: Stats' "Answered today" and the end of the
// daily session (also when it is reopened) both count them here, from the
// running totals, so they cannot disagree.
import type { AnswerCounts } from '$lib/data/types';
import { startOfDay } from '$lib/srs/day';

/** The learner's day's answers (counts, Again, time) from the totals of each day (dayTotals); undefined before the day's first answer. */
export function todayCounts<C extends AnswerCounts>(perDay: ReadonlyMap<number, C>, now: number, dayStartHour: number): C | undefined {
	return perDay.get(startOfDay(now, dayStartHour));
}
