import { describe, expect, it } from 'vitest';
import { FSRS6_DEFAULT_DECAY } from 'ts-fsrs';
import { State } from './constants';
import {
	addDays,
	cardRecallAt,
	daysToStart,
	daysUntil,
	JUDGED_COVERAGE,
	lowCoverageSections,
	parseDate,
	readiness,
	readinessMoment,
	sectionReadiness,
	targetCards,
	weakestSections,
	type SectionReadiness
} from './readiness';
import { scheduler } from './scheduler';
import { cardState, useTimeZone } from './test-helpers';
import type { CardState } from './types';
import { coverage, memoryOf } from './memory';

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
	{ id: 'a', cardIds: ['a1', 'a2'] }, // half introduced: one card at 90% on the day, one never studied
	{ id: 'b', cardIds: ['b1'] }, // a card so stable it shows 100%
	{ id: 'c', cardIds: ['c1', 'c2'] }, // never started
	{ id: 'd', cardIds: ['d1', 'd2'] }, // 90% and R(10, 5) ≈ 85%: recall of studied cards ≈ 87%, below a's 90%
	{ id: 'e', cardIds: ['e1', 'e2', 'e3', 'e4', 'e5'] } // barely started: 1 of 5, that one long forgotten (R(40, 2))
];
const states = new Map(
	[
		studied('a1', 10, 10),
		cardState({ card_id: 'a2', state: State.New, last_review: null }),
		studied('b1', 5, 100_000),
		studied('d1', 5, 5),
		studied('d2', 10, 5),
		studied('e1', 40, 2)
	].map((s) => [s.card_id, s])
);
const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe('predicted recall on a date', () => {
	it('is the forgetting curve for a studied card and 0 for one never studied', () => {
		expect(cardRecallAt(f, states.get('a1'), at)).toBeCloseTo(0.9, 6);
		expect(cardRecallAt(f, states.get('d2'), at)).toBeCloseTo(R(10, 5), 6);
		expect(cardRecallAt(f, states.get('a2'), at)).toBe(0);
		expect(cardRecallAt(f, undefined, at)).toBe(0);
	});

	it('gives each section memoryOf its cards on the date: recall of studied cards leaves the new ones out', () => {
		const r = sectionReadiness(sections, states, at, f);
		expect(ids(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
		for (const [i, s] of sections.entries()) expect(r[i]?.memory).toEqual(memoryOf(s.cardIds, states, at, f));
		// a: a new card does not halve its recall; it is a card to start.
		expect(r[0]?.memory).toMatchObject({ total: 2, introduced: 1 });
		expect(r[0]?.memory.recall).toBeCloseTo(0.9, 6);
		expect(r[0]?.unstudied).toBe(1);
		expect(r[2]?.memory.recall).toBeUndefined();
		expect(r[2]?.unstudied).toBe(2);
		expect(r[3]?.memory.recall).toBeCloseTo((0.9 + R(10, 5)) / 2, 6);
	});

	it('does not count hidden new cards among those to start', () => {
		const r = sectionReadiness(sections, states, at, f, new Set(['e2', 'e3', 'a1']));
		expect(r[4]?.unstudied).toBe(2);
		// A hidden studied card is still studied: a's one new card is left to start.
		expect(r[0]?.unstudied).toBe(1);
	});

	it('is higher now than on a later date', () => {
		const today = sectionReadiness(sections, states, now, f);
		// Now, a1 was answered 5 days ago, d1 just now, d2 5 days ago.
		expect(today[0]?.memory.recall).toBeCloseTo(R(5, 10), 6);
		expect(today[3]?.memory.recall).toBeCloseTo((1 + 0.9) / 2, 6);
		expect(today[0]!.memory.recall!).toBeGreaterThan(sectionReadiness(sections, states, at, f)[0]!.memory.recall!);
	});
});

describe('the weakest sections and those too little started to judge', () => {
	const then = sectionReadiness(sections, states, at, f);

	it('ranks the judged sections by recall of studied cards, not by recall over all cards', () => {
		// Over all cards a (45%) is below d (87%); over its studied cards a is at 90%, above d.
		expect(ids(weakestSections(then))).toEqual(['d', 'a']);
		expect(ids(weakestSections(then, 1))).toEqual(['d']);
	});

	it('leaves out a section never started, one at 100%, and one under a quarter introduced however low its recall', () => {
		const e = then[4]!;
		expect(coverage(e.memory)).toBeLessThan(JUDGED_COVERAGE);
		expect(e.memory.recall).toBeLessThan(then[3]!.memory.recall!);
		expect(ids(weakestSections(then))).not.toContain('e');
		expect(ids(weakestSections(then))).not.toContain('b');
		expect(ids(weakestSections(then))).not.toContain('c');
		expect(weakestSections([])).toEqual([]);
	});

	it('keeps roadmap order between ties', () => {
		const section = (id: string, recall: number): SectionReadiness => ({
			id,
			memory: { total: 4, introduced: 2, mastered: 0, known: 2 * recall, recall },
			unstudied: 2
		});
		expect(ids(weakestSections([section('x', 0.5), section('y', 0.5), section('z', 0.4)]))).toEqual(['z', 'x', 'y']);
	});

	it('lists the started sections under a quarter introduced apart, in roadmap order; a section at exactly a quarter is judged', () => {
		expect(ids(lowCoverageSections(then))).toEqual(['e']);
		const quarter = sectionReadiness([{ id: 'q', cardIds: ['a1', 'x2', 'x3', 'x4'] }], states, at, f);
		expect(coverage(quarter[0]!.memory)).toBe(JUDGED_COVERAGE);
		expect(lowCoverageSections(quarter)).toEqual([]);
		expect(ids(weakestSections(quarter))).toEqual(['q']);
	});
});

describe('the cards not started', () => {
	it('take the days the new-card limit needs to start them', () => {
		expect(daysToStart(412, 10)).toBe(42);
		expect(daysToStart(400, 10)).toBe(40);
		expect(daysToStart(3, 20)).toBe(1);
		expect(daysToStart(0, 10)).toBe(0);
		// No new cards a day: they never start.
		expect(daysToStart(5, 0)).toBeUndefined();
	});

	it('are counted over every section, hidden ones left out', () => {
		const r = readiness(sections, states, now, { hidden: new Set(['e5']), answeredSince: now - 3_600_000, at, f });
		// a2, c1, c2, e2, e3, e4: the 12 cards less the 5 introduced and the hidden e5.
		expect(r.unstudied).toBe(6);
		expect(r.overall).toMatchObject({ total: 12, introduced: 5 });
	});
});

describe('the targeted review', () => {
	const weakest = weakestSections(sectionReadiness(sections, states, at, f));
	const cards = (named: readonly string[], hidden = new Set<string>(), limit?: number, answeredSince = at) =>
		targetCards(named, sections, states, { hidden, answeredSince, at, f, limit }).map((c) => c.card_id);

	it('holds the studied cards of the sections named, lowest recall first, hidden ones left out, capped', () => {
		// d2 (R(10,5) ≈ 85%) before d1 and a1 (both 90%, in the order named); a2 is new, b1's section is not named.
		expect(R(10, 5)).toBeCloseTo(0.8459, 3);
		expect(cards(ids(weakest))).toEqual(['d2', 'd1', 'a1']);
		expect(cards(ids(weakest), new Set(['d2']))).toEqual(['d1', 'a1']);
		expect(cards(ids(weakest), new Set(), 2)).toEqual(['d2', 'd1']);
		// d1 was answered at `now` itself: from the start of that day on, it is left out.
		expect(cards(ids(weakest), new Set(), undefined, now - 3_600_000)).toEqual(['d2', 'a1']);
		const first = targetCards(ids(weakest), sections, states, { hidden: new Set(), answeredSince: at, at, f })[0];
		expect(first?.section).toBe('d');
		expect(first?.recall).toBeCloseTo(R(10, 5), 6);
	});

	it('holds no card of a section it does not name, however weak that card', () => {
		// e1 is the weakest card of all, b1 the strongest: neither gets into a review of a and d.
		for (const named of [['a'], ['d'], ['a', 'd'], ['d', 'nowhere']]) {
			const allowed = new Set(sections.filter((s) => named.includes(s.id)).flatMap((s) => s.cardIds));
			const got = targetCards(named, sections, states, { hidden: new Set(), answeredSince: at, at, f });
			expect(got.length).toBeGreaterThan(0);
			for (const c of got) {
				expect(named).toContain(c.section);
				expect(allowed.has(c.card_id)).toBe(true);
			}
		}
		expect(cards([])).toEqual([]);
	});

	it('names the weakest sections it holds cards of, and only those', () => {
		const r = readiness(sections, states, now, { hidden: new Set(), answeredSince: now - 3_600_000, at, f });
		expect(ids(r.weakest)).toEqual(['d', 'a']);
		expect(ids(r.lowCoverage)).toEqual(['e']);
		expect(r.targets.map((c) => c.card_id)).toEqual(['d2', 'a1']);
		expect(r.targetSections).toEqual(['d', 'a']);
		// Every card answered "today": the weakest are still named as such, but there is no review to offer.
		const done = readiness(sections, states, now, { hidden: new Set(), answeredSince: at - 20 * DAY, at, f });
		expect(ids(done.weakest)).toEqual(['d', 'a']);
		expect(done.targets).toEqual([]);
		expect(done.targetSections).toEqual([]);
		// a's one studied card set aside: a is among the weakest, but the review neither holds nor names it.
		const hiddenA = readiness(sections, states, now, { hidden: new Set(['a1']), answeredSince: now - 3_600_000, at, f });
		expect(hiddenA.targetSections).toEqual(['d']);
		expect(hiddenA.targets.every((c) => c.section === 'd')).toBe(true);
	});

	it('reads the studied cards’ recall on the date and now from the same cards', () => {
		const r = readiness(sections, states, now, { hidden: new Set(), answeredSince: now - 3_600_000, at, f });
		expect(r.overall.introduced).toBe(r.overallNow.introduced);
		expect(r.overallNow.recall!).toBeGreaterThan(r.overall.recall!);
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
		expect(daysUntil(new Date(2026, 2, 20, 23, 30).getTime(), '2026-04-03')).toBe(14);
		expect(daysUntil(new Date(2026, 2, 20, 0, 10).getTime(), '2026-03-21')).toBe(1);
		expect(daysUntil(now, 'nope')).toBeUndefined();
	});
});
