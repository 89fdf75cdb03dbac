import { describe, expect, it } from 'vitest';
import { emptyCounts } from '$lib/db/aggregates';
import { DEFAULT_ANSWER_MS, describeDuration, estimateToday } from './estimate';

const steps = { learning: 2, relearning: 1 };

describe("today's study time", () => {
	it("uses the learner's own time per answer", () => {
		const recent = { ...emptyCounts(), answers: 100, timeMs: 100 * 6000, reviewAnswers: 50, reviewAgain: 5 };
		const e = estimateToday({ fresh: 10, learning: 3, review: 40 }, recent, steps);
		// 10 new × 2 steps + 3 learning + 40 reviews × (1 + 10% × 1 relearning step) = 20 + 3 + 44.
		expect(e.answers).toBe(67);
		expect(e.perAnswer).toBe(6000);
		expect(e.ms).toBe(67 * 6000);
		expect(e.ownPace).toBe(true);
	});

	it('assumes a default pace, and one Again in ten reviews, before any answer', () => {
		const e = estimateToday({ fresh: 20, learning: 0, review: 10 }, emptyCounts(), steps);
		expect(e.answers).toBe(40 + 11);
		expect(e.perAnswer).toBe(DEFAULT_ANSWER_MS);
		expect(e.ownPace).toBe(false);
	});

	it('takes longer for a learner who forgets more and has more relearning steps', () => {
		const recent = { ...emptyCounts(), answers: 10, timeMs: 50_000, reviewAnswers: 10, reviewAgain: 5 };
		const one = estimateToday({ fresh: 0, learning: 0, review: 10 }, recent, steps);
		const two = estimateToday({ fresh: 0, learning: 0, review: 10 }, recent, { learning: 2, relearning: 2 });
		expect(one.answers).toBe(15);
		expect(two.answers).toBe(20);
	});

	it('is nothing with nothing to study', () => {
		expect(estimateToday({ fresh: 0, learning: 0, review: 0 }, emptyCounts(), steps).ms).toBe(0);
	});
});

describe('a duration in words', () => {
	it('rounds to minutes and hours', () => {
		expect(describeDuration(0)).toBe('no time');
		expect(describeDuration(20_000)).toBe('under a minute');
		expect(describeDuration(12 * 60_000 + 10_000)).toBe('about 12 min');
		expect(describeDuration(80 * 60_000)).toBe('about 1 h 20 min');
		expect(describeDuration(120 * 60_000)).toBe('about 2 h');
	});
});
