import * as v from 'valibot';
import { isValidStep, MAX_STEPS, SETTING_BOUNDS as B } from '$lib/srs/bounds';
import { blobOf } from './blob-parts';
import { Crc32 } from './crc32';
import { REPORT_TEXT_MAX } from '../reports';
import { REPORT_REASONS } from '$lib/db/schema';
import { CardSchema } from '$lib/decks/schema';
import { SECTION_IDS } from '$lib/decks/sections';
import { NOTE_TEXT_MAX, OWN_ID } from '../own-ids';

/**
 * Backup format 2: gzip (the browser's own CompressionStream) around one
 * JSON object per line, so a history of any size is written and read a
 * batch at a time, never as one string:
 *
 *   {"format":"roadmap-recall-backup","formatVersion":2,"appVersion":…,"exportedAt":…,"device":…}
 *   {"settings":{…}}
 *   {"review":{…}}      one per answer
 *   {"practice":{…}}    one per practice answer
 *   {"card":{…}}        one per card state (a cache of its reviews)
 *   {"marks":{…}}       one per card with marks
 *   {"report":{…}}      one per note on a card (since app 0.2; older files have none)
 *   {"ownCard":{…}}     one per card the learner wrote, a deleted one as a tombstone (since app 0.3)
 *   {"note":{…}}        one per personal note on a card (since app 0.3)
 *   {"end":{"reviews":N,"practice":N,"cards":N,"marks":N,"reports":N,"ownCards":N,"notes":N,"checksum":"8 hex digits"}}
 *
 * The checksum is the CRC-32 of every byte before the end line.
 */
export const BACKUP_FORMAT = 'roadmap-recall-backup';
export const BACKUP_VERSION = 2;

/** The last time a JavaScript Date can hold. */
const LATEST = 8.64e15;

export const id = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(128, 'must be at most 128 characters'));
export const int = (min: number, max: number) =>
	v.pipe(
		v.number('must be a number'),
		v.integer('must be a whole number'),
		v.minValue(min, `must be at least ${min}`),
		v.maxValue(max, `must be at most ${max}`)
	);
export const real = (min: number, max: number) =>
	v.pipe(
		v.number('must be a number'),
		v.finite('must be a finite number'),
		v.minValue(min, `must be at least ${min}`),
		v.maxValue(max, `must be at most ${max}`)
	);
const rating = v.picklist([1, 2, 3, 4], 'must be 1, 2, 3 or 4 (Again, Hard, Good, Easy)');
/** A review record's rating: 0 is a forget (Manual), the others the buttons. */
const logRating = v.picklist([0, 1, 2, 3, 4], 'must be 0, 1, 2, 3 or 4 (Forget, Again, Hard, Good, Easy)');
const fsrsState = v.picklist([0, 1, 2, 3], 'must be 0, 1, 2 or 3 (New, Learning, Review, Relearning)');
/** Any moment a Date can hold: a wrong clock is surprising, not malformed. */
export const time = v.pipe(
	v.number('must be a time in epoch ms'),
	v.integer('must be a whole number of ms'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(LATEST, 'is not a date')
);

/** A step from 1 minute to 1 year, as the settings form and the scheduler allow. */
export const stepOk = isValidStep;
const step = v.pipe(v.string('must be text'), v.check(stepOk, 'must be a step from 1m to 365d, such as 10m, 1h or 1d'));
const steps = v.pipe(v.array(step, 'must be a list of steps'), v.maxLength(MAX_STEPS, `must have at most ${MAX_STEPS} steps`));
const stamp = { updated: v.optional(time), device: v.optional(v.pipe(v.string('must be text'), v.maxLength(128, 'must be at most 128 characters'))) };

const parameters = v.pipe(v.array(real(-1e3, 1e3), 'must be a list of numbers'), v.length(21, 'must hold the 21 FSRS-6 parameters'));

export const settingsSchema = v.strictObject({
	retention: real(...B.retention),
	maxInterval: int(...B.maxInterval),
	fuzz: v.boolean('must be true or false'),
	learningSteps: steps,
	relearningSteps: steps,
	newPerDay: int(...B.newPerDay),
	reviewsPerDay: int(...B.reviewsPerDay),
	dayStartHour: int(...B.dayStartHour),
	leechThreshold: int(...B.leechThreshold),
	// Optional: backups made before the setting existed use the default.
	learnAheadMinutes: v.optional(int(...B.learnAheadMinutes)),
	theme: v.picklist(['system', 'light', 'dark'], 'must be system, light or dark'),
	// Optional: backups made before own cards existed use the default.
	ownCardsFirst: v.optional(v.boolean('must be true or false')),
	// Personal FSRS parameters (since the optimizer): 21 numbers, or null for FSRS's defaults.
	w: v.optional(v.nullable(parameters)),
	previousW: v.optional(v.nullable(parameters)),
	...stamp
});

export const cardSchema = v.strictObject({
	card_id: id,
	due: time,
	stability: real(0, 1e6),
	difficulty: real(0, 100),
	elapsed_days: real(0, 1e6),
	scheduled_days: real(0, 1e6),
	learning_steps: int(0, 100),
	reps: int(0, 1e7),
	lapses: int(0, 1e7),
	state: fsrsState,
	last_review: v.nullable(time)
});

const reviewFields = v.strictObject({
	id,
	card_id: id,
	rating: logRating,
	review: time,
	duration: int(0, 86_400_000),
	state: fsrsState,
	// The state before the answer, for the record: an old app version could store a due date of NaN (written as null).
	due: v.nullable(time),
	stability: real(0, 1e6),
	difficulty: real(0, 100),
	elapsed_days: real(0, 1e6),
	last_elapsed_days: real(0, 1e6),
	// Below 0 only in a forget (checked below): ts-fsrs records it as the days from the forget to the due date it cancelled.
	scheduled_days: real(-1e6, 1e6),
	learning_steps: int(0, 100)
});

/**
 * A review record. Rating 0 is a forget, with the shape ts-fsrs's
 * `forget()` gives its log: it takes no time and no days elapse in it.
 */
export const reviewSchema = v.pipe(
	reviewFields,
	v.forward(
		v.check((r) => r.rating !== 0 || r.duration === 0, 'must be 0 in a forget (rating 0): a forget takes no time'),
		['duration']
	),
	v.forward(
		v.check((r) => r.rating !== 0 || r.elapsed_days === 0, 'must be 0 in a forget (rating 0)'),
		['elapsed_days']
	),
	v.forward(
		v.check((r) => r.rating === 0 || r.scheduled_days >= 0, 'must be at least 0 in an answer'),
		['scheduled_days']
	)
);

export const practiceSchema = v.strictObject({
	id,
	card_id: id,
	rating,
	correct: v.nullable(v.boolean('must be true, false or null')),
	review: time,
	duration: int(0, 86_400_000)
});

export const marksSchema = v.strictObject({
	card_id: id,
	suspended: v.boolean('must be true or false'),
	buried_until: v.nullable(time),
	flagged: v.boolean('must be true or false'),
	leech: v.boolean('must be true or false'),
	...stamp
});

export const reportSchema = v.strictObject({
	id,
	card_id: id,
	deck: id,
	deckVersion: v.pipe(v.string('must be text'), v.maxLength(64, 'must be at most 64 characters')),
	appVersion: v.pipe(v.string('must be text'), v.maxLength(64, 'must be at most 64 characters')),
	reason: v.picklist(REPORT_REASONS, `must be one of: ${REPORT_REASONS.join(', ')}`),
	text: v.pipe(v.string('must be text'), v.maxLength(REPORT_TEXT_MAX, `must be at most ${REPORT_TEXT_MAX} characters`)),
	created: time,
	deleted: v.boolean('must be true or false'),
	...stamp
});

/** A card the learner wrote: its content is checked as a deck card is (decks/schema.ts), and keeps the record's id. */
export const ownCardSchema = v.pipe(
	v.strictObject({
		id: v.pipe(id, v.regex(OWN_ID, 'must be "mine-" then lowercase letters, digits and dashes')),
		section: v.picklist(SECTION_IDS, 'must be one of the roadmap section ids'),
		card: v.nullable(CardSchema),
		created: time,
		...stamp
	}),
	v.forward(
		v.check((r) => r.card === null || r.card.id === r.id, "must have its record's id"),
		['card']
	)
);

export const noteSchema = v.strictObject({
	card_id: id,
	text: v.pipe(v.string('must be text'), v.maxLength(NOTE_TEXT_MAX, `must be at most ${NOTE_TEXT_MAX} characters`)),
	...stamp
});

export const headerSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT, `must be "${BACKUP_FORMAT}": this is not a Roadmap Recall backup`),
	formatVersion: v.literal(BACKUP_VERSION, `must be ${BACKUP_VERSION}: this backup comes from another version of the app`),
	appVersion: v.pipe(v.string('must be text'), v.maxLength(64, 'must be at most 64 characters')),
	exportedAt: time,
	device: v.optional(id)
});

const count = int(0, 1e9);
export const endSchema = v.strictObject({
	reviews: count,
	practice: count,
	cards: count,
	marks: count,
	/** Absent from backups made before reports existed. */
	reports: v.optional(count),
	/** Absent from backups made before own cards and notes existed. */
	ownCards: v.optional(count),
	notes: v.optional(count),
	checksum: v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{8}$/, 'must be 8 hex digits'))
});

/** "rating", "learningSteps[2]": where in a record valibot found the problem. */
export function where(issue: v.BaseIssue<unknown>, prefix = ''): string {
	let out = prefix;
	for (const item of issue.path ?? []) {
		out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
	}
	return out || 'the file';
}

export function message(issue: v.BaseIssue<unknown>): string {
	if (issue.kind === 'schema' && /object$/.test(issue.type)) {
		if (issue.received === 'undefined') return 'is missing';
		if (issue.expected === 'never') return 'is not a known field';
	}
	return issue.message;
}

/** The first problem with `value`, as "field: what is wrong", or undefined if it is sound. */
export function problem(schema: v.GenericSchema, value: unknown, prefix = ''): string | undefined {
	const r = v.safeParse(schema, value, { abortEarly: true });
	if (r.success) return undefined;
	const issue = r.issues[0];
	return `${where(issue, prefix)}: ${message(issue)}`;
}

/**
 * Writes a backup a line at a time through gzip, keeping the checksum as it
 * goes; the compressed bytes become the file's Blob a part at a time as they
 * come. `finish` adds the end line and gives the file.
 */
export class BackupWriter {
	readonly #encoder = new TextEncoder();
	readonly #crc = new Crc32();
	readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
	readonly #blob: Promise<Blob>;
	#pending: string[] = [];
	#pendingLength = 0;
	bytes = 0;

	constructor() {
		const gzip = new CompressionStream('gzip');
		this.#writer = gzip.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
		this.#blob = blobOf(gzip.readable);
	}

	/** Adds one record as a line (buffered; `flush` sends a batch on). */
	async line(value: unknown): Promise<void> {
		const text = `${JSON.stringify(value)}\n`;
		this.#pending.push(text);
		this.#pendingLength += text.length;
		if (this.#pendingLength > 1 << 20) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.#pending.length === 0) return;
		const bytes = this.#encoder.encode(this.#pending.join(''));
		this.#pending = [];
		this.#pendingLength = 0;
		this.#crc.update(bytes);
		this.bytes += bytes.length;
		await this.#writer.write(bytes);
	}

	/** Ends the file with the counts and the checksum of everything before. */
	async finish(counts: Omit<v.InferOutput<typeof endSchema>, 'checksum'>): Promise<Blob> {
		await this.flush();
		const end = this.#encoder.encode(`${JSON.stringify({ end: { ...counts, checksum: this.#crc.hex() } })}\n`);
		this.bytes += end.length;
		await this.#writer.write(end);
		await this.#writer.close();
		return this.#blob;
	}
}

/** Whether the file starts as gzip does (0x1f 0x8b). */
export async function isGzip(file: Blob): Promise<boolean> {
	const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
	return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The size of a gzip file's content once decompressed, from its last four
 * bytes (RFC 1952's ISIZE: the size modulo 2^32, so exact below 4 GB, far
 * above a million answers), for the share of the file checked so far.
 */
export async function gzipSize(file: Blob): Promise<number> {
	const tail = new DataView(await file.slice(-4).arrayBuffer());
	return tail.byteLength === 4 ? tail.getUint32(0, true) : 0;
}

/**
 * The lines of a gzip backup, decompressed as they stream, in batches (each
 * line's bytes without its newline). Memory stays at one batch.
 */
export async function* gzipLines(file: Blob, batch = 2000, read?: { bytes: number }): AsyncGenerator<Uint8Array[]> {
	const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
	let carry: Uint8Array = new Uint8Array(0);
	let out: Uint8Array[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		// `read` counts the bytes decompressed and split so far: how far through the file the lines are (see gzipSize).
		if (read) read.bytes += value.byteLength;
		let chunk: Uint8Array = value;
		if (carry.length > 0) {
			const joined = new Uint8Array(carry.length + chunk.length);
			joined.set(carry);
			joined.set(chunk, carry.length);
			chunk = joined;
		}
		let start = 0;
		for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
			out.push(chunk.subarray(start, i));
			start = i + 1;
			if (out.length >= batch) {
				yield out;
				out = [];
			}
		}
		carry = chunk.slice(start);
	}
	if (carry.length > 0) out.push(carry);
	if (out.length > 0) yield out;
}
