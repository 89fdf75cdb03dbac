import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { buildQueue, doneToday, interleave, nextLearningDue, queueCounts, sessionOrder, type Queue } from './queue';
import { pickNext, startMix, upcoming } from './pick';
import { cardState, useTimeZone } from './test-helpers';
import type { ReviewRecord } from './types';

useTimeZone('America/New_York');

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const NOW = at(21, 9); // 21 Nov 2026, 09:00 local
const limits = { newPerDay: 3, reviewsPerDay: 200 };
const none = { newCards: 0, reviews: 0 };
const EMPTY: Queue = { learning: [], ahead: [], laterToday: 0, review: [], fresh: [], unstudied: 0 };

function queue(states: ReturnType<typeof cardState>[], catalog: string[], done = none, lim = limits) {
	return buildQueue({ catalog, states: new Map(states.map((s) => [s.card_id, s])), now: NOW, dayStartHour: 4, limits: lim, done });
}

describe("today's queue", () => {
	it('takes learning cards only once their step is due', () => {
		const q = queue(
			[
				cardState({ card_id: 'due', state: State.Learning, due: NOW - 1 }),
				cardState({ card_id: 'later', state: State.Learning, due: NOW + 60_000 }),
				cardState({ card_id: 'relearn', state: State.Relearning, due: NOW })
			],
			['due', 'later', 'relearn']
		);
		expect(q.learning).toEqual(['due', 'relearn']);
	});

	it('takes review cards due any time before the next day starts at 04:00, by due time', () => {
		const q = queue(
			[
				cardState({ card_id: 'tonight', due: at(21, 23) }),
				cardState({ card_id: 'overdue', due: at(19, 10) }),
				cardState({ card_id: 'small-hours', due: at(22, 3, 59) }),
				cardState({ card_id: 'tomorrow', due: at(22, 4) })
			],
			['tonight', 'overdue', 'small-hours', 'tomorrow']
		);
		expect(q.review).toEqual(['overdue', 'tonight', 'small-hours']);
	});

	it('adds new cards in catalog order up to what is left of the daily limit', () => {
		const catalog = ['n1', 'n2', 'n3', 'n4', 'n5'];
		expect(queue([], catalog).fresh).toEqual(['n1', 'n2', 'n3']);
		expect(queue([], catalog, { newCards: 2, reviews: 0 }).fresh).toEqual(['n1']);
		expect(queue([], catalog, { newCards: 5, reviews: 0 }).fresh).toEqual([]);
	});

	it('respects the daily review limit', () => {
		const states = [1, 2, 3, 4].map((i) => cardState({ card_id: `r${i}`, due: NOW - i }));
		const q = queue(states, ['r1', 'r2', 'r3', 'r4'], { newCards: 0, reviews: 1 }, { newPerDay: 20, reviewsPerDay: 3 });
		expect(q.review).toEqual(['r4', 'r3']);
	});

	it('only looks at cards in scope (a section quiz)', () => {
		const q = queue([cardState({ card_id: 'rest-a', due: NOW - 1 }), cardState({ card_id: 'http-a', due: NOW - 1 })], ['rest-a', 'rest-b']);
		expect(q.review).toEqual(['rest-a']);
		expect(q.fresh).toEqual(['rest-b']);
	});

	it('shows learning cards first, then reviews by due time with new cards spread evenly', () => {
		const states = [
			cardState({ card_id: 'r2', due: NOW - 1000 }),
			cardState({ card_id: 'r1', due: NOW - 5000 }),
			cardState({ card_id: 'r3', due: NOW - 500 }),
			cardState({ card_id: 'r4', due: NOW - 100 }),
			cardState({ card_id: 'learn', state: State.Learning, due: NOW - 10_000 })
		];
		const q = queue(states, ['n1', 'r1', 'r2', 'r3', 'r4', 'learn', 'n2'], none, { newPerDay: 2, reviewsPerDay: 200 });
		expect(sessionOrder(q)).toEqual(['learn', 'r1', 'r2', 'n1', 'r3', 'r4', 'n2']);
	});

	it('leaves out suspended and buried cards', () => {
		const q = buildQueue({
			catalog: ['a', 'b', 'c'],
			states: new Map([['a', cardState({ card_id: 'a', due: NOW - 1 })]]),
			now: NOW,
			dayStartHour: 4,
			limits,
			done: none,
			hidden: new Set(['a', 'b'])
		});
		expect(q).toEqual({ ...EMPTY, fresh: ['c'], unstudied: 1 });
	});

	it('says when the next learning card comes due', () => {
		const states = new Map([
			['a', cardState({ card_id: 'a', state: State.Learning, due: NOW + 240_000 })],
			['b', cardState({ card_id: 'b', state: State.Learning, due: NOW + 60_000 })],
			['c', cardState({ card_id: 'c', state: State.Review, due: NOW + 1000 })]
		]);
		expect(nextLearningDue(['a', 'b', 'c'], states, NOW)).toBe(NOW + 60_000);
		expect(nextLearningDue(['c'], states, NOW)).toBeUndefined();
	});
});

describe('what was done today', () => {
	const log = (card_id: string, state: State, review: number): ReviewRecord => ({
		id: `${card_id}-${review}`,
		card_id,
		rating: 3,
		review,
		duration: 1000,
		state,
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0
	});

	it('counts new cards once each and reviews, from the local day start', () => {
		const logs = [
			log('a', State.New, at(21, 4, 30)),
			log('a', State.Learning, at(21, 4, 40)),
			log('b', State.New, at(21, 8)),
			log('c', State.Review, at(21, 8, 30)),
			log('d', State.New, at(21, 3, 59)), // yesterday, in the learner's day
			log('e', State.Review, at(20, 22))
		];
		expect(doneToday(logs, NOW, 4)).toEqual({ newCards: 2, reviews: 1 });
	});
});

describe('mixing new cards in', () => {
	it('spreads the shorter list evenly through the longer', () => {
		expect(interleave(['r1', 'r2', 'r3', 'r4'], ['n1', 'n2']).join(' ')).toBe('r1 r2 n1 r3 r4 n2');
		expect(interleave([], ['n1', 'n2'])).toEqual(['n1', 'n2']);
		expect(interleave(['r1'], [])).toEqual(['r1']);
	});

	it('keeps the share fixed at the session start while the queue is rebuilt after each answer', () => {
		let q = { ...EMPTY, review: ['r1', 'r2', 'r3', 'r4'], fresh: ['n1', 'n2'] };
		const mix = startMix(q);
		const shown: string[] = [];
		for (let next = pickNext(q, mix); next; next = pickNext(q, mix)) {
			shown.push(next.id);
			mix.shown++;
			if (next.kind === 'new') mix.newShown++;
			q = { ...q, review: q.review.filter((id) => id !== next.id), fresh: q.fresh.filter((id) => id !== next.id) };
		}
		expect(shown.join(' ')).toBe('r1 r2 n1 r3 r4 n2');
	});

	it('names, ahead of time, whichever card comes after the one on screen', () => {
		// Any mix, any first card: once it is answered and leaves its list, the next pick was among upcoming().
		const q = { ...EMPTY, learning: ['l1', 'l2', 'l3'], ahead: ['a1', 'a2'], review: ['r1', 'r2', 'r3'], fresh: ['n1', 'n2', 'n3'] };
		const lists = ['learning', 'review', 'fresh', 'ahead'] as const;
		for (const shown of [0, 1, 5]) {
			for (const newShown of [0, 1, shown]) {
				for (const drained of lists) {
					// The queue as it may stand: one list already empty, so every branch of pickNext is reached.
					const before = { ...q, [drained]: [] };
					const mix = { newShare: 0.5, shown, newShown: Math.min(newShown, shown) };
					const current = pickNext(before, mix);
					if (!current) continue;
					const warm = upcoming(before);
					const without = (ids: string[]) => ids.filter((id) => id !== current.id);
					const after: Queue = {
						...before,
						learning: without(before.learning),
						ahead: without(before.ahead),
						review: without(before.review),
						fresh: without(before.fresh)
					};
					const next = pickNext(after, { ...mix, shown: mix.shown + 1, newShown: mix.newShown + (current.kind === 'new' ? 1 : 0) });
					if (next) expect(warm, `after ${current.id}`).toContain(next.id);
				}
			}
		}
		expect(upcoming(EMPTY)).toEqual([]);
	});

	it('always takes a learning card that is due first', () => {
		const q = { ...EMPTY, learning: ['l1'], ahead: ['l2'], review: ['r1'], fresh: ['n1'] };
		expect(pickNext(q, startMix(q))).toEqual({ id: 'l1', kind: 'learning' });
	});

	it('learns ahead only when nothing else is left', () => {
		const q = { ...EMPTY, ahead: ['l2'], review: ['r1'] };
		expect(pickNext(q, startMix(q))).toEqual({ id: 'r1', kind: 'review' });
		const rest = { ...EMPTY, ahead: ['l2', 'l3'] };
		expect(pickNext(rest, startMix(rest))).toEqual({ id: 'l2', kind: 'learning' });
		expect(pickNext(EMPTY, startMix(EMPTY))).toBeUndefined();
	});
});

describe('learn ahead', () => {
	// Made inside each test, once the time zone is set.
	const learningSteps = () => [
		cardState({ card_id: 'in-5m', state: State.Learning, due: NOW + 5 * 60_000 }),
		cardState({ card_id: 'in-20m', state: State.Relearning, due: NOW + 20 * 60_000 }),
		cardState({ card_id: 'in-21m', state: State.Learning, due: NOW + 21 * 60_000 }),
		cardState({ card_id: 'tomorrow', state: State.Learning, due: at(22, 5) })
	];
	const build = (learnAheadMs?: number, steps = learningSteps()) =>
		buildQueue({
			catalog: steps.map((s) => s.card_id),
			states: new Map(steps.map((s) => [s.card_id, s])),
			now: NOW,
			dayStartHour: 4,
			limits,
			done: none,
			learnAheadMs
		});

	it('takes learning cards due within the limit, soonest first, and counts the rest of today apart', () => {
		const q = build(20 * 60_000);
		expect(q.ahead).toEqual(['in-5m', 'in-20m']);
		expect(q.laterToday).toBe(1);
		expect(queueCounts(q)).toEqual({ fresh: 0, learning: 2, review: 0, total: 2 });
		expect(sessionOrder(q)).toEqual(['in-5m', 'in-20m']);
	});

	it('takes none ahead with a limit of 0', () => {
		const q = build(0);
		expect(q.ahead).toEqual([]);
		expect(q.laterToday).toBe(3);
	});
});

describe('learning more new cards in one section', () => {
	it('raises the new-card room by the extra, counted against what was introduced today', () => {
		const catalog = ['n1', 'n2', 'n3', 'n4', 'n5'];
		const build = (newCards: number, extraNew: number) =>
			buildQueue({ catalog, states: new Map(), now: NOW, dayStartHour: 4, limits, done: { newCards, reviews: 0 }, extraNew });
		expect(build(3, 0).fresh).toEqual([]);
		expect(build(3, 0).unstudied).toBe(5);
		expect(build(3, 2).fresh).toEqual(['n1', 'n2']);
		expect(build(5, 2).fresh).toEqual([]);
	});
});
