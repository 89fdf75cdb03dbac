import type { StoreNames } from 'idb';
import type { RecallDB } from '$lib/db/schema';
import { withDefaults } from '$lib/db/settings';

/**
 * The kinds of record the learner owns: what sync shares with other devices
 * and a backup carries. Each is listed here once, with what sync, the
 * outbox, merge and backup need to know about it; they derive their
 * mappings from this table instead of each keeping its own.
 *
 * A kind's name is already on the wire and in files written: its backup
 * line ({"review": {…}}), the start of its server document's id
 * ("review:<key>", or the name alone for a kind with one record) and that
 * document's `type`. Never rename one.
 *
 * The table's order is a backup file's order. Its validity checks (valibot,
 * kept out of the pages that only queue changes) are in
 * backup/kind-schemas.ts, one per kind here.
 */
export const KINDS = {
	settings: {
		store: 'settings',
		/** One record, under this key (its document id is the kind's name). */
		only: 'user',
		merge: 'newest',
		scan: { step: 0, by: 'one' },
		noun: 'settings',
		/** A copy written by an older version lacks later settings: they take their defaults. */
		fill: withDefaults
	},
	review: {
		store: 'reviews',
		key: 'id',
		merge: 'grow-only',
		scan: { step: 4, by: 'time' },
		noun: 'review',
		/** The running totals of the log, and card states replayed from it (see bulk.ts). */
		alsoWrites: ['buckets', 'cardTotals', 'cards']
	},
	practice: { store: 'practice', key: 'id', merge: 'grow-only', scan: { step: 3, by: 'time' }, noun: 'practice answer' },
	marks: { store: 'marks', key: 'card_id', merge: 'newest', scan: { step: 1, by: 'key' }, noun: 'marks for' },
	report: {
		store: 'reports',
		key: 'id',
		merge: 'newest',
		scan: { step: 2, by: 'key' },
		noun: 'report',
		/** A note without a stamp counts from when it was written (a deleted note is a newer tombstone). */
		fill: <T extends { created: number; updated?: number }>(r: T): T => ({ ...r, updated: r.updated ?? r.created })
	},
	/** Cards the learner wrote (a deleted one is a tombstone without content). */
	ownCard: { store: 'ownCards', key: 'id', merge: 'newest', scan: { step: 5, by: 'key' }, noun: 'card of your own' },
	/** Personal notes on cards (an empty one is a deleted note). */
	note: { store: 'notes', key: 'card_id', merge: 'newest', scan: { step: 6, by: 'key' }, noun: 'note on' }
} as const satisfies Record<string, KindSpec>;

interface KindSpec {
	/** Its IndexedDB store. */
	store: StoreNames<RecallDB>;
	/** The field its records are keyed by: the store's key path, and the document id's tail. */
	key?: 'id' | 'card_id';
	/** For a kind with one record: that record's key in its store. */
	only?: string;
	/**
	 * How a copy from elsewhere meets this device's. 'grow-only': immutable,
	 * one record per key (the same key is the same record), removed only when
	 * undone on the device that gave it. 'newest': last writer wins, by the
	 * stamp {updated, device}; never deleted (a note's deletion is a tombstone).
	 */
	merge: 'grow-only' | 'newest';
	/**
	 * The first upload's step for this kind (devices part-way through keep the
	 * number in meta 'sync-scan': never renumber), and how it reads the store:
	 * the one record, a page by key, or a page by answer time (so another
	 * device replays answers in the order they happened).
	 */
	scan: { step: number; by: 'one' | 'key' | 'time' };
	/** What an import's message about a duplicate calls a record of this kind. */
	noun: string;
	/** What a copy from elsewhere (a server document, a backup line) is taken as before it is merged. */
	fill?: (record: never) => unknown;
	/** Stores besides its own that merging it writes. */
	alsoWrites?: readonly StoreNames<RecallDB>[];
}

export type Kind = keyof typeof KINDS;
type Spec<K extends Kind> = (typeof KINDS)[K];
export type StoreOf<K extends Kind> = Spec<K>['store'];
export type RecordOf<K extends Kind> = RecallDB[StoreOf<K>]['value'];

/** Kinds in the table's (a backup file's) order. */
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** Kinds with one record, keyed kinds, and those of each merge rule. */
export type OneKind = { [K in Kind]: Spec<K> extends { only: string } ? K : never }[Kind];
export type KeyedKind = Exclude<Kind, OneKind>;
export type GrowOnlyKind = { [K in Kind]: Spec<K>['merge'] extends 'grow-only' ? K : never }[Kind];
export type NewestKind = Exclude<Kind, GrowOnlyKind>;

export const isOne = (k: Kind): k is OneKind => 'only' in KINDS[k];
export const isGrowOnly = (k: Kind): k is GrowOnlyKind => KINDS[k].merge === 'grow-only';
export const GROW_ONLY = KIND_NAMES.filter(isGrowOnly);
export const NEWEST = KIND_NAMES.filter((k): k is NewestKind => !isGrowOnly(k));

/** The first upload's kinds, in its order of steps. */
export const SCAN_ORDER = [...KIND_NAMES].sort((a, b) => KINDS[a].scan.step - KINDS[b].scan.step);

/** The stores holding the learner's synced records. */
export const SYNCED_STORES = KIND_NAMES.map((k) => KINDS[k].store);

/** Every store a merge writes: the kinds' own, what merging them also writes, and `meta` (a sync checkpoint). */
export const MERGE_STORES: StoreNames<RecallDB>[] = [
	...new Set([...KIND_NAMES.flatMap((k) => [KINDS[k].store, ...((KINDS[k] as KindSpec).alsoWrites ?? [])]), 'meta' as const])
];

/** A record's key in its store (the one record's fixed key for a kind with one). */
export function keyOf(kind: Kind, record: unknown): string {
	const spec: KindSpec = KINDS[kind];
	return spec.key ? String((record as Record<string, unknown>)[spec.key]) : (spec.only as string);
}

/** What a copy from elsewhere is taken as (settings with their defaults, a note with its stamp). */
export function fill<T>(kind: Kind, record: T): T {
	const spec: KindSpec = KINDS[kind];
	return spec.fill ? (spec.fill(record as never) as T) : record;
}

/** A server document's id: the kind, then the record's key ("review:<id>", "marks:<card>"); a kind with one record, its name ("settings"). */
const idOf = (kind: Kind, key?: string): string => (isOne(kind) ? kind : `${kind}:${key}`);

/** Document ids by kind, from a record's key. */
export const docId = Object.fromEntries(KIND_NAMES.map((k) => [k, (key?: string) => idOf(k, key)])) as {
	[K in Kind]: K extends OneKind ? () => string : (key: string) => string;
};

/** The server document id of a record of `kind`. */
export function docIdOf(kind: Kind, record: unknown): string {
	return idOf(kind, keyOf(kind, record));
}

/** Whether a name (a backup line's, a document id's start) is one of the table's kinds. */
export const isKind = (name: string): name is Kind => Object.hasOwn(KINDS, name);

/** The kind of record a server document id names, or undefined for one this app does not write. */
export function kindOf(id: string): Kind | undefined {
	if (isKind(id) && isOne(id)) return id;
	const kind = id.slice(0, id.indexOf(':'));
	return isKind(kind) && !isOne(kind) ? kind : undefined;
}

/** The record's key in its store for a document id of `kind` (kindOf's). */
export function storeKeyOf(kind: Kind, id: string): string {
	const spec: KindSpec = KINDS[kind];
	return spec.only ?? id.slice(kind.length + 1);
}
