import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { State } from '$lib/srs/constants';
import { cardState } from '$lib/srs/test-helpers';
import { simulateWorkload } from './workload';

const NOW = Date.UTC(2026, 10, 21, 8);
const DAY = 86_400_000;
/** 300 review cards of assorted stability, due over the coming weeks. */
const states = Array.from({ length: 300 }, (_, i) =>
	cardState({
		card_id: `c${i}`,
		state: State.Review,
		stability: 2 + (i % 40),
		difficulty: 3 + (i % 6),
		due: NOW + (i % 30) * DAY,
		last_review: NOW - 10 * DAY,
		reps: 4,
		scheduled_days: 10
	})
);

describe('workload against desired retention', () => {
	const points = simulateWorkload({ w: null, states, unstudied: 200, newPerDay: 10, now: NOW, days: 180 });

	it('costs more reviews a day the higher the retention, steeply near the top', () => {
		expect(points.map((p) => p.retention)).toEqual([0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97]);
		for (let i = 1; i < points.length; i++) expect(points[i]!.perDay).toBeGreaterThan(points[i - 1]!.perDay);
		// From 0.90 to 0.97 costs more than from 0.70 to 0.80.
		const at = (r: number) => points.find((p) => p.retention === r)!.perDay;
		expect(at(0.97) - at(0.9)).toBeGreaterThan(at(0.8) - at(0.7));
	});

	it('is repeatable, and follows the parameters: a learner who forgets slowly has less to do', () => {
		expect(simulateWorkload({ w: null, states, unstudied: 200, newPerDay: 10, now: NOW, days: 180 })).toEqual(points);
		const slow = [...default_w];
		for (const i of [0, 1, 2, 3]) slow[i] = slow[i]! * 3;
		const slower = simulateWorkload({ w: slow, states: [], unstudied: 200, newPerDay: 10, now: NOW, days: 180, retentions: [0.9] });
		const plain = simulateWorkload({ w: null, states: [], unstudied: 200, newPerDay: 10, now: NOW, days: 180, retentions: [0.9] });
		expect(slower[0]!.perDay).toBeLessThan(plain[0]!.perDay);
	});

	it('is nothing for an empty collection', () => {
		expect(simulateWorkload({ w: null, states: [], unstudied: 0, newPerDay: 20, now: NOW, days: 30, retentions: [0.9] })).toEqual([
			{ retention: 0.9, perDay: 0 }
		]);
	});
});
