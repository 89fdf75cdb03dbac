import { docId, queueForSync } from './outbox';
import { commit } from '$lib/db/commit';
import type { CardState, ReviewRecord } from '$lib/srs/types';
import type { CardMarks, CardTotals, PracticeRecord } from '$lib/db/schema';
import { deviceId } from '$lib/db/device';
import { readMeta, writeMeta } from '$lib/db/meta';
import type { RecallDatabase } from '$lib/db/open';
import type { AppSettings } from '$lib/db/settings';

export { getAllMarks, getAllStates, getReviewsToday, getSettings, hiddenCards } from './reads';

/** Every review record of one card, oldest first. */
export async function getCardReviews(db: RecallDatabase, card_id: string): Promise<ReviewRecord[]> {
	const logs = await db.getAllFromIndex('reviews', 'by-card', card_id);
	return logs.sort((a, b) => a.review - b.review);
}

/** Saves the settings, stamped with the time and this device so merges keep the newer. */
export async function saveSettings(db: RecallDatabase, settings: AppSettings, now = Date.now()): Promise<void> {
	const device = await deviceId(db);
	const tx = db.transaction(['settings', 'meta', 'outbox'], 'readwrite');
	const queued = await queueForSync(tx, [{ key: docId.settings(), op: 'put' }], now);
	await commit(tx, [...queued, () => tx.objectStore('settings').put({ ...settings, updated: now, device }, 'user')]);
}

/** Every review record, oldest first. */
export async function getAllReviews(db: RecallDatabase): Promise<ReviewRecord[]> {
	return db.getAllFromIndex('reviews', 'by-time');
}

/** How many practice answers there are, and those since `from` (epoch ms), oldest first: a page reads days of them, not all. */
export async function getRecentPractice(db: RecallDatabase, from: number): Promise<{ total: number; recent: PracticeRecord[] }> {
	const [total, recent] = await Promise.all([db.count('practice'), db.getAllFromIndex('practice', 'by-time', IDBKeyRange.lowerBound(from))]);
	return { total, recent };
}

/** Every practice answer, oldest first. */
export async function getAllPractice(db: RecallDatabase): Promise<PracticeRecord[]> {
	return db.getAllFromIndex('practice', 'by-time');
}

/** The date the readiness page predicts for, kept on this device only (a backup import or a reset clears it). */
export function getReadinessDate(db: RecallDatabase): Promise<string | undefined> {
	return readMeta(db, 'readiness-date');
}

export function keepReadinessDate(db: RecallDatabase, date: string): Promise<void> {
	return writeMeta(db, 'readiness-date', date);
}

/** One card's state, marks and answer totals, read together (after a change to that card). */
export async function getCardData(db: RecallDatabase, card_id: string): Promise<{ state?: CardState; marks?: CardMarks; totals?: CardTotals }> {
	const tx = db.transaction(['cards', 'marks', 'cardTotals']);
	const [state, marks, totals] = await Promise.all([
		tx.objectStore('cards').get(card_id),
		tx.objectStore('marks').get(card_id),
		tx.objectStore('cardTotals').get(card_id)
	]);
	return { state, marks, totals };
}
