import type { ReviewRecord } from '$lib/srs';
import { marksSchema, practiceSchema, problem, reportSchema, reviewSchema, settingsSchema } from '$lib/data/backup/format';
import type { MergeBatch } from '$lib/data/merge';
import type { CardMarks, CardReport, PracticeRecord } from '$lib/db/schema';
import { withDefaults, type AppSettings } from '$lib/db/settings';
import type { CouchDoc } from './couch';

/**
 * The documents on the server: one per record, its id saying what it holds,
 * the record itself under `data`, exactly as in a backup line.
 *
 *   review:<id>     an answer (immutable; deleted only when undone)
 *   practice:<id>   a practice answer (the same)
 *   marks:<card>    a card's marks (last writer wins, by data.updated then data.device)
 *   report:<id>     a note on a card (the same; a deleted note is a tombstone)
 *   settings        the settings, with the personal FSRS parameters (the same)
 */
export type DocKind = 'review' | 'practice' | 'marks' | 'report' | 'settings';

export const IMMUTABLE: ReadonlySet<DocKind> = new Set(['review', 'practice']);

export function kindOf(id: string): DocKind | undefined {
	if (id === 'settings') return 'settings';
	const kind = id.slice(0, id.indexOf(':'));
	return kind === 'review' || kind === 'practice' || kind === 'marks' || kind === 'report' ? kind : undefined;
}

export function toDoc(id: string, data: unknown): CouchDoc {
	return { _id: id, type: kindOf(id), data };
}

const schemas = { review: reviewSchema, practice: practiceSchema, marks: marksSchema, report: reportSchema, settings: settingsSchema };

/** The record's own key, which must match the document id. */
const keyOf: Record<DocKind, (data: Record<string, unknown>) => unknown> = {
	review: (d) => d.id,
	practice: (d) => d.id,
	marks: (d) => d.card_id,
	report: (d) => d.id,
	settings: () => undefined
};

export type Checked =
	| { ok: true; kind: 'review'; data: ReviewRecord }
	| { ok: true; kind: 'practice'; data: PracticeRecord }
	| { ok: true; kind: 'marks'; data: CardMarks }
	| { ok: true; kind: 'report'; data: CardReport }
	| { ok: true; kind: 'settings'; data: AppSettings }
	| { ok: false; id: string; why: string };

/** Checks a document from the server as a backup line is checked; a bad one is named with the reason. */
export function checkDoc(doc: unknown): Checked {
	const id = typeof (doc as { _id?: unknown })?._id === 'string' ? (doc as { _id: string })._id : '(a document without an id)';
	if (id.startsWith('_design/')) return { ok: false, id, why: 'a design document, not one of ours' };
	const kind = kindOf(id);
	if (!kind) return { ok: false, id, why: 'not a kind of document this app writes' };
	const data = (doc as { data?: unknown }).data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, id, why: 'data: is missing' };
	const p = problem(schemas[kind], data, kind);
	if (p) return { ok: false, id, why: p };
	const key = keyOf[kind](data as Record<string, unknown>);
	if (kind !== 'settings' && `${kind}:${String(key)}` !== id) return { ok: false, id, why: `its id does not match the ${kind} it holds` };
	if (kind === 'settings') return { ok: true, kind, data: withDefaults(data) };
	return { ok: true, kind, data } as Checked;
}

export function emptyBatch(): MergeBatch {
	return { reviews: [], practice: [], marks: [], reports: [], removedReviews: [], removedPractice: [] };
}

/** Puts a checked document into a merge batch. */
export function addToBatch(batch: MergeBatch, c: Extract<Checked, { ok: true }>): void {
	if (c.kind === 'review') batch.reviews.push(c.data);
	else if (c.kind === 'practice') batch.practice.push(c.data);
	else if (c.kind === 'marks') batch.marks.push(c.data);
	else if (c.kind === 'report') batch.reports.push(c.data);
	else batch.settings = c.data;
}
