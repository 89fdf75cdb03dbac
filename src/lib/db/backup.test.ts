import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating, scheduler } from '$lib/srs';
import { canonicalJson, exportBackup, importBackup, importBackupText, MAX_BACKUP_BYTES, parseBackup, resetAll, type Backup } from './backup';
import { crc32 } from './crc32';
import { openRecallDB, type RecallDatabase } from './open';
import { recordPractice, recordReview, setMarks } from './record';
import { saveSettings } from './queries';
import { DEFAULT_SETTINGS } from './settings';

const NOW = Date.UTC(2026, 10, 21, 12);
const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
let db: RecallDatabase;

/** Every store's records, to compare before and after. */
async function snapshot(sut: RecallDatabase) {
	const names = ['settings', 'cards', 'reviews', 'practice', 'marks', 'meta'] as const;
	return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await sut.getAll(n)] as const)));
}

async function someHistory(sut: RecallDatabase): Promise<void> {
	await saveSettings(sut, { ...DEFAULT_SETTINGS, fuzz: false, newPerDay: 7 });
	let now = NOW - 10 * 86_400_000;
	for (const [card, rating, wait] of [
		['http-a', Rating.Good, 0],
		['http-a', Rating.Good, 0.01],
		['rest-b', Rating.Again, 0.1],
		['http-a', Rating.Hard, 3],
		['gone-card-removed-from-decks', Rating.Easy, 1]
	] as const) {
		now += wait * 86_400_000;
		await recordReview(sut, f, { card_id: card, rating, now, duration: 4000 });
	}
	await recordPractice(sut, { card_id: 'rest-b', rating: 3, correct: true, review: now, duration: 2000 });
	await setMarks(sut, 'rest-b', { flagged: true });
}

const text = (b: Backup) => JSON.stringify(b);
/** The same backup after `change`, its checksum recomputed so only validation can catch it. */
function resealed(b: Backup, change: (d: Backup) => void): string {
	const copy = structuredClone(b);
	change(copy);
	copy.checksum = crc32(canonicalJson(copy.data));
	return JSON.stringify(copy);
}

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => db.close());

describe('backup export and import', () => {
	it('export → clear → import gives deep-equal data', async () => {
		await someHistory(db);
		const before = await snapshot(db);
		const backup = await exportBackup(db, '1.2.3', NOW);
		expect(backup).toMatchObject({ format: 'roadmap-recall-backup', formatVersion: 1, appVersion: '1.2.3' });
		await resetAll(db);
		expect((await snapshot(db)).reviews).toEqual([]);
		const parsed = parseBackup(text(backup), NOW);
		if (!parsed.ok) throw new Error(parsed.error);
		const result = await importBackup(db, parsed.backup, (s) => scheduler(s));
		expect(result).toEqual({ reviewsAdded: 5, practiceAdded: 1, cardsRecomputed: 3 });
		expect(await snapshot(db)).toEqual(before);
	});

	it('importing the same backup twice changes nothing', async () => {
		await someHistory(db);
		const backup = await exportBackup(db, '1', NOW);
		const before = await snapshot(db);
		const parsed = parseBackup(text(backup), NOW);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(await importBackup(db, parsed.backup, scheduler)).toMatchObject({ reviewsAdded: 0, practiceAdded: 0 });
		expect(await snapshot(db)).toEqual(before);
	});

	it("merges another device's log by id and recomputes states from the merged history", async () => {
		await someHistory(db);
		const backup = await exportBackup(db, '1', NOW);
		// A second device that has the backup's history plus answers of its own.
		globalThis.indexedDB = new IDBFactory();
		const other = await openRecallDB();
		await recordReview(other, f, { card_id: 'http-a', rating: Rating.Good, now: NOW - 3 * 86_400_000, duration: 1 });
		const parsed = parseBackup(text(backup), NOW);
		if (!parsed.ok) throw new Error(parsed.error);
		const result = await importBackup(other, parsed.backup, scheduler);
		expect(result.reviewsAdded).toBe(5);
		expect(await other.count('reviews')).toBe(6);
		const logs = await other.getAllFromIndex('reviews', 'by-card', 'http-a');
		const { replay } = await import('$lib/srs');
		expect(await other.get('cards', 'http-a')).toEqual(replay(scheduler(parsed.backup.data.settings), 'http-a', logs));
		// Reviews of a card that is in no deck any more are kept.
		expect(await other.get('cards', 'gone-card-removed-from-decks')).toBeDefined();
		other.close();
	});
});

describe('a bad backup is refused with what and where, and nothing is written', () => {
	let good: Backup;
	beforeEach(async () => {
		await someHistory(db);
		good = await exportBackup(db, '1', NOW);
	});

	it.each([
		['not JSON', () => '{"format": ', /^The file is not valid JSON/],
		['another format', () => resealed(good, (b) => ((b as { format: string }).format = 'anki')), /^format: must be "roadmap-recall-backup"/],
		['a newer version', () => resealed(good, (b) => (b.formatVersion = 2)), /^formatVersion: must be 1/],
		['a bad rating', () => resealed(good, (b) => ((b.data.reviews[2] as { rating: number }).rating = 5)), /^data\.reviews\[2\]\.rating: must be 1, 2, 3 or 4/],
		['a date in the future', () => resealed(good, (b) => ((b.data.reviews[1] as { review: number }).review = NOW + 9e9)), /^data\.reviews\[1\]\.review: is in the future/],
		['a missing field', () => resealed(good, (b) => delete (b.data.practice[0] as { card_id?: string }).card_id), /^data\.practice\[0\]\.card_id: is missing/],
		['a duplicate id', () => resealed(good, (b) => ((b.data.reviews[3] as { id: string }).id = b.data.reviews[0]!.id)), /^data\.reviews\[3\]\.id: duplicates an earlier record/],
		['an unknown field', () => resealed(good, (b) => ((b.data.marks[0] as unknown as Record<string, unknown>).html = '<img src=x onerror=alert(1)>')), /^data\.marks\[0\]\.html: is not a known field/],
		['edited data', () => text({ ...good, data: { ...good.data, settings: { ...good.data.settings, newPerDay: 500 } } }), /^checksum: the data does not match/]
	])('%s', async (_name, make, expected) => {
		const before = await snapshot(db);
		const result = parseBackup(make(), NOW);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(expected);
		expect(await snapshot(db)).toEqual(before);
	});

	it('refuses files above 50 MB before parsing them', () => {
		expect(parseBackup('{}', NOW, MAX_BACKUP_BYTES + 1)).toEqual({ ok: false, error: 'The file is 50.0 MB; backups above 50 MB are refused.' });
	});

	it('rejects 1,200 generated malformed and hostile files, each with a message, with every store unchanged', async () => {
		// Count every write the database is asked for while the files are imported.
		let writes = 0;
		const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
		const originals = Object.fromEntries(['add', 'put', 'delete', 'clear'].map((m) => [m, proto[m]!]));
		for (const m of Object.keys(originals)) {
			proto[m] = function (this: unknown, ...a: unknown[]) {
				writes++;
				return originals[m]!.apply(this, a);
			};
		}
		let rejectedWrites = 0;
		const hostile = fc.constantFrom(
			'<img src=x onerror=alert(1)>',
			'<script>alert(1)</script>',
			'__proto__',
			'constructor',
			'\u0000',
			'x'.repeat(10_000),
			'../../etc/passwd'
		);
		const value = fc.oneof(
			hostile,
			fc.string(),
			fc.integer(),
			fc.double(),
			fc.constant(null),
			fc.boolean(),
			fc.constant([]),
			fc.constant({}),
			fc.constant(1e308 * 10),
			fc.constant(-1)
		);
		const paths: ((b: Backup) => [Record<string, unknown> | unknown[], string | number])[] = [
			(b) => [b as unknown as Record<string, unknown>, 'format'],
			(b) => [b as unknown as Record<string, unknown>, 'formatVersion'],
			(b) => [b as unknown as Record<string, unknown>, 'exportedAt'],
			(b) => [b.data as unknown as Record<string, unknown>, 'reviews'],
			(b) => [b.data.settings as unknown as Record<string, unknown>, 'retention'],
			(b) => [b.data.settings as unknown as Record<string, unknown>, 'learningSteps'],
			(b) => [b.data.reviews[0] as unknown as Record<string, unknown>, 'review'],
			(b) => [b.data.reviews[1] as unknown as Record<string, unknown>, 'rating'],
			(b) => [b.data.reviews[2] as unknown as Record<string, unknown>, 'id'],
			(b) => [b.data.reviews[3] as unknown as Record<string, unknown>, 'card_id'],
			(b) => [b.data.cards[0] as unknown as Record<string, unknown>, 'state'],
			(b) => [b.data.cards[1] as unknown as Record<string, unknown>, 'stability'],
			(b) => [b.data.practice[0] as unknown as Record<string, unknown>, 'correct'],
			(b) => [b.data.marks[0] as unknown as Record<string, unknown>, 'buried_until'],
			(b) => [b.data.reviews[0] as unknown as Record<string, unknown>, '__proto__'],
			(b) => [b.data.reviews as unknown[], 0]
		];
		let rejected = 0;
		let generated = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: paths.length - 1 }),
				value,
				fc.boolean(),
				fc.oneof(fc.constant('set'), fc.constant('delete'), fc.constant('truncate')),
				async (p, v, reseal, how) => {
					const copy = structuredClone(good);
					const [target, key] = paths[p]!(copy);
					let file: string;
					if (how === 'truncate') {
						file = JSON.stringify(copy).slice(0, 50 + Math.abs(Math.trunc(Number(typeof v === 'number' ? v : 7))) % 500);
					} else {
						if (how === 'delete') delete (target as Record<string | number, unknown>)[key];
						else if (key === '__proto__') Object.defineProperty(target, '__proto__', { value: v, enumerable: true });
						else (target as Record<string | number, unknown>)[key] = v;
						// Keeping the old value where it was valid is not a malformed file: make sure something changed.
						if (JSON.stringify(copy) === JSON.stringify(good)) (copy as { appVersion: unknown }).appVersion = 12;
						if (reseal) copy.checksum = crc32(canonicalJson(copy.data));
						file = JSON.stringify(copy);
					}
					generated++;
					const before = await snapshot(db);
					const writesBefore = writes;
					const result = await importBackupText(db, file, NOW, scheduler);
					if (result.ok) return; // a change that kept the file valid (a rating 1 → 2, resealed): not malformed
					rejected++;
					rejectedWrites += writes - writesBefore;
					expect(result.error).toMatch(/^(The file is not valid JSON|[\w.[\]]+: .+|checksum: )/);
					expect(await snapshot(db)).toEqual(before);
				}
			),
			{ numRuns: 1200, seed: 20261121 }
		);
		Object.assign(proto, originals);
		expect(generated).toBe(1200);
		expect(rejected).toBeGreaterThanOrEqual(1150);
		expect(rejectedWrites).toBe(0);
		console.log(`import fuzzing: ${generated} files generated, ${rejected} rejected, ${rejectedWrites} writes while rejecting`);
	});
});
