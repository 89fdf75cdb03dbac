import { describe, expect, it } from 'vitest';
import { State } from '$lib/srs/constants';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import { answerButtons, cardsByState, reviewMinutes } from './cards';
import { answer, daysOf, local } from './test-helpers';

useTimeZone('Europe/Berlin');

describe('cards by state', () => {
	it('sorts every card of the decks into one state; suspended wins, no state means new', () => {
		const states = new Map(
			[
				cardState({ card_id: 'n', state: State.New }),
				cardState({ card_id: 'l', state: State.Learning }),
				cardState({ card_id: 'r', state: State.Relearning }),
				cardState({ card_id: 'y', state: State.Review, scheduled_days: 20 }),
				cardState({ card_id: 'm', state: State.Review, scheduled_days: 21 }),
				cardState({ card_id: 's', state: State.Review, scheduled_days: 40 }),
				cardState({ card_id: 'gone', state: State.Review }) // no longer in any deck
			].map((s) => [s.card_id, s])
		);
		expect(cardsByState(['n', 'l', 'r', 'y', 'm', 's', 'fresh'], states, new Set(['s']))).toEqual({
			new: 2,
			learning: 1,
			relearning: 1,
			young: 1,
			mature: 1,
			suspended: 1
		});
	});
});

describe('answer buttons and time', () => {
	// 10:00 on Nov 29, days from 04:00: the 30 days start Oct 31 04:00.
	const history = () => [
		answer(local(2026, 11, 29, 9), 'Again', 'Review', 5, 90_000),
		answer(local(2026, 11, 30, 3), 'Hard', 'New', 0, 30_000), // after midnight: still today
		answer(local(2026, 10, 31, 4), 'Good', 'Review', 5, 60_000), // first instant of the 30 days
		answer(local(2026, 10, 31, 3, 59), 'Easy', 'Review', 5, 60_000), // Oct 30's day: the year's only
		answer(local(2025, 1, 1, 12), 'Easy', 'Review', 5, 60_000), // too old for the year
		answer(local(2025, 11, 30, 4), 'Hard', 'Review', 5, 60_000), // the first instant of the 365 days
		answer(local(2025, 11, 30, 3, 59), 'Again', 'Review', 5, 60_000) // a minute before them
	];

	it('counts presses over the last 30 and 365 learner days', () => {
		const { recent, year } = answerButtons(daysOf(history(), 4), local(2026, 11, 29, 10), 4);
		expect(recent).toEqual({ total: 3, counts: { again: 1, hard: 1, good: 1, easy: 0 } });
		expect(year).toEqual({ total: 5, counts: { again: 1, hard: 2, good: 1, easy: 1 } });
	});

	it('adds up minutes per learner day for the last 30 days', () => {
		const m = reviewMinutes(daysOf(history(), 4), local(2026, 11, 29, 10), 4);
		expect(m).toHaveLength(30);
		expect(m[29]).toEqual({ day: local(2026, 11, 29, 4), minutes: 2 });
		expect(m[0]).toEqual({ day: local(2026, 10, 31, 4), minutes: 1 });
		expect(m.slice(1, 29).every((d) => d.minutes === 0)).toBe(true);
	});
});
