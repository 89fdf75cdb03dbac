import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doneToday, Rating, replay, scheduler, State } from '$lib/srs';
import { recompute } from '$lib/db/aggregates';
import { exportBackup, gzipLines, importBackupFile, resetAll, BackupWriter } from './backup';
import { optimizerCsv } from './interchange';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { getCardReviews } from './queries';
import { NothingToForgetError, recordForget, recordReview, undoForget, UndoConflictError } from './answers';
import { DEFAULT_SETTINGS } from '$lib/db/settings';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
let db: RecallDatabase;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => db.close());

/** Answers `card` a few times over days, so it is in review with a lapse. */
async function learn(card = 'http-a'): Promise<void> {
	let now = NOW - 20 * DAY;
	for (const [rating, wait] of [
		[Rating.Good, 0],
		[Rating.Good, 0.01],
		[Rating.Good, 3],
		[Rating.Again, 9],
		[Rating.Good, 0.01],
		[Rating.Good, 2]
	] as const) {
		now += wait * DAY;
		await recordReview(db, f, { card_id: card, rating, now, duration: 3000 });
	}
}

async function aggregates() {
	return { buckets: await db.getAll('buckets'), cards: await db.getAll('cardTotals') };
}

describe('forget', () => {
	it('writes a rating-0 record with the forget log, and the card is new; replaying the log gives the same state', async () => {
		await learn();
		const before = await db.get('cards', 'http-a');
		expect(before?.state).toBe(State.Review);
		const saved = await recordForget(db, f, 'http-a', NOW);
		expect(saved.state).toMatchObject({
			state: State.New,
			stability: 0,
			difficulty: 0,
			reps: before?.reps,
			lapses: before?.lapses,
			due: NOW,
			last_review: NOW
		});
		expect(saved.log).toMatchObject({
			card_id: 'http-a',
			rating: 0,
			review: NOW,
			duration: 0,
			state: State.Review,
			elapsed_days: 0,
			stability: before?.stability
		});
		expect(await db.get('cards', 'http-a')).toEqual(saved.state);
		const logs = await getCardReviews(db, 'http-a');
		expect(logs.at(-1)).toEqual(saved.log);
		expect(replay(f, 'http-a', logs)).toEqual(saved.state);
		// The next answer replays on top of the forget too, as a new card's first answer, after it in time.
		const next = await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW - 5, duration: 1000 });
		expect(next.log.state).toBe(State.New);
		expect(next.log.review).toBe(NOW + 1);
		expect(replay(f, 'http-a', await getCardReviews(db, 'http-a'))).toEqual(next.state);
	});

	it('keeps times strictly increasing: a clock gone back still puts the forget after the last answer', async () => {
		await learn();
		const last = (await db.get('cards', 'http-a'))?.last_review as number;
		const saved = await recordForget(db, f, 'http-a', last - DAY);
		expect(saved.log.review).toBe(last + 1);
	});

	it('is refused for a card never answered or new already, writing nothing', async () => {
		await expect(recordForget(db, f, 'never', NOW)).rejects.toBeInstanceOf(NothingToForgetError);
		await learn();
		await recordForget(db, f, 'http-a', NOW);
		await expect(recordForget(db, f, 'http-a', NOW + 1000)).rejects.toBeInstanceOf(NothingToForgetError);
		expect((await getCardReviews(db, 'http-a')).filter((l) => l.rating === Rating.Manual)).toHaveLength(1);
	});

	it('does not change the running totals, and undo restores the exact earlier state and removes the record', async () => {
		await learn();
		const before = await db.get('cards', 'http-a');
		const aggBefore = await aggregates();
		const logsBefore = await getCardReviews(db, 'http-a');
		const saved = await recordForget(db, f, 'http-a', NOW);
		expect(await aggregates()).toEqual(aggBefore);
		// Computed afresh from the whole log (as the migration does), the forget counts for nothing either.
		const all = await db.getAll('reviews');
		const fresh = recompute(all);
		expect([...fresh.buckets.values()].sort((a, b) => a.t - b.t)).toEqual(aggBefore.buckets);
		expect([...fresh.cards.values()]).toEqual(aggBefore.cards);
		await undoForget(db, saved);
		expect(await db.get('cards', 'http-a')).toEqual(before);
		expect(await db.get('reviews', saved.log.id)).toBeUndefined();
		expect(await getCardReviews(db, 'http-a')).toEqual(logsBefore);
		expect(await aggregates()).toEqual(aggBefore);
	});

	it('undo is refused once the card was answered since', async () => {
		await learn();
		const saved = await recordForget(db, f, 'http-a', NOW);
		await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW + 1000, duration: 1000 });
		await expect(undoForget(db, saved)).rejects.toBeInstanceOf(UndoConflictError);
		expect(await db.get('reviews', saved.log.id)).toBeDefined();
	});

	it('undoing an answer given after a forget leaves the totals right (first and last skip the forget)', async () => {
		await learn();
		const aggBefore = await aggregates();
		await recordForget(db, f, 'http-a', NOW);
		const { undoReview } = await import('./answers');
		const answer = await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW + 1000, duration: 1000 });
		await undoReview(db, answer);
		expect(await aggregates()).toEqual(aggBefore);
	});

	it('is not an answer for today: no new card introduced, no review done', async () => {
		await learn();
		const saved = await recordForget(db, f, 'http-a', NOW);
		expect(doneToday([saved.log], NOW, 4)).toEqual({ newCards: 0, reviews: 0 });
	});

	it('is left out of the optimizer CSV', async () => {
		await learn();
		await recordForget(db, f, 'http-a', NOW);
		const csv = optimizerCsv(await db.getAll('reviews'));
		expect(csv.trim().split('\n')).toHaveLength(1 + 6);
		expect(csv).not.toMatch(/,0,\d,0\n/);
	});
});

describe('a backup with a forget', () => {
	it('exports and imports: the record comes back, the state is restored exactly, the totals match', async () => {
		await learn();
		await learn('rest-b');
		const saved = await recordForget(db, f, 'http-a', NOW);
		await recordReview(db, f, { card_id: 'http-a', rating: Rating.Again, now: NOW + 60_000, duration: 2000 });
		const states = await db.getAll('cards');
		const reviews = await db.getAll('reviews');
		const agg = await aggregates();
		const { blob } = await exportBackup(db, '1.0.0', NOW + DAY);
		await resetAll(db);
		const result = await importBackupFile(db, blob, { mode: 'merge', now: NOW + DAY, schedulerFor: scheduler });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.summary.cardsRebuilt).toEqual([]);
		expect(result.summary.cardsExact).toBe(2);
		expect(await db.getAll('cards')).toEqual(states);
		expect(await db.getAll('reviews')).toEqual(reviews);
		expect(await db.get('reviews', saved.log.id)).toEqual(saved.log);
		expect(await aggregates()).toEqual(agg);
	});

	it('is rebuilt from a log with a forget the same way (a state missing from the file)', async () => {
		await learn();
		await recordForget(db, f, 'http-a', NOW);
		const state = await db.get('cards', 'http-a');
		const { blob } = await exportBackup(db, '1.0.0', NOW + DAY);
		const lines: Record<string, unknown>[] = [];
		const decoder = new TextDecoder();
		for await (const batch of gzipLines(blob)) for (const l of batch) if (l.length > 0) lines.push(JSON.parse(decoder.decode(l)) as Record<string, unknown>);
		const out = new BackupWriter();
		const body = lines.filter((l) => !('end' in l) && !('card' in l));
		for (const l of body) await out.line(l);
		const file = await out.finish({ reviews: body.filter((l) => 'review' in l).length, practice: 0, cards: 0, marks: 0 });
		await resetAll(db);
		const result = await importBackupFile(db, file, { mode: 'merge', now: NOW + DAY, schedulerFor: scheduler });
		expect(result.ok).toBe(true);
		expect(await db.get('cards', 'http-a')).toEqual(state);
	});

	it('refuses a rating-0 record that is not a forget (it took time)', async () => {
		await learn();
		await recordForget(db, f, 'http-a', NOW);
		const { blob } = await exportBackup(db, '1.0.0', NOW + DAY);
		const lines: Record<string, unknown>[] = [];
		const decoder = new TextDecoder();
		for await (const batch of gzipLines(blob)) for (const l of batch) if (l.length > 0) lines.push(JSON.parse(decoder.decode(l)) as Record<string, unknown>);
		const out = new BackupWriter();
		const body = lines.filter((l) => !('end' in l));
		for (const l of body) {
			const r = l.review as { rating?: number; duration?: number } | undefined;
			await out.line(r?.rating === 0 ? { review: { ...r, duration: 1500 } } : l);
		}
		const count = (k: string) => body.filter((l) => k in l).length;
		const file = await out.finish({ reviews: count('review'), practice: count('practice'), cards: count('card'), marks: count('marks') });
		const result = await importBackupFile(db, file, { mode: 'merge', now: NOW + DAY, schedulerFor: scheduler });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toMatch(/review\.duration: must be 0 in a forget/);
	});
});
