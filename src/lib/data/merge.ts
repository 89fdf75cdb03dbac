import type { IDBPTransaction, StoreNames } from 'idb';
import type { FSRS } from 'ts-fsrs';
import { replay } from '$lib/srs';
import { aggregateWrites, type Write } from '$lib/db/aggregates';
import { issue } from '$lib/db/commit';
import { isNewer, type Stamp } from '$lib/db/device';
import type { RecallDatabase } from '$lib/db/open';
import type { RecallDB } from '$lib/db/schema';
import { withDefaults, type AppSettings } from '$lib/db/settings';
import {
	fill,
	GROW_ONLY,
	isOne,
	keyOf,
	KIND_NAMES,
	KINDS,
	MERGE_STORES,
	NEWEST,
	type GrowOnlyKind,
	type Kind,
	type KeyedKind,
	type NewestKind,
	type OneKind,
	type RecordOf,
	type StoreOf
} from './kinds';

/**
 * The one merge path: backups (import.ts) and sync (pull) both bring in
 * records through these steps, for every kind in the table (kinds.ts).
 * Answers are a grow-only set keyed by id; marks, notes and settings keep
 * the newer copy by their stamps; card states are replays of the merged log.
 */
export type MergeTx = IDBPTransaction<RecallDB, ArrayLike<StoreNames<RecallDB>>, 'readwrite'>;

/** A store of a synced kind, as the generic steps below use it (the table says which store and which key). */
interface KindStore {
	get(key: string): Promise<unknown>;
	getKey(key: string): Promise<unknown>;
	add(value: unknown): Promise<unknown>;
	put(value: unknown, key?: string): Promise<unknown>;
	delete(key: string): Promise<void>;
}
const storeOf = (tx: MergeTx, kind: Kind) => tx.objectStore(KINDS[kind].store) as unknown as KindStore;

/** The stores adding answers writes: theirs, and the review log's running totals. */
export const ANSWER_STORES: StoreNames<RecallDB>[] = [...GROW_ONLY.map((k) => KINDS[k].store), 'buckets', 'cardTotals'];

/** Records of each grow-only kind (the answers), by store. */
export type Answers = { [K in GrowOnlyKind as StoreOf<K>]: RecordOf<K>[] };

/**
 * The answers among `incoming` whose ids are not here yet, and the writes
 * that add them with the running totals they change. A store named in
 * `empty` is known to be empty (a restore), so nothing is looked up in it.
 */
export async function addAnswers(
	tx: MergeTx,
	incoming: Answers,
	empty: Partial<Record<keyof Answers, boolean>> = {}
): Promise<{ writes: Write[]; fresh: Answers }> {
	const fresh = {} as Record<keyof Answers, { id: string }[]>;
	const writes: Write[] = [];
	await Promise.all(
		GROW_ONLY.map(async (kind) => {
			const name = KINDS[kind].store;
			const store = storeOf(tx, kind);
			const items = incoming[name];
			const have = empty[name] ? [] : await Promise.all(items.map((x) => store.getKey(keyOf(kind, x))));
			fresh[name] = items.filter((_x, i) => have[i] === undefined);
		})
	);
	for (const kind of GROW_ONLY) writes.push(...fresh[KINDS[kind].store].map((x) => () => storeOf(tx, kind).add(x)));
	// The review log's running totals change with it, in the same transaction.
	const added = fresh as Answers;
	writes.push(...(await aggregateWrites(tx, added.reviews, 1)));
	return { writes, fresh: added };
}

/** Records of each last-writer-wins kind from elsewhere, by store: a list, or the one record. */
export type Newest = { [K in Extract<NewestKind, KeyedKind> as StoreOf<K>]: readonly RecordOf<K>[] } & {
	[K in Extract<NewestKind, OneKind> as StoreOf<K>]?: RecordOf<K>;
};

export interface Taken {
	writes: Write[];
	/** Per store, how many incoming records were taken, and how many this device's newer copies kept out. */
	counts: Record<StoreOf<NewestKind>, { taken: number; kept: number }>;
	/** The settings now in force, and whether they came from the incoming copy. */
	settings: { value: AppSettings; taken: boolean };
}

/**
 * Marks, notes and settings: each incoming record (filled in as the table
 * says) is taken where this device has none or an older one (last writer
 * wins, by time, then device). With `replaceSettings`, the incoming settings
 * are taken whatever their stamp.
 */
export async function takeNewer(tx: MergeTx, incoming: Newest, replaceSettings = false): Promise<Taken> {
	const writes: Write[] = [];
	const counts = {} as Taken['counts'];
	let settingsTaken = false;
	for (const kind of NEWEST) {
		const spec: { store: StoreOf<NewestKind>; only?: string } = KINDS[kind];
		const store = storeOf(tx, kind);
		// The kind with one record (settings) comes as that record, or not at all.
		const given: unknown = incoming[spec.store];
		const items = (isOne(kind) ? (given ? [given] : []) : (given as unknown[])).map((r) => fill(kind, r as Stamp));
		const local = (await Promise.all(items.map((r) => store.get(keyOf(kind, r))))) as (Stamp | undefined)[];
		let taken = 0;
		items.forEach((r, i) => {
			const mine = local[i];
			if (!mine || (replaceSettings && isOne(kind)) || isNewer(r, mine)) {
				writes.push(() => (spec.only ? store.put(r, spec.only) : store.put(r)));
				taken++;
			}
		});
		counts[spec.store] = { taken, kept: items.length - taken };
		if (isOne(kind)) settingsTaken = taken > 0;
	}
	const settings = { value: withDefaults(settingsTaken ? incoming.settings : await tx.objectStore('settings').get('user')), taken: settingsTaken };
	return { writes, counts, settings };
}

/** Replays each card's whole log (as it stands in this transaction) into its state; a card left with no log loses its state. */
export async function replayCards(tx: MergeTx, cardIds: Iterable<string>, f: FSRS): Promise<Write[]> {
	const byCard = tx.objectStore('reviews').index('by-card');
	const cards = tx.objectStore('cards');
	const ids = [...cardIds];
	const logs = await Promise.all(ids.map((id) => byCard.getAll(id)));
	return ids.map((id, i) => {
		const state = replay(f, id, logs[i] ?? []);
		return state ? () => cards.put(state) : () => cards.delete(id);
	});
}

/** Records from elsewhere (a batch of the server's changes), by store, and documents deleted there. */
export type MergeBatch = Answers &
	Newest & {
		/** Answers undone on the device that gave them, by store: their keys. */
		removed: Record<keyof Answers, string[]>;
	};

/** A batch with nothing in it yet. */
export function emptyBatch(): MergeBatch {
	const lists = (kinds: readonly Kind[]) => Object.fromEntries(kinds.map((k) => [KINDS[k].store, []]));
	return { ...lists(KIND_NAMES.filter((k) => !isOne(k))), removed: lists(GROW_ONLY) } as unknown as MergeBatch;
}

export interface MergeResult {
	reviewsAdded: number;
	reviewsRemoved: number;
	practiceAdded: number;
	marksTaken: number;
	reportsTaken: number;
	settingsTaken: boolean;
	cardsReplayed: string[];
	/** The settings in force after the merge. */
	settings: AppSettings;
	before: AppSettings;
}

/**
 * Merges one batch in one transaction: new answers with their running
 * totals, removals, the newer marks, notes and settings, and every touched
 * card's state replayed from its merged log, in time order. `alsoWrite`
 * adds writes of the caller's (a sync checkpoint) to the same transaction,
 * so they commit together or not at all.
 */
export async function mergeBatch(
	db: RecallDatabase,
	batch: MergeBatch,
	schedulerFor: (s: AppSettings) => FSRS,
	alsoWrite: (tx: MergeTx) => Write[] = () => []
): Promise<MergeResult> {
	const tx = db.transaction(MERGE_STORES, 'readwrite', { durability: 'strict' });
	const pending: Promise<unknown>[] = [];

	// Removals first, issued before the additions read the running totals, so both see each other's writes.
	const removed = {} as Answers;
	await Promise.all(
		GROW_ONLY.map(async (kind) => {
			const name = KINDS[kind].store;
			const found = await Promise.all(batch.removed[name].map((key) => storeOf(tx, kind).get(key)));
			(removed as Record<keyof Answers, unknown[]>)[name] = found.filter((r) => r !== undefined);
		})
	);
	const removals = GROW_ONLY.flatMap((kind) => removed[KINDS[kind].store].map((r: RecordOf<GrowOnlyKind>) => () => storeOf(tx, kind).delete(keyOf(kind, r))));
	// The review log: its running totals, and the cards whose states replay it (below).
	const touched = new Set<string>(removed.reviews.map((r) => r.card_id));
	pending.push(...issue(tx, [...(await aggregateWrites(tx, removed.reviews, -1)), ...removals]));

	const added = await addAnswers(tx, batch);
	for (const r of added.fresh.reviews) touched.add(r.card_id);
	pending.push(...issue(tx, added.writes));

	const before = withDefaults(await tx.objectStore('settings').get('user'));
	const taken = await takeNewer(tx, batch);
	pending.push(...issue(tx, taken.writes));

	const replays = await replayCards(tx, touched, schedulerFor(taken.settings.value));
	pending.push(...issue(tx, [...replays, ...alsoWrite(tx)]));
	await Promise.all([...pending, tx.done]);
	return {
		reviewsAdded: added.fresh.reviews.length,
		reviewsRemoved: removed.reviews.length,
		practiceAdded: added.fresh.practice.length,
		marksTaken: taken.counts.marks.taken,
		reportsTaken: taken.counts.reports.taken,
		settingsTaken: taken.settings.taken,
		cardsReplayed: [...touched],
		settings: taken.settings.value,
		before
	};
}
