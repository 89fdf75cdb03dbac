import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '$lib/srs/types';
import { recompute } from './aggregates';
import { migrate } from './migrations';
import { openRecallDB, UpgradeError } from './open';
import { DB_NAME, DB_VERSION } from './schema';

interface Fixture {
	version: number;
	stores: Record<string, { keyPath: string | null; indexes: { name: string; keyPath: string }[]; records: unknown[]; keys?: IDBValidKey[] }>;
}

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(dir)
	.filter((f) => /^v\d+\.json$/.test(f))
	.map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Fixture);

/** Builds the database exactly as a shipped version left it, with the raw API (not our migrations). */
function restore(fixture: Fixture): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, fixture.version);
		req.onupgradeneeded = () => {
			const db = req.result;
			for (const [name, s] of Object.entries(fixture.stores)) {
				const store = s.keyPath === null ? db.createObjectStore(name) : db.createObjectStore(name, { keyPath: s.keyPath });
				for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath);
				s.records.forEach((r, i) => (s.keyPath === null ? store.add(r, s.keys?.[i]) : store.add(r)));
			}
		};
		req.onsuccess = () => {
			req.result.close();
			resolve();
		};
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** The database at whatever version it is, without upgrading it. */
function rawOpen(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** The running totals hold exactly what a recomputation from the review log gives. */
async function expectTotalsOfLog(db: Awaited<ReturnType<typeof openRecallDB>>): Promise<void> {
	const want = recompute(await db.getAll('reviews'));
	expect(await db.getAll('buckets')).toEqual([...want.buckets.values()].sort((a, b) => a.t - b.t));
	expect(await db.getAll('cardTotals')).toEqual([...want.cards.values()].sort((a, b) => (a.card_id < b.card_id ? -1 : 1)));
	expect(want.buckets.size).toBeGreaterThan(0);
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

describe('migrations', () => {
	it('keeps a fixture for the current schema version', () => {
		expect(fixtures.map((f) => f.version)).toContain(DB_VERSION);
	});

	for (const fixture of fixtures) {
		it(`brings version ${fixture.version} up to ${DB_VERSION} with 100% of cards, reviews, settings, marks, practice, meta and reports`, async () => {
			await restore(fixture);
			const db = await openRecallDB();
			expect(db.version).toBe(DB_VERSION);
			for (const name of ['cards', 'reviews', 'settings', 'marks', 'practice', 'meta', 'reports'] as const) {
				const expected = fixture.stores[name]?.records ?? [];
				const actual = await db.getAll(name);
				expect(actual, `store ${name}`).toHaveLength(expected.length);
				expect(new Set(actual.map((r) => JSON.stringify(r)))).toEqual(new Set(expected.map((r) => JSON.stringify(r))));
			}
			expect(fixture.stores.reviews?.records.length).toBeGreaterThan(40);
			await expectTotalsOfLog(db);
			db.close();
		});
	}

	it('builds the running totals of a big review log (more than one page of the log) on the way to version 2', async () => {
		const v1 = fixtures.find((f) => f.version === 1)!;
		const model = v1.stores.reviews!.records[0] as ReviewRecord;
		const reviews: ReviewRecord[] = [];
		// Ids in another order than times, and answers to 300 cards over about 80 days.
		for (let i = 0; i < 12_345; i++) {
			reviews.push({
				...model,
				id: `r${(i * 7919) % 12_345}-${i}`,
				card_id: `card-${i % 300}`,
				rating: (i % 4) + 1,
				review: model.review + i * 9 * 60_000,
				duration: i % 5000,
				state: i % 4,
				scheduled_days: i % 40
			});
		}
		await restore({ ...v1, stores: { ...v1.stores, reviews: { ...v1.stores.reviews!, records: reviews } } });
		const db = await openRecallDB();
		expect(db.version).toBe(DB_VERSION);
		expect(await db.count('reviews')).toBe(reviews.length);
		await expectTotalsOfLog(db);
		expect(await db.count('cardTotals')).toBe(300);
		db.close();
	}, 60_000);

	it('leaves version 1 intact when the step that builds the totals fails after reading the log', async () => {
		const v1 = fixtures.find((f) => f.version === 1)!;
		await restore(v1);
		// The real steps, then a failure once the totals are written: nothing of it may stay.
		const failing: typeof migrate = async (db, oldVersion, tx, rebuild) => {
			await migrate(db, oldVersion, tx, rebuild);
			throw new Error('disk on fire');
		};
		const attempt = openRecallDB({ version: 2, migrate: failing });
		await expect(attempt).rejects.toBeInstanceOf(UpgradeError);
		await expect(attempt).rejects.toThrow('Could not update your data from version 1 to 2: disk on fire.');
		const raw = await rawOpen();
		expect(raw.version).toBe(1);
		expect([...raw.objectStoreNames]).not.toContain('buckets');
		raw.close();

		// A request that fails inside a step aborts the upgrade too.
		const clash: typeof migrate = async (db, oldVersion, tx, rebuild) => {
			await migrate(db, oldVersion, tx, rebuild);
			await tx.objectStore('reviews').add(v1.stores.reviews!.records[0] as ReviewRecord);
		};
		await expect(openRecallDB({ version: 2, migrate: clash })).rejects.toThrow('Could not update your data from version 1 to 2');
		const after = await rawOpen();
		expect(after.version).toBe(1);
		after.close();

		// And the next try goes through.
		const db = await openRecallDB();
		expect(db.version).toBe(DB_VERSION);
		await expectTotalsOfLog(db);
		db.close();
	});

	it('leaves the old version intact, with a handled error, when an upgrade step fails', async () => {
		const current = fixtures.find((f) => f.version === DB_VERSION)!;
		await restore(current);
		const failing: typeof migrate = (db, oldVersion, tx) => {
			void migrate(db, oldVersion, tx);
			// A step that got half-way: the store it made must not survive the failure.
			(db as unknown as IDBDatabase).createObjectStore('half-done');
			throw new Error('disk on fire');
		};
		const attempt = openRecallDB({ version: DB_VERSION + 1, migrate: failing });
		await expect(attempt).rejects.toBeInstanceOf(UpgradeError);
		await expect(attempt).rejects.toThrow(`Could not update your data from version ${DB_VERSION} to ${DB_VERSION + 1}: disk on fire. Nothing was changed`);

		const db = await openRecallDB();
		expect(db.version).toBe(DB_VERSION);
		expect([...(db.objectStoreNames as unknown as string[])]).not.toContain('half-done');
		expect(await db.count('reviews')).toBe(current.stores.reviews?.records.length);
		db.close();
	});
});
