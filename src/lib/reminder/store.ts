// The reminder as the settings page reads and writes it: kept on this device
// only, in `meta` (not synced, not in backups; a reset or a replacing import
// clears it, which turns the reminder off).
import type { RecallDatabase } from '$lib/db/open';
import { getMeta, putMeta, readMeta } from '$lib/db/meta';
import { readReminder, type ReminderSettings } from './due';

export async function getReminder(db: RecallDatabase): Promise<ReminderSettings> {
	return readReminder(await readMeta(db, 'reminder'));
}

/**
 * Saves the learner's choice, keeping what the service worker wrote (the day
 * it last notified, when it last checked) in the same transaction, so a
 * change of time cannot bring a second notification the same day.
 */
export async function saveReminder(db: RecallDatabase, choice: Pick<ReminderSettings, 'on' | 'time'>): Promise<ReminderSettings> {
	const tx = db.transaction('meta', 'readwrite');
	const next = { ...readReminder(await getMeta(tx.store, 'reminder')), on: choice.on, time: choice.time };
	await Promise.all([putMeta(tx.store, 'reminder', next), tx.done]);
	return next;
}
