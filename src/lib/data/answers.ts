import type { FSRS, Grade } from 'ts-fsrs';
import { forget, grade, introducedSince, isStudied, State, type CardState, type ReviewRecord } from '$lib/srs';
import { aggregateWrites, storedTotalsOf } from '$lib/db/aggregates';
import { deviceId } from '$lib/db/device';
import { newId } from '$lib/db/ids';
import type { RecallDatabase } from '$lib/db/open';
import type { SavedReview } from '$lib/db/meta';
import type { CardMarks, PracticeRecord } from '$lib/db/schema';
import { NO_MARKS } from '$lib/db/settings';
import { docId, isSyncOn, queueForSync } from './outbox';
import { commit } from '$lib/db/commit';

export { commit } from '$lib/db/commit';

export interface Answer {
	card_id: string;
	rating: Grade;
	now: number;
	duration: number;
}

export type { SavedReview } from '$lib/db/meta';

/**
 * Saves one answer: reads the card's current state, computes the next one and
 * writes the log record and the state (and a leech mark, if this lapse makes
 * one) in a single transaction. Resolves only once the transaction has
 * committed, so the caller may count it as saved.
 */
export async function recordReview(
	db: RecallDatabase,
	f: FSRS,
	answer: Answer,
	options: {
		leechThreshold?: number;
		/**
		 * Today's new-card limit, checked in this transaction: with several tabs
		 * open, only this count of new cards can be introduced since `dayStart`.
		 */
		newLimit?: { limit: number; dayStart: number };
	} = {}
): Promise<SavedReview> {
	const device = await deviceId(db);
	// Strict durability: the commit waits for the disk, so a saved answer survives a crash or power loss.
	const tx = db.transaction(['cards', 'reviews', 'marks', 'meta', 'buckets', 'cardTotals', 'outbox'], 'readwrite', { durability: 'strict' });
	const cards = tx.objectStore('cards');
	const marks = tx.objectStore('marks');
	// Every read the save needs goes out at once, the running totals' and the outbox's too: their keys are known
	// before the answer is graded. One round trip to the database, not two, before the writes.
	const [before, marksBefore, stored, syncOn] = await Promise.all([
		cards.get(answer.card_id),
		marks.get(answer.card_id),
		storedTotalsOf(tx, answer.card_id, answer.now),
		isSyncOn(tx)
	]);
	if (options.newLimit && !isStudied(before)) {
		const today = await tx.objectStore('reviews').index('by-time').getAll(IDBKeyRange.lowerBound(options.newLimit.dayStart));
		const introduced = introducedSince(today, options.newLimit.dayStart);
		if (!introduced.has(answer.card_id) && introduced.size >= options.newLimit.limit) {
			tx.abort();
			await tx.done.catch(() => undefined);
			throw new NewCardLimitError(options.newLimit.limit);
		}
	}
	const { state, log } = grade(f, { ...answer, state: before, id: newId() });
	const threshold = options.leechThreshold ?? 0;
	const lapsed = before?.state === State.Review && state.lapses > before.lapses;
	const leech = threshold > 0 && lapsed && state.lapses >= threshold && !marksBefore?.leech;
	const marksAfter: CardMarks | undefined = leech
		? { ...NO_MARKS, ...marksBefore, card_id: answer.card_id, leech: true, suspended: true, updated: answer.now, device }
		: marksBefore;
	const saved: SavedReview = { log, before, state, marksBefore, marksAfter, leech };
	// The running totals change with the log, in this transaction: they can never disagree with it.
	const [totals, queued] = await Promise.all([
		aggregateWrites(tx, [log], 1, stored),
		queueForSync(
			tx,
			[{ key: docId.review(log.id), op: 'put' }, ...(leech ? [{ key: docId.marks(answer.card_id), op: 'put' as const }] : [])],
			Date.now(),
			syncOn
		)
	]);
	await commit(tx, [
		...queued,
		// add(), not put(): a log record is never overwritten.
		() => tx.objectStore('reviews').add(log),
		() => cards.put(state),
		...totals,
		...(leech && marksAfter ? [() => marks.put(marksAfter)] : [])
	]);
	return saved;
}

/** Thrown when today's new cards were all introduced meanwhile (in another tab): nothing was written. */
export class NewCardLimitError extends Error {
	constructor(limit: number) {
		super(`Today's ${limit} new ${limit === 1 ? 'card was' : 'cards were'} already introduced, in another tab or window; this card stays new.`);
		this.name = 'NewCardLimitError';
	}
}

/** Thrown when an undo would overwrite an answer given since (in another tab). */
export class UndoConflictError extends Error {
	constructor(card_id: string, why = 'was answered again since, in another tab or window') {
		super(`Card ${card_id} ${why}; nothing was undone.`);
		this.name = 'UndoConflictError';
	}
}

const sameState = (a: CardState | undefined, b: CardState | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoes one saved answer in one transaction: removes its log record and puts
 * back the exact earlier card state and marks, provided nothing changed since.
 */
export async function undoReview(db: RecallDatabase, saved: SavedReview): Promise<void> {
	const tx = db.transaction(['cards', 'reviews', 'marks', 'buckets', 'cardTotals', 'meta', 'outbox'], 'readwrite');
	const cards = tx.objectStore('cards');
	const [current, present] = await Promise.all([cards.get(saved.log.card_id), tx.objectStore('reviews').getKey(saved.log.id)]);
	// The answer itself must still be there too (a backup may have replaced everything since): the totals take off only what the log holds.
	if (!sameState(current, saved.state) || present === undefined) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new UndoConflictError(saved.log.card_id, present === undefined ? 'no longer has this answer (the data was replaced or reset since)' : undefined);
	}
	const marks = tx.objectStore('marks');
	// The removed record comes off the running totals too, which then are as before the answer.
	const totals = await aggregateWrites(tx, [saved.log], -1);
	// If the answer reached the server already, its document is deleted there too.
	const queued = await queueForSync(tx, [
		{ key: docId.review(saved.log.id), op: 'delete' },
		...(saved.leech ? [{ key: docId.marks(saved.log.card_id), op: 'put' as const }] : [])
	]);
	await commit(tx, [
		...queued,
		() => tx.objectStore('reviews').delete(saved.log.id),
		() => (saved.before ? cards.put(saved.before) : cards.delete(saved.log.card_id)),
		() => (saved.marksBefore ? marks.put(saved.marksBefore) : marks.delete(saved.log.card_id)),
		...totals
	]);
}

/** A saved forget, so it can be undone exactly. */
export interface SavedForget {
	/** The forget's record in the review log (rating 0). */
	log: ReviewRecord;
	before: CardState;
	state: CardState;
}

/** Thrown when a card cannot be forgotten: never answered, or new already. */
export class NothingToForgetError extends Error {
	constructor(card_id: string) {
		super(`Card ${card_id} is new already; there is nothing to forget.`);
		this.name = 'NothingToForgetError';
	}
}

/**
 * Resets a card to new ("forget"): writes a forget record (rating 0) to the
 * review log, the source of truth, so every replay (import, reschedule)
 * comes to the same new state, and puts that state, in one transaction.
 * The running totals are not touched: a forget is not an answer. Marks stay.
 */
export async function recordForget(db: RecallDatabase, f: FSRS, card_id: string, now: number): Promise<SavedForget> {
	const tx = db.transaction(['cards', 'reviews', 'meta', 'outbox'], 'readwrite', { durability: 'strict' });
	const cards = tx.objectStore('cards');
	const before = await cards.get(card_id);
	if (!isStudied(before)) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new NothingToForgetError(card_id);
	}
	const { state, log } = forget(f, { card_id, state: before, now, id: newId() });
	const queued = await queueForSync(tx, [{ key: docId.review(log.id), op: 'put' }]);
	await commit(tx, [...queued, () => tx.objectStore('reviews').add(log), () => cards.put(state)]);
	return { log, before, state };
}

/**
 * Undoes a forget in one transaction: removes its record and puts back the
 * exact earlier state, provided the card was not answered (or changed) since.
 */
export async function undoForget(db: RecallDatabase, saved: SavedForget): Promise<void> {
	const tx = db.transaction(['cards', 'reviews', 'meta', 'outbox'], 'readwrite');
	const cards = tx.objectStore('cards');
	const [current, present] = await Promise.all([cards.get(saved.log.card_id), tx.objectStore('reviews').getKey(saved.log.id)]);
	if (!sameState(current, saved.state) || present === undefined) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new UndoConflictError(saved.log.card_id, present === undefined ? 'no longer has this forget (the data was replaced or reset since)' : undefined);
	}
	const queued = await queueForSync(tx, [{ key: docId.review(saved.log.id), op: 'delete' }]);
	await commit(tx, [...queued, () => tx.objectStore('reviews').delete(saved.log.id), () => cards.put(saved.before)]);
}

/** Saves a practice answer: its own store, never the schedule. */
export async function recordPractice(db: RecallDatabase, record: Omit<PracticeRecord, 'id'>): Promise<PracticeRecord> {
	const saved = { ...record, id: newId() };
	const tx = db.transaction(['practice', 'meta', 'outbox'], 'readwrite');
	const queued = await queueForSync(tx, [{ key: docId.practice(saved.id), op: 'put' }]);
	await commit(tx, [...queued, () => tx.objectStore('practice').add(saved)]);
	return saved;
}

export async function undoPractice(db: RecallDatabase, record: PracticeRecord): Promise<void> {
	const tx = db.transaction(['practice', 'meta', 'outbox'], 'readwrite');
	const queued = await queueForSync(tx, [{ key: docId.practice(record.id), op: 'delete' }]);
	await commit(tx, [...queued, () => tx.objectStore('practice').delete(record.id)]);
}

/** Changes a card's marks; returns them as they were before, for undo. */
export async function setMarks(
	db: RecallDatabase,
	card_id: string,
	patch: Partial<Omit<CardMarks, 'card_id'>>,
	now = Date.now()
): Promise<{ before: CardMarks | undefined; after: CardMarks }> {
	const device = await deviceId(db);
	const tx = db.transaction(['marks', 'meta', 'outbox'], 'readwrite');
	const marks = tx.objectStore('marks');
	const before = await marks.get(card_id);
	const after: CardMarks = { ...NO_MARKS, ...before, ...patch, card_id, updated: now, device };
	const queued = await queueForSync(tx, [{ key: docId.marks(card_id), op: 'put' }], now);
	await commit(tx, [...queued, () => marks.put(after)]);
	return { before, after };
}

/**
 * Puts a card's marks back as they were (an undo). Locally it is the earlier
 * record, stamp and all; when sync is on, the undo is a change like any
 * other, stamped now, so it wins over the undone marks on every device.
 */
export async function restoreMarks(db: RecallDatabase, card_id: string, before: CardMarks | undefined, now = Date.now()): Promise<void> {
	const device = await deviceId(db);
	const tx = db.transaction(['marks', 'meta', 'outbox'], 'readwrite');
	const marks = tx.objectStore('marks');
	const queued = await queueForSync(tx, [{ key: docId.marks(card_id), op: 'put' }], now);
	const restored: CardMarks | undefined = queued.length > 0 ? { ...NO_MARKS, ...before, card_id, updated: now, device } : before;
	await commit(tx, [...queued, () => (restored ? marks.put(restored) : marks.delete(card_id))]);
}
