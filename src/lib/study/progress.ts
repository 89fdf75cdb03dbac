import { answerDays, BUCKET_MS, dayTotals, readBuckets, sumCounts } from '$lib/data/totals';
import type { RecallDatabase } from '$lib/data/types';
import type { AnswerBucket, AnswerCounts } from '$lib/data/types';
import { startOfDay } from '$lib/srs/day';
import { streak } from '$lib/srs/stats';

export interface Progress {
	/** Consecutive learner's days with an answer, up to today (or yesterday, before today's first answer). */
	streak: number;
	/** The answers of the last 30 learner's days, today included: the learner's pace and share of Again. */
	recent: AnswerCounts;
}

const DAY = 86_400_000;

/**
 * The day streak from the quarter-hour totals of recent weeks: the cost is
 * the days read, not the answers. Only a streak that reaches back past them
 * reads further, an older stretch at a time (each twice as long as the
 * last), never the same days twice. Also gives the buckets it read (at
 * least the last 64 days), oldest first.
 */
export async function readStreak(
	db: RecallDatabase,
	now: number,
	dayStartHour: number
): Promise<{ streak: number; buckets: AnswerBucket[]; answeredToday: boolean; day: number }> {
	const today = startOfDay(now, dayStartHour);
	let days = 64;
	let buckets = await readBuckets(db, startOfDay(today - days * DAY, dayStartHour));
	for (;;) {
		const from = startOfDay(today - days * DAY, dayStartHour);
		const n = streak(answerDays(buckets, dayStartHour), now, dayStartHour);
		// The streak stopped inside what was read, or nothing older exists: it is the whole streak.
		if (n < days - 1 || (await db.count('buckets', IDBKeyRange.upperBound(Math.floor(from / BUCKET_MS), true))) === 0) {
			return { streak: n, buckets, answeredToday: answerDays(buckets, dayStartHour).includes(today), day: today };
		}
		days *= 2;
		// Older buckets first: readBuckets gives them oldest first.
		buckets = [...(await readBuckets(db, startOfDay(today - days * DAY, dayStartHour), from)), ...buckets];
	}
}

/** The streak and the pace of the last 30 days, for the home page. */
export async function loadProgress(db: RecallDatabase, now: number, dayStartHour: number): Promise<Progress> {
	const { streak, buckets } = await readStreak(db, now, dayStartHour);
	const monthStart = startOfDay(startOfDay(now, dayStartHour) - 29 * DAY + DAY / 2, dayStartHour);
	const recent = sumCounts([...dayTotals(buckets, dayStartHour).values()].filter((d) => d.day >= monthStart));
	return { streak, recent };
}
