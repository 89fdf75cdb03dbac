import { describe, expect, it } from 'vitest';
import { useTimeZone } from '$lib/srs/test-helpers';
import { recalled, retention } from './retention';
import { answer, daysOf, local } from './test-helpers';

useTimeZone('Europe/Berlin');

// 01:00 on Nov 29 with days starting at 04:00: today is the day that began on Nov 28 at 04:00.
// Built inside the tests: the time zone is set before they run, not when the file loads.
const at = () => local(2026, 11, 29, 1);
const H = 4;
const history = () => [
	answer(local(2026, 11, 29, 0, 30), 'Again', 'Review', 5), // today, young
	answer(local(2026, 11, 22, 4, 0), 'Good', 'Review', 30), // first instant of the 7 days, mature
	answer(local(2026, 11, 22, 3, 59), 'Good', 'Review', 5), // still Nov 21's day: 30 days only, young
	answer(local(2026, 10, 30, 4, 0), 'Again', 'Review', 21), // first instant of the 30 days, mature (21 is mature)
	answer(local(2026, 10, 30, 3, 0), 'Good', 'Review', 20), // Oct 29's day: 365 only, young
	answer(local(2025, 11, 29, 4, 0), 'Good', 'Review', 40), // first instant of the 365 days, mature
	answer(local(2025, 11, 29, 3, 0), 'Again', 'Review', 5), // the day before: outside every window
	answer(local(2026, 11, 28, 12), 'Again', 'Learning'), // not a review card: never counted
	answer(local(2026, 11, 28, 12), 'Good', 'New')
];

describe('true retention', () => {
	it('counts review answers over whole learner days, young and mature apart', () => {
		const rows = retention(daysOf(history(), H), at(), H);
		expect(rows).toEqual([
			{ days: 7, young: { answers: 1, again: 1 }, mature: { answers: 1, again: 0 }, all: { answers: 2, again: 1 } },
			{ days: 30, young: { answers: 2, again: 1 }, mature: { answers: 2, again: 1 }, all: { answers: 4, again: 2 } },
			{ days: 365, young: { answers: 3, again: 1 }, mature: { answers: 3, again: 1 }, all: { answers: 6, again: 2 } }
		]);
		expect(recalled(rows[2]!.all)).toBeCloseTo(4 / 6, 10);
	});

	it('moves the windows with the day-start hour', () => {
		const rows = retention(daysOf(history(), 0), at(), 0);
		// Today is Nov 29 from 00:00; 7 days from Nov 23: only the 00:30 answer.
		expect(rows[0]!.all).toEqual({ answers: 1, again: 1 });
		// 30 days from Oct 31: Nov 22's two answers and today's.
		expect(rows[1]!.all).toEqual({ answers: 3, again: 1 });
	});

	it('counts an answer from a clock that was ahead as today, and has no figure without answers', () => {
		const ahead = [answer(local(2026, 12, 3, 12), 'Good', 'Review', 30)];
		expect(retention(daysOf(ahead, H), at(), H)[0]!.mature).toEqual({ answers: 1, again: 0 });
		const empty = retention(new Map(), at(), H);
		expect(empty.map((r) => recalled(r.all))).toEqual([undefined, undefined, undefined]);
	});
});
