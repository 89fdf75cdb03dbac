import { answerDays, BUCKET_MS, dayTotals, readBuckets, sumCounts } from '$lib/db/aggregates';
import type { RecallDatabase } from '$lib/db/open';
import type { AnswerCounts } from '$lib/db/schema';
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
 * The streak and recent pace, from the quarter-hour totals of recent weeks:
 * the cost is the days read, not the answers. Only a streak that reaches
 * back past them reads further, an older stretch at a time (each twice as
 * long as the last), never the same days twice.
 */
export async function loadProgress(db: RecallDatabase, now: number, dayStartHour: number): Promise<Progress> {
	const today = startOfDay(now, dayStartHour);
	const monthStart = startOfDay(today - 29 * DAY + DAY / 2, dayStartHour);
	let to: number | undefined;
	let days = 64;
	let buckets = await readBuckets(db, startOfDay(today - days * DAY, dayStartHour));
	const recent = sumCounts([...dayTotals(buckets, dayStartHour).values()].filter((d) => d.day >= monthStart));
	for (;;) {
		const from = startOfDay(today - days * DAY, dayStartHour);
		const n = streak(answerDays(buckets, dayStartHour), now, dayStartHour);
		// The streak stopped inside what was read, or nothing older exists: it is the whole streak.
		if (n < days - 1 || (await db.count('buckets', IDBKeyRange.upperBound(Math.floor(from / BUCKET_MS), true))) === 0) return { streak: n, recent };
		to = from;
		days *= 2;
		// Older buckets first, then those already read: readBuckets gives them oldest first.
		buckets = [...(await readBuckets(db, startOfDay(today - days * DAY, dayStartHour), to)), ...buckets];
	}
}
