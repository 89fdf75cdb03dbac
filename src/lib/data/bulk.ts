import type { FSRS } from 'ts-fsrs';
import { isOwnCardId } from './own-ids';
import { isPlausibleTime, replay, replayOnto, type CardState, type ReviewRecord } from '$lib/srs';
import { addToAggregates, deltaWrites, emptyAggregates, isForget, rebuildTotals, recompute, type Write } from '$lib/db/aggregates';
import { commit } from '$lib/db/commit';
import { putMeta, readMeta } from '$lib/db/meta';
import type { RecallDatabase } from '$lib/db/open';
import { GROW_ONLY, keyOf, KINDS, MERGE_STORES, type GrowOnlyKind, type RecordOf } from './kinds';
import { withLock } from './lock';
import { takeNewer, type Answers, type MergeTx, type Newest } from './merge';

/**
 * Many batches of answers from elsewhere (an import, a sync), merged at
 * the storage's speed. Each batch is one transaction that adds the answers
 * whose ids are new, and nothing else: no card is replayed and no running
 * total is read or written per batch. The totals the batches add are kept
 * here in memory, and each card's new answers too (up to a bound); finish()
 * then adds the totals to the stored ones once, and brings each touched
 * card's state up to date once: its new answers applied on top of its
 * state when they all come after it (the common case: another device's
 * newer answers), else a replay of its whole log.
 *
 * A crash between the first batch and finish() leaves answers in the log
 * that the totals and the cards' states lack. So the first batch writes a
 * marker (meta 'bulk-pending', with the cards touched so far) that finish()
 * deletes; whoever finds it with no merge running repairs what it names
 * (BulkMerge.repair). The merge holds the Web Lock LOCK while it
 * runs, so a live merge in another tab or worker is never mistaken for a
 * crashed one.
 */

/** Held while a bulk merge runs, from its first batch to the end of finish(). */
export const LOCK = 'roadmap-recall-bulk';
/** New answers kept in memory to apply on top of states: past this, cards are replayed from the log instead. */
const KEEP = 50_000;
/** Cards brought up to date per transaction in finish(). */
const CARDS_PER_TX = 200;

/** A batch: answers (by store), and for a sync, answers undone elsewhere and newer marks, notes and settings. */
export type BulkBatch = Answers & Partial<Newest> & { removed?: Partial<Record<keyof Answers, string[]>> };

export interface BulkOptions {
	/** The answer stores are known to be empty (a restore): every id is new, none is looked up. */
	empty?: boolean;
	/** Whether a card is in this version's decks. Answers to others are kept, but make no card state. */
	known?: (card_id: string) => boolean;
	/** For the rule on answers from a wrong clock (isPlausibleTime). */
	now: number;
}

export interface BatchOutcome {
	fresh: Answers;
	/** Answers in the batch that were here already. */
	present: number;
	/** Answers undone elsewhere, found and deleted here. */
	removed: number;
	/** Marks, notes and settings taken (a sync's batch). */
	taken?: Awaited<ReturnType<typeof takeNewer>>;
}

export interface Finished {
	/** Cards whose new answers were applied on top of their states. */
	appliedOnto: number;
	/** Cards replayed from their whole log. */
	replayed: number;
	/** Cards left as they were (finish's `only` said so, or the card is in no deck). */
	skipped: number;
}

export class BulkMerge {
	/** What the batches committed so far added, for the learner to read. */
	readonly counts = { reviewsAdded: 0, reviewsPresent: 0, reviewsRemoved: 0, practiceAdded: 0, oddTimes: 0, unknownCards: 0 };
	/** New answers dated before 2020 or more than a day ahead, as merged (the first few, for the learner to see). */
	readonly odd: ReviewRecord[] = [];
	/** Answers to cards in no deck of this version, by card. */
	readonly unknown = new Map<string, number>();
	private readonly delta = emptyAggregates();
	/** Each touched card's new answers, or null: too many to keep, or some were removed (replay the log). */
	private readonly touched = new Map<string, ReviewRecord[] | null>();
	/** Cards with answers taken away: their totals are counted again from their log. */
	private readonly recount = new Set<string>();
	private kept = 0;
	/** How many touched cards the marker names. */
	private marked = -1;

	/** Set for a repair: the totals are rebuilt from the whole log instead of added to. */
	private rebuild = false;

	constructor(
		private readonly db: RecallDatabase,
		private readonly options: BulkOptions
	) {}

	/**
	 * Finishes a bulk merge that was cut short (a crash, a closed tab): if the
	 * marker is here and no merge holds the lock, the running totals are
	 * rebuilt from the log and the cards it names replayed. Whether it
	 * repaired anything. Bulk merges call it before they start; pages, when
	 * they open the database and find the marker.
	 */
	static async repair(db: RecallDatabase, f: FSRS, options: BulkOptions, locked = false): Promise<boolean> {
		const run = async () => {
			const pending = await readMeta(db, 'bulk-pending');
			if (!pending) return false;
			const bulk = new BulkMerge(db, options);
			bulk.rebuild = true;
			bulk.marked = pending.cards.length;
			for (const id of pending.cards) bulk.touched.set(id, null);
			await bulk.finish(f);
			return true;
		};
		return (await (locked ? run() : withLock(LOCK, run, true))) ?? false;
	}

	/** Whether a committed batch added or removed answers of this card. */
	touches(card_id: string): boolean {
		return this.touched.has(card_id);
	}

	/** The cards whose answers committed batches added or removed: what the views showing them must read again. */
	touchedCards(): string[] {
		return [...this.touched.keys()];
	}

	/** Whether any batch has committed (finish() then has work to do). */
	get started(): boolean {
		return this.marked >= 0;
	}

	/**
	 * Merges one batch in one transaction, with the caller's own writes
	 * (a sync's checkpoint) in it too: all of them commit, or none.
	 */
	async add(batch: BulkBatch, alsoWrite: (tx: MergeTx) => Write[] = () => []): Promise<BatchOutcome> {
		const newest = 'marks' in batch;
		const tx = this.db.transaction(newest ? MERGE_STORES : [...GROW_ONLY.map((k) => KINDS[k].store), 'meta'], 'readwrite', {
			durability: 'relaxed'
		}) as MergeTx;
		const writes: Write[] = [];
		const removed = await this.removals(tx, batch.removed ?? {}, writes);
		const fresh = await this.freshOf(tx, batch);
		for (const kind of GROW_ONLY) {
			const store = tx.objectStore(KINDS[kind].store) as unknown as { add(v: unknown): Promise<unknown> };
			for (const r of fresh[KINDS[kind].store]) writes.push(() => store.add(r));
		}
		const taken = newest ? await takeNewer(tx, batch as Newest) : undefined;
		if (taken) writes.push(...taken.writes);
		// The marker names every card the log may now be ahead of: written again only when that set grows.
		const cards = new Set(this.touched.keys());
		for (const r of [...fresh.reviews, ...removed]) cards.add(r.card_id);
		if (cards.size > this.marked) {
			const marker = { started: this.options.now, cards: [...cards] };
			writes.push(() => putMeta(tx.objectStore('meta'), 'bulk-pending', marker));
		}
		writes.push(...alsoWrite(tx));
		await commit(tx, writes);
		// Committed: only now do the batch's answers count here.
		this.marked = Math.max(this.marked, cards.size);
		for (const r of removed) {
			addToAggregates(this.delta, r, -1);
			this.touched.set(r.card_id, null);
			this.recount.add(r.card_id);
		}
		for (const r of fresh.reviews) this.took(r);
		const present = batch.reviews.length - fresh.reviews.length;
		this.counts.reviewsAdded += fresh.reviews.length;
		this.counts.reviewsPresent += present;
		this.counts.reviewsRemoved += removed.length;
		this.counts.practiceAdded += fresh.practice.length;
		for (const p of fresh.practice) if (!isPlausibleTime(p.review, this.options.now)) this.counts.oddTimes++;
		return { fresh, present, removed: removed.length, taken };
	}

	/** Counts one committed new answer: its totals, its card, and whether it can schedule. */
	private took(r: ReviewRecord): void {
		addToAggregates(this.delta, r, 1);
		const list = this.touched.get(r.card_id);
		if (list === null) {
			// Replayed from the log already.
		} else if (this.kept < KEEP) {
			if (list) list.push(r);
			else this.touched.set(r.card_id, [r]);
			this.kept++;
		} else this.touched.set(r.card_id, null);
		if (!isPlausibleTime(r.review, this.options.now)) {
			this.counts.oddTimes++;
			if (this.odd.length < 5) this.odd.push(r);
		}
		// A card the learner wrote is known wherever its record is (it may come later in the same sync).
		if (this.options.known && !this.options.known(r.card_id) && !isOwnCardId(r.card_id)) {
			this.counts.unknownCards++;
			this.unknown.set(r.card_id, (this.unknown.get(r.card_id) ?? 0) + 1);
		}
	}

	/** The answers of the batch whose ids are not here yet (all of them, into empty stores). */
	private async freshOf(tx: MergeTx, batch: Answers): Promise<Answers> {
		const fresh = {} as Record<keyof Answers, unknown[]>;
		await Promise.all(
			GROW_ONLY.map(async (kind) => {
				const name = KINDS[kind].store;
				const items = batch[name] as RecordOf<GrowOnlyKind>[];
				if (this.options.empty) {
					fresh[name] = items;
					return;
				}
				const store = tx.objectStore(name);
				const have = await Promise.all(items.map((x) => store.getKey(keyOf(kind, x))));
				fresh[name] = items.filter((_x, i) => have[i] === undefined);
			})
		);
		return fresh as Answers;
	}

	/** Answers undone elsewhere that are here: their deletions join `writes`; the review log's are returned. */
	private async removals(tx: MergeTx, keys: Partial<Record<keyof Answers, string[]>>, writes: Write[]): Promise<ReviewRecord[]> {
		let reviews: ReviewRecord[] = [];
		for (const kind of GROW_ONLY) {
			const name = KINDS[kind].store;
			const store = tx.objectStore(name);
			const found = (await Promise.all((keys[name] ?? []).map((key) => store.get(key)))).filter((r) => r !== undefined);
			for (const r of found) writes.push(() => store.delete(keyOf(kind, r)));
			if (name === 'reviews') reviews = found as ReviewRecord[];
		}
		return reviews;
	}

	/**
	 * Adds the merged answers' totals to the stored ones, and brings every
	 * touched card's state up to date with `f` (the settings in force),
	 * except cards `only` leaves out (an import restores exact states) and
	 * cards in no deck. The last transaction deletes the marker.
	 */
	async finish(f: FSRS, only: (card_id: string) => boolean = () => true, onProgress?: (done: number, total: number) => void): Promise<Finished> {
		const result: Finished = { appliedOnto: 0, replayed: 0, skipped: 0 };
		if (!this.started) return result;
		if (this.rebuild) {
			const tx = this.db.transaction(['buckets', 'cardTotals', 'reviews'], 'readwrite');
			await Promise.all([rebuildTotals(tx), tx.done]);
		} else await this.addTotals();
		const ids = [...this.touched.keys()].filter((id) => {
			const go = only(id) && (isOwnCardId(id) || (this.options.known?.(id) ?? true));
			if (!go) result.skipped++;
			return go;
		});
		for (let i = 0; i < ids.length || i === 0; i += CARDS_PER_TX) {
			const last = i + CARDS_PER_TX >= ids.length;
			const tx = this.db.transaction(['cards', 'reviews', 'cardTotals', 'meta'], 'readwrite');
			const writes = await this.bringUpToDate(tx, ids.slice(i, i + CARDS_PER_TX), f, result);
			if (last) writes.push(() => tx.objectStore('meta').delete('bulk-pending'));
			await commit(tx, writes);
			onProgress?.(Math.min(i + CARDS_PER_TX, ids.length), ids.length);
		}
		return result;
	}

	/**
	 * Adds the totals kept in memory to the stored ones, in one transaction.
	 * A card that lost answers is counted again from its log instead (the
	 * log says which of its answers are now its first and last).
	 */
	private async addTotals(): Promise<void> {
		const tx = this.db.transaction(['buckets', 'cardTotals', 'reviews'], 'readwrite');
		const byCard = tx.objectStore('reviews').index('by-card');
		const recount = [...this.recount];
		for (const id of recount) this.delta.cards.delete(id);
		const [writes, logs] = await Promise.all([deltaWrites(tx, this.delta), Promise.all(recount.map((id) => byCard.getAll(id)))]);
		const totals = tx.objectStore('cardTotals');
		recount.forEach((id, i) => {
			const t = recompute(logs[i] ?? []).cards.get(id);
			writes.push(t ? () => totals.put(t) : () => totals.delete(id));
		});
		await commit(tx, writes);
	}

	/** The writes that bring these cards' states up to date, read and computed in the caller's transaction. */
	private async bringUpToDate(tx: MergeTx, ids: readonly string[], f: FSRS, result: Finished): Promise<Write[]> {
		const cards = tx.objectStore('cards');
		const byCard = tx.objectStore('reviews').index('by-card');
		const [states, totals] = await Promise.all([
			Promise.all(ids.map((id) => cards.get(id))),
			Promise.all(ids.map((id) => tx.objectStore('cardTotals').get(id)))
		]);
		const plausible = (logs: readonly ReviewRecord[]) => logs.filter((l) => isPlausibleTime(l.review, this.options.now));
		return Promise.all(
			ids.map(async (id, i): Promise<Write> => {
				const mine = this.touched.get(id);
				const state = states[i];
				let next: CardState | undefined;
				if (mine && state) next = replayOnto(f, state, plausible(mine));
				else if (mine && !state && totals[i]?.answers === mine.filter((l) => !isForget(l)).length) next = replay(f, id, plausible(mine));
				if (next) result.appliedOnto++;
				else {
					// Answers before the new ones, or some taken away: the whole log, once.
					next = replay(f, id, plausible(await byCard.getAll(id)));
					result.replayed++;
				}
				const put = next;
				return put ? () => cards.put(put) : () => cards.delete(id);
			})
		);
	}
}
