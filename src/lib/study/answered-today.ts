import { appDb } from '$lib/data/client';
import { dayTotals, readBuckets } from '$lib/data/totals';
import type { AnswerCounts } from '$lib/data/types';
import { nextDayStart, startOfDay } from '$lib/srs/day';
import { todayCounts } from '$lib/stats/today';

/** Today's answers as Stats counts them (todayCounts), reading only today's running totals. */
export async function readTodayCounts(now: number, dayStartHour: number): Promise<AnswerCounts | undefined> {
	const buckets = await readBuckets(await appDb(), startOfDay(now, dayStartHour), nextDayStart(now, dayStartHour));
	return todayCounts(dayTotals(buckets, dayStartHour), now, dayStartHour);
}
