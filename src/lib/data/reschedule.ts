import type { FSRS } from 'ts-fsrs';
import { replay, type ReviewRecord } from '$lib/srs';
import type { RecallDatabase } from '$lib/db/open';

/** How many cards have a review history (and so would be rescheduled). */
export async function countCardsWithHistory(db: RecallDatabase): Promise<number> {
	return db.count('cards');
}

/**
 * Recomputes every answered card's state by replaying its review log with
 * the scheduler `f` (new settings), in one transaction. Returns the count.
 */
export async function rescheduleAll(db: RecallDatabase, f: FSRS): Promise<number> {
	const tx = db.transaction(['cards', 'reviews'], 'readwrite');
	const logs = await tx.objectStore('reviews').getAll();
	const byCard = new Map<string, ReviewRecord[]>();
	for (const l of logs) {
		const list = byCard.get(l.card_id);
		if (list) list.push(l);
		else byCard.set(l.card_id, [l]);
	}
	const cards = tx.objectStore('cards');
	const writes: Promise<unknown>[] = [];
	for (const [card_id, list] of byCard) {
		const state = replay(f, card_id, list);
		if (state) writes.push(cards.put(state));
	}
	await Promise.all([...writes, tx.done]);
	return byCard.size;
}
