import type { FSRS } from 'ts-fsrs';
import { isPlausibleTime, replay } from '$lib/srs';
import type { RecallDatabase } from '$lib/db/open';

/** How many cards have a review history (and so would be rescheduled). */
export async function countCardsWithHistory(db: RecallDatabase): Promise<number> {
	return db.count('cards');
}

/** Cards whose logs are read at once: memory holds a slice of the log, not all of it. */
const SLICE = 200;

/**
 * Recomputes every answered card's state by replaying its review log with
 * the scheduler `f` (new settings), in one transaction, a slice of cards at
 * a time. Answers from a wrong clock are passed over, as in every replay
 * (isPlausibleTime). Returns how many cards were rescheduled.
 */
export async function rescheduleAll(db: RecallDatabase, f: FSRS, now = Date.now()): Promise<number> {
	const tx = db.transaction(['cards', 'reviews'], 'readwrite');
	const cards = tx.objectStore('cards');
	const byCard = tx.objectStore('reviews').index('by-card');
	// Every card with a record in the log, once each: the index's distinct keys, without reading a record.
	const ids: string[] = [];
	for (let c = await byCard.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) ids.push(c.key);
	const writes: Promise<unknown>[] = [];
	let done = 0;
	for (let i = 0; i < ids.length; i += SLICE) {
		const slice = ids.slice(i, i + SLICE);
		const logs = await Promise.all(slice.map((id) => byCard.getAll(id)));
		slice.forEach((id, k) => {
			const state = replay(
				f,
				id,
				(logs[k] ?? []).filter((l) => isPlausibleTime(l.review, now))
			);
			writes.push(state ? cards.put(state) : cards.delete(id));
			if (state) done++;
		});
	}
	await Promise.all([...writes, tx.done]);
	return done;
}
