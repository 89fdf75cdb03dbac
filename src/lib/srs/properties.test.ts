import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTimeZone } from './test-helpers';
import { Rating, State } from './constants';
import { nextDayStart, startOfDay } from './day';
import { grade, previewIntervals } from './grade';
import { scheduler } from './scheduler';
import type { CardState, Grade } from './types';

const f = scheduler({ retention: 0.9, maxInterval: 36500, fuzz: false, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] });
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const grades = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
/** A history: ratings with the time waited before each (0 to 60 days, in minutes). */
const history = fc.array(fc.tuple(grades, fc.integer({ min: 0, max: 60 * 24 * 60 })), { minLength: 0, maxLength: 12 });

function play(steps: [Grade, number][]): { state: CardState | undefined; now: number } {
	let state: CardState | undefined;
	let now = START;
	steps.forEach(([rating, waitMin], i) => {
		now += waitMin * 60_000;
		state = grade(f, { card_id: 'c', state, rating, now, duration: 1000, id: `r${i}` }).state;
	});
	return { state, now };
}

useTimeZone('America/New_York');

describe('scheduling properties', () => {
	it('never makes a card due before the review that scheduled it', () => {
		fc.assert(
			fc.property(history, grades, fc.integer({ min: 0, max: 90 * 24 * 60 }), (steps, rating, waitMin) => {
				const { state, now } = play(steps);
				const at = now + waitMin * 60_000;
				const next = grade(f, { card_id: 'c', state, rating, now: at, duration: 0, id: 'x' });
				expect(next.state.due).toBeGreaterThan(next.log.review);
				expect(next.state.last_review).toBe(next.log.review);
			}),
			{ numRuns: 400 }
		);
	});

	it('orders the button intervals Again ≤ Hard ≤ Good ≤ Easy', () => {
		fc.assert(
			fc.property(history, fc.integer({ min: 0, max: 90 * 24 * 60 }), (steps, waitMin) => {
				const { state, now } = play(steps);
				const iv = previewIntervals(f, 'c', state, now + waitMin * 60_000);
				expect(iv[Rating.Again]).toBeLessThanOrEqual(iv[Rating.Hard]);
				expect(iv[Rating.Hard]).toBeLessThanOrEqual(iv[Rating.Good]);
				expect(iv[Rating.Good]).toBeLessThanOrEqual(iv[Rating.Easy]);
			}),
			{ numRuns: 400 }
		);
	});

	it('gives every review a due time after a clock that went backwards', () => {
		fc.assert(
			fc.property(
				history.filter((h) => h.length > 0),
				grades,
				fc.integer({ min: 1, max: 30 * 24 * 60 }),
				(steps, rating, backMin) => {
					const { state } = play(steps);
					const before = state as CardState;
					const skewed = (before.last_review ?? START) - backMin * 60_000;
					const next = grade(f, { card_id: 'c', state: before, rating, now: skewed, duration: 0, id: 'x' });
					expect(next.log.review).toBeGreaterThanOrEqual(before.last_review ?? 0);
					expect(next.state.due).toBeGreaterThan(before.last_review ?? 0);
					expect(next.state.reps).toBe(before.reps + 1);
				}
			),
			{ numRuns: 300 }
		);
	});

	it("puts every moment in exactly one learner's day, DST changes included", () => {
		// Spans both 2026 DST changes in New York (8 March, 1 November).
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 10, 30) }), fc.integer({ min: 0, max: 23 }), (t, h) => {
				const start = startOfDay(t, h);
				const end = nextDayStart(t, h);
				expect(start).toBeLessThanOrEqual(t);
				expect(end).toBeGreaterThan(t);
				expect([23, 24, 25]).toContain((end - start) / 3_600_000);
				// 02:00 does not exist on the spring-forward day; the day then starts at 03:00.
				expect(h === 2 ? [2, 3] : [h]).toContain(new Date(start).getHours());
				expect(startOfDay(end, h)).toBe(end);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('a review card', () => {
	it('lapses to Relearning on Again and counts the lapse', () => {
		const { state } = play([
			[Rating.Good, 0],
			[Rating.Good, 10],
			[Rating.Good, 3 * 24 * 60]
		]);
		expect(state?.state).toBe(State.Review);
		const next = grade(f, { card_id: 'c', state, rating: Rating.Again, now: (state?.due ?? 0) + DAY, duration: 0, id: 'x' });
		expect(next.state.state).toBe(State.Relearning);
		expect(next.state.lapses).toBe((state?.lapses ?? 0) + 1);
	});
});
