import { describe, expect, it } from 'vitest';
import { State } from './constants';
import { dueWindow } from './facts';
import { buildQueue, dueFacts } from './queue';
import { sectionToday } from './section-today';
import { cardState, useTimeZone } from './test-helpers';

useTimeZone('Europe/Berlin');

const MIN = 60_000;
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const DAY_START = 4;

/** The section, built once the time zone is set (local times depend on it). */
function section() {
	const NOW = local(2026, 3, 10, 12);
	const states = new Map(
		[
			cardState({ card_id: 'l-now', state: State.Learning, due: NOW - 5 * MIN, last_review: NOW - 15 * MIN }),
			cardState({ card_id: 'l-later', state: State.Relearning, due: NOW + 3 * 60 * MIN, last_review: NOW - 30 * MIN }),
			cardState({ card_id: 'r-overdue', state: State.Review, due: local(2026, 3, 1, 12), last_review: local(2026, 2, 20) }),
			// 03:30 tomorrow is still today: the next day starts at 04:00.
			cardState({ card_id: 'r-night', state: State.Review, due: local(2026, 3, 11, 3), last_review: local(2026, 3, 1) }),
			cardState({ card_id: 'r-tomorrow', state: State.Review, due: local(2026, 3, 11, 4), last_review: local(2026, 3, 1) }),
			cardState({ card_id: 'r-hidden', state: State.Review, due: local(2026, 3, 9), last_review: local(2026, 3, 1) }),
			// Forgotten: a new card again.
			cardState({ card_id: 'reset', state: State.New, due: NOW, last_review: NOW - MIN })
		].map((s) => [s.card_id, s])
	);
	return { NOW, states, cards: [...states.keys(), 'n1', 'n2', 'n-hidden'], hidden: new Set(['r-hidden', 'n-hidden']) };
}

describe('a section’s cards due today and new', () => {
	it('counts learning steps due today and reviews due today, overdue included, and cards never studied as new', () => {
		const { NOW, states, cards, hidden } = section();
		expect(sectionToday(cards, states, hidden, dueWindow(NOW, DAY_START))).toEqual({ due: 4, unstudied: 3 });
	});

	it('agrees with the queue home and the quiz count with, when no daily limit binds', () => {
		const { NOW, states, cards, hidden } = section();
		const q = buildQueue({
			catalog: cards,
			states,
			now: NOW,
			dayStartHour: DAY_START,
			limits: { newPerDay: 100, reviewsPerDay: 100 },
			done: { newCards: 0, reviews: 0 },
			hidden
		});
		const facts = dueFacts(q);
		expect(sectionToday(cards, states, hidden, dueWindow(NOW, DAY_START))).toEqual({ due: facts.dueToday, unstudied: facts.unstudied });
	});

	it('reads only the section’s own cards', () => {
		const { NOW, states } = section();
		expect(sectionToday(['n1'], states, new Set(), dueWindow(NOW, DAY_START))).toEqual({ due: 0, unstudied: 1 });
	});
});
