import { startOfDay } from '$lib/srs/day';
import type { CardState, ReviewRecord } from '$lib/srs/types';
import type { RecallDatabase } from './open';
import { DEFAULT_SETTINGS, type AppSettings } from './settings';

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
