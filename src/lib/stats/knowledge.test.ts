import { describe, expect, it } from 'vitest';
import type { CardTotals } from '$lib/data/types';
import { State } from '$lib/srs/constants';
import { scheduler } from '$lib/srs/scheduler';
import { cardState } from '$lib/srs/test-helpers';
import type { CardState } from '$lib/srs/types';
import { memoryOf } from '$lib/srs/memory';
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

describe('the per-section table', () => {
	const decks = [
		{ id: 'http', title: 'HTTP', cardIds: ['a', 'b', 'd'] },
		{ id: 'os', title: 'Operating systems', cardIds: ['c', 'e'] },
		{ id: 'dsa', title: 'Data structures', cardIds: ['f'] }
	];
	const cardTotals = new Map([totals('a', 3, 1), totals('b', 1, 0), totals('c', 4, 2)].map((t) => [t.card_id, t]));

	it('gives each section the map’s figures (known, recall of studied cards, introduced, mastered) and its retention from card totals', () => {
		const [http, os, dsa] = sectionRows(decks, states, cardTotals, now, f);
		expect(http).toMatchObject({ id: 'http', title: 'HTTP', total: 3, introduced: 2, mastered: 1, retention: { answers: 4, again: 1 } });
		expect(http!.recall).toBeCloseTo((0.9 + 1) / 2, 6);
		// Known counts the card not started as 0: 1.9 of 3 cards, where recall of the studied two is 95%.
		expect(http!.known).toBeCloseTo(0.9 + 1, 6);
		expect(http).toMatchObject(memoryOf(decks[0]!.cardIds, states, now, f));
		expect(os).toMatchObject({ total: 2, introduced: 1, mastered: 0, retention: { answers: 4, again: 2 } });
		expect(os!.recall).toBeCloseTo(0.9, 6);
		expect(dsa).toEqual({
			id: 'dsa',
			title: 'Data structures',
			total: 1,
			introduced: 0,
			mastered: 0,
			known: 0,
			recall: undefined,
			retention: { answers: 0, again: 0 }
		});
	});

	it('adds up to the headline: every deck’s cards taken together', () => {
		const all = knowledge(sectionRows(decks, states, cardTotals, now, f));
		const whole = memoryOf(
			decks.flatMap((d) => d.cardIds),
			states,
			now,
			f
		);
		expect(all.total).toBe(6);
		expect(all.known).toBeCloseTo(0.9 + 1 + 0.9, 6);
		expect(all).toMatchObject({ total: whole.total, introduced: whole.introduced, mastered: whole.mastered });
		expect(all.recall).toBeCloseTo(whole.recall!, 10);
	});
});
