import { beforeEach, describe, expect, it } from 'vitest';
import { useTimeZone } from '$lib/srs/test-helpers';
import { startOfDay } from '$lib/srs/day';
import { countDue, decideReminder, isReminderTime, parseTime, readReminder, reminderMoment, type DueCard, type ReminderSettings } from './due';

useTimeZone('Europe/Berlin');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const on = (time: string, lastShownDay?: number): ReminderSettings => ({ on: true, time, lastShownDay });

describe('the stored reminder', () => {
	it('reads HH:MM times only', () => {
		expect(parseTime('09:00')).toEqual({ h: 9, m: 0 });
		expect(parseTime('23:59')).toEqual({ h: 23, m: 59 });
		for (const bad of ['9:00', '24:00', '12:60', '', '09:00:00', 'noon']) expect(parseTime(bad)).toBeUndefined();
	});

	it('falls back to off at 09:00 for anything malformed', () => {
		expect(readReminder(undefined)).toEqual({ on: false, time: '09:00' });
		expect(readReminder('on')).toEqual({ on: false, time: '09:00' });
		expect(readReminder({ on: 'yes', time: '25:00', lastShownDay: 'x' })).toEqual({ on: false, time: '09:00' });
		expect(readReminder({ on: true, time: '07:30', lastShownDay: 5, lastCheck: 6 })).toEqual({ on: true, time: '07:30', lastShownDay: 5, lastCheck: 6 });
	});
});

describe('when a notification is shown', () => {
	// A function: the time zone is set before the tests run, after this block is read.
	const morning = () => local(2026, 3, 10, 9, 15);

	it('only when the reminder is on', () => {
		expect(decideReminder(morning(), { on: false, time: '09:00' }, 4, 12)).toEqual({ show: false });
		expect(decideReminder(morning(), on('09:00'), 4, 12)).toEqual({ show: true, body: '12 cards due', day: local(2026, 3, 10, 4) });
	});

	it('says "1 card due" for one, and nothing when nothing is due', () => {
		expect(decideReminder(morning(), on('09:00'), 4, 1)).toMatchObject({ show: true, body: '1 card due' });
		expect(decideReminder(morning(), on('09:00'), 4, 0)).toEqual({ show: false });
	});

	it('only once the chosen time has passed', () => {
		expect(decideReminder(local(2026, 3, 10, 8, 59), on('09:00'), 4, 5).show).toBe(false);
		expect(decideReminder(local(2026, 3, 10, 9, 0), on('09:00'), 4, 5).show).toBe(true);
	});

	it('at most once a learner day', () => {
		const shown = decideReminder(morning(), on('09:00'), 4, 5);
		if (!shown.show) throw new Error('expected a notification');
		// Later the same day, and after midnight but before the day starts at 04:00: the same day.
		expect(decideReminder(local(2026, 3, 10, 20), on('09:00', shown.day), 4, 5).show).toBe(false);
		expect(decideReminder(local(2026, 3, 11, 3, 59), on('09:00', shown.day), 4, 5).show).toBe(false);
		// The next day, once its 09:00 has come.
		expect(decideReminder(local(2026, 3, 11, 4, 30), on('09:00', shown.day), 4, 5).show).toBe(false);
		expect(decideReminder(local(2026, 3, 11, 9, 5), on('09:00', shown.day), 4, 5)).toEqual({ show: true, body: '5 cards due', day: local(2026, 3, 11, 4) });
	});

	it('with the day starting at 04:00, a missed reminder still comes before the day ends, not after', () => {
		// Nothing shown on the 10th (the phone was off): at 02:00 on the 11th it is still the 10th's learner day.
		expect(decideReminder(local(2026, 3, 11, 2), on('09:00', local(2026, 3, 9, 4)), 4, 3)).toEqual({
			show: true,
			body: '3 cards due',
			day: local(2026, 3, 10, 4)
		});
		// From 04:00 the 11th is a new day whose 09:00 has not come.
		expect(decideReminder(local(2026, 3, 11, 4), on('09:00', local(2026, 3, 9, 4)), 4, 3).show).toBe(false);
	});

	it('with the day starting at 04:00, a reminder at 00:30 falls at the end of the learner day', () => {
		expect(reminderMoment(local(2026, 3, 10, 23), '00:30', 4)).toBe(local(2026, 3, 11, 0, 30));
		expect(isReminderTime(local(2026, 3, 10, 23), on('00:30'), 4)).toBe(false);
		expect(isReminderTime(local(2026, 3, 11, 0, 45), on('00:30'), 4)).toBe(true);
		// 04:10 on the 11th: a new day, whose 00:30 is the 12th's.
		expect(isReminderTime(local(2026, 3, 11, 4, 10), on('00:30'), 4)).toBe(false);
	});

	it('at local midnight, with the day starting at midnight', () => {
		// A reminder at 00:00 is due the moment the day begins.
		expect(decideReminder(local(2026, 3, 10, 0, 0), on('00:00', local(2026, 3, 9)), 0, 2)).toEqual({
			show: true,
			body: '2 cards due',
			day: local(2026, 3, 10)
		});
		expect(decideReminder(local(2026, 3, 10, 23, 59), on('00:00', local(2026, 3, 10)), 0, 2).show).toBe(false);
		expect(decideReminder(local(2026, 3, 11, 0, 0), on('00:00', local(2026, 3, 10)), 0, 2).show).toBe(true);
		// 23:30 missed on the 10th: at 00:10 on the 11th it is a new day, and its 23:30 has not come.
		expect(decideReminder(local(2026, 3, 10, 23, 45), on('23:30'), 0, 2).show).toBe(true);
		expect(decideReminder(local(2026, 3, 11, 0, 10), on('23:30', local(2026, 3, 9)), 0, 2).show).toBe(false);
	});

	it('keeps local clock time across a DST change', () => {
		// Berlin: 29 March 2026, 02:00 → 03:00, inside the learner's day that began 28 March 04:00.
		expect(reminderMoment(local(2026, 3, 28, 23), '00:30', 4)).toBe(local(2026, 3, 29, 0, 30));
		expect(reminderMoment(local(2026, 3, 29, 10), '09:00', 4)).toBe(local(2026, 3, 29, 9));
		// 02:30 does not exist that night: the reminder comes when the clock reads 03:30, an hour after 01:30.
		const gap = reminderMoment(local(2026, 3, 28, 23), '02:30', 4);
		expect(gap).toBe(local(2026, 3, 29, 1, 30) + 3600_000);
		expect(new Date(gap!).getHours()).toBe(3);
		// 25 October, 03:00 → 02:00: still 09:00 on the clock.
		expect(new Date(reminderMoment(local(2026, 10, 25, 10), '09:00', 4)!).getHours()).toBe(9);
	});

	it('does not notify twice when the day-start hour moves earlier the same day', () => {
		const shownDay = startOfDay(local(2026, 3, 10, 9, 15), 4);
		expect(isReminderTime(local(2026, 3, 10, 12), on('09:00', shownDay), 2)).toBe(false);
	});
});

describe('the cards counted as due', () => {
	let now = 0;
	beforeEach(() => {
		now = local(2026, 3, 10, 9);
	});
	const card = (card_id: string, state: DueCard['state'], due: number): DueCard => ({ card_id, state, due });
	const NEW = 0;
	const LEARNING = 1;
	const REVIEW = 2;
	const RELEARNING = 3;

	it('counts studied cards due before the next day starts, not new cards', () => {
		const cards = [
			card('overdue', REVIEW, local(2026, 3, 1)),
			card('tonight', REVIEW, local(2026, 3, 11, 3, 59)),
			card('tomorrow', REVIEW, local(2026, 3, 11, 4)),
			card('step', LEARNING, now + 10 * 60_000),
			card('lapsed', RELEARNING, now - 1),
			card('forgotten', NEW, now - 1)
		];
		expect(countDue(cards, new Map(), now, 4, 200)).toBe(4);
	});

	it('leaves out suspended cards and cards buried until a later time', () => {
		const cards = [card('a', REVIEW, now - 1), card('b', REVIEW, now - 1), card('c', REVIEW, now - 1), card('d', REVIEW, now - 1)];
		const marks = new Map([
			['a', { suspended: true, buried_until: null }],
			['b', { suspended: false, buried_until: local(2026, 3, 11, 4) }],
			// Buried yesterday, until this morning: due again.
			['c', { suspended: false, buried_until: local(2026, 3, 10, 4) }]
		]);
		expect(countDue(cards, marks, now, 4, 200)).toBe(2);
	});

	it("caps reviews at what is left of the day's review limit; learning cards are not capped", () => {
		const cards = [...Array.from({ length: 10 }, (_, i) => card(`r${i}`, REVIEW, now - 1)), card('l1', LEARNING, now - 1), card('l2', RELEARNING, now - 1)];
		expect(countDue(cards, new Map(), now, 4, 5)).toBe(7);
		expect(countDue(cards, new Map(), now, 4, 5, 3)).toBe(4);
		expect(countDue(cards, new Map(), now, 4, 5, 9)).toBe(2);
	});
});
