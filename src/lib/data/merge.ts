import type { IDBPTransaction, StoreNames } from 'idb';
import type { FSRS } from 'ts-fsrs';
import { replay, type ReviewRecord } from '$lib/srs';
import { aggregateWrites, type Write } from '$lib/db/aggregates';
import { issue } from '$lib/db/commit';
import { isNewer, type Stamp } from '$lib/db/device';
import type { RecallDatabase } from '$lib/db/open';
import type { CardMarks, CardReport, PracticeRecord, RecallDB } from '$lib/db/schema';
import { withDefaults, type AppSettings } from '$lib/db/settings';

/**
 * The one merge path: backups (import.ts) and sync (pull) both bring in
 * records through these steps. Answers are a grow-only set keyed by id;
 * marks, notes and settings keep the newer copy by their stamps; card
 * states are replays of the merged log.
 */
export type MergeTx = IDBPTransaction<RecallDB, ArrayLike<StoreNames<RecallDB>>, 'readwrite'>;

/**
 * The answers among `reviews` and `practice` whose ids are not here yet, and
 * the writes that add them with the running totals they change. With
 * `empty`, the store is known to be empty (a restore), so nothing is looked up.
 */
export async function addAnswers(
	tx: MergeTx,
	reviews: readonly ReviewRecord[],
	practice: readonly PracticeRecord[],
	empty: { reviews: boolean; practice: boolean } = { reviews: false, practice: false }
): Promise<{ writes: Write[]; fresh: ReviewRecord[]; freshPractice: PracticeRecord[] }> {
	const r = tx.objectStore('reviews');
	const p = tx.objectStore('practice');
	const [haveR, haveP] = await Promise.all([
		empty.reviews ? [] : Promise.all(reviews.map((x) => r.getKey(x.id))),
		empty.practice ? [] : Promise.all(practice.map((x) => p.getKey(x.id)))
	]);
	const fresh = reviews.filter((_x, i) => haveR[i] === undefined);
	const freshPractice = practice.filter((_x, i) => haveP[i] === undefined);
	const totals = await aggregateWrites(tx, fresh, 1);
	return { writes: [...fresh.map((x) => () => r.add(x)), ...totals, ...freshPractice.map((x) => () => p.add(x))], fresh, freshPractice };
}

export interface Taken {
	writes: Write[];
	marks: { taken: number; kept: number };
	reports: { taken: number; kept: number };
	/** The settings now in force, and whether they came from the incoming copy. */
	settings: { value: AppSettings; taken: boolean };
}

/**
 * Marks, notes and settings: each incoming record is taken where this
 * device has none or an older one (last writer wins, by time, then device).
 */
export async function takeNewer(
	tx: MergeTx,
	incoming: { marks: readonly CardMarks[]; reports: readonly CardReport[]; settings?: AppSettings },
	replaceSettings = false
): Promise<Taken> {
	const writes: Write[] = [];
	const keepNewer = async <T extends Stamp>(items: readonly T[], get: (r: T) => Promise<T | undefined>, put: (r: T) => Promise<unknown>) => {
		const local = await Promise.all(items.map(get));
		let taken = 0;
		items.forEach((r, i) => {
			const mine = local[i];
			if (!mine || isNewer(r, mine)) {
				writes.push(() => put(r));
				taken++;
			}
		});
		return { taken, kept: items.length - taken };
	};
	const marks = tx.objectStore('marks');
	const m = await keepNewer(
		incoming.marks,
		(r) => marks.get(r.card_id),
		(r) => marks.put(r)
	);
	// A deleted note is a newer tombstone; a note without a stamp counts from when it was written.
	const reports = tx.objectStore('reports');
	const r = await keepNewer(
		incoming.reports.map((x): CardReport => ({ ...x, updated: x.updated ?? x.created })),
		(x) => reports.get(x.id),
		(x) => reports.put(x)
	);
	const store = tx.objectStore('settings');
	const mine = await store.get('user');
	let settings = { value: withDefaults(mine), taken: false };
	if (incoming.settings && (replaceSettings || !mine || isNewer(incoming.settings, mine))) {
		const next = incoming.settings;
		writes.push(() => store.put(next, 'user'));
		settings = { value: withDefaults(next), taken: true };
	}
	return { writes, marks: m, reports: r, settings };
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

/** Records from elsewhere (a batch of the server's changes), and documents deleted there. */
export interface MergeBatch {
	reviews: ReviewRecord[];
	practice: PracticeRecord[];
	marks: CardMarks[];
	reports: CardReport[];
	settings?: AppSettings;
	/** Answers undone on the device that gave them. */
	removedReviews: string[];
	removedPractice: string[];
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

export const MERGE_STORES = ['reviews', 'practice', 'buckets', 'cardTotals', 'cards', 'marks', 'reports', 'settings', 'meta'] as const;

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
	const tx = db.transaction([...MERGE_STORES], 'readwrite', { durability: 'strict' });
	const pending: Promise<unknown>[] = [];
	const touched = new Set<string>();

	// Removals first, issued before the additions read the running totals, so both see each other's writes.
	const reviews = tx.objectStore('reviews');
	const removed = (await Promise.all(batch.removedReviews.map((id) => reviews.get(id)))).filter((r): r is ReviewRecord => r !== undefined);
	for (const r of removed) touched.add(r.card_id);
	const practice = tx.objectStore('practice');
	pending.push(
		...issue(tx, [
			...(await aggregateWrites(tx, removed, -1)),
			...removed.map((r) => () => reviews.delete(r.id)),
			...batch.removedPractice.map((id) => () => practice.delete(id))
		])
	);

	const added = await addAnswers(tx, batch.reviews, batch.practice);
	for (const r of added.fresh) touched.add(r.card_id);
	pending.push(...issue(tx, added.writes));

	const before = withDefaults(await tx.objectStore('settings').get('user'));
	const taken = await takeNewer(tx, batch);
	pending.push(...issue(tx, taken.writes));

	const replays = await replayCards(tx, touched, schedulerFor(taken.settings.value));
	pending.push(...issue(tx, [...replays, ...alsoWrite(tx)]));
	await Promise.all([...pending, tx.done]);
	return {
		reviewsAdded: added.fresh.length,
		reviewsRemoved: removed.length,
		practiceAdded: added.freshPractice.length,
		marksTaken: taken.marks.taken,
		reportsTaken: taken.reports.taken,
		settingsTaken: taken.settings.taken,
		cardsReplayed: [...touched],
		settings: taken.settings.value,
		before
	};
}
