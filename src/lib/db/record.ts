import type { FSRS, Grade } from 'ts-fsrs';
import { grade, type CardState, type ReviewRecord } from '$lib/srs';
import { newId } from './ids';
import type { RecallDatabase } from './open';

export interface Answer {
	card_id: string;
	rating: Grade;
	now: number;
	duration: number;
}

/**
 * Saves one answer: reads the card's current state, computes the next one and
 * writes the log record and the state in a single transaction. Resolves only
 * once the transaction has committed, so the caller may count it as saved.
 */
export async function recordReview(db: RecallDatabase, f: FSRS, answer: Answer): Promise<{ state: CardState; log: ReviewRecord }> {
	const tx = db.transaction(['cards', 'reviews'], 'readwrite');
	const cards = tx.objectStore('cards');
	const current = await cards.get(answer.card_id);
	const result = grade(f, { ...answer, state: current, id: newId() });
	// add(), not put(): a log record is never overwritten.
	await Promise.all([tx.objectStore('reviews').add(result.log), cards.put(result.state), tx.done]);
	return result;
}
