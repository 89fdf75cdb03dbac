import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating, scheduler, type Grade } from '$lib/srs';
import { BackupWriter, canonicalJson, exportBackup, gzipLines, importBackupFile, resetAll, type ImportMode } from './index';
import { crc32 } from './crc32';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { recordPractice, recordReview, setMarks } from '../answers';
import { getSettings, saveSettings } from '../queries';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/db/settings';

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
const f = scheduler({ ...DEFAULT_SETTINGS, fuzz: false });
let db: RecallDatabase;

/** Every store's records (the device id aside), to compare before and after. */
async function snapshot(sut: RecallDatabase) {
	const names = ['settings', 'cards', 'reviews', 'practice', 'marks'] as const;
	return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await sut.getAll(n)] as const)));
}

async function someHistory(sut: RecallDatabase): Promise<void> {
	await saveSettings(sut, { ...DEFAULT_SETTINGS, fuzz: false, newPerDay: 7 }, NOW - 20 * DAY);
	let now = NOW - 10 * DAY;
	for (const [card, rating, wait] of [
		['http-a', Rating.Good, 0],
		['http-a', Rating.Good, 0.01],
		['rest-b', Rating.Again, 0.1],
		['http-a', Rating.Hard, 3],
		['gone-card-removed-from-decks', Rating.Easy, 1]
	] as const) {
		now += wait * DAY;
		await recordReview(sut, f, { card_id: card, rating, now, duration: 4000 });
	}
	await recordPractice(sut, { card_id: 'rest-b', rating: 3, correct: true, review: now, duration: 2000 });
	await setMarks(sut, 'rest-b', { flagged: true }, now);
}

const importFile = (file: Blob, mode: ImportMode = 'merge', now = NOW) => importBackupFile(db, file, { mode, now, schedulerFor: scheduler });

/** A backup's lines, parsed. */
async function linesOf(file: Blob): Promise<Record<string, unknown>[]> {
	const out: Record<string, unknown>[] = [];
	const decoder = new TextDecoder();
	for await (const batch of gzipLines(file)) for (const l of batch) if (l.length > 0) out.push(JSON.parse(decoder.decode(l)) as Record<string, unknown>);
	return out;
}

/** A backup made of these lines; `reseal` writes a fresh end line (counts and checksum), so only validation can catch a change. */
async function fileOf(lines: Record<string, unknown>[], reseal = true): Promise<Blob> {
	if (reseal) {
		const out = new BackupWriter();
		const body = lines.filter((l) => !('end' in l));
		for (const l of body) await out.line(l);
		const count = (k: string) => body.filter((l) => k in l).length;
		return out.finish({ reviews: count('review'), practice: count('practice'), cards: count('card'), marks: count('marks') });
	}
	// As they are, the old end line (if any) included.
	const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
	return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	db = await openRecallDB();
});
afterEach(() => db.close());

describe('backup export and import', () => {
	it('is gzip, and export → delete everything → import gives back every record and every card state exactly', async () => {
		await someHistory(db);
		const before = await snapshot(db);
		const { blob, reviews } = await exportBackup(db, '1.0.0', NOW);
		expect(reviews).toBe(5);
		expect([...new Uint8Array(await blob.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);
		await resetAll(db);
		expect((await snapshot(db)).reviews).toEqual([]);
		const result = await importFile(blob);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.summary).toMatchObject({
				reviewsAdded: 5,
				practiceAdded: 1,
				cardsExact: 3,
				cardsMerged: 0,
				cardsRebuilt: [],
				settings: 'backup',
				marksTaken: 1
			});
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('restores due dates as exported, even when the settings changed since without rescheduling', async () => {
		await someHistory(db);
		// The learner raised desired retention and declined "Reschedule": the states keep their old due dates.
		await saveSettings(db, { ...(await getSettings(db)), retention: 0.97 }, NOW - DAY);
		const before = await snapshot(db);
		const { blob } = await exportBackup(db, '1', NOW);
		await resetAll(db);
		const result = await importFile(blob);
		expect(result.ok && result.summary.cardsRebuilt).toEqual([]);
		expect((await snapshot(db)).cards).toEqual(before.cards);
	});

	it('importing the same backup twice changes nothing', async () => {
		await someHistory(db);
		const { blob } = await exportBackup(db, '1', NOW);
		const before = await snapshot(db);
		const result = await importFile(blob);
		expect(result.ok && result.summary).toMatchObject({ reviewsAdded: 0, reviewsPresent: 5, practiceAdded: 0, cardsExact: 0, cardsMerged: 0 });
		expect(await snapshot(db)).toEqual(before);
	});

	it("merges another device's answers by id, reschedules the cards both touched, and keeps the newer of each mark and setting", async () => {
		await someHistory(db);
		const { blob: mine } = await exportBackup(db, '1', NOW);
		// Another device: this history, plus an answer of its own on http-a and a newer mark; older settings.
		const other = await openRecallDB({ name: 'other' });
		await importBackupFile(other, mine, { mode: 'merge', now: NOW, schedulerFor: scheduler });
		await recordReview(other, f, { card_id: 'http-a', rating: Rating.Again, now: NOW - DAY, duration: 1000 });
		await setMarks(other, 'rest-b', { flagged: false, suspended: true }, NOW - 2 * DAY);
		await saveSettings(other, { ...DEFAULT_SETTINGS, newPerDay: 3 }, NOW - 30 * DAY);
		const { blob: theirs } = await exportBackup(other, '1', NOW);
		other.close();
		// Meanwhile here: a newer flag on http-a, an answer on rest-b.
		await setMarks(db, 'http-a', { flagged: true }, NOW - DAY / 2);
		await recordReview(db, f, { card_id: 'rest-b', rating: Rating.Good, now: NOW - DAY / 2, duration: 1000 });
		const result = await importFile(theirs);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.summary).toMatchObject({ reviewsAdded: 1, settings: 'kept', cardsMerged: 1 });
		expect((await getSettings(db)).newPerDay).toBe(7);
		const marks = Object.fromEntries((await db.getAll('marks')).map((m) => [m.card_id, m]));
		expect(marks['rest-b']).toMatchObject({ suspended: true, flagged: false });
		expect(marks['http-a']).toMatchObject({ flagged: true });
		// http-a's state is its whole merged history replayed: 4 answers, the last one Again.
		const a = await db.get('cards', 'http-a');
		expect(a?.reps).toBe(4);
		expect(a?.last_review).toBe(NOW - DAY);
	});

	it('"Replace everything" leaves only the backup', async () => {
		await someHistory(db);
		const { blob } = await exportBackup(db, '1', NOW);
		const before = await snapshot(db);
		await recordReview(db, f, { card_id: 'new-here', rating: Rating.Good, now: NOW, duration: 1 });
		await setMarks(db, 'http-a', { suspended: true }, NOW);
		const result = await importFile(blob, 'replace');
		expect(result.ok && result.summary.mode).toBe('replace');
		expect(await snapshot(db)).toEqual(before);
	});

	it('reads backups from before streaming (format 1), refusing nothing that version wrote', async () => {
		await someHistory(db);
		const before = await snapshot(db);
		const data = {
			settings: { ...DEFAULT_SETTINGS, ...(before.settings?.[0] as AppSettings), updated: undefined, device: undefined, learnAheadMinutes: undefined },
			cards: before.cards,
			reviews: before.reviews,
			practice: before.practice,
			marks: (before.marks as unknown as Record<string, unknown>[]).map(({ updated: _u, device: _d, ...m }) => m)
		};
		const plain = JSON.parse(JSON.stringify(data)) as typeof data;
		const v1 = { format: 'roadmap-recall-backup', formatVersion: 1, appVersion: '0.1.0', exportedAt: NOW, checksum: crc32(canonicalJson(plain)), data: plain };
		await resetAll(db);
		const result = await importFile(new Blob([JSON.stringify(v1)]));
		expect(result.ok && result.summary).toMatchObject({ reviewsAdded: 5, cardsExact: 3, cardsRebuilt: [] });
		expect((await snapshot(db)).cards).toEqual(before.cards);
	});

	it('rebuilds a broken card state from its answers instead of refusing the file, and says which', async () => {
		await someHistory(db);
		const { blob } = await exportBackup(db, '1', NOW);
		const lines = await linesOf(blob);
		// An old version could store a due date of NaN, which JSON writes as null.
		const card = lines.find((l) => (l.card as { card_id?: string } | undefined)?.card_id === 'http-a')!;
		(card.card as { due: unknown }).due = null;
		await resetAll(db);
		const result = await importFile(await fileOf(lines));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.summary.cardsRebuilt).toEqual([{ card_id: 'http-a', why: 'card.due: must be a time in epoch ms' }]);
		expect(Number.isFinite((await db.get('cards', 'http-a'))?.due)).toBe(true);
	});
});

describe('an export always imports', () => {
	const ratings = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
	const settings = fc.record({
		retention: fc.constantFrom(0.7, 0.9, 0.99),
		maxInterval: fc.constantFrom(1, 365, 36500),
		fuzz: fc.boolean(),
		learningSteps: fc.constantFrom(['1m'], ['1m', '10m'], ['365d'], [] as string[], ['1m', '1h', '1d', '30d']),
		relearningSteps: fc.constantFrom(['1m'], ['10m'], ['365d'], [] as string[])
	});
	// Clocks: right, a day or more fast, set to 2019, or jumping back a few minutes mid-card.
	const clock = fc.constantFrom(0, 3 * DAY, Date.UTC(2019, 5, 1) - NOW, -5 * 60_000, 400 * DAY);
	const answer = fc.record({
		card: fc.integer({ min: 0, max: 7 }),
		rating: ratings,
		gap: fc.integer({ min: 0, max: 30 * DAY }),
		skew: clock,
		practice: fc.boolean()
	});

	it('for generated histories with wrong clocks and extreme settings: every record and state comes back as exported', async () => {
		await fc.assert(
			fc.asyncProperty(settings, fc.array(answer, { minLength: 1, maxLength: 60 }), async (s, answers) => {
				globalThis.indexedDB = new IDBFactory();
				const sut = await openRecallDB();
				const all: AppSettings = { ...DEFAULT_SETTINGS, ...s };
				await saveSettings(sut, all, NOW - 100 * DAY);
				const fs = scheduler(all);
				let t = NOW - 400 * DAY;
				let odd = 0;
				for (const a of answers) {
					t += a.gap;
					const now = t + a.skew;
					const card_id = `deck-card-${a.card}`;
					if (a.practice) await recordPractice(sut, { card_id, rating: a.rating, correct: null, review: now, duration: 1000 });
					else await recordReview(sut, fs, { card_id, rating: a.rating, now, duration: 1000 }, { leechThreshold: 3 });
				}
				const before = await snapshot(sut);
				for (const r of [...(before.reviews ?? []), ...(before.practice ?? [])] as { review: number }[])
					if (r.review < Date.UTC(2020, 0, 1) || r.review > NOW + DAY) odd++;
				const { blob } = await exportBackup(sut, '1', NOW);
				await resetAll(sut);
				const result = await importBackupFile(sut, blob, { mode: 'merge', now: NOW, schedulerFor: scheduler });
				expect(result.ok ? '' : result.error).toBe('');
				if (result.ok) {
					expect(result.summary.cardsRebuilt).toEqual([]);
					expect(result.summary.oddTimes).toBe(odd);
				}
				expect(await snapshot(sut)).toEqual(before);
				sut.close();
			}),
			{ numRuns: 40, seed: 20261128 }
		);
	}, 120_000);

	it('a history of 20,000 answers over 800 cards round-trips, exactly', async () => {
		const reviews = [];
		for (let i = 0; i < 20_000; i++) {
			reviews.push({
				id: `r${i}`,
				card_id: `card-${i % 800}`,
				rating: ((i % 4) + 1) as Grade,
				review: NOW - (20_000 - i) * 60_000,
				duration: 3000,
				state: 2 as const,
				due: NOW,
				stability: 10,
				difficulty: 5,
				elapsed_days: 1,
				last_elapsed_days: 1,
				scheduled_days: 3,
				learning_steps: 0
			});
		}
		const tx = db.transaction('reviews', 'readwrite');
		await Promise.all([...reviews.map((r) => tx.store.add(r)), tx.done]);
		const { blob } = await exportBackup(db, '1', NOW);
		await resetAll(db);
		const result = await importFile(blob);
		expect(result.ok && result.summary.reviewsAdded).toBe(20_000);
		expect(await db.getAll('reviews')).toEqual(reviews.sort((a, b) => (a.id < b.id ? -1 : 1)));
	}, 120_000);
});

describe('a bad backup is refused with what and where, and nothing is written', () => {
	let good: Record<string, unknown>[];
	beforeEach(async () => {
		await someHistory(db);
		good = await linesOf((await exportBackup(db, '1', NOW)).blob);
	});
	const at = (lines: Record<string, unknown>[], kind: string, n = 0) => lines.filter((l) => kind in l)[n]![kind] as Record<string, unknown>;

	it.each([
		['not a backup', () => Promise.resolve(new Blob(['{"format": '])), /^The file is not valid JSON/],
		['another format', async () => fileOf(good.map((l, i) => (i === 0 ? { ...l, format: 'anki' } : l))), /^line 1: format: must be "roadmap-recall-backup"/],
		['a newer version', async () => fileOf(good.map((l, i) => (i === 0 ? { ...l, formatVersion: 3 } : l))), /^line 1: formatVersion: must be 2/],
		[
			'a bad rating',
			async () => {
				const c = structuredClone(good);
				at(c, 'review', 2).rating = 5;
				return fileOf(c);
			},
			/^line 5: review\.rating: must be 0, 1, 2, 3 or 4 \(Forget, Again/
		],
		[
			'a missing field',
			async () => {
				const c = structuredClone(good);
				delete at(c, 'practice').card_id;
				return fileOf(c);
			},
			/^line \d+: practice\.card_id: is missing/
		],
		[
			'a duplicate id',
			async () => {
				const c = structuredClone(good);
				at(c, 'review', 3).id = at(c, 'review', 0).id;
				return fileOf(c);
			},
			/^line 6: review ".+" duplicates an earlier one/
		],
		[
			'an unknown field',
			async () => {
				const c = structuredClone(good);
				at(c, 'marks').html = '<img src=x onerror=alert(1)>';
				return fileOf(c);
			},
			/^line \d+: marks\.html: is not a known field/
		],
		[
			'a step of 0m',
			async () => {
				const c = structuredClone(good);
				at(c, 'settings').learningSteps = ['0m'];
				return fileOf(c);
			},
			/^line 2: settings\.learningSteps\[0\]: must be a step from 1m to 365d/
		],
		[
			'edited data',
			async () => {
				const c = structuredClone(good);
				at(c, 'settings').newPerDay = 500;
				return fileOf(c, false);
			},
			/^end\.checksum: the data does not match/
		],
		[
			'a lost record',
			async () =>
				fileOf(
					good.filter((l, i) => !('review' in l && i === 3)),
					false
				),
			/^end\.reviews: says 5 but the file holds 4/
		],
		[
			'cut short',
			async () =>
				fileOf(
					good.filter((l) => !('end' in l)),
					false
				),
			/^The file ends early/
		]
	])('%s', async (_name, make, expected) => {
		const before = await snapshot(db);
		const result = await importFile(await make());
		expect(result.ok ? 'imported' : result.error).toMatch(expected);
		expect(await snapshot(db)).toEqual(before);
	});

	it('refuses 300 generated malformed and hostile files, each with a message, with every store unchanged', async () => {
		let writes = 0;
		const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
		const originals = Object.fromEntries(['add', 'put', 'delete', 'clear'].map((m) => [m, proto[m]!]));
		for (const m of Object.keys(originals)) {
			proto[m] = function (this: unknown, ...a: unknown[]) {
				writes++;
				return originals[m]!.apply(this, a);
			};
		}
		const hostile = fc.constantFrom(
			'<img src=x onerror=alert(1)>',
			'<script>alert(1)</script>',
			'__proto__',
			'constructor',
			'\u0000',
			'x'.repeat(10_000),
			-1,
			1e308 * 10,
			null,
			[],
			{}
		);
		const value = fc.oneof(hostile, fc.string(), fc.integer(), fc.double(), fc.boolean());
		const targets: [string, string][] = [
			['review', 'rating'],
			['review', 'id'],
			['review', 'card_id'],
			['review', 'review'],
			['practice', 'correct'],
			['marks', 'buried_until'],
			['settings', 'retention'],
			['settings', 'learningSteps'],
			['settings', 'newPerDay']
		];
		let rejected = 0;
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), value, fc.boolean(), async (t, v, reseal) => {
				const c = structuredClone(good);
				const [kind, field] = targets[t]!;
				const record = at(c, kind);
				if (JSON.stringify(record[field]) === JSON.stringify(v)) return;
				record[field] = v;
				const before = await snapshot(db);
				const writesBefore = writes;
				const result = await importFile(await fileOf(c, reseal));
				if (result.ok) return; // a change that kept the file valid (a rating 1 → 2, resealed): not malformed
				rejected++;
				expect(writes - writesBefore).toBe(0);
				expect(result.error).toMatch(/^(line \d+: [\w.[\]]+|end\.checksum|end\.\w+): /);
				expect(await snapshot(db)).toEqual(before);
			}),
			{ numRuns: 300, seed: 20261121 }
		);
		Object.assign(proto, originals);
		expect(rejected).toBeGreaterThan(250);
	}, 120_000);
});
