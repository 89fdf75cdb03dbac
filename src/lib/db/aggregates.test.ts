import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating, scheduler, State, streak, type Grade, type ReviewRecord } from '$lib/srs';
import { useTimeZone } from '$lib/srs/test-helpers';
import { addToAggregates, bucketOf, emptyCounts, recompute, type Aggregates } from './aggregates';
import { answerDays, dayTotals, readBuckets, readCardTotals } from '$lib/data/totals';
import { exportBackup, importBackupFile, resetAll } from '$lib/data/backup';
import { openRecallDB, type RecallDatabase } from './open';
import { NewCardLimitError, recordReview, undoReview, UndoConflictError, type SavedReview } from '$lib/data/answers';
import type { AnswerBucket, CardTotals } from './schema';
import { DEFAULT_SETTINGS } from './settings';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
const MIN = 60_000;
const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });

/** A review record with dull defaults: only what a test sets matters. */
function log(over: Partial<ReviewRecord> & { review: number }): ReviewRecord {
	return {
		id: `r-${over.review}-${over.card_id ?? 'x'}`,
		card_id: 'x',
		rating: Rating.Good,
		duration: 1000,
		state: State.Learning,
		due: 0,
		stability: 1,
		difficulty: 5,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		...over
	};
}

interface Stored {
	buckets: AnswerBucket[];
	cards: CardTotals[];
}

/** What the stores hold, in key order. */
async function stored(sut: RecallDatabase): Promise<Stored> {
	return { buckets: await sut.getAll('buckets'), cards: await sut.getAll('cardTotals') };
}

/** The aggregates as the stores would hold them, in key order. */
function asStored(agg: Aggregates): Stored {
	return {
		buckets: [...agg.buckets.values()].sort((a, b) => a.t - b.t),
		cards: [...agg.cards.values()].sort((a, b) => (a.card_id < b.card_id ? -1 : a.card_id > b.card_id ? 1 : 0))
	};
}

async function expectConsistent(sut: RecallDatabase): Promise<void> {
	expect(await stored(sut)).toEqual(asStored(recompute(await sut.getAll('reviews'))));
}

describe('bucketOf', () => {
	it('puts an answer in its UTC quarter-hour', () => {
		const q = Date.UTC(2026, 2, 29, 1, 30) / 900_000;
		expect(Number.isInteger(q)).toBe(true);
		expect(bucketOf({ review: Date.UTC(2026, 2, 29, 1, 30) })).toBe(q);
		expect(bucketOf({ review: Date.UTC(2026, 2, 29, 1, 44, 59, 999) })).toBe(q);
		expect(bucketOf({ review: Date.UTC(2026, 2, 29, 1, 45) })).toBe(q + 1);
		expect(bucketOf({ review: Date.UTC(2026, 2, 29, 1, 29, 59, 999) })).toBe(q - 1);
		expect(bucketOf({ review: 0 })).toBe(0);
		expect(bucketOf({ review: -1 })).toBe(-1);
	});
});

describe('adding up answers', () => {
	const t10 = Date.UTC(2026, 2, 29, 10);
	const a = log({ id: 'a', card_id: 'x', state: State.New, rating: Rating.Good, duration: 3000, review: t10 });
	const b = log({ id: 'b', card_id: 'x', state: State.Learning, rating: Rating.Again, duration: 2000, review: t10 + 5 * MIN });
	// Young: an interval of 20 days before the answer; mature from 21.
	const c = log({ id: 'c', card_id: 'y', state: State.Review, scheduled_days: 20, rating: Rating.Again, duration: 4000, review: t10 + 15 * MIN - 1 });
	const d = log({ id: 'd', card_id: 'y', state: State.Review, scheduled_days: 21, rating: Rating.Easy, duration: 1000, review: t10 + 15 * MIN });

	it('counts each answer in its bucket and its card', () => {
		const agg = recompute([a, b, c, d]);
		const q = t10 / 900_000;
		expect(asStored(agg).buckets).toEqual([
			{
				t: q,
				answers: 3,
				again: 2,
				hard: 0,
				good: 1,
				easy: 0,
				timeMs: 9000,
				newCards: 1,
				reviewAnswers: 1,
				reviewAgain: 1,
				youngReview: 1,
				youngAgain: 1,
				matureReview: 0,
				matureAgain: 0
			},
			{
				t: q + 1,
				answers: 1,
				again: 0,
				hard: 0,
				good: 0,
				easy: 1,
				timeMs: 1000,
				newCards: 0,
				reviewAnswers: 1,
				reviewAgain: 0,
				youngReview: 0,
				youngAgain: 0,
				matureReview: 1,
				matureAgain: 0
			}
		]);
		expect(asStored(agg).cards).toEqual([
			{ card_id: 'x', answers: 2, again: 1, reviewAnswers: 0, reviewAgain: 0, timeMs: 5000, first: t10, last: t10 + 5 * MIN },
			{ card_id: 'y', answers: 2, again: 1, reviewAnswers: 2, reviewAgain: 1, timeMs: 5000, first: t10 + 15 * MIN - 1, last: t10 + 15 * MIN }
		]);
	});

	it('in any order; and taking an answer away drops what only it made', () => {
		expect(asStored(recompute([d, b, c, a]))).toEqual(asStored(recompute([a, b, c, d])));
		const agg = recompute([a, b, c, d]);
		addToAggregates(agg, d, -1);
		addToAggregates(agg, a, -1);
		const want = asStored(recompute([b, c]));
		expect(asStored(agg).buckets).toEqual(want.buckets);
		// first and last are left for the caller, who can read the card's other answers.
		expect(agg.cards.get('y')).toEqual({ card_id: 'y', answers: 1, again: 1, reviewAnswers: 1, reviewAgain: 1, timeMs: 4000, first: c.review, last: d.review });
		addToAggregates(agg, b, -1);
		addToAggregates(agg, c, -1);
		expect(agg.buckets.size + agg.cards.size).toBe(0);
	});

	it('leaves a forget (rating 0) out entirely: added or taken away, nothing changes, even in a bucket or card of its own', () => {
		// A forget of a card in review, as recordForget writes it: its log says state Review, duration 0.
		const forget = log({ id: 'f', card_id: 'y', state: State.Review, scheduled_days: 30, rating: Rating.Manual, duration: 0, review: t10 + 16 * MIN });
		const alone = log({ ...forget, id: 'g', card_id: 'z', review: t10 + 60 * MIN });
		expect(asStored(recompute([a, b, forget, c, d, alone]))).toEqual(asStored(recompute([a, b, c, d])));
		const agg = recompute([a, b, c, d]);
		addToAggregates(agg, forget, -1);
		addToAggregates(agg, alone, 1);
		expect(asStored(agg)).toEqual(asStored(recompute([a, b, c, d])));
	});
});

describe('local days from quarter-hours, in Berlin (summer time starts 29 March 2026, ends 25 October)', () => {
	useTimeZone('Europe/Berlin');
	const at = (review: number, rating: Grade = Rating.Good, duration = 1000) => log({ review, rating, duration });
	const logs = [
		at(Date.UTC(2026, 2, 28, 2, 50)), // 03:50 CET on the 28th
		at(Date.UTC(2026, 2, 28, 3, 0), Rating.Again, 1000), // 04:00 CET on the 28th
		at(Date.UTC(2026, 2, 29, 1, 59), Rating.Good, 2000), // 03:59 CEST on the 29th (02:00–03:00 never happened)
		at(Date.UTC(2026, 2, 29, 2, 0)), // 04:00 CEST on the 29th
		at(Date.UTC(2026, 2, 29, 21, 30)), // 23:30 CEST on the 29th
		at(Date.UTC(2026, 2, 31, 10, 0)) // noon on the 31st; nothing on the 30th
	];
	const buckets = asStored(recompute(logs)).buckets;

	it('with days starting at 04:00: 28 March is 23 hours long', () => {
		// Days start at 04:00 local: 03:00 UTC in winter, 02:00 UTC in summer.
		expect(answerDays(buckets, 4)).toEqual([Date.UTC(2026, 2, 27, 3), Date.UTC(2026, 2, 28, 3), Date.UTC(2026, 2, 29, 2), Date.UTC(2026, 2, 31, 2)]);
		const days = dayTotals(buckets, 4);
		expect([...days.keys()]).toEqual([Date.UTC(2026, 2, 27, 3), Date.UTC(2026, 2, 28, 3), Date.UTC(2026, 2, 29, 2), Date.UTC(2026, 2, 31, 2)]);
		expect(days.get(Date.UTC(2026, 2, 28, 3))).toEqual({ ...emptyCounts(), day: Date.UTC(2026, 2, 28, 3), answers: 2, again: 1, good: 1, timeMs: 3000 });
		expect([...days.values()].map((d) => d.answers)).toEqual([1, 2, 2, 1]);
	});

	it('with days starting at midnight, from the same buckets: no rebuild for another day-start hour', () => {
		// Midnight local: 23:00 UTC the day before in winter, 22:00 in summer.
		expect(answerDays(buckets, 0)).toEqual([Date.UTC(2026, 2, 27, 23), Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 30, 22)]);
		expect([...dayTotals(buckets, 0).values()].map((d) => d.answers)).toEqual([2, 3, 1]);
	});

	it('gives the streak as the whole log did', () => {
		const fromLog = (now: number, h: number) =>
			streak(
				logs.map((l) => l.review),
				now,
				h
			);
		for (const [now, h, n] of [
			[Date.UTC(2026, 2, 31, 12), 4, 1],
			[Date.UTC(2026, 2, 29, 22), 4, 3], // 00:00 CEST on the 30th is still the 29th's day
			[Date.UTC(2026, 2, 30, 1, 59), 4, 3],
			[Date.UTC(2026, 2, 30, 12), 4, 3], // alive until the 30th ends with no answer
			[Date.UTC(2026, 3, 1, 12), 4, 1],
			[Date.UTC(2026, 3, 2, 12), 4, 0],
			[Date.UTC(2026, 2, 29, 22), 0, 2]
		] as const) {
			expect(streak(answerDays(buckets, h), now, h), `${new Date(now).toISOString()} from ${h}:00`).toBe(n);
			expect(fromLog(now, h)).toBe(n);
		}
	});

	it('when summer time ends: 24 October, from 04:00, is 25 hours long', () => {
		const autumn = asStored(
			recompute([
				at(Date.UTC(2026, 9, 24, 1, 59)), // 03:59 CEST on the 24th: the 23rd's day
				at(Date.UTC(2026, 9, 24, 2, 0)), // 04:00 CEST on the 24th
				at(Date.UTC(2026, 9, 25, 0, 30)), // 02:30 CEST on the 25th
				at(Date.UTC(2026, 9, 25, 2, 30)), // 03:30 CET on the 25th (the second 02:00–03:00 is behind)
				at(Date.UTC(2026, 9, 25, 3, 0)) // 04:00 CET on the 25th
			])
		).buckets;
		const days = dayTotals(autumn, 4);
		expect([...days.keys()]).toEqual([Date.UTC(2026, 9, 23, 2), Date.UTC(2026, 9, 24, 2), Date.UTC(2026, 9, 25, 3)]);
		expect([...days.values()].map((d) => d.answers)).toEqual([1, 3, 1]);
	});
});

describe('local days from quarter-hours, in Kathmandu (UTC+05:45)', () => {
	useTimeZone('Asia/Kathmandu');
	it('splits days at 22:15 UTC for a 04:00 day start', () => {
		const buckets = asStored(
			recompute([
				log({ review: Date.UTC(2026, 0, 10, 22, 14, 59, 999) }),
				log({ review: Date.UTC(2026, 0, 10, 22, 15) }),
				log({ review: Date.UTC(2026, 0, 11, 22, 0) })
			])
		).buckets;
		expect(answerDays(buckets, 4)).toEqual([Date.UTC(2026, 0, 9, 22, 15), Date.UTC(2026, 0, 10, 22, 15)]);
		expect([...dayTotals(buckets, 4).values()].map((d) => d.answers)).toEqual([1, 2]);
	});
});

describe('the stores', () => {
	let db: RecallDatabase;
	beforeEach(async () => {
		globalThis.indexedDB = new IDBFactory();
		db = await openRecallDB();
	});
	afterEach(() => {
		db.close();
		vi.restoreAllMocks();
	});

	it('are written with each answer and read by time range', async () => {
		await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW, duration: 2000 });
		await recordReview(db, f, { card_id: 'b', rating: Rating.Again, now: NOW + 20 * MIN, duration: 3000 });
		await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW + DAY, duration: 1000 });
		await expectConsistent(db);
		expect((await readBuckets(db)).map((b) => b.answers)).toEqual([1, 1, 1]);
		expect((await readBuckets(db, NOW + 15 * MIN)).map((b) => b.t)).toEqual([bucketOf({ review: NOW + 20 * MIN }), bucketOf({ review: NOW + DAY })]);
		// A bound inside a quarter-hour takes in its whole bucket.
		expect((await readBuckets(db, NOW + 16 * MIN, NOW + DAY)).map((b) => b.t)).toEqual([bucketOf({ review: NOW + 20 * MIN })]);
		expect(await readBuckets(db, NOW + DAY + 1, NOW + DAY + 2)).toHaveLength(1);
		expect(await readBuckets(db, NOW + 2 * DAY, NOW + DAY)).toEqual([]);
		expect(await readBuckets(db, undefined, NOW + 1)).toHaveLength(1);
		const cards = await readCardTotals(db);
		expect(cards.get('a')).toMatchObject({ answers: 2, timeMs: 3000, first: NOW, last: NOW + DAY });
		expect(cards.get('b')).toMatchObject({ answers: 1, again: 1 });
	});

	it('count both answers when two tabs answer in the same quarter-hour at once', async () => {
		const other = await openRecallDB();
		await Promise.all([
			recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW, duration: 1000 }),
			recordReview(other, f, { card_id: 'a', rating: Rating.Again, now: NOW + 1, duration: 1000 }),
			recordReview(other, f, { card_id: 'b', rating: Rating.Again, now: NOW + 2, duration: 1000 })
		]);
		other.close();
		expect((await readBuckets(db)).map((b) => [b.answers, b.again])).toEqual([[3, 2]]);
		await expectConsistent(db);
	});

	it('are untouched by an answer that fails to save or is over the new-card limit', async () => {
		const first = await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW, duration: 1000 });
		const before = await stored(db);
		vi.spyOn(crypto, 'randomUUID').mockReturnValue(first.log.id as `${string}-${string}-${string}-${string}-${string}`);
		await expect(recordReview(db, f, { card_id: 'a', rating: Rating.Easy, now: NOW + MIN, duration: 1000 })).rejects.toThrow();
		vi.restoreAllMocks();
		await expect(
			recordReview(db, f, { card_id: 'new', rating: Rating.Easy, now: NOW + MIN, duration: 1000 }, { newLimit: { limit: 1, dayStart: NOW - DAY } })
		).rejects.toBeInstanceOf(NewCardLimitError);
		expect(await stored(db)).toEqual(before);
	});

	it('are never left behind by a write that throws at once: the whole answer is aborted', async () => {
		await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW, duration: 1000 });
		const everything = async () => ({ totals: await stored(db), reviews: await db.getAll('reviews'), states: await db.getAll('cards') });
		const before = await everything();
		// The log record's add() is issued first; the state's and the totals' put() then throw, as on a full disk.
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		});
		await expect(recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW + DAY, duration: 1000 })).rejects.toThrow('Quota exceeded');
		vi.restoreAllMocks();
		expect(await everything()).toEqual(before);
	});

	it('refuses to undo an answer a replacing import took away, and leaves the totals alone', async () => {
		const saved = await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: NOW, duration: 1000 });
		// The card's state stays the same, its answer is gone (as after a replacing import whose state matched by chance).
		await db.delete('reviews', saved.log.id);
		await expect(undoReview(db, saved)).rejects.toBeInstanceOf(UndoConflictError);
		expect((await readBuckets(db)).map((b) => b.answers)).toEqual([1]);
	});
});

describe('the totals always equal a recomputation from the review log', () => {
	const ratings = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
	// Gaps: the same quarter-hour, the next, hours, days, and a clock that jumps back.
	const gap = fc.constantFrom(0, MIN, 14 * MIN, 16 * MIN, 3_600_000, DAY, 3 * DAY, 25 * DAY, -5 * MIN);
	const answer = fc.record({ card: fc.integer({ min: 0, max: 4 }), rating: ratings, gap });
	const op = fc.oneof(
		{ weight: 8, arbitrary: fc.record({ kind: fc.constant('answer' as const), answer }) },
		{ weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
		{
			weight: 2,
			arbitrary: fc.record({
				kind: fc.constant('import' as const),
				mode: fc.constantFrom('merge' as const, 'replace' as const),
				other: fc.array(answer, { maxLength: 10 })
			})
		},
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('import-own' as const), mode: fc.constantFrom('merge' as const, 'replace' as const) }) },
		{ weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) }
	);

	/** Answers from the same start and cards as the learner's, so imports meet the same buckets and cards. */
	async function answerAll(sut: RecallDatabase, answers: { card: number; rating: Grade; gap: number }[], clock: { t: number }, saved?: SavedReview[]) {
		for (const a of answers) {
			clock.t += a.gap;
			const s = await recordReview(sut, f, { card_id: `card-${a.card}`, rating: a.rating, now: clock.t, duration: 500 + a.card * 250 }, { leechThreshold: 3 });
			saved?.push(s);
		}
	}

	it('after any sequence of answers, undos, imports (merge and replace) and resets', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
				globalThis.indexedDB = new IDBFactory();
				const sut = await openRecallDB();
				const clock = { t: NOW - 90 * DAY };
				const saved: SavedReview[] = [];
				for (const o of ops) {
					if (o.kind === 'answer') await answerAll(sut, [o.answer], clock, saved);
					else if (o.kind === 'undo') {
						const last = saved.pop();
						if (last) await undoReview(sut, last).catch((e: unknown) => expect(e).toBeInstanceOf(UndoConflictError));
					} else if (o.kind === 'reset') await resetAll(sut);
					else {
						let file: Blob;
						if (o.kind === 'import-own') file = (await exportBackup(sut, '1', NOW)).blob;
						else {
							const name = `other-${run++}`;
							const other = await openRecallDB({ name });
							await answerAll(other, o.other, { t: NOW - 90 * DAY });
							file = (await exportBackup(other, '1', NOW)).blob;
							other.close();
							await deleteDB(name);
						}
						const result = await importBackupFile(sut, file, { mode: o.mode, now: NOW, schedulerFor: scheduler });
						expect(result.ok ? '' : result.error).toBe('');
					}
					await expectConsistent(sut);
				}
				sut.close();
			}),
			{ numRuns: 60, seed: 20261129 }
		);
	}, 180_000);
});
