// The first pass of an import: reads and checks the whole file (either format)
// before anything is written, and learns what the second pass needs.
import type * as v from 'valibot';
import type { CardState, ReviewRecord } from '$lib/srs/types';
import { isPlausibleTime, Rating } from '$lib/srs/constants';
import { Crc32 } from './crc32';
import type { Answers, Newest } from '../merge';
import { GROW_ONLY, isGrowOnly, isKind, isOne, keyOf, KIND_NAMES, KINDS, NEWEST, type KeyedKind, type StoreOf } from '../kinds';
import { DEFAULT_SETTINGS, withDefaults, type AppSettings } from '$lib/db/settings';
import { cardSchema, endSchema, gzipLines, gzipSize, headerSchema, isGzip, problem } from './format';
import { kindProblem } from './kind-schemas';
import { readV1, type BackupRecords } from './legacy-v1';

export interface ImportProgress {
	phase: 'checking' | 'writing' | 'scheduling';
	done: number;
	/** Unknown while the file is first read. */
	total?: number;
	/** While the file is checked: how much of it (bytes once decompressed) has been read. */
	bytes?: { done: number; total: number };
}

/**
 * Answers written per transaction (data/bulk.ts: the answers alone). In
 * Chromium here, bare adds of 50,000 review-like records with their two
 * indexes ran at 2,700-3,100 a second 1,000 to a transaction and 3,550 a
 * second 5,000 to a transaction, in the same run on a loaded machine. A
 * batch lost to a crash or a cancel is still in the file.
 */
export const WRITE_BATCH = 5000;
/** Gives the page a turn between batches, so it never freezes for long. */
export const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

export class BadBackup extends Error {}

/** What a cancel while the file is being checked leaves: nothing, since nothing is written before the check ends. */
export const CANCELLED_CHECKING = 'Import cancelled while the file was being checked: nothing was changed.';

export interface CardLog {
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
export interface Scan extends Newest {
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

function countAnswer(scan: Scan, r: ReviewRecord, now: number): void {
	const log = scan.perCard.get(r.card_id);
	const answer = r.rating === Rating.Manual ? 0 : 1;
	if (log) {
		log.count += answer;
		log.last = Math.max(log.last, r.review);
	} else scan.perCard.set(r.card_id, { count: answer, last: r.review });
	if (!isPlausibleTime(r.review, now)) scan.oddTimes++;
}

/** First pass over a format-2 file: checks every line and the checksum; writes nothing. */
async function scanV2(file: Blob, now: number, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<Scan> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const crc = new Crc32();
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
		const read = { bytes: 0 };
		const size = await gzipSize(file);
		for await (const batch of gzipLines(file, 500, read)) {
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
						if (kind === 'review') countAnswer(scan, value as ReviewRecord, now);
						else if (!isPlausibleTime(r.review, now)) scan.oddTimes++;
					} else (scan[KINDS[kind].store] as unknown[]).push(value);
				} else fail(`"${kind}" is not a kind of record this app writes`);
			}
			onProgress?.({ phase: 'checking', done: line, ...(size >= read.bytes ? { bytes: { done: read.bytes, total: size } } : {}) });
			await breathe();
			if (signal?.aborted) throw new BadBackup(CANCELLED_CHECKING);
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
	for (const r of records.reviews) countAnswer(scan, r, now);
	for (const p of records.practice) if (!isPlausibleTime(p.review, now)) scan.oddTimes++;
	for (const c of records.cards) {
		if (c.ok) scan.states.set(c.state.card_id, c.state);
		else scan.badStates.set(c.card_id ?? 'a card', c.why);
	}
	scan.marks = records.marks;
	scan.counts = {
		reviews: records.reviews.length,
		practice: records.practice.length,
		cards: records.cards.length,
		marks: records.marks.length,
		reports: 0,
		ownCards: 0,
		notes: 0
	};
	return scan;
}

/** Checks a whole backup file (format 2, or 1 from older versions); nothing is written. */
export async function scanFile(file: Blob, now: number, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<Scan> {
	if (file.size === 0) throw new BadBackup('The file is empty.');
	if (await isGzip(file)) return scanV2(file, now, onProgress, signal);
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
