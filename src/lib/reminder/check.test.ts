import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { DB_NAME, DB_VERSION } from '$lib/db/schema';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import type { ReviewRecord } from '$lib/srs/types';
import { remindIfDue } from './check';
import { getReminder, saveReminder } from './store';

useTimeZone('Europe/Berlin');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const LEARNING = 1;
const REVIEW = 2;

let db: RecallDatabase | undefined;
let shown: { title: string; options?: NotificationOptions }[];
const registration = {
	showNotification: vi.fn((title: string, options?: NotificationOptions) => {
		shown.push({ title, options });
		return Promise.resolve();
	})
} as unknown as ServiceWorkerRegistration;
const check = (now: number) => remindIfDue({ registration, now, icon: '/icons/icon-192.png' });

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	shown = [];
});
afterEach(() => {
	db?.close();
	db = undefined;
});

/** The app's database, at its current version, with the reminder and these cards. */
async function seed(reminder: object | undefined, cards: ReturnType<typeof cardState>[] = []): Promise<RecallDatabase> {
	db = await openRecallDB();
	if (reminder) await db.put('meta', reminder, 'reminder');
	for (const c of cards) await db.put('cards', c);
	return db;
}

describe('the periodic check in the service worker', () => {
	it('shows "N cards due" once a day, after the chosen time, and records the day', async () => {
		const morning = local(2026, 3, 10, 9, 30);
		const d = await seed({ on: true, time: '09:00' }, [
			cardState({ card_id: 'a', due: local(2026, 3, 9), state: REVIEW }),
			cardState({ card_id: 'b', due: local(2026, 3, 10, 20), state: REVIEW }),
			cardState({ card_id: 'c', due: local(2026, 3, 10, 9, 40), state: LEARNING }),
			cardState({ card_id: 'suspended', due: local(2026, 3, 9), state: REVIEW }),
			cardState({ card_id: 'later', due: local(2026, 3, 11, 4), state: REVIEW })
		]);
		await d.put('marks', { card_id: 'suspended', suspended: true, buried_until: null, flagged: false, leech: false });

		expect(await check(local(2026, 3, 10, 8, 59))).toEqual({ show: false });
		expect(shown).toEqual([]);

		expect(await check(morning)).toMatchObject({ show: true, body: '3 cards due' });
		expect(shown).toEqual([
			{
				title: 'Roadmap Recall',
				options: { body: '3 cards due', tag: 'daily-reminder', icon: '/icons/icon-192.png', badge: undefined, data: { url: '/review' } }
			}
		]);
		expect(await getReminder(d)).toEqual({ on: true, time: '09:00', lastShownDay: local(2026, 3, 10, 4), lastCheck: morning });

		// Again the same day: nothing, though the cards are still due; the check is recorded.
		expect(await check(local(2026, 3, 10, 21))).toEqual({ show: false });
		expect(shown).toHaveLength(1);
		expect((await getReminder(d)).lastCheck).toBe(local(2026, 3, 10, 21));

		// The next day, after 09:00.
		// 'later' is due by now too.
		expect(await check(local(2026, 3, 11, 10))).toMatchObject({ show: true, body: '4 cards due' });
		expect(shown).toHaveLength(2);
	});

	it("counts reviews up to what is left of the day's review limit", async () => {
		const d = await seed(
			{ on: true, time: '09:00' },
			Array.from({ length: 6 }, (_, i) => cardState({ card_id: `r${i}`, due: local(2026, 3, 9), state: REVIEW }))
		);
		await d.put('settings', { ...DEFAULT_SETTINGS, reviewsPerDay: 5 }, 'user');
		// Two review answers given this morning, one forget (not an answer), and one from yesterday.
		const review = (id: string, at: number, rating: number, state: number) => ({ id, card_id: 'x', review: at, rating, state }) as unknown as ReviewRecord;
		for (const r of [
			review('1', local(2026, 3, 10, 7), 3, REVIEW),
			review('2', local(2026, 3, 10, 8), 1, REVIEW),
			review('3', local(2026, 3, 10, 8), 0, REVIEW),
			review('4', local(2026, 3, 9, 20), 3, REVIEW)
		])
			await d.put('reviews', r);
		expect(await check(local(2026, 3, 10, 9, 30))).toMatchObject({ show: true, body: '3 cards due' });
	});

	it('shows nothing when nothing is due, and then may still show later that day', async () => {
		const d = await seed({ on: true, time: '09:00' }, [cardState({ card_id: 'a', due: local(2026, 3, 12), state: REVIEW })]);
		expect(await check(local(2026, 3, 10, 9, 30))).toEqual({ show: false });
		expect(shown).toEqual([]);
		expect(await getReminder(d)).toEqual({ on: true, time: '09:00', lastCheck: local(2026, 3, 10, 9, 30) });
		await d.put('cards', cardState({ card_id: 'b', due: local(2026, 3, 10, 12), state: LEARNING }));
		expect(await check(local(2026, 3, 10, 11))).toMatchObject({ show: true, body: '1 card due' });
	});

	it('shows nothing when the reminder is off or was never set', async () => {
		const d = await seed(undefined, [cardState({ card_id: 'a', due: local(2026, 3, 9), state: REVIEW })]);
		expect(await check(local(2026, 3, 10, 12))).toEqual({ show: false });
		// Never set: nothing written either.
		expect(await d.get('meta', 'reminder')).toBeUndefined();
		await d.put('meta', { on: false, time: '09:00' }, 'reminder');
		expect(await check(local(2026, 3, 10, 12))).toEqual({ show: false });
		expect(shown).toEqual([]);
	});

	it('never creates the database when there is none', async () => {
		expect(await check(local(2026, 3, 10, 12))).toEqual({ show: false });
		expect(await indexedDB.databases()).toEqual([]);
		// The app then creates it from scratch as usual.
		db = await openRecallDB();
		expect(db.version).toBe(DB_VERSION);
		expect(db.objectStoreNames.contains('cards')).toBe(true);
	});

	it('neither upgrades nor reads a database without the stores it needs', async () => {
		await new Promise<void>((resolve, reject) => {
			const req = indexedDB.open(DB_NAME, 1);
			req.onupgradeneeded = () => req.result.createObjectStore('meta');
			req.onsuccess = () => {
				req.result.close();
				resolve();
			};
			req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
		});
		expect(await check(local(2026, 3, 10, 12))).toEqual({ show: false });
		expect(await indexedDB.databases()).toEqual([{ name: DB_NAME, version: 1 }]);
	});

	it('lets a page upgrading the schema go ahead while it holds the database open', async () => {
		await seed({ on: true, time: '09:00' }, [cardState({ card_id: 'a', due: local(2026, 3, 9), state: REVIEW })]);
		db?.close();
		db = undefined;
		// Asked to close mid-check, the check closes its connection and gives up (a rejection): the next wake-up tries again.
		const running = check(local(2026, 3, 10, 12)).catch((e: unknown) => e);
		// A newer version of the app opening meanwhile is not blocked.
		const upgraded = await openRecallDB({ version: DB_VERSION + 1, migrate: () => undefined });
		expect(upgraded.version).toBe(DB_VERSION + 1);
		upgraded.close();
		await running;
	});
});

describe('the reminder as the settings page saves it', () => {
	it('keeps what the service worker wrote when the time or the switch changes', async () => {
		const d = await seed({ on: true, time: '09:00', lastShownDay: 5, lastCheck: 6 });
		expect(await saveReminder(d, { on: true, time: '20:00' })).toEqual({ on: true, time: '20:00', lastShownDay: 5, lastCheck: 6 });
		await saveReminder(d, { on: false, time: '20:00' });
		expect(await getReminder(d)).toEqual({ on: false, time: '20:00', lastShownDay: 5, lastCheck: 6 });
	});

	it('is off at 09:00 until saved', async () => {
		expect(await getReminder(await seed(undefined))).toEqual({ on: false, time: '09:00' });
	});
});
