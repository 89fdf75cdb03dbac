import { describe, expect, it } from 'vitest';
import { FSRS6_DEFAULT_DECAY } from 'ts-fsrs';
import { State } from './constants';
import { addDays, cardRecallAt, overallReadiness, parseDate, readiness, readinessMoment, sectionReadiness, targetCards, weakestSections } from './readiness';
import { scheduler } from './scheduler';
import { cardState, useTimeZone } from './test-helpers';
import type { CardState } from './types';

useTimeZone('Europe/Berlin');

const DAY = 86_400_000;
// The chosen day's morning, and "now" five days before it.
const at = new Date(2026, 2, 20, 9).getTime();
const now = at - 5 * DAY;
const f = scheduler();

// The FSRS-6 forgetting curve by hand (see memory.test.ts): R(t, S) = (1 + FACTOR * t / S)^DECAY, and R(S, S) = 90%.
const DECAY = -FSRS6_DEFAULT_DECAY;
const FACTOR = 0.9 ** (1 / DECAY) - 1;
const R = (t: number, S: number) => (1 + (FACTOR * t) / S) ** DECAY;

/** A review card last answered `days` before the chosen moment, with this stability. */
const studied = (card_id: string, days: number, stability: number): CardState =>
	cardState({ card_id, stability, state: State.Review, last_review: at - days * DAY, due: at });

const sections = [
	{ id: 'a', cardIds: ['a1', 'a2'] }, // one card at 90% on the day, one never studied: 45%
	{ id: 'b', cardIds: ['b1'] }, // a card so stable it shows 100%
	{ id: 'c', cardIds: ['c1', 'c2'] }, // never started: 0%
	{ id: 'd', cardIds: ['d1', 'd2'] } // 90% and R(10, 5)
];
const states = new Map(
	[
		studied('a1', 10, 10),
		cardState({ card_id: 'a2', state: State.New, last_review: null }),
		studied('b1', 5, 100_000),
		studied('d1', 5, 5),
		studied('d2', 10, 5)
	].map((s) => [s.card_id, s])
);

describe('predicted recall on a date', () => {
	it('is the forgetting curve for a studied card and 0 for one never studied', () => {
		expect(cardRecallAt(f, states.get('a1'), at)).toBeCloseTo(0.9, 6);
		expect(cardRecallAt(f, states.get('d2'), at)).toBeCloseTo(R(10, 5), 6);
		expect(cardRecallAt(f, states.get('a2'), at)).toBe(0);
		expect(cardRecallAt(f, undefined, at)).toBe(0);
	});

	it('averages every card of a section, unstudied ones as 0', () => {
		const r = sectionReadiness(sections, states, at, f);
		expect(r.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(r[0]).toMatchObject({ total: 2, studied: 1 });
		expect(r[0]?.recall).toBeCloseTo(0.45, 6);
		expect(r[1]?.recall).toBeGreaterThan(0.9999);
		expect(r[2]).toEqual({ id: 'c', total: 2, studied: 0, recall: 0 });
		expect(r[3]?.recall).toBeCloseTo((0.9 + R(10, 5)) / 2, 6);
		// Overall: every card counts once, 7 cards in all.
		expect(overallReadiness(r)).toBeCloseTo((0.9 + 1 + 0.9 + R(10, 5)) / 7, 4);
	});

	it('is higher now than on a later date', () => {
		const today = sectionReadiness(sections, states, now, f);
		// Now, a1 was answered 5 days ago, d1 just now, d2 5 days ago.
		expect(today[0]?.recall).toBeCloseTo(R(5, 10) / 2, 6);
		expect(today[3]?.recall).toBeCloseTo((1 + 0.9) / 2, 6);
		expect(today[0]!.recall).toBeGreaterThan(sectionReadiness(sections, states, at, f)[0]!.recall);
	});

	it('names the weakest started sections, leaving out those never started and those at 100%', () => {
		const r = sectionReadiness(sections, states, at, f);
		expect(weakestSections(r).map((s) => s.id)).toEqual(['a', 'd']);
		expect(weakestSections(r, 1).map((s) => s.id)).toEqual(['a']);
		// Ties keep roadmap order.
		const tie = [
			{ id: 'x', total: 1, studied: 1, recall: 0.5 },
			{ id: 'y', total: 1, studied: 1, recall: 0.5 },
			{ id: 'z', total: 1, studied: 1, recall: 0.4 }
		];
		expect(weakestSections(tie).map((s) => s.id)).toEqual(['z', 'x', 'y']);
		expect(weakestSections([])).toEqual([]);
	});

	it('targets the studied cards of the weakest sections, lowest recall first, hidden ones left out, capped', () => {
		const weakest = weakestSections(sectionReadiness(sections, states, at, f));
		const ids = (hidden: Set<string>, limit?: number, answeredSince = at) =>
			targetCards(weakest, sections, states, { hidden, answeredSince, at, f, limit }).map((c) => c.card_id);
		// d2 (R(10,5) ≈ 85%) before a1 and d1 (both 90%, in section order); a2 is new, b1's section is not weak.
		expect(R(10, 5)).toBeCloseTo(0.8459, 3);
		expect(ids(new Set())).toEqual(['d2', 'a1', 'd1']);
		expect(ids(new Set(['d2']))).toEqual(['a1', 'd1']);
		expect(ids(new Set(), 2)).toEqual(['d2', 'a1']);
		// d1 was answered at `now` itself: from the start of that day on, it is left out.
		expect(ids(new Set(), undefined, now - 3_600_000)).toEqual(['d2', 'a1']);
		const first = targetCards(weakest, sections, states, { hidden: new Set(), answeredSince: at, at, f })[0];
		expect(first?.section).toBe('d');
		expect(first?.recall).toBeCloseTo(R(10, 5), 6);
	});

	it('gathers it all in one call', () => {
		const r = readiness(sections, states, now, { hidden: new Set(), answeredSince: now - 3_600_000, at, f });
		expect(r.weakest.map((s) => s.id)).toEqual(['a', 'd']);
		expect(r.targets.map((c) => c.card_id)).toEqual(['d2', 'a1']);
		expect(r.overallNow).toBeGreaterThan(r.overall);
	});
});

describe('the chosen date', () => {
	it('is a real local calendar date', () => {
		expect(parseDate('2026-03-20')).toEqual({ y: 2026, m: 3, d: 20 });
		expect(parseDate('2026-02-30')).toBeUndefined();
		expect(parseDate('20-03-2026')).toBeUndefined();
		expect(parseDate('')).toBeUndefined();
	});

	it('is predicted for at 09:00 local, or the day start if later', () => {
		expect(readinessMoment('2026-03-20', 4)).toBe(new Date(2026, 2, 20, 9).getTime());
		expect(readinessMoment('2026-03-20', 11)).toBe(new Date(2026, 2, 20, 11).getTime());
		expect(readinessMoment('nope', 4)).toBeUndefined();
	});

	it('counts days on the local calendar, across a DST change', () => {
		// Berlin moves its clocks forward on 29 March 2026.
		expect(addDays(new Date(2026, 2, 20, 23, 30).getTime(), 14)).toBe('2026-04-03');
		expect(addDays(new Date(2026, 11, 31, 12).getTime(), 1)).toBe('2027-01-01');
	});
});
