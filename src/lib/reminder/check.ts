// The service worker's side of the daily reminder: read what is due from
// IndexedDB and show at most one notification a day. Raw IndexedDB, no idb
// and no app modules: this is bundled into the service worker.
import { DEFAULT_DAY_START_HOUR, DEFAULT_LIMITS } from '../srs/queue';
import type { ReviewRecord } from '../srs/types';
import { nextDayStart, startOfDay } from '../srs/day';
import { doneToday } from '../srs/facts';
import { countDue, decideReminder, isReminderTime, readReminder, REMINDER_KEY, REMINDER_TAG, type DueCard, type DueMarks, type ReminderDecision } from './due';

const DB_NAME = 'roadmap-recall';
/** What the check reads; without any of them (a database from before they existed, or none) it shows nothing. */
const STORES = ['meta', 'settings', 'cards', 'marks', 'reviews'];

export const NOTIFICATION_TITLE = 'Roadmap Recall';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/**
 * Opens the learner's database at whatever version the app made it: the
 * worker never creates, upgrades or migrates it (the page owns the schema).
 * Undefined if there is none yet, or it lacks a store the check reads.
 */
function openExisting(): Promise<IDBDatabase | undefined> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME);
		// Only a database that does not exist yet asks for an upgrade: aborting leaves none behind.
		req.onupgradeneeded = () => req.transaction?.abort();
		req.onsuccess = () => {
			const db = req.result;
			// A page opening a newer schema must not wait for us.
			db.onversionchange = () => db.close();
			if (STORES.every((s) => db.objectStoreNames.contains(s))) resolve(db);
			else {
				db.close();
				resolve(undefined);
			}
		};
		req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error ?? new Error('IndexedDB request failed')));
	});
}

const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Cards due before the learner's next day, as `countDue` counts them (see there for what counts). */
async function readDueCount(db: IDBDatabase, now: number, dayStartHour: number, reviewsPerDay: number): Promise<number> {
	const tx = db.transaction(['cards', 'marks', 'reviews']);
	const [cards, marks, today] = await Promise.all([
		// Only the cards below the bound are read, by the due index.
		request(
			tx
				.objectStore('cards')
				.index('by-due')
				.getAll(IDBKeyRange.upperBound(nextDayStart(now, dayStartHour), true))
		) as Promise<DueCard[]>,
		request(tx.objectStore('marks').getAll()) as Promise<(DueMarks & { card_id: string })[]>,
		request(
			tx
				.objectStore('reviews')
				.index('by-time')
				.getAll(IDBKeyRange.lowerBound(startOfDay(now, dayStartHour)))
		) as Promise<ReviewRecord[]>
	]);
	// Today's answers to review cards use up the day's review limit, as the app counts them.
	const { reviews } = doneToday(today, now, dayStartHour);
	return countDue(cards, new Map(marks.map((m) => [m.card_id, m])), now, dayStartHour, reviewsPerDay, reviews);
}

/** Writes when the check ran, and the day a notification was shown, into the stored reminder (if it is still there). */
async function record(db: IDBDatabase, now: number, decision: ReminderDecision): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	const meta = tx.objectStore('meta');
	const stored: unknown = await request(meta.get(REMINDER_KEY));
	if (typeof stored !== 'object' || stored === null) return;
	await request(meta.put({ ...stored, lastCheck: now, ...(decision.show ? { lastShownDay: decision.day } : {}) }, REMINDER_KEY));
}

export interface CheckOptions {
	registration: ServiceWorkerRegistration;
	now?: number;
	/** An icon from static/. */
	icon: string;
	badge?: string;
}

/** What the `periodicsync` event runs: shows "12 cards due" once a learner day, after the chosen time. */
export async function remindIfDue({ registration, now = Date.now(), icon, badge }: CheckOptions): Promise<ReminderDecision> {
	const db = await openExisting();
	if (!db) return { show: false };
	try {
		const tx = db.transaction(['meta', 'settings']);
		const [stored, settings] = await Promise.all([
			request<unknown>(tx.objectStore('meta').get(REMINDER_KEY)),
			request(tx.objectStore('settings').get('user')) as Promise<Record<string, unknown> | undefined>
		]);
		// Never turned on here: nothing to show and nothing to record.
		if (stored === undefined) return { show: false };
		const reminder = readReminder(stored);
		const dayStartHour = numberOr(settings?.dayStartHour, DEFAULT_DAY_START_HOUR);
		let decision: ReminderDecision = { show: false };
		// Cards are counted only when a notification could follow.
		if (isReminderTime(now, reminder, dayStartHour)) {
			const due = await readDueCount(db, now, dayStartHour, numberOr(settings?.reviewsPerDay, DEFAULT_LIMITS.reviewsPerDay));
			decision = decideReminder(now, reminder, dayStartHour, due);
		}
		if (decision.show) {
			await registration.showNotification(NOTIFICATION_TITLE, { body: decision.body, tag: REMINDER_TAG, icon, badge, data: { url: '/review' } });
		}
		await record(db, now, decision);
		return decision;
	} finally {
		db.close();
	}
}
