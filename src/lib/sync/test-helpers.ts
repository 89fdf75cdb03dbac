import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { recompute } from '$lib/db/aggregates';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { recordReview } from '$lib/data/answers';
import { saveSettings } from '$lib/data/queries';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { scheduler, type Grade, type ReviewRecord } from '$lib/srs';
import type { CouchConfig } from './couch';
import type { SyncOptions } from './options';
import { startSync } from './state';
import { startCouch } from '../../../tests/couch/server.js';

export const NOW = Date.UTC(2026, 10, 21, 12);
export const MIN = 60_000;
export const settings = { ...DEFAULT_SETTINGS, fuzz: false };
export const f = scheduler(settings);
export const options: SyncOptions = { schedulerFor: scheduler, timeoutMs: 5000 };

export const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

export const answer = (db: RecallDatabase, card_id: string, rating: Grade, now: number) => recordReview(db, f, { card_id, rating, now, duration: 4000 });

/** An answer as the review log (and a server document's `data`) holds it. */
export const review = (id: string, card_id: string, review: number): ReviewRecord => ({
	id,
	card_id,
	rating: 3,
	state: 0,
	due: review,
	stability: 0,
	difficulty: 0,
	elapsed_days: 0,
	last_elapsed_days: 0,
	scheduled_days: 0,
	learning_steps: 0,
	review,
	duration: 3000
});

/**
 * A CouchDB-protocol server (PouchDB Server, in memory) for the file's
 * tests, a new database on it for each test, and devices: each a fresh
 * IndexedDB with sync set up for that database.
 */
export function useCouch() {
	let couch: Awaited<ReturnType<typeof startCouch>>;
	let config: CouchConfig;
	let dbNumber = 0;
	let devices = 0;
	const open: RecallDatabase[] = [];
	beforeAll(async () => {
		couch = await startCouch(0);
	});
	afterAll(() => couch.close());
	beforeEach(() => {
		globalThis.indexedDB = new IDBFactory();
		config = { server: couch.url, db: `test-${++dbNumber}`, user: couch.admin.name, password: couch.admin.password };
	});
	afterEach(() => {
		for (const db of open.splice(0)) db.close();
	});
	const auth = () => `Basic ${Buffer.from(`${config.user}:${config.password}`).toString('base64')}`;

	return {
		config: () => config,

		device: async (name: string): Promise<RecallDatabase> => {
			const db = await openRecallDB({ name });
			open.push(db);
			// Each device's settings a ms newer than the last one's: which wins is then known.
			await saveSettings(db, settings, NOW - 1000 * MIN + ++devices);
			await startSync(db, config, NOW - MIN);
			return db;
		},

		/** Ids of the documents on the server. */
		serverDocs: async (): Promise<string[]> => {
			const res = await fetch(`${config.server}/${config.db}/_all_docs`, { headers: { Authorization: auth() } });
			return ((await res.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
		},

		/** Puts documents on the server, as another device (or another app) would. */
		putOnServer: async (docs: object[]): Promise<void> => {
			const res = await fetch(`${config.server}/${config.db}/_bulk_docs`, {
				method: 'POST',
				headers: { Authorization: auth(), 'Content-Type': 'application/json' },
				body: JSON.stringify({ docs })
			});
			expect(res.ok).toBe(true);
		}
	};
}

/** Everything a learner owns on a device, comparable across devices; the running totals are checked against the log they count. */
export async function snapshot(db: RecallDatabase) {
	const [reviews, practice, cards, marks, buckets, cardTotals] = await Promise.all([
		db.getAll('reviews'),
		db.getAll('practice'),
		db.getAll('cards'),
		db.getAll('marks'),
		db.getAll('buckets'),
		db.getAll('cardTotals')
	]);
	const expected = recompute(reviews);
	expect(buckets).toEqual([...expected.buckets.values()].sort((a, b) => a.t - b.t));
	expect(cardTotals).toEqual([...expected.cards.values()].sort((a, b) => (a.card_id < b.card_id ? -1 : 1)));
	return { reviews: reviews.map((r) => r.id).sort(), practice: practice.map((p) => p.id).sort(), cards, marks, buckets, cardTotals };
}
