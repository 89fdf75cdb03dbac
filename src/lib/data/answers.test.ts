import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { replay, scheduler } from '$lib/srs';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { getAllStates, getCardReviews, getReviewsToday, getSettings, saveSettings } from './queries';
import fc from 'fast-check';
import { recordReview, setMarks, undoReview } from './answers';
import { DB_NAME, DB_VERSION } from '$lib/db/schema';
import { DEFAULT_SETTINGS } from '$lib/db/settings';

const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
const NOW = Date.UTC(2026, 10, 21, 12);
let db: RecallDatabase;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => {
	db.close();
	vi.restoreAllMocks();
});

describe('a new database', () => {
	it('has every store and index of the current schema', () => {
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([
			'buckets',
			'cardTotals',
			'cards',
			'marks',
			'meta',
			'notes',
			'outbox',
			'ownCards',
			'practice',
			'reports',
			'reviews',
			'settings'
		]);
		const tx = db.transaction(['cards', 'reviews', 'reports', 'ownCards']);
		expect([...tx.objectStore('ownCards').indexNames]).toEqual(['by-section']);
		expect([...tx.objectStore('reports').indexNames]).toEqual(['by-card']);
		expect([...tx.objectStore('cards').indexNames]).toEqual(['by-due']);
		expect([...tx.objectStore('reviews').indexNames].sort()).toEqual(['by-card', 'by-time']);
	});

	it('gives default settings until the learner saves some', async () => {
		expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 5 });
		expect((await getSettings(db)).newPerDay).toBe(5);
	});
});

describe('saving an answer', () => {
	it('writes the review record and the new card state together', async () => {
		const { state, log } = await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW, duration: 3000 });
		expect(await db.get('reviews', log.id)).toEqual(log);
		expect(await db.get('cards', 'http-a')).toEqual(state);
		expect(state.state).toBe(State.Learning);
	});

	it('builds on the stored state, so the cached state equals a replay of the log', async () => {
		await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW, duration: 3000 });
		await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW + 600_000, duration: 2000 });
		await recordReview(db, f, { card_id: 'http-a', rating: Rating.Hard, now: NOW + 3 * 86_400_000, duration: 2000 });
		const stored = (await getAllStates(db)).get('http-a');
		expect(stored?.reps).toBe(3);
		expect(replay(f, 'http-a', await getCardReviews(db, 'http-a'))).toEqual(stored);
	});

	it('writes neither record nor state when the transaction fails', async () => {
		const first = await recordReview(db, f, { card_id: 'http-a', rating: Rating.Good, now: NOW, duration: 1000 });
		// Force a clash on the review id: add() must refuse to overwrite a record.
		vi.spyOn(crypto, 'randomUUID').mockReturnValue(first.log.id as `${string}-${string}-${string}-${string}-${string}`);
		await expect(recordReview(db, f, { card_id: 'http-a', rating: Rating.Easy, now: NOW + 1000, duration: 1000 })).rejects.toThrow();
		expect(await db.count('reviews')).toBe(1);
		expect(await db.get('cards', 'http-a')).toEqual(first.state);
	});

	it('never loses or doubles an answer when two tabs grade the same card at once', async () => {
		const other = await openRecallDB();
		await Promise.all([
			recordReview(db, f, { card_id: 'rest-a', rating: Rating.Good, now: NOW, duration: 1000 }),
			recordReview(other, f, { card_id: 'rest-a', rating: Rating.Good, now: NOW + 1, duration: 1000 })
		]);
		other.close();
		expect(await db.count('reviews')).toBe(2);
		expect((await db.get('cards', 'rest-a'))?.reps).toBe(2);
	});
});

describe("today's reviews", () => {
	it("start at the learner's day start", async () => {
		const tz = process.env.TZ;
		process.env.TZ = 'UTC';
		onTestFinished(() => {
			process.env.TZ = tz;
		});
		await recordReview(db, f, { card_id: 'a', rating: Rating.Good, now: Date.UTC(2026, 10, 21, 3, 59), duration: 0 });
		await recordReview(db, f, { card_id: 'b', rating: Rating.Good, now: Date.UTC(2026, 10, 21, 4, 0), duration: 0 });
		const today = await getReviewsToday(db, Date.UTC(2026, 10, 21, 12), 4);
		expect(today.map((r) => r.card_id)).toEqual(['b']);
	});
});

describe('a newer version opened in another tab', () => {
	it('closes this connection and tells the page, so the upgrade is not blocked', async () => {
		db.close();
		const onBlocking = vi.fn();
		db = await openRecallDB({ onBlocking });
		const upgraded = await new Promise<number>((resolve, reject) => {
			const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
			req.onsuccess = () => {
				resolve(req.result.version);
				req.result.close();
			};
			req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
			req.onblocked = () => reject(new Error('upgrade was blocked'));
		});
		expect(upgraded).toBe(DB_VERSION + 1);
		expect(onBlocking).toHaveBeenCalledOnce();
	});
});

describe('undo', () => {
	it('undo(grade(state)) gives back the exact state, marks, log and running totals, whatever came before', async () => {
		const grades = fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(grades, fc.integer({ min: 1, max: 20 * 24 * 60 })), { maxLength: 8 }), grades, async (steps, last) => {
				globalThis.indexedDB = new IDBFactory();
				const sut = await openRecallDB();
				let now = NOW;
				for (const [rating, wait] of steps) {
					now += wait * 60_000;
					await recordReview(sut, f, { card_id: 'x', rating, now, duration: 1 }, { leechThreshold: 2 });
				}
				const stateBefore = await sut.get('cards', 'x');
				const marksBefore = await sut.get('marks', 'x');
				const logsBefore = await sut.getAll('reviews');
				const totalsBefore = [await sut.getAll('buckets'), await sut.getAll('cardTotals')];
				const saved = await recordReview(sut, f, { card_id: 'x', rating: last, now: now + 86_400_000, duration: 1 }, { leechThreshold: 2 });
				await undoReview(sut, saved);
				expect(await sut.get('cards', 'x')).toEqual(stateBefore);
				expect(await sut.get('marks', 'x')).toEqual(marksBefore);
				expect(await sut.getAll('reviews')).toEqual(logsBefore);
				expect([await sut.getAll('buckets'), await sut.getAll('cardTotals')]).toEqual(totalsBefore);
				sut.close();
			}),
			{ numRuns: 60 }
		);
	});

	it('refuses to undo over an answer another tab gave since', async () => {
		const saved = await recordReview(db, f, { card_id: 'x', rating: Rating.Good, now: NOW, duration: 1 });
		const other = await openRecallDB();
		await recordReview(other, f, { card_id: 'x', rating: Rating.Good, now: NOW + 600_000, duration: 1 });
		other.close();
		await expect(undoReview(db, saved)).rejects.toThrow('answered again since');
		expect(await db.count('reviews')).toBe(2);
	});
});

describe('leeches', () => {
	it('at the threshold of lapses, a card is marked a leech and suspended with the grade', async () => {
		let now = NOW;
		const answer = async (rating: 1 | 2 | 3 | 4, afterDays: number) => {
			now += afterDays * 86_400_000;
			return recordReview(db, f, { card_id: 'x', rating, now, duration: 1 }, { leechThreshold: 2 });
		};
		await answer(Rating.Good, 0);
		await answer(Rating.Good, 0.01);
		const first = await answer(Rating.Again, 5);
		expect(first.leech).toBe(false);
		await answer(Rating.Good, 0.01);
		await answer(Rating.Good, 3);
		const second = await answer(Rating.Again, 10);
		expect(second.state.lapses).toBe(2);
		expect(second.leech).toBe(true);
		expect(await db.get('marks', 'x')).toMatchObject({ leech: true, suspended: true });
	});

	it('keeps a flag when the card becomes a leech', async () => {
		await setMarks(db, 'y', { flagged: true });
		let now = NOW;
		for (const [r, d] of [
			[3, 0],
			[3, 0.01],
			[1, 5]
		] as const) {
			now += d * 86_400_000;
			await recordReview(db, f, { card_id: 'y', rating: r, now, duration: 1 }, { leechThreshold: 1 });
		}
		expect(await db.get('marks', 'y')).toMatchObject({ flagged: true, leech: true, suspended: true });
	});
});
