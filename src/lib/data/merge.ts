import type { IDBPTransaction, StoreNames } from 'idb';
import type { Write } from '$lib/db/aggregates';
import { isNewer, type Stamp } from '$lib/db/device';
import type { RecallDB } from '$lib/db/schema';
import { withDefaults, type AppSettings } from '$lib/db/settings';
import {
	fill,
	isOne,
	keyOf,
	KINDS,
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
 * What merging records from elsewhere shares: backups (import.ts) and sync
 * (sync/pull.ts) both bring them in through BulkMerge (bulk.ts), for every
 * kind in the table (kinds.ts). Answers are a grow-only set keyed by id;
 * marks, notes and settings keep the newer copy by their stamps (takeNewer,
 * here); card states are replays of the merged log.
 */
export type MergeTx = IDBPTransaction<RecallDB, ArrayLike<StoreNames<RecallDB>>, 'readwrite'>;

/** A store of a synced kind, as the generic steps below use it (the table says which store and which key). */
interface KindStore {
	get(key: string): Promise<unknown>;
	put(value: unknown, key?: string): Promise<unknown>;
}
const storeOf = (tx: MergeTx, kind: Kind) => tx.objectStore(KINDS[kind].store) as unknown as KindStore;

/** Records of each grow-only kind (the answers), by store. */
export type Answers = { [K in GrowOnlyKind as StoreOf<K>]: RecordOf<K>[] };

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
