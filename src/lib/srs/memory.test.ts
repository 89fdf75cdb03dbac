import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve, FSRS6_DEFAULT_DECAY } from 'ts-fsrs';
import { State } from './constants';
import { coverage, knownShare, memoryOf, percentOf, sumMemory } from './memory';
import { scheduler } from './scheduler';
import { cardState } from './test-helpers';
import type { CardState } from './types';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1, 12);

// FSRS-6 forgetting curve, worked by hand from ts-fsrs's default decay:
// DECAY = -w[20] (FSRS6_DEFAULT_DECAY), FACTOR = 0.9^(1/DECAY) - 1, R(t, S) = (1 + FACTOR * t / S)^DECAY.
const DECAY = -FSRS6_DEFAULT_DECAY;
const FACTOR = 0.9 ** (1 / DECAY) - 1;
const R = (t: number, S: number) => (1 + (FACTOR * t) / S) ** DECAY;

/** A card last answered `days` ago with this stability. */
const studied = (card_id: string, days: number, stability: number, state: CardState['state'] = State.Review): CardState =>
	cardState({ card_id, stability, state, last_review: now - days * DAY, due: now + DAY });

describe('a section on the memory map', () => {
	it('averages the recall of studied cards only, and counts introduced and mastered ones', () => {
		const states = new Map(
			[
				studied('a', 10, 10), // t = S: 90% by the curve's definition
				studied('b', 5, 30, State.Review), // stability ≥ 21: mastered
				studied('c', 1, 2, State.Learning), // learning: introduced, never mastered
				studied('d', 0, 21), // mastered on the threshold, answered just now: 100%
				cardState({ card_id: 'e', state: State.New, last_review: null }) // new: not introduced
			].map((s) => [s.card_id, s])
		);
		// 'f' has no stored state at all.
		const m = memoryOf(['a', 'b', 'c', 'd', 'e', 'f'], states, now, scheduler());
		expect(m.total).toBe(6);
		expect(m.introduced).toBe(4);
		expect(m.mastered).toBe(2);
		const expected = (R(10, 10) + R(5, 30) + R(1, 2) + R(0, 21)) / 4;
		expect(default_w[20]).toBe(FSRS6_DEFAULT_DECAY);
		expect(R(10, 10)).toBeCloseTo(0.9, 10);
		expect(m.recall).toBeCloseTo(expected, 6);
		// ts-fsrs's own curve agrees with the hand-worked one.
		expect(forgetting_curve(default_w, 5, 30)).toBeCloseTo(R(5, 30), 6);
		// About 95.4%: (0.9 + 0.9769 + 0.9403 + 1) / 4 with the default decay 0.1542.
		expect(m.recall).toBeCloseTo(0.9543, 3);
	});

	it('counts whole days since the last answer, as FSRS does', () => {
		const states = new Map([['a', studied('a', 2.9, 4)]]);
		expect(memoryOf(['a'], states, now, scheduler()).recall).toBeCloseTo(R(2, 4), 6);
	});

	it('has no recall before any card is studied', () => {
		const m = memoryOf(['a', 'b'], new Map(), now, scheduler());
		expect(m).toEqual({ total: 2, introduced: 0, mastered: 0, known: 0, recall: undefined });
	});

	it('only reads the section’s own cards', () => {
		const states = new Map([['x', studied('x', 100, 1)]]);
		expect(memoryOf(['a'], states, now, scheduler()).introduced).toBe(0);
	});
});

describe('a share as the pages show it', () => {
	it('is a whole percentage, and never 0% for a share above 0', () => {
		expect(percentOf(0)).toBe('0%');
		expect(percentOf(0.004)).toBe('<1%');
		expect(percentOf(0.005)).toBe('1%');
		expect(percentOf(0.944)).toBe('94%');
		expect(percentOf(0.945)).toBe('95%');
		expect(percentOf(1)).toBe('100%');
	});
});

describe('the words for memory', () => {
	const states = new Map(
		[studied('a', 10, 10), studied('b', 0, 30), cardState({ card_id: 'c', state: State.New, last_review: null })].map((s) => [s.card_id, s])
	);

	it('counts known over every card: a card not started is not known, yet does not lower the recall of studied cards', () => {
		const m = memoryOf(['a', 'b', 'c', 'd'], states, now, scheduler());
		expect(m.introduced).toBe(2);
		expect(m.recall).toBeCloseTo((R(10, 10) + 1) / 2, 6);
		expect(m.known).toBeCloseTo(R(10, 10) + 1, 6);
		// known = coverage × recall, as a share of the four cards.
		expect(coverage(m)).toBe(0.5);
		expect(knownShare(m)).toBeCloseTo(coverage(m) * (m.recall ?? 0), 10);
	});

	it('adds up sections to the same figures as their cards taken together', () => {
		const f = scheduler();
		const whole = memoryOf(['a', 'b', 'c', 'd'], states, now, f);
		const parts = sumMemory([memoryOf(['a', 'c'], states, now, f), memoryOf(['b', 'd'], states, now, f)]);
		expect(parts.total).toBe(whole.total);
		expect(parts.introduced).toBe(whole.introduced);
		expect(parts.known).toBeCloseTo(whole.known, 10);
		expect(parts.recall).toBeCloseTo(whole.recall ?? NaN, 10);
	});

	it('predicts a later date with the same function: recall falls, introduced stays', () => {
		const f = scheduler();
		const later = memoryOf(['a', 'b'], states, now + 30 * DAY, f);
		expect(later.introduced).toBe(2);
		expect(later.recall).toBeCloseTo((R(40, 10) + R(30, 30)) / 2, 6);
	});
});
