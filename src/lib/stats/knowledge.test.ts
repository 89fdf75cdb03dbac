import { describe, expect, it } from 'vitest';
import type { CardTotals } from '$lib/data/types';
import { State } from '$lib/srs/constants';
import { scheduler } from '$lib/srs/scheduler';
import { cardState } from '$lib/srs/test-helpers';
import type { CardState } from '$lib/srs/types';
import { knowledge, sectionRows } from './knowledge';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 29, 12);
const f = scheduler();

/** Answered `days` ago with this stability: by FSRS's definition, recall is 90% when days = stability. */
const studied = (card_id: string, days: number, stability: number, state: CardState['state'] = State.Review): CardState =>
	cardState({ card_id, stability, state, last_review: now - days * DAY, due: now + DAY, scheduled_days: Math.round(stability) });

const states = new Map(
	[
		studied('a', 10, 10), // 0.9
		studied('b', 0, 30), // just answered: 1, and mastered
		studied('c', 20, 20), // 0.9
		cardState({ card_id: 'd', state: State.New, last_review: null }),
		studied('x', 0, 5) // in no deck
	].map((s) => [s.card_id, s])
);

const totals = (card_id: string, reviewAnswers: number, reviewAgain: number): CardTotals => ({
	card_id,
	answers: reviewAnswers + 1,
	again: reviewAgain,
	reviewAnswers,
	reviewAgain,
	timeMs: 0,
	first: 0,
	last: 0
});

describe('estimated total knowledge', () => {
	it('sums recall now over the cards of the decks, new and unseen cards counting 0', () => {
		const k = knowledge(f, ['a', 'b', 'c', 'd', 'e'], states, now);
		expect(k.total).toBe(5);
		expect(k.known).toBeCloseTo(0.9 + 1 + 0.9, 6);
	});
});

describe('the per-section table', () => {
	it('counts cards, studied, mastered, retention from card totals and mean recall of studied cards', () => {
		const decks = [
			{ id: 'http', title: 'HTTP', cardIds: ['a', 'b', 'd'] },
			{ id: 'os', title: 'Operating systems', cardIds: ['c', 'e'] },
			{ id: 'dsa', title: 'Data structures', cardIds: ['f'] }
		];
		const cardTotals = new Map([totals('a', 3, 1), totals('b', 1, 0), totals('c', 4, 2)].map((t) => [t.card_id, t]));
		const [http, os, dsa] = sectionRows(decks, states, cardTotals, now, f);
		expect(http).toMatchObject({ id: 'http', title: 'HTTP', cards: 3, studied: 2, mastered: 1, retention: { answers: 4, again: 1 } });
		expect(http!.recall).toBeCloseTo((0.9 + 1) / 2, 6);
		expect(os).toMatchObject({ cards: 2, studied: 1, mastered: 0, retention: { answers: 4, again: 2 } });
		expect(os!.recall).toBeCloseTo(0.9, 6);
		expect(dsa).toEqual({ id: 'dsa', title: 'Data structures', cards: 1, studied: 0, mastered: 0, retention: { answers: 0, again: 0 }, recall: undefined });
	});
});
