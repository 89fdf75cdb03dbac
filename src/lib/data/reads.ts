// The reads that home's first figures need (today's queue, the settings),
// apart from queries.ts: that module also saves settings, which brings the
// sync outbox and its document ids, and home loads none of that to paint.
import { startOfDay } from '$lib/srs/day';
import { isHidden } from '$lib/srs/facts';
import type { CardState, ReviewRecord } from '$lib/srs/types';
import type { CardMarks } from '$lib/db/schema';
import type { RecallDatabase } from '$lib/db/open';
import { withDefaults, type AppSettings } from '$lib/db/settings';

/** Every stored card state, by card id. */
export async function getAllStates(db: RecallDatabase): Promise<Map<string, CardState>> {
	const all = await db.getAll('cards');
	return new Map(all.map((s) => [s.card_id, s]));
}

/** The review records of the learner's current day. */
export async function getReviewsToday(db: RecallDatabase, now: number, dayStartHour: number): Promise<ReviewRecord[]> {
	return db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(startOfDay(now, dayStartHour)));
}

export async function getSettings(db: RecallDatabase): Promise<AppSettings> {
	const stored = await db.get('settings', 'user');
	return withDefaults(stored);
}

/** Every card's marks, by card id. */
export async function getAllMarks(db: RecallDatabase): Promise<Map<string, CardMarks>> {
	const all = await db.getAll('marks');
	return new Map(all.map((m) => [m.card_id, m]));
}

/** Cards hidden from reviews now: suspended, or buried until a later day. */
export function hiddenCards(marks: ReadonlyMap<string, CardMarks>, now: number): Set<string> {
	const out = new Set<string>();
	for (const m of marks.values()) if (isHidden(m, now)) out.add(m.card_id);
	return out;
}
