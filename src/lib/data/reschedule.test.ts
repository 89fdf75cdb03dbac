import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Rating, replay, scheduler } from '$lib/srs';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { recordReview } from './answers';
import { rescheduleAll } from './reschedule';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
let db: RecallDatabase;
beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => db.close());

it('rescheduling replays every card with the new settings, passing over answers from a wrong clock', async () => {
	const before = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
	for (const [card, days] of [
		['a', 30],
		['b', 29],
		['a', 20],
		['c', 10],
		['b', 5]
	] as const)
		await recordReview(db, before, { card_id: card, rating: Rating.Good, now: NOW - days * DAY, duration: 1000 });
	// A record synced from a device whose clock said 2200.
	const [one] = await db.getAll('reviews');
	await db.add('reviews', { ...one!, id: 'from-2200', card_id: 'c', review: Date.UTC(2200, 0, 1) });
	const after = scheduler({ ...DEFAULT_SETTINGS, fuzz: false, retention: 0.97 });
	expect(await rescheduleAll(db, after, NOW)).toBe(3);
	const logs = await db.getAll('reviews');
	for (const id of ['a', 'b', 'c'])
		expect(await db.get('cards', id)).toEqual(
			replay(
				after,
				id,
				logs.filter((l) => l.id !== 'from-2200')
			)
		);
	// Shorter intervals at the higher retention than the old states had.
	expect((await db.get('cards', 'a'))!.scheduled_days).toBeLessThan(replay(before, 'a', logs)!.scheduled_days);
});
