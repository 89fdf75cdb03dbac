import { kindProblem } from '$lib/data/backup/kind-schemas';
import type { BulkBatch } from '$lib/data/bulk';
import { docIdOf, GROW_ONLY, isGrowOnly, isOne, kindOf, KINDS, NEWEST, type Kind, type RecordOf } from '$lib/data/kinds';
import type { Answers } from '$lib/data/merge';
import type { CouchDoc } from './couch';

/**
 * The documents on the server: one per record, its id saying what it holds,
 * the record itself under `data`, exactly as in a backup line. Their ids and
 * kinds come from the table in data/kinds.ts:
 *
 *   review:<id>     an answer (immutable; deleted only when undone)
 *   practice:<id>   a practice answer (the same)
 *   marks:<card>    a card's marks (last writer wins, by data.updated then data.device)
 *   report:<id>     a note on a card (the same; a deleted note is a tombstone)
 *   settings        the settings, with the personal FSRS parameters (the same)
 */
export function toDoc(id: string, data: unknown): CouchDoc {
	return { _id: id, type: kindOf(id), data };
}

/** Whether a document id names an immutable record (an answer): the server's copy never changes. */
export function isImmutable(id: string): boolean {
	const kind = kindOf(id);
	return kind !== undefined && isGrowOnly(kind);
}

export type Checked = { [K in Kind]: { ok: true; kind: K; data: RecordOf<K> } }[Kind] | { ok: false; id: string; why: string };

/** Checks a document from the server as a backup line is checked; a bad one is named with the reason. */
export function checkDoc(doc: unknown): Checked {
	const id = typeof (doc as { _id?: unknown })?._id === 'string' ? (doc as { _id: string })._id : '(a document without an id)';
	if (id.startsWith('_design/')) return { ok: false, id, why: 'a design document, not one of ours' };
	const kind = kindOf(id);
	if (!kind) return { ok: false, id, why: 'not a kind of document this app writes' };
	const data = (doc as { data?: unknown }).data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, id, why: 'data: is missing' };
	const p = kindProblem(kind, data);
	if (p) return { ok: false, id, why: p };
	if (docIdOf(kind, data) !== id) return { ok: false, id, why: `its id does not match the ${kind} it holds` };
	return { ok: true, kind, data } as Checked;
}

/** A batch of the server's documents: answers by store, and the keys of answers deleted there. */
export type PullBatch = BulkBatch & { removed: Record<keyof Answers, string[]> };

export function newBatch(): PullBatch {
	const lists = () => Object.fromEntries(GROW_ONLY.map((k) => [KINDS[k].store, []]));
	return { ...lists(), removed: lists() } as unknown as PullBatch;
}

/**
 * Puts a checked document into a batch, under its kind's store. The first
 * mark, note or settings gives the batch every last-writer-wins kind's list:
 * the batch then takes the newer of each too (a batch of answers alone
 * writes fewer stores).
 */
export function addToBatch(batch: PullBatch, c: Extract<Checked, { ok: true }>): void {
	const into = batch as unknown as Record<string, unknown>;
	if (!isGrowOnly(c.kind)) for (const k of NEWEST) if (!isOne(k)) into[KINDS[k].store] ??= [];
	if (isOne(c.kind)) into[KINDS[c.kind].store] = c.data;
	else (into[KINDS[c.kind].store] as unknown[]).push(c.data);
}
