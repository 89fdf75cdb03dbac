// Running totals of the review log, so stats and streaks cost days and cards,
// not answers. Every write that adds or removes a review record changes them
// in the same transaction (data/answers.ts), except a bulk merge (an import, a
// sync's pull: data/bulk.ts), which adds them once at its end and marks the
// log as ahead of them until then; the migration to version 2 builds them
// from the log. Reading them: data/totals.ts. Direct imports only: the
// home page and stats must not pull in ts-fsrs.
import type { IDBPTransaction, StoreNames } from 'idb';
import { Rating, State } from '$lib/srs/constants';
import type { ReviewRecord } from '$lib/srs/types';
import type { AnswerBucket, AnswerCounts, CardTotals, RecallDB } from './schema';
import { BUCKET_MS, COUNTS, emptyCounts, MATURE_DAYS } from './counts';

export { BUCKET_MS, COUNTS, emptyCounts, MATURE_DAYS } from './counts';

const CARD_COUNTS = ['answers', 'again', 'reviewAnswers', 'reviewAgain', 'timeMs'] as const satisfies readonly (keyof CardTotals & keyof AnswerCounts)[];

/** The key of the bucket an answer falls in. */
export function bucketOf(log: Pick<ReviewRecord, 'review'>): number {
	return Math.floor(log.review / BUCKET_MS);
}

/** A forget record (rating 0, Manual): in the log for replays, never counted as an answer. */
export const isForget = (log: Pick<ReviewRecord, 'rating'>): boolean => log.rating === Rating.Manual;

/** What one answer adds to its bucket. */
function countsOf(log: ReviewRecord): AnswerCounts {
	const c = emptyCounts();
	const again = log.rating === Rating.Again ? 1 : 0;
	c.answers = 1;
	c.again = again;
	c.hard = log.rating === Rating.Hard ? 1 : 0;
	c.good = log.rating === Rating.Good ? 1 : 0;
	c.easy = log.rating === Rating.Easy ? 1 : 0;
	c.timeMs = log.duration;
	c.newCards = log.state === State.New ? 1 : 0;
	if (log.state === State.Review) {
		c.reviewAnswers = 1;
		c.reviewAgain = again;
		// The log holds the card as it was before the answer: its interval then.
		if (log.scheduled_days < MATURE_DAYS) {
			c.youngReview = 1;
			c.youngAgain = again;
		} else {
			c.matureReview = 1;
			c.matureAgain = again;
		}
	}
	return c;
}

export interface Aggregates {
	buckets: Map<number, AnswerBucket>;
	cards: Map<string, CardTotals>;
}

export const emptyAggregates = (): Aggregates => ({ buckets: new Map(), cards: new Map() });

/**
 * Adds (sign 1) or takes away (sign -1) one answer. A record whose count
 * reaches 0 goes, so taking away what was added gives back the same maps.
 * Taking away leaves a card's `first` and `last` as they were: only the
 * card's other answers can tell the new ones (aggregateWrites reads them).
 * A forget (rating 0) is not an answer: it changes nothing, added or taken
 * away, so the totals of a log with forgets are those of its answers alone.
 */
export function addToAggregates(agg: Aggregates, log: ReviewRecord, sign: 1 | -1 = 1): void {
	if (isForget(log)) return;
	const one = countsOf(log);
	const t = bucketOf(log);
	const b = agg.buckets.get(t) ?? { t, ...emptyCounts() };
	for (const k of COUNTS) b[k] += sign * one[k];
	if (b.answers === 0) agg.buckets.delete(t);
	else agg.buckets.set(t, b);
	const c = agg.cards.get(log.card_id) ?? {
		card_id: log.card_id,
		answers: 0,
		again: 0,
		reviewAnswers: 0,
		reviewAgain: 0,
		timeMs: 0,
		first: log.review,
		last: log.review
	};
	for (const k of CARD_COUNTS) c[k] += sign * one[k];
	if (sign > 0) {
		c.first = Math.min(c.first, log.review);
		c.last = Math.max(c.last, log.review);
	}
	if (c.answers === 0) agg.cards.delete(log.card_id);
	else agg.cards.set(log.card_id, c);
}

/** The aggregates of a whole review log, computed afresh. */
export function recompute(reviews: Iterable<ReviewRecord>): Aggregates {
	const agg = emptyAggregates();
	for (const r of reviews) addToAggregates(agg, r);
	return agg;
}

/** A read-write transaction over at least 'buckets' and 'cardTotals' (and 'reviews', to take answers away). */
export type AggregateTx = IDBPTransaction<RecallDB, ArrayLike<StoreNames<RecallDB>>, 'readwrite' | 'versionchange'>;
export type Write = () => Promise<unknown>;

/**
 * Reads the aggregate records that adding (sign 1) or removing (sign -1)
 * `logs` changes, and returns the writes that change them, for the caller to
 * issue in the same transaction as the change to the log itself. Removing
 * an answer that was a card's first or last reads that card's other answers
 * (so the transaction must include 'reviews'; `logs` may already be deleted
 * from it or not).
 */
export async function aggregateWrites(tx: AggregateTx, logs: readonly ReviewRecord[], sign: 1 | -1, read?: StoredTotals): Promise<Write[]> {
	const delta = emptyAggregates();
	for (const l of logs) addToAggregates(delta, l, sign);
	return deltaWrites(tx, delta, sign < 0 ? logs : undefined, read);
}

/** The stored totals one answer changes, read ahead (storedTotalsOf) so that they go out with the answer's other reads. */
export interface StoredTotals {
	bucket: { t: number; stored: AnswerBucket | undefined };
	card: { card_id: string; stored: CardTotals | undefined };
}

/**
 * Asks for the totals an answer to `card_id` at `review` will change, before
 * the answer is graded: its quarter-hour and its card are known already. One
 * answer's save then makes one round of reads, not two (data/answers.ts).
 */
export async function storedTotalsOf(tx: AggregateTx, card_id: string, review: number): Promise<StoredTotals> {
	const t = bucketOf({ review });
	const [bucket, card] = await Promise.all([tx.objectStore('buckets').get(t), tx.objectStore('cardTotals').get(card_id)]);
	return { bucket: { t, stored: bucket }, card: { card_id, stored: card } };
}

/**
 * The writes that add `delta` (the totals of answers added, or taken away:
 * negative counts) to the stored totals: of one answer, of a batch, or of
 * a whole bulk merge kept in memory across its batches (data/bulk.ts).
 * `removed` are the answers taken away, whose cards' first and last
 * answers may need their remaining log (see aggregateWrites).
 */
export async function deltaWrites(tx: AggregateTx, delta: Aggregates, removedLogs?: readonly ReviewRecord[], read?: StoredTotals): Promise<Write[]> {
	const logs = removedLogs ?? [];
	const buckets = tx.objectStore('buckets');
	const cards = tx.objectStore('cardTotals');
	const bs = [...delta.buckets.values()];
	const cs = [...delta.cards.values()];
	const [storedB, storedC] =
		read && bs.every((b) => read.bucket.t === b.t) && cs.every((c) => read.card.card_id === c.card_id)
			? [bs.map(() => read.bucket.stored), cs.map(() => read.card.stored)]
			: await Promise.all([readBucketsOf(buckets, bs), readCardsOf(cards, cs)]);
	const writes: Write[] = [];
	bs.forEach((d, i) => {
		const next: AnswerBucket = { ...(storedB[i] ?? { t: d.t, ...emptyCounts() }) };
		for (const k of COUNTS) next[k] += d[k];
		// Not > 0: the aggregates lacked these answers; nothing sensible is left to keep.
		writes.push(next.answers > 0 ? () => buckets.put(next) : () => buckets.delete(d.t));
	});
	const removed = removedLogs ? new Set(logs.map((l) => l.id)) : undefined;
	await Promise.all(
		cs.map(async (d, i) => {
			const stored = storedC[i];
			const next: CardTotals = { ...(stored ?? d) };
			if (stored) for (const k of CARD_COUNTS) next[k] += d[k];
			if (next.answers <= 0) {
				writes.push(() => cards.delete(d.card_id));
				return;
			}
			if (!removed) {
				next.first = Math.min(next.first, d.first);
				next.last = Math.max(next.last, d.last);
			} else if (logs.some((l) => l.card_id === d.card_id && (l.review === next.first || l.review === next.last))) {
				// The first or last answer went: the card's remaining answers say which are now.
				const rest = (await tx.objectStore('reviews').index('by-card').getAll(d.card_id)).filter((l) => !removed.has(l.id) && !isForget(l));
				if (rest.length > 0) {
					next.first = rest.reduce((m, l) => Math.min(m, l.review), Infinity);
					next.last = rest.reduce((m, l) => Math.max(m, l.review), -Infinity);
				}
			}
			writes.push(() => cards.put(next));
		})
	);
	return writes;
}

/** Answers read per request when the whole log is added up: a page at a time keeps memory flat on a big log. */
const PAGE = 5000;

/**
 * Adds up the whole review log afresh into 'buckets' and 'cardTotals',
 * replacing what they held: the migration that made them, and the repair
 * after a bulk merge was cut short (data/bulk.ts). It reads the log by
 * primary key in pages: a request per page, not one per record as a cursor
 * takes, which matters with a million answers.
 */
export async function rebuildTotals(tx: AggregateTx): Promise<void> {
	const reviews = tx.objectStore('reviews');
	const agg = emptyAggregates();
	let after: string | undefined;
	for (;;) {
		const page = await reviews.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PAGE);
		for (const r of page) addToAggregates(agg, r);
		if (page.length < PAGE) break;
		after = page[page.length - 1]!.id;
	}
	const buckets = tx.objectStore('buckets');
	const cards = tx.objectStore('cardTotals');
	await Promise.all([buckets.clear(), cards.clear()]);
	await Promise.all([...[...agg.buckets.values()].map((b) => buckets.put(b)), ...[...agg.cards.values()].map((c) => cards.put(c))]);
}

/** Past this many records, one ranged read costs less than a read per record (a batch of an import or a sync). */
const MANY = 32;

type Store<K, V> = { get(key: K): Promise<V | undefined>; getAll(range: IDBKeyRange): Promise<V[]> };

/** The stored buckets for these deltas, in their order: one read of the span they cover when there are many. */
async function readBucketsOf(store: Store<number, AnswerBucket>, deltas: readonly AnswerBucket[]): Promise<(AnswerBucket | undefined)[]> {
	if (deltas.length < MANY) return Promise.all(deltas.map((d) => store.get(d.t)));
	const ts = deltas.map((d) => d.t);
	const found = new Map((await store.getAll(IDBKeyRange.bound(Math.min(...ts), Math.max(...ts)))).map((b) => [b.t, b]));
	return deltas.map((d) => found.get(d.t));
}

/** The stored totals for these cards, in their order: one read of the span of their ids when there are many. */
async function readCardsOf(store: Store<string, CardTotals>, deltas: readonly CardTotals[]): Promise<(CardTotals | undefined)[]> {
	if (deltas.length < MANY) return Promise.all(deltas.map((d) => store.get(d.card_id)));
	const ids = deltas.map((d) => d.card_id).sort();
	const found = new Map((await store.getAll(IDBKeyRange.bound(ids[0]!, ids.at(-1)!))).map((c) => [c.card_id, c]));
	return deltas.map((d) => found.get(d.card_id));
}
