import * as v from 'valibot';
import { canonicalJson } from './canonical';
import { crc32 } from './crc32';
import { BACKUP_FORMAT, cardSchema, marksSchema, message, practiceSchema, reviewSchema, settingsSchema, time, where } from './format';
import type { CardState, ReviewRecord } from '$lib/srs';
import type { CardMarks, PracticeRecord } from '$lib/db/records';
import type { AppSettings } from '$lib/db/settings';
import { withDefaults } from '$lib/db/settings';

/** A version 1 backup, read whole: its records, each card's state already checked. */
export interface BackupRecords {
	formatVersion: 1;
	exportedAt: number;
	settings: AppSettings;
	reviews: ReviewRecord[];
	practice: PracticeRecord[];
	cards: ({ ok: true; state: CardState } | { ok: false; card_id: string | undefined; why: string })[];
	marks: CardMarks[];
}

/**
 * Format 1: one JSON object, as exported before backups were streamed.
 * Still read, so every backup the app ever wrote restores. Card states are
 * checked softly, like format 2's: a broken one is rebuilt from its reviews.
 */
const v1 = v.strictObject({
	format: v.literal(BACKUP_FORMAT, `must be "${BACKUP_FORMAT}": this is not a Roadmap Recall backup`),
	formatVersion: v.literal(1, 'must be 1 or 2: this backup comes from another version of the app'),
	appVersion: v.pipe(v.string('must be text'), v.maxLength(64, 'must be at most 64 characters')),
	exportedAt: time,
	checksum: v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{8}$/, 'must be 8 hex digits')),
	data: v.strictObject({
		settings: settingsSchema,
		cards: v.array(v.unknown(), 'must be a list'),
		reviews: v.array(reviewSchema, 'must be a list'),
		practice: v.array(practiceSchema, 'must be a list'),
		marks: v.array(marksSchema, 'must be a list')
	})
});

/** Reads a format-1 file whole; an error names the record and the field. */
export function readV1(text: string): { ok: true; records: BackupRecords } | { ok: false; error: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
	}
	const result = v.safeParse(v1, json, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		return { ok: false, error: `${where(issue)}: ${message(issue)}.` };
	}
	const b = result.output;
	if (crc32(canonicalJson(b.data)) !== b.checksum) {
		return { ok: false, error: 'checksum: the data does not match its checksum; the file was changed or damaged after export.' };
	}
	const cards = b.data.cards.map((c, i) => {
		const r = v.safeParse(cardSchema, c, { abortEarly: true });
		const card_id = c && typeof c === 'object' && typeof (c as { card_id?: unknown }).card_id === 'string' ? (c as { card_id: string }).card_id : undefined;
		return r.success
			? { ok: true as const, state: r.output }
			: { ok: false as const, card_id, why: `data.cards[${i}].${where(r.issues[0])}: ${message(r.issues[0])}` };
	});
	return {
		ok: true,
		records: {
			formatVersion: 1,
			exportedAt: b.exportedAt,
			settings: withDefaults(b.data.settings),
			// A review's `due` (the state before it, for the record) may be null from an old version's NaN: kept as it came.
			reviews: b.data.reviews as unknown as ReviewRecord[],
			practice: b.data.practice,
			cards,
			marks: b.data.marks
		}
	};
}
