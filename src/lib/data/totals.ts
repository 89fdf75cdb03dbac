// Reading the running totals (db/aggregates.ts): answers per quarter-hour and
// per card, assembled into the learner's days. Direct imports only: the home
// page and stats must not pull in ts-fsrs.
import { nextDayStart, startOfDay } from '$lib/srs/day';
import { BUCKET_MS, COUNTS, emptyCounts } from '$lib/db/counts';
import type { AnswerBucket, AnswerCounts, CardTotals, RecallDatabase } from '$lib/db/schema';

export { BUCKET_MS, MATURE_DAYS } from '$lib/db/counts';

/**
 * The buckets with answers from `from` (inclusive) to `to` (exclusive), epoch
 * ms, oldest first. A bound inside a quarter-hour takes in its whole bucket;
 * a local day's start never is inside one.
 */
export async function readBuckets(db: RecallDatabase, from?: number, to?: number): Promise<AnswerBucket[]> {
	const lower = from === undefined ? undefined : Math.floor(from / BUCKET_MS);
	const upper = to === undefined ? undefined : Math.ceil(to / BUCKET_MS);
	if (lower !== undefined && upper !== undefined) return lower < upper ? db.getAll('buckets', IDBKeyRange.bound(lower, upper, false, true)) : [];
	if (lower !== undefined) return db.getAll('buckets', IDBKeyRange.lowerBound(lower));
	if (upper !== undefined) return db.getAll('buckets', IDBKeyRange.upperBound(upper, true));
	return db.getAll('buckets');
}

/** Every card's totals, by card id. */
export async function readCardTotals(db: RecallDatabase): Promise<Map<string, CardTotals>> {
	const all = await db.getAll('cardTotals');
	return new Map(all.map((c) => [c.card_id, c]));
}

/**
 * Calls `each` with every bucket and the start of its learner's day. Day
 * starts are multiples of a quarter-hour in UTC, so a bucket lies in one day.
 */
function byDay(buckets: Iterable<AnswerBucket>, dayStartHour: number, each: (b: AnswerBucket, day: number) => void): void {
	// Buckets come oldest first: the day found for one bucket mostly serves the next ones too.
	let day = NaN;
	let end = NaN;
	for (const b of buckets) {
		const time = b.t * BUCKET_MS;
		if (!(time >= day && time < end)) {
			day = startOfDay(time, dayStartHour);
			end = nextDayStart(time, dayStartHour);
		}
		each(b, day);
	}
}

/** The starts of the learner's days with at least one answer, oldest first (for the streak). */
export function answerDays(buckets: Iterable<AnswerBucket>, dayStartHour: number): number[] {
	const days = new Set<number>();
	byDay(buckets, dayStartHour, (b, day) => {
		if (b.answers > 0) days.add(day);
	});
	return [...days].sort((a, b) => a - b);
}

export interface DayTotals extends AnswerCounts {
	/** The start of the learner's day, epoch ms. */
	day: number;
}

/** The answers of each learner's day that has any, by the day's start, oldest first. */
export function dayTotals(buckets: Iterable<AnswerBucket>, dayStartHour: number): Map<number, DayTotals> {
	const out = new Map<number, DayTotals>();
	byDay(buckets, dayStartHour, (b, day) => {
		let d = out.get(day);
		if (!d) out.set(day, (d = { day, ...emptyCounts() }));
		for (const k of COUNTS) d[k] += b[k];
	});
	return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** Adds up counts (of buckets or days). */
export function sumCounts(items: Iterable<AnswerCounts>): AnswerCounts {
	const sum = emptyCounts();
	for (const c of items) for (const k of COUNTS) sum[k] += c[k];
	return sum;
}
