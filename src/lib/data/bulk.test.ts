import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating, scheduler, State, type Grade, type ReviewRecord } from '$lib/srs';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { BackupWriter, exportBackup, importBackupFile } from './backup/index';
import { recordForget, recordReview } from './answers';
import { saveSettings } from './queries';
import { BulkMerge } from './bulk';

const NOW = Date.UTC(2026, 10, 21, 12);
const MINUTE = 60_000;
const SETTINGS = { ...DEFAULT_SETTINGS, fuzz: false };
const f = scheduler(SETTINGS);
const emptyAnswers = () => ({ reviews: [] as ReviewRecord[], practice: [] });
let opened: RecallDatabase[] = [];
const open = async (name: string) => {
	const db = await openRecallDB({ name });
	opened.push(db);
	return db;
};

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	opened = [];
});
afterEach(() => opened.forEach((db) => db.close()));

/** What a learner sees that comes from the log: every card's state and every running total. */
async function derived(db: RecallDatabase) {
	const [cards, buckets, cardTotals] = await Promise.all([db.getAll('cards'), db.getAll('buckets'), db.getAll('cardTotals')]);
	return { cards, buckets, cardTotals };
}

/** One step of a generated history: an answer (or a forget) on one of a few cards, some minutes after the last. */
const step = fc.record({
	card: fc.integer({ min: 0, max: 4 }),
	rating: fc.constantFrom<Grade | 0>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy, Rating.Again, Rating.Good, 0),
	wait: fc.integer({ min: 1, max: 30 * 24 * 60 })
});

/** Answers the steps live, as the review screen does, on a fresh database. */
async function answerLive(db: RecallDatabase, steps: readonly { card: number; rating: Grade | 0; wait: number }[]): Promise<void> {
	await saveSettings(db, SETTINGS, NOW - 400 * 24 * 60 * MINUTE);
	let now = NOW - 300 * 24 * 60 * MINUTE;
	for (const s of steps) {
		now += s.wait * MINUTE;
		const card_id = `card-${s.card}`;
		// A forget only resets a card that is not new; else the step answers Good.
		const state = await db.get('cards', card_id);
		if (s.rating === 0 && state && state.state !== State.New) await recordForget(db, f, card_id, now);
		else await recordReview(db, f, { card_id, rating: s.rating === 0 ? Rating.Good : s.rating, now, duration: 1000 + s.wait });
	}
}

/** A format-2 backup holding these answers and the settings, and no card states (they are rebuilt from the answers). */
async function backupOf(reviews: readonly ReviewRecord[]): Promise<Blob> {
	const out = new BackupWriter();
	await out.line({ format: 'roadmap-recall-backup', formatVersion: 2, appVersion: 'test', exportedAt: NOW, device: 'other' });
	await out.line({ settings: { ...SETTINGS, updated: NOW - 400 * 24 * 60 * MINUTE, device: 'other' } });
	for (const r of reviews) await out.line({ review: r });
	return out.finish({ reviews: reviews.length, practice: 0, cards: 0, marks: 0, reports: 0 });
}

const importInto = (db: RecallDatabase, file: Blob) => importBackupFile(db, file, { mode: 'merge', now: NOW, schedulerFor: scheduler });

describe('a history merged in bulk is the history answered live', () => {
	it('one file, or the same answers split over several files imported in any order, give the same card states and totals as answering live', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(step, { minLength: 1, maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
				async (steps, fileOf, order) => {
					globalThis.indexedDB = new IDBFactory();
					const live = await open('live');
					await answerLive(live, steps);
					const expected = await derived(live);
					const reviews = await live.getAll('reviews');

					// The whole history in one file (its exported card states restored exactly).
					const whole = await open('whole');
					const result = await importInto(whole, (await exportBackup(live, 'test', NOW)).blob);
					expect(result.ok ? 'ok' : result.error).toBe('ok');
					expect(await derived(whole)).toEqual(expected);

					// Split over up to four files, imported in a shuffled order: each file's cards are brought up to date on
					// top of what came before (when its answers are later) or replayed from the merged log.
					const split = await open('split');
					const files = [0, 1, 2, 3].map((k) => reviews.filter((_r, i) => fileOf[i % fileOf.length] === k));
					const shuffled = files.map((list, k) => ({ list, key: order[k]! })).sort((a, b) => a.key - b.key);
					for (const { list } of shuffled) expect((await importInto(split, await backupOf(list))).ok).toBe(true);
					expect(await derived(split)).toEqual(expected);
				}
			),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('a bulk merge cut short (no finish) is repaired: totals and states as if it had finished', async () => {
		const live = await open('live');
		await answerLive(live, [
			{ card: 0, rating: Rating.Good, wait: 10 },
			{ card: 1, rating: Rating.Again, wait: 20 },
			{ card: 0, rating: Rating.Good, wait: 3000 },
			{ card: 1, rating: Rating.Good, wait: 30 }
		]);
		const expected = await derived(live);
		const target = await open('target');
		await saveSettings(target, SETTINGS, NOW - 400 * 24 * 60 * MINUTE);
		const bulk = new BulkMerge(target, { now: NOW });
		await bulk.add({ ...emptyAnswers(), reviews: await live.getAll('reviews') });
		// The tab closed here: answers in the log, no totals, no states, and the marker says so.
		expect(await target.count('cards')).toBe(0);
		expect(await target.get('meta', 'bulk-pending')).toBeDefined();
		expect(await BulkMerge.repair(target, f, { now: NOW })).toBe(true);
		expect(await derived(target)).toEqual(expected);
		expect(await target.get('meta', 'bulk-pending')).toBeUndefined();
		expect(await BulkMerge.repair(target, f, { now: NOW })).toBe(false);
	});

	it('answers from a wrong clock and answers to cards in no deck are kept, counted, and make no schedule', async () => {
		const db = await open('db');
		await saveSettings(db, SETTINGS, NOW - 400 * 24 * 60 * MINUTE);
		const live = await open('live');
		await answerLive(live, [{ card: 0, rating: Rating.Good, wait: 10 }]);
		const [good] = await live.getAll('reviews');
		const future = { ...good!, id: 'from-2200', review: Date.UTC(2200, 0, 1) };
		const orphan = { ...good!, id: 'orphan', card_id: 'card-from-a-newer-version' };
		const bulk = new BulkMerge(db, { now: NOW, known: (id) => id !== orphan.card_id });
		await bulk.add({ ...emptyAnswers(), reviews: [good!, future, orphan] });
		await bulk.finish(f);
		expect(await db.count('reviews')).toBe(3);
		expect(bulk.counts).toMatchObject({ reviewsAdded: 3, oddTimes: 1, unknownCards: 1 });
		expect(bulk.odd.map((r) => r.id)).toEqual(['from-2200']);
		expect([...bulk.unknown]).toEqual([['card-from-a-newer-version', 1]]);
		// card-0's schedule is its one plausible answer's, not the year 2200's.
		expect(await db.get('cards', 'card-0')).toEqual(await live.get('cards', 'card-0'));
		expect(await db.get('cards', orphan.card_id)).toBeUndefined();
	});
});
