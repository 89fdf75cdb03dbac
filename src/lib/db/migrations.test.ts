import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
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
		req.onerror = () => reject(req.error);
	});
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

describe('migrations', () => {
	it('keeps a fixture for the current schema version', () => {
		expect(fixtures.map((f) => f.version)).toContain(DB_VERSION);
	});

	for (const fixture of fixtures) {
		it(`brings version ${fixture.version} up to ${DB_VERSION} with 100% of cards, reviews, settings, marks and practice`, async () => {
			await restore(fixture);
			const db = await openRecallDB();
			expect(db.version).toBe(DB_VERSION);
			for (const name of ['cards', 'reviews', 'settings', 'marks', 'practice'] as const) {
				const expected = fixture.stores[name]?.records ?? [];
				const actual = await db.getAll(name);
				expect(actual, `store ${name}`).toHaveLength(expected.length);
				expect(new Set(actual.map((r) => JSON.stringify(r)))).toEqual(new Set(expected.map((r) => JSON.stringify(r))));
			}
			expect(fixture.stores.reviews?.records.length).toBeGreaterThan(40);
			db.close();
		});
	}

	it('leaves the old version intact, with a handled error, when an upgrade step fails', async () => {
		const current = fixtures.find((f) => f.version === DB_VERSION)!;
		await restore(current);
		const failing: typeof migrate = (db, oldVersion, tx) => {
			migrate(db, oldVersion, tx);
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
