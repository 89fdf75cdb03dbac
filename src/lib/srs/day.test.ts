import { describe, expect, it } from 'vitest';
import { useTimeZone } from './test-helpers';
import { nextDayStart, startOfDay } from './day';

useTimeZone('Europe/Berlin');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe("the learner's day", () => {
	it('starts at the day-start hour in local time', () => {
		expect(startOfDay(local(2026, 3, 10, 9, 30), 4)).toBe(local(2026, 3, 10, 4));
		expect(nextDayStart(local(2026, 3, 10, 9, 30), 4)).toBe(local(2026, 3, 11, 4));
	});

	it('counts a session at 03:59 as the previous day', () => {
		expect(startOfDay(local(2026, 3, 10, 3, 59), 4)).toBe(local(2026, 3, 9, 4));
		expect(startOfDay(local(2026, 3, 10, 4, 0), 4)).toBe(local(2026, 3, 10, 4));
	});

	it('is 23 hours long on the day clocks go forward and 25 when they go back', () => {
		// Berlin: 2026-03-29 02:00 → 03:00, inside the learner's day that began 28 March 04:00;
		// 2026-10-25 03:00 → 02:00, inside the day that began 24 October 04:00.
		const spring = local(2026, 3, 29, 1);
		expect(startOfDay(spring, 4)).toBe(local(2026, 3, 28, 4));
		expect(nextDayStart(spring, 4) - startOfDay(spring, 4)).toBe(23 * 3600_000);
		const autumn = local(2026, 10, 25, 1);
		expect(startOfDay(autumn, 4)).toBe(local(2026, 10, 24, 4));
		expect(nextDayStart(autumn, 4) - startOfDay(autumn, 4)).toBe(25 * 3600_000);
	});

	it('stays at midnight when the day starts at 0', () => {
		expect(startOfDay(local(2026, 1, 1, 0, 0), 0)).toBe(local(2026, 1, 1));
	});
});
