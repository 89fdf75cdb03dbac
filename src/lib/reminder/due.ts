// The daily reminder's rules, pure so the service worker and the tests share
// them. Imports stay tiny (no ts-fsrs, no idb): the service worker bundles this.
import { startOfDay } from '../srs/day';
import { isHidden, type HideMarks } from '../srs/facts';
import { buildQueue, dueFacts, type QueueCard } from '../srs/queue';

import type { MetaKey, ReminderSettings } from '../db/meta-keys';

export type { ReminderSettings };

/** Where the reminder is kept in `meta` (db/meta-keys.ts), on this device only. */
export const REMINDER_KEY = 'reminder' satisfies MetaKey;
export const REMINDER_TAG = 'daily-reminder';
export const DEFAULT_REMINDER: ReminderSettings = { on: false, time: '09:00' };

/** Hours and minutes of an "HH:MM" time, or undefined if it is not one. */
export function parseTime(time: string): { h: number; m: number } | undefined {
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
	return match ? { h: Number(match[1]), m: Number(match[2]) } : undefined;
}

/** A stored value as reminder settings: anything malformed falls back to the defaults (reminder off). */
export function readReminder(value: unknown): ReminderSettings {
	if (typeof value !== 'object' || value === null) return { ...DEFAULT_REMINDER };
	const v = value as Record<string, unknown>;
	const out: ReminderSettings = {
		on: v.on === true,
		time: typeof v.time === 'string' && parseTime(v.time) ? v.time : DEFAULT_REMINDER.time
	};
	if (typeof v.lastShownDay === 'number' && Number.isFinite(v.lastShownDay)) out.lastShownDay = v.lastShownDay;
	if (typeof v.lastCheck === 'number' && Number.isFinite(v.lastCheck)) out.lastCheck = v.lastCheck;
	return out;
}

/**
 * When the reminder is due in the learner's current day: the first HH:MM at
 * or after the day's start. With the day starting at 04:00, a reminder at
 * 09:00 falls on the same calendar date, one at 00:30 on the next: it is
 * still the learner's evening, as the day-start setting says.
 */
export function reminderMoment(now: number, time: string, dayStartHour: number): number | undefined {
	const t = parseTime(time);
	if (!t) return undefined;
	const start = startOfDay(now, dayStartHour);
	const s = new Date(start);
	let moment = new Date(s.getFullYear(), s.getMonth(), s.getDate(), t.h, t.m).getTime();
	if (moment < start) moment = new Date(s.getFullYear(), s.getMonth(), s.getDate() + 1, t.h, t.m).getTime();
	return moment;
}

/**
 * Whether it is worth counting due cards now: the reminder is on, its time
 * has come in the learner's day, and no notification was shown this day.
 */
export function isReminderTime(now: number, reminder: ReminderSettings, dayStartHour: number): boolean {
	if (!reminder.on) return false;
	const moment = reminderMoment(now, reminder.time, dayStartHour);
	if (moment === undefined || now < moment) return false;
	// Earlier than this day's start, not merely different: if the day-start hour moved earlier since, the day already notified still counts as this one.
	return reminder.lastShownDay === undefined || reminder.lastShownDay < startOfDay(now, dayStartHour);
}

export type ReminderDecision = { show: true; body: string; day: number } | { show: false };

/** Show a notification or not, and its text; `day` is what to store as `lastShownDay`. */
export function decideReminder(now: number, reminder: ReminderSettings, dayStartHour: number, due: number): ReminderDecision {
	if (due <= 0 || !isReminderTime(now, reminder, dayStartHour)) return { show: false };
	return { show: true, body: `${due} ${due === 1 ? 'card' : 'cards'} due`, day: startOfDay(now, dayStartHour) };
}

/** What the count needs of a stored card state and of its marks. */
export type DueCard = QueueCard;
export type DueMarks = HideMarks;

/**
 * The cards a notification counts as due: the day's due count as the app
 * counts it (queue.ts's dueFacts, `dueToday`): studied cards (new ones are
 * not "due", whatever the new-card limit) whose due time falls before the
 * learner's next day starts, neither suspended nor buried. Learning and
 * relearning cards all count, those due later today too; review cards count
 * up to what is left of the day's review limit, as the review session would
 * take them.
 *
 * `cards` may hold more than that (the service worker passes those below
 * the next day's start); `reviewedToday` is the answers to review cards
 * given since the day began (facts.ts's doneToday).
 */
export function countDue(
	cards: Iterable<DueCard>,
	marks: ReadonlyMap<string, DueMarks>,
	now: number,
	dayStartHour: number,
	reviewsPerDay: number,
	reviewedToday = 0
): number {
	const states = new Map<string, DueCard>();
	const hidden = new Set<string>();
	for (const c of cards) {
		states.set(c.card_id, c);
		if (isHidden(marks.get(c.card_id), now)) hidden.add(c.card_id);
	}
	const queue = buildQueue({
		catalog: [...states.keys()],
		states,
		now,
		dayStartHour,
		// New cards are not counted, so none needs to be picked.
		limits: { newPerDay: 0, reviewsPerDay },
		done: { newCards: 0, reviews: reviewedToday },
		hidden
	});
	return dueFacts(queue).dueToday;
}
