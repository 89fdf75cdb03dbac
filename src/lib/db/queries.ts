import type { FSRS, Grade } from 'ts-fsrs';
import { grade, startOfDay, type CardState, type ReviewRecord } from '$lib/srs';
import { newId } from './ids';
import type { RecallDatabase } from './open';
import { DEFAULT_SETTINGS, type AppSettings } from './settings';

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

/** Every stored card state, by card id. */
export async function getAllStates(db: RecallDatabase): Promise<Map<string, CardState>> {
	const all = await db.getAll('cards');
	return new Map(all.map((s) => [s.card_id, s]));
}

/** The review records of the learner's current day. */
export async function getReviewsToday(db: RecallDatabase, now: number, dayStartHour: number): Promise<ReviewRecord[]> {
	return db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(startOfDay(now, dayStartHour)));
}

/** Every review record of one card, oldest first. */
export async function getCardReviews(db: RecallDatabase, card_id: string): Promise<ReviewRecord[]> {
	const logs = await db.getAllFromIndex('reviews', 'by-card', card_id);
	return logs.sort((a, b) => a.review - b.review);
}

export async function getSettings(db: RecallDatabase): Promise<AppSettings> {
	const stored = await db.get('settings', 'user');
	return { ...DEFAULT_SETTINGS, ...stored };
}

export async function saveSettings(db: RecallDatabase, settings: AppSettings): Promise<void> {
	await db.put('settings', settings, 'user');
}
