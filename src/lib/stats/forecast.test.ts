import { describe, expect, it } from 'vitest';
import { State } from '$lib/srs/constants';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import { forecast } from './forecast';
import { local } from './test-helpers';

useTimeZone('Europe/Berlin');

describe('the 30-day forecast', () => {
	it('puts review cards on the learner day they fall due, overdue ones on today', () => {
		// 10:00 on Nov 29, days from 04:00: today runs to Nov 30 04:00; day 29 is Dec 28.
		const now = local(2026, 11, 29, 10);
		const review = (card_id: string, due: number) => cardState({ card_id, due, state: State.Review });
		const states = [
			review('a', local(2026, 11, 20, 9)), // overdue for days
			review('b', local(2026, 11, 29, 3)), // due before today began: overdue
			review('c', local(2026, 11, 29, 23)), // later today
			review('d', local(2026, 11, 30, 3, 59)), // still today
			review('e', local(2026, 11, 30, 4)), // tomorrow
			review('f', local(2026, 12, 28, 4)), // the 30th day
			review('g', local(2026, 12, 29, 4)), // past the forecast
			cardState({ card_id: 'h', due: now, state: State.Learning }), // a learning step, not a review
			review('i', local(2026, 11, 29, 12)) // suspended
		];
		const f = forecast(states, new Set(['i']), now, 4);
		expect(f.days).toHaveLength(30);
		expect(f.days[0]).toEqual({ day: local(2026, 11, 29, 4), due: 4 });
		expect(f.overdue).toBe(2);
		expect(f.days[1]).toEqual({ day: local(2026, 11, 30, 4), due: 1 });
		expect(f.days[29]).toEqual({ day: local(2026, 12, 28, 4), due: 1 });
		expect(f.days.slice(2, 29).every((d) => d.due === 0)).toBe(true);
		expect(f.total).toBe(6);
	});

	it('keeps whole days across the change to summer time', () => {
		// Berlin moves its clocks forward on 29 March 2026: that day is 23 hours long.
		const now = local(2026, 3, 28, 12);
		const f = forecast([cardState({ card_id: 'a', due: local(2026, 3, 30, 3), state: State.Review })], new Set(), now, 4);
		expect(f.days[2]!.day).toBe(local(2026, 3, 30, 4));
		// 03:00 on the 30th is before that day's 04:00 start: it belongs to the 29th.
		expect(f.days.map((d) => d.due).slice(0, 3)).toEqual([0, 1, 0]);
	});
});
