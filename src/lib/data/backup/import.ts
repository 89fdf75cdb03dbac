import type { FSRS } from 'ts-fsrs';
import type * as v from 'valibot';
import { Rating, replay, type CardState, type ReviewRecord } from '$lib/srs';
import { num } from '$lib/number';
import { Crc32 } from './crc32';
import type { RecallDatabase } from '$lib/db/open';
import { commit } from '$lib/db/commit';
import { addAnswers, ANSWER_STORES, takeNewer, type Answers, type Newest } from '../merge';
import { rescanForSync } from '../outbox';
import { GROW_ONLY, isGrowOnly, isKind, isOne, keyOf, KIND_NAMES, KINDS, NEWEST, type KeyedKind, type StoreOf } from '../kinds';
import { DEFAULT_SETTINGS, withDefaults, type AppSettings } from '$lib/db/settings';
import { cardSchema, EARLIEST, endSchema, gzipLines, headerSchema, isGzip, problem } from './format';
import { kindProblem } from './kind-schemas';
import { readV1, type BackupRecords } from './legacy-v1';
import { resetAll } from './reset';

/** A format-1 backup, read whole (it was one JSON object). */
export type ImportMode = 'merge' | 'replace';

export interface ImportProgress {
	phase: 'checking' | 'writing' | 'scheduling';
	done: number;
	/** Unknown while the file is first read. */
	total?: number;
}

export interface ImportOptions {
	mode: ImportMode;
	now: number;
	schedulerFor: (s: AppSettings) => FSRS;
	onProgress?: (p: ImportProgress) => void;
}

/** What an import did, for the learner to read. */
export interface ImportSummary {
	mode: ImportMode;
	reviewsAdded: number;
	reviewsPresent: number;
	practiceAdded: number;
	/** Card states restored exactly as exported. */
	cardsExact: number;
	/** Cards whose history was merged with this device's: their states were recomputed from both. */
	cardsMerged: number;
	/** Cards whose exported state was missing or did not match their answers: rebuilt from the answers. */
	cardsRebuilt: { card_id: string; why: string }[];
	/** Answers with a time before 2020 or after the day of the import: a wrong clock, kept as they are. */
	oddTimes: number;
	settings: 'backup' | 'kept';
	marksTaken: number;
	marksKept: number;
	/** Notes on cards: taken from the backup (new, or newer than this device's), or kept (this device's were newer). */
	reportsTaken: number;
	reportsKept: number;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string };

class BadBackup extends Error {}

interface CardLog {
	/** Answers (forgets are not counted: a forget keeps the card's reps). */
	count: number;
	/** The time of the last record, forget or answer (a forget sets last_review too). */
	last: number;
}

/** Records counted per store (as a backup's end line does): each keyed kind's, and the card states. */
type Counts = Record<StoreOf<KeyedKind> | 'cards', number>;

/**
 * Everything the first pass learned: the marks, notes and settings (by
 * store, as a merge takes them); answers themselves are not kept, they are
 * read again to be written.
 */
interface Scan extends Newest {
	formatVersion: 1 | 2;
	settings: AppSettings;
	counts: Counts;
	perCard: Map<string, CardLog>;
	states: Map<string, CardState>;
	badStates: Map<string, string>;
	oddTimes: number;
	/** Reads the answers again, in batches, for writing. */
	answers: () => AsyncIterable<Answers> | Iterable<Answers>;
}

const NEWLINE = new Uint8Array([10]);
/**
 * Answers written per transaction (with the running totals they change). In
 * Chromium here, 5000 a transaction wrote no faster than 1000 (about 700 answers
 * a second either way, near the raw rate of IndexedDB adds on this machine),
 * and a smaller batch loses less to a crash.
 */
const WRITE_BATCH = 1000;
/** Gives the page a turn between batches, so it never freezes for long. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** Every keyed kind's store, and the card states: what an end line counts. */
const COUNTED = [...KIND_NAMES.filter((k): k is KeyedKind => !isOne(k)).map((k) => KINDS[k].store), 'cards' as const];

function newScan(formatVersion: 1 | 2, answers: Scan['answers']): Scan {
	return {
		formatVersion,
		settings: DEFAULT_SETTINGS,
		counts: Object.fromEntries(COUNTED.map((s) => [s, 0])) as Counts,
		perCard: new Map(),
		states: new Map(),
		badStates: new Map(),
		...(Object.fromEntries(NEWEST.filter((k) => !isOne(k)).map((k) => [KINDS[k].store, []])) as unknown as Omit<Newest, 'settings'>),
		oddTimes: 0,
		answers
	};
}

function countAnswer(scan: Scan, r: ReviewRecord, latest: number): void {
	const log = scan.perCard.get(r.card_id);
	const answer = r.rating === Rating.Manual ? 0 : 1;
	if (log) {
		log.count += answer;
		log.last = Math.max(log.last, r.review);
	} else scan.perCard.set(r.card_id, { count: answer, last: r.review });
	if (r.review < EARLIEST || r.review > latest) scan.oddTimes++;
}

/** First pass over a format-2 file: checks every line and the checksum; writes nothing. */
async function scanV2(file: Blob, now: number, onProgress?: (p: ImportProgress) => void): Promise<Scan> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const crc = new Crc32();
	const latest = now + 86_400_000;
	const scan = newScan(2, () => answersV2(file));
	// Keys seen, per kind (and card states), to refuse a file that holds one twice.
	const seen = new Map<string, Set<string>>();
	let end: v.InferOutput<typeof endSchema> | undefined;
	let line = 0;
	const fail = (what: string) => {
		throw new BadBackup(`line ${line}: ${what}.`);
	};
	const duplicate = (kind: string, key: string, noun: string) => {
		const set = seen.get(kind) ?? new Set<string>();
		if (set.has(key)) fail(`${noun} "${key}" duplicates an earlier one`);
		seen.set(kind, set.add(key));
	};
	try {
		for await (const batch of gzipLines(file, 500)) {
			for (const bytes of batch) {
				line++;
				let text: string;
				try {
					text = decoder.decode(bytes);
				} catch {
					fail('is not valid UTF-8 text');
					return scan;
				}
				if (end) {
					if (text.trim() !== '') fail('comes after the end line');
					continue;
				}
				let obj: unknown;
				try {
					obj = JSON.parse(text);
				} catch {
					fail(line === 1 ? 'is not a Roadmap Recall backup (not JSON)' : 'is not valid JSON');
				}
				if (line === 1) {
					const p = problem(headerSchema, obj);
					if (p) fail(p);
					crc.update(bytes).update(NEWLINE);
					continue;
				}
				const keys = obj && typeof obj === 'object' && !Array.isArray(obj) ? Object.keys(obj) : [];
				if (keys.length !== 1) fail('must hold one record, such as {"review": {…}}');
				const kind = keys[0] as string;
				const value = (obj as Record<string, unknown>)[kind];
				if (kind === 'end') {
					const p = problem(endSchema, value, 'end');
					if (p) fail(p);
					end = value as typeof end;
					continue;
				}
				crc.update(bytes).update(NEWLINE);
				if (kind === 'card') {
					// A card state is a cache of its answers: a broken one is rebuilt, not a reason to refuse the file.
					const card_id = (value as { card_id?: unknown } | null)?.card_id;
					if (typeof card_id === 'string') duplicate('card', card_id, 'card state for');
					const p = problem(cardSchema, value, 'card');
					if (p) scan.badStates.set(typeof card_id === 'string' ? card_id : `line ${line}`, p);
					else scan.states.set((value as CardState).card_id, value as CardState);
					scan.counts.cards++;
				} else if (isKind(kind)) {
					// A record of a synced kind: checked, and kept or counted as the table says.
					if (isOne(kind) && seen.has(kind)) fail(`a second ${KINDS[kind].noun} record`);
					const p = kindProblem(kind, value);
					if (p) fail(p);
					if (isOne(kind)) {
						seen.set(kind, new Set());
						scan.settings = withDefaults(value as AppSettings);
						continue;
					}
					duplicate(kind, keyOf(kind, value), KINDS[kind].noun);
					scan.counts[KINDS[kind].store]++;
					if (isGrowOnly(kind)) {
						// Answers are read again to be written; the review log's are counted per card, for the card states.
						const r = value as { review: number };
						if (kind === 'review') countAnswer(scan, value as ReviewRecord, latest);
						else if (r.review < EARLIEST || r.review > latest) scan.oddTimes++;
					} else (scan[KINDS[kind].store] as unknown[]).push(value);
				} else fail(`"${kind}" is not a kind of record this app writes`);
			}
			onProgress?.({ phase: 'checking', done: line });
			await breathe();
		}
	} catch (e) {
		if (e instanceof BadBackup) throw e;
		throw new BadBackup(`The file is damaged: its compressed data is cut short or corrupt (${e instanceof Error ? e.message : String(e)}).`);
	}
	if (line === 0) throw new BadBackup('The file is empty.');
	if (!end) throw new BadBackup(`The file ends early, after line ${line}: it was cut short, and nothing was imported.`);
	for (const kind of KIND_NAMES.filter(isOne)) if (!seen.has(kind)) throw new BadBackup(`${kind}: is missing.`);
	for (const k of COUNTED) {
		if ((end[k] ?? 0) !== scan.counts[k]) throw new BadBackup(`end.${k}: says ${end[k]} but the file holds ${scan.counts[k]}; records were lost or added.`);
	}
	if (crc.hex() !== end.checksum) throw new BadBackup('end.checksum: the data does not match its checksum; the file was changed or damaged after export.');
	return scan;
}

/** Second pass over a format-2 file: only the answers, already checked, a batch at a time. */
async function* answersV2(file: Blob): AsyncGenerator<Answers> {
	const decoder = new TextDecoder();
	for await (const batch of gzipLines(file, WRITE_BATCH)) {
		const out = emptyAnswers();
		const lists = out as unknown as Record<string, unknown[]>;
		for (const bytes of batch) {
			// Answers' lines start {"review": or {"practice": (their kind's first letter), so the rest need not be parsed at all.
			if (!ANSWER_LETTERS.has(bytes[2] ?? 0)) continue;
			const obj = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
			const kind = GROW_ONLY.find((k) => obj[k]);
			if (kind) lists[KINDS[kind].store]?.push(obj[kind]);
		}
		yield out;
	}
}

const ANSWER_LETTERS = new Set(GROW_ONLY.map((k) => k.charCodeAt(0)));
const emptyAnswers = () => Object.fromEntries(GROW_ONLY.map((k) => [KINDS[k].store, []])) as unknown as Answers;

function scanV1(records: BackupRecords, now: number): Scan {
	const latest = now + 86_400_000;
	// Already in memory: a plain generator (for await takes it as it takes the file's async one).
	const scan = newScan(1, function* () {
		for (let i = 0; i < Math.max(records.reviews.length, records.practice.length); i += 5000) {
			yield { reviews: records.reviews.slice(i, i + 5000), practice: records.practice.slice(i, i + 5000) };
		}
	});
	scan.settings = withDefaults(records.settings);
	const seen = (items: { [k: string]: unknown }[], key: string, name: string) => {
		const ids = new Set<unknown>();
		items.forEach((item, i) => {
			if (ids.has(item[key])) throw new BadBackup(`data.${name}[${i}].${key}: duplicates an earlier record.`);
			ids.add(item[key]);
		});
	};
	seen(records.reviews as unknown as { [k: string]: unknown }[], 'id', 'reviews');
	seen(records.practice as unknown as { [k: string]: unknown }[], 'id', 'practice');
	seen(records.marks as unknown as { [k: string]: unknown }[], 'card_id', 'marks');
	for (const r of records.reviews) countAnswer(scan, r, latest);
	for (const p of records.practice) if (p.review < EARLIEST || p.review > latest) scan.oddTimes++;
	for (const c of records.cards) {
		if (c.ok) scan.states.set(c.state.card_id, c.state);
		else scan.badStates.set(c.card_id ?? 'a card', c.why);
	}
	scan.marks = records.marks;
	scan.counts = { reviews: records.reviews.length, practice: records.practice.length, cards: records.cards.length, marks: records.marks.length, reports: 0 };
	return scan;
}

/** Checks a whole backup file (format 2, or 1 from older versions); nothing is written. */
async function scanFile(file: Blob, now: number, onProgress?: (p: ImportProgress) => void): Promise<Scan> {
	if (file.size === 0) throw new BadBackup('The file is empty.');
	if (await isGzip(file)) return scanV2(file, now, onProgress);
	let text: string;
	try {
		text = await file.text();
	} catch (e) {
		throw new BadBackup(`The file could not be read whole on this device (${e instanceof Error ? e.message : String(e)}).`);
	}
	const v1 = readV1(text);
	if (!v1.ok) throw new BadBackup(v1.error);
	return scanV1(v1.records, now);
}

/** Whether an exported state is the one its answers lead to: as many answers, the same last one, a real date. */
function consistent(state: CardState | undefined, log: CardLog | undefined): boolean {
	return !!state && !!log && state.reps === log.count && state.last_review === log.last && Number.isFinite(state.due);
}

/**
 * Imports a backup. The whole file is checked first; a file with any problem
 * changes nothing. Then, a batch per transaction: answers are merged by id
 * (a grow-only set: a second import adds nothing), marks and settings keep
 * the newer by their stamps (or, to replace everything, the backup's), and
 * card states are restored exactly as exported where they match their
 * answers, and rebuilt from the answers where they don't or where two
 * devices' histories met.
 */
export async function importBackupFile(db: RecallDatabase, file: Blob, options: ImportOptions): Promise<ImportOutcome> {
	let scan: Scan;
	try {
		scan = await scanFile(file, options.now, options.onProgress);
	} catch (e) {
		if (e instanceof BadBackup) return { ok: false, error: e.message };
		throw e;
	}
	const summary = await applyScan(db, scan, options);
	await rescanForSync(db);
	return { ok: true, summary };
}

async function applyScan(db: RecallDatabase, scan: Scan, options: ImportOptions): Promise<ImportSummary> {
	const { mode, onProgress } = options;
	const summary: ImportSummary = {
		mode,
		reviewsAdded: 0,
		reviewsPresent: 0,
		practiceAdded: 0,
		cardsExact: 0,
		cardsMerged: 0,
		cardsRebuilt: [],
		oddTimes: scan.oddTimes,
		settings: 'kept',
		marksTaken: 0,
		marksKept: 0,
		reportsTaken: 0,
		reportsKept: 0
	};

	// Replace everything: this device's own data goes first (its id and nothing else stays).
	if (mode === 'replace') await resetAll(db, { durability: 'strict' });

	// How many answers each card has here already, to know whose history a state describes.
	const cardIds = [...new Set([...scan.perCard.keys(), ...scan.states.keys(), ...scan.badStates.keys()])];
	const localCount = new Map<string, number>();
	{
		const index = db.transaction('reviews').store.index('by-card');
		const counts = await Promise.all(cardIds.map((id) => index.count(id)));
		cardIds.forEach((id, i) => localCount.set(id, counts[i] ?? 0));
	}

	// Answers, a batch per transaction: added where their id is new. Into an empty store (a restore),
	// every id is new: the file has no duplicates, so the look-ups are skipped.
	const added = new Map<string, number>();
	const answerStores = GROW_ONLY.map((k) => KINDS[k].store);
	const total = answerStores.reduce((n, s) => n + scan.counts[s], 0);
	const empty = Object.fromEntries(await Promise.all(answerStores.map(async (s) => [s, (await db.count(s)) === 0]))) as Record<keyof Answers, boolean>;
	let done = 0;
	for await (const batch of scan.answers()) {
		// Relaxed: a batch lost to a crash is still in the file; the last transaction below is strict.
		// The running totals take the batch's new answers in the same transaction, so a lost batch loses both.
		const tx = db.transaction(ANSWER_STORES, 'readwrite', { durability: 'relaxed' });
		const { writes, fresh } = await addAnswers(tx, batch, empty);
		summary.reviewsPresent += batch.reviews.length - fresh.reviews.length;
		// All of the batch or none of it: commit() aborts the transaction if a write throws at once.
		await commit(tx, writes);
		for (const r of fresh.reviews) added.set(r.card_id, (added.get(r.card_id) ?? 0) + 1);
		summary.reviewsAdded += fresh.reviews.length;
		summary.practiceAdded += fresh.practice.length;
		done += answerStores.reduce((n, s) => n + batch[s].length, 0);
		onProgress?.({ phase: 'writing', done, total });
		await breathe();
	}

	// Marks, notes and settings: the newer wins (the same rule sync uses), or the backup's settings when replacing.
	{
		const tx = db.transaction(
			NEWEST.map((k) => KINDS[k].store),
			'readwrite',
			{ durability: 'strict' }
		);
		const taken = await takeNewer(tx, scan, mode === 'replace');
		await commit(tx, taken.writes);
		summary.marksTaken = taken.counts.marks.taken;
		summary.marksKept = taken.counts.marks.kept;
		summary.reportsTaken = taken.counts.reports.taken;
		summary.reportsKept = taken.counts.reports.kept;
		if (taken.settings.taken) summary.settings = 'backup';
	}

	// Card states: exact where the backup's history is the card's whole history, else rebuilt from the answers.
	const settings = withDefaults(await db.get('settings', 'user'));
	const f = options.schedulerFor(settings);
	const work = cardIds.filter((id) => (added.get(id) ?? 0) > 0 || ((localCount.get(id) ?? 0) === 0 && !scan.perCard.has(id)));
	for (let i = 0; i < work.length; i += 200) {
		const slice = work.slice(i, i + 200);
		const tx = db.transaction(['cards', 'reviews'], 'readwrite', { durability: 'strict' });
		const cards = tx.objectStore('cards');
		const byCard = tx.objectStore('reviews').index('by-card');
		const writes: Promise<unknown>[] = [];
		const replays: { id: string; logs: Promise<ReviewRecord[]> }[] = [];
		for (const id of slice) {
			const log = scan.perCard.get(id);
			const state = scan.states.get(id);
			if (!log) {
				// A state with no answers in the backup or here: nothing it could be the cache of.
				summary.cardsRebuilt.push({ card_id: id, why: 'it has no answers, so it stays new' });
				continue;
			}
			if ((localCount.get(id) ?? 0) === 0) {
				if (consistent(state, log)) {
					writes.push(cards.put(state as CardState));
					summary.cardsExact++;
					continue;
				}
				summary.cardsRebuilt.push({
					card_id: id,
					why: scan.badStates.get(id) ?? (state ? 'its state did not match its answers' : 'its state was missing')
				});
			} else summary.cardsMerged++;
			replays.push({ id, logs: byCard.getAll(id) });
		}
		for (const r of replays) {
			const state = replay(f, r.id, await r.logs);
			if (state) writes.push(cards.put(state));
		}
		await Promise.all([...writes, tx.done]);
		onProgress?.({ phase: 'scheduling', done: Math.min(i + 200, work.length), total: work.length });
		await breathe();
	}
	return summary;
}

const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

/** The summary in words. */
export function describeImport(s: ImportSummary): string {
	const parts = [
		`${s.mode === 'replace' ? 'Replaced everything' : 'Merged'}: ${plural(s.reviewsAdded, 'answer', 'answers')} added${s.reviewsPresent > 0 ? ` (${plural(s.reviewsPresent, 'was', 'were')} here already)` : ''}, ${plural(s.practiceAdded, 'practice answer', 'practice answers')} added.`,
		`${plural(s.cardsExact, 'card', 'cards')} restored exactly as exported${s.cardsMerged > 0 ? `, ${plural(s.cardsMerged, 'card', 'cards')} rescheduled from both histories` : ''}.`
	];
	if (s.cardsRebuilt.length > 0) {
		const shown = s.cardsRebuilt.slice(0, 5).map((c) => `${c.card_id} (${c.why})`);
		parts.push(`Rebuilt from their answers: ${shown.join('; ')}${s.cardsRebuilt.length > 5 ? ` and ${s.cardsRebuilt.length - 5} more` : ''}.`);
	}
	if (s.oddTimes > 0)
		parts.push(
			`${plural(s.oddTimes, 'answer has', 'answers have')} a time before 2020 or in the future: the device clock was probably wrong. ${s.oddTimes === 1 ? 'It was' : 'They were'} kept as ${s.oddTimes === 1 ? 'it is' : 'they are'}.`
		);
	parts.push(
		s.settings === 'backup' ? "Settings: the backup's." : 'Settings: yours were newer and stay.',
		s.marksTaken + s.marksKept > 0
			? `Marks: ${plural(s.marksTaken, 'card', 'cards')} from the backup${s.marksKept > 0 ? `, ${s.marksKept} of yours newer and kept` : ''}.`
			: '',
		s.reportsTaken + s.reportsKept > 0
			? `Card reports: ${plural(s.reportsTaken, 'note', 'notes')} from the backup${s.reportsKept > 0 ? `, ${s.reportsKept} of yours newer and kept` : ''}.`
			: ''
	);
	return parts.filter(Boolean).join(' ');
}
