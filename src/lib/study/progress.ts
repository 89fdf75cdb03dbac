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
 * back past them reads further, doubling the window each time.
 */
export async function loadProgress(db: RecallDatabase, now: number, dayStartHour: number): Promise<Progress> {
	const today = startOfDay(now, dayStartHour);
	let days = 64;
	for (;;) {
		const from = startOfDay(today - days * DAY, dayStartHour);
		const buckets = await readBuckets(db, from);
		const n = streak(answerDays(buckets, dayStartHour), now, dayStartHour);
		// The streak stopped inside the window (or the window holds the whole log): it is the whole streak.
		if (n < days - 1 || (await db.count('buckets', IDBKeyRange.upperBound(Math.floor(from / BUCKET_MS), true))) === 0) {
			const monthStart = startOfDay(today - 29 * DAY + DAY / 2, dayStartHour);
			const recent = sumCounts([...dayTotals(buckets, dayStartHour).values()].filter((d) => d.day >= monthStart));
			return { streak: n, recent };
		}
		days *= 2;
	}
}
