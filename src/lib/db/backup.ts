import * as v from 'valibot';
import type { FSRS } from 'ts-fsrs';
import { replay, type CardState, type ReviewRecord } from '$lib/srs';
import { crc32 } from './crc32';
import type { RecallDatabase } from './open';
import type { CardMarks, PracticeRecord } from './schema';
import { DEFAULT_SETTINGS, type AppSettings } from './settings';

export const BACKUP_FORMAT = 'roadmap-recall-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** JSON with object keys sorted at every level, so the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
			: v
	);
}

export interface BackupData {
	settings: AppSettings;
	cards: CardState[];
	reviews: ReviewRecord[];
	practice: PracticeRecord[];
	marks: CardMarks[];
}

export interface Backup {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	appVersion: string;
	exportedAt: number;
	/** CRC-32 of `data` as canonical JSON (keys sorted). */
	checksum: string;
	data: BackupData;
}

/** Everything the learner owns, as one object ready for JSON. */
export async function exportBackup(db: RecallDatabase, appVersion: string, now: number): Promise<Backup> {
	const tx = db.transaction(['settings', 'cards', 'reviews', 'practice', 'marks']);
	const [settings, cards, reviews, practice, marks] = await Promise.all([
		tx.objectStore('settings').get('user'),
		tx.objectStore('cards').getAll(),
		tx.objectStore('reviews').index('by-time').getAll(),
		tx.objectStore('practice').index('by-time').getAll(),
		tx.objectStore('marks').getAll(),
		tx.done
	]);
	const data: BackupData = { settings: { ...DEFAULT_SETTINGS, ...settings }, cards, reviews, practice, marks };
	return { format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, appVersion, exportedAt: now, checksum: crc32(canonicalJson(data)), data };
}

// ---- Validation: the whole file, before anything is written. ----

/** Times before this are not answers given in this app. */
const EARLIEST = Date.UTC(2020, 0, 1);
const id = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(128, 'must be at most 128 characters'));
const int = (min: number, max: number) =>
	v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));
const real = (min: number, max: number) =>
	v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));
const rating = v.picklist([1, 2, 3, 4], 'must be 1, 2, 3 or 4 (Again, Hard, Good, Easy)');
const fsrsState = v.picklist([0, 1, 2, 3], 'must be 0, 1, 2 or 3 (New, Learning, Review, Relearning)');

function schemas(now: number) {
	const time = v.pipe(
		v.number('must be a time in epoch ms'),
		v.integer('must be a whole number of ms'),
		v.minValue(EARLIEST, 'is before 2020: not a time this app wrote'),
		v.maxValue(now + 86_400_000, 'is in the future')
	);
	const due = v.pipe(v.number('must be a time in epoch ms'), v.integer('must be a whole number of ms'), v.minValue(EARLIEST, 'is before 2020'));
	const step = v.pipe(v.string('must be text'), v.regex(/^\d+(?:\.\d+)?[mhd]$/, 'must be a step such as 10m, 1h or 1d'));
	const settings = v.strictObject({
		retention: real(0.7, 0.99),
		maxInterval: int(1, 36500),
		fuzz: v.boolean('must be true or false'),
		learningSteps: v.pipe(v.array(step, 'must be a list of steps'), v.maxLength(10, 'must have at most 10 steps')),
		relearningSteps: v.pipe(v.array(step, 'must be a list of steps'), v.maxLength(10, 'must have at most 10 steps')),
		newPerDay: int(0, 9999),
		reviewsPerDay: int(0, 99999),
		dayStartHour: int(0, 23),
		leechThreshold: int(0, 99),
		// Optional: backups made before the setting existed use the default.
		learnAheadMinutes: v.optional(int(0, 1440)),
		theme: v.picklist(['system', 'light', 'dark'], 'must be system, light or dark')
	});
	const card = v.strictObject({
		card_id: id,
		due,
		stability: real(0, 1e6),
		difficulty: real(0, 100),
		elapsed_days: real(0, 1e6),
		scheduled_days: real(0, 1e6),
		learning_steps: int(0, 100),
		reps: int(0, 1e6),
		lapses: int(0, 1e6),
		state: fsrsState,
		last_review: v.nullable(time)
	});
	const review = v.strictObject({
		id,
		card_id: id,
		rating,
		review: time,
		duration: int(0, 86_400_000),
		state: fsrsState,
		due,
		stability: real(0, 1e6),
		difficulty: real(0, 100),
		elapsed_days: real(0, 1e6),
		last_elapsed_days: real(0, 1e6),
		scheduled_days: real(0, 1e6),
		learning_steps: int(0, 100)
	});
	const practice = v.strictObject({
		id,
		card_id: id,
		rating,
		correct: v.nullable(v.boolean('must be true, false or null')),
		review: time,
		duration: int(0, 86_400_000)
	});
	const marks = v.strictObject({
		card_id: id,
		suspended: v.boolean('must be true or false'),
		buried_until: v.nullable(due),
		flagged: v.boolean('must be true or false'),
		leech: v.boolean('must be true or false')
	});
	return v.strictObject({
		format: v.literal(BACKUP_FORMAT, `must be "${BACKUP_FORMAT}": this is not a Roadmap Recall backup`),
		formatVersion: v.literal(BACKUP_VERSION, `must be ${BACKUP_VERSION}: this backup comes from another version of the app`),
		appVersion: v.pipe(v.string('must be text'), v.maxLength(64, 'must be at most 64 characters')),
		exportedAt: time,
		checksum: v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{8}$/, 'must be 8 hex digits')),
		data: v.strictObject({
			settings,
			cards: v.pipe(v.array(card, 'must be a list'), v.maxLength(1e6, 'has too many records')),
			reviews: v.pipe(v.array(review, 'must be a list'), v.maxLength(1e7, 'has too many records')),
			practice: v.pipe(v.array(practice, 'must be a list'), v.maxLength(1e7, 'has too many records')),
			marks: v.pipe(v.array(marks, 'must be a list'), v.maxLength(1e6, 'has too many records'))
		})
	});
}

/** "data.reviews[12].rating", from valibot's issue path. */
function where(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
	}
	return out || 'the file';
}

function message(issue: v.BaseIssue<unknown>): string {
	if (issue.kind === 'schema' && /object$/.test(issue.type)) {
		if (issue.received === 'undefined') return 'is missing';
		if (issue.expected === 'never') return 'is not a known field';
	}
	return issue.message;
}

function firstDuplicate(items: readonly { [k: string]: unknown }[], key: string): number {
	const seen = new Set<unknown>();
	for (let i = 0; i < items.length; i++) {
		const k = items[i]?.[key];
		if (seen.has(k)) return i;
		seen.add(k);
	}
	return -1;
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

/**
 * Checks a backup file completely: size, JSON, format and version, every
 * record's types and ranges, duplicate ids, and the checksum. The error
 * names the record and the field.
 */
export function parseBackup(text: string, now: number, bytes = new TextEncoder().encode(text).length): ParseResult {
	if (bytes > MAX_BACKUP_BYTES) return { ok: false, error: `The file is ${(bytes / 1048576).toFixed(1)} MB; backups above 50 MB are refused.` };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
	}
	const result = v.safeParse(schemas(now), json, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		return { ok: false, error: `${where(issue)}: ${message(issue)}.` };
	}
	const backup = result.output as Backup;
	const d = backup.data;
	const checks: [unknown[], string, string][] = [
		[d.reviews, 'id', 'reviews'],
		[d.practice, 'id', 'practice'],
		[d.cards, 'card_id', 'cards'],
		[d.marks, 'card_id', 'marks']
	];
	for (const [items, key, name] of checks) {
		const i = firstDuplicate(items as { [k: string]: unknown }[], key);
		if (i !== -1) return { ok: false, error: `data.${name}[${i}].${key}: duplicates an earlier record.` };
	}
	if (crc32(canonicalJson(d)) !== backup.checksum) {
		return { ok: false, error: 'checksum: the data does not match its checksum; the file was changed or damaged after export.' };
	}
	return { ok: true, backup };
}

export interface ImportResult {
	reviewsAdded: number;
	practiceAdded: number;
	cardsRecomputed: number;
}

/**
 * Writes a checked backup in one transaction: review and practice logs merged
 * by id (a second import of the same file adds nothing), marks and settings
 * taken from the backup, and every card's state recomputed from the merged
 * history. Reviews of cards no longer in any deck are kept.
 */
export async function importBackup(db: RecallDatabase, backup: Backup, schedulerFor: (s: AppSettings) => FSRS): Promise<ImportResult> {
	const tx = db.transaction(['settings', 'cards', 'reviews', 'practice', 'marks'], 'readwrite', { durability: 'strict' });
	const reviews = tx.objectStore('reviews');
	const practice = tx.objectStore('practice');
	// Read before any write is queued, so the merged history counts each answer once.
	const [existing, practiceIds] = await Promise.all([reviews.getAll(), practice.getAllKeys()]);
	const haveReview = new Set(existing.map((r) => r.id));
	const havePractice = new Set(practiceIds);
	const newReviews = backup.data.reviews.filter((r) => !haveReview.has(r.id));
	const newPractice = backup.data.practice.filter((p) => !havePractice.has(p.id));
	const writes: Promise<unknown>[] = [
		...newReviews.map((r) => reviews.add(r)),
		...newPractice.map((p) => practice.add(p)),
		...backup.data.marks.map((m) => tx.objectStore('marks').put(m)),
		tx.objectStore('settings').put(backup.data.settings, 'user')
	];
	const all = [...existing, ...newReviews];
	const byCard = new Map<string, ReviewRecord[]>();
	for (const r of all) byCard.set(r.card_id, [...(byCard.get(r.card_id) ?? []), r]);
	const f = schedulerFor(backup.data.settings);
	const cards = tx.objectStore('cards');
	for (const [card_id, list] of byCard) {
		const state = replay(f, card_id, list);
		if (state) writes.push(cards.put(state));
	}
	await Promise.all([...writes, tx.done]);
	return { reviewsAdded: newReviews.length, practiceAdded: newPractice.length, cardsRecomputed: byCard.size };
}

/** Checks a backup file and, only if all of it is sound, writes it. */
export async function importBackupText(
	db: RecallDatabase,
	text: string,
	now: number,
	schedulerFor: (s: AppSettings) => FSRS,
	bytes?: number
): Promise<{ ok: true; result: ImportResult } | { ok: false; error: string }> {
	const parsed = parseBackup(text, now, bytes);
	if (!parsed.ok) return parsed;
	return { ok: true, result: await importBackup(db, parsed.backup, schedulerFor) };
}

/** Deletes everything the learner owns, in one transaction. */
export async function resetAll(db: RecallDatabase): Promise<void> {
	const stores = ['settings', 'cards', 'reviews', 'practice', 'marks', 'meta'] as const;
	const tx = db.transaction([...stores], 'readwrite');
	await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}
