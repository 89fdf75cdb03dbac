import { describe, expect, it } from 'vitest';
import { Rating, State } from './constants';
import { dueByTomorrow, missedToday, reviewAhead } from './ahead';
import type { DayLog } from './facts';
import type { CardState } from './types';

// Noon on a learner's day that starts at 04:00 local time.
const NOW = new Date(2026, 10, 21, 12).getTime();
const H = 4;
const at = (day: number, hour: number) => new Date(2026, 10, 21 + day, hour).getTime();
const card = (state: CardState['state'], due: number): Pick<CardState, 'state' | 'due'> => ({ state, due });

describe('what comes after today', () => {
	const states = new Map([
		['today-left', card(State.Review, at(0, 9))],
		['tomorrow', card(State.Review, at(1, 20))],
		['tomorrow-night', card(State.Learning, at(2, 3))],
		['in-two-days', card(State.Review, at(2, 10))],
		['in-three-days', card(State.Review, at(3, 10))],
		['in-four-days', card(State.Review, at(4, 10))],
		['new', card(State.New, at(0, 0))]
	]);
	const ids = [...states.keys()];

	it('counts studied cards due by the end of tomorrow, leaving out hidden ones and new cards', () => {
		expect(dueByTomorrow(ids, states, NOW, H)).toBe(3);
		expect(dueByTomorrow(ids, states, NOW, H, new Set(['tomorrow']))).toBe(2);
	});

	it('reviews ahead the review cards due in the next three days, soonest first, at most the maximum', () => {
		expect(reviewAhead(ids, states, NOW, H)).toEqual(['tomorrow', 'in-two-days', 'in-three-days']);
		expect(reviewAhead(ids, states, NOW, H, new Set(['in-two-days']), { days: 3, max: 1 })).toEqual(['tomorrow']);
	});

	it('takes today’s misses once each, in the order first missed, not yesterday’s nor hidden ones', () => {
		const log = (card_id: string, rating: number, review: number): DayLog => ({ card_id, rating, review, state: State.Review });
		const logs = [
			log('old', Rating.Again, at(0, 3)),
			log('a', Rating.Again, at(0, 8)),
			log('b', Rating.Good, at(0, 9)),
			log('c', Rating.Again, at(0, 10)),
			log('a', Rating.Again, at(0, 11)),
			log('d', Rating.Again, at(0, 11))
		];
		expect(missedToday(logs, NOW, H)).toEqual(['a', 'c', 'd']);
		expect(missedToday(logs, NOW, H, new Set(['c']))).toEqual(['a', 'd']);
	});
});
