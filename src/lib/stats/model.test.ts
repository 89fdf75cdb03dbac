import { describe, expect, it } from 'vitest';
import { recompute } from '$lib/db/aggregates';
import type { CardMarks, PracticeRecord } from '$lib/data/types';
import type { DeckSummary } from '$lib/decks/types';
import { State } from '$lib/srs/constants';
import { scheduler } from '$lib/srs/scheduler';
import { cardState, useTimeZone } from '$lib/srs/test-helpers';
import { buildStats } from './model';
import { answer, local } from './test-helpers';

useTimeZone('America/New_York');

const deck = (id: DeckSummary['id'], cardIds: string[]): DeckSummary => ({ id, title: id, group: 'internet', prerequisites: [], cardIds });
const marks = (card_id: string, suspended: boolean): CardMarks => ({
	card_id,
	suspended,
	buried_until: null,
	flagged: false,
	leech: false,
	updated: 0,
	device: 'd'
});
const practice = (review: number): PracticeRecord => ({ id: `p${review}`, card_id: 'a', rating: 1, correct: null, review, duration: 1000 });

describe('the stats page model', () => {
	it('puts the figures together from buckets, states, marks and the deck index', () => {
		// 23:30 on Nov 29 with days from 00:00 (New York).
		const now = local(2026, 11, 29, 23, 30);
		const logs = [
			answer(local(2026, 11, 29, 9), 'Good', 'New'),
			answer(local(2026, 11, 29, 10), 'Again', 'Review', 30),
			answer(local(2026, 11, 28, 22), 'Easy', 'New')
		];
		const agg = recompute(logs);
		const states = new Map(
			[
				cardState({ card_id: 'a', state: State.Review, due: local(2026, 11, 30, 9), last_review: now - 3_600_000 }),
				cardState({ card_id: 'b', state: State.Review, due: local(2026, 11, 30, 9), last_review: now - 3_600_000 })
			].map((s) => [s.card_id, s])
		);
		const stats = buildStats(
			{
				dayStartHour: 0,
				buckets: [...agg.buckets.values()].sort((x, y) => x.t - y.t),
				streak: 2,
				states,
				marks: new Map([['b', marks('b', true)]]),
				totals: agg.cards,
				decks: [deck('internet', ['a', 'b', 'c']), deck('http', ['d'])],
				practice: { total: 3, recent: [practice(local(2026, 11, 28, 8)), practice(local(2026, 11, 29, 8))] }
			},
			now,
			scheduler()
		);
		expect(stats.today).toBe(2);
		expect(stats.total).toBe(3);
		expect(stats.streak).toBe(2);
		expect(stats.recent).toHaveLength(14);
		expect(stats.recent.slice(-2).map((d) => d.answers)).toEqual([1, 2]);
		// 'b' is suspended: out of the forecast, counted once as suspended.
		expect(stats.forecast.days[1]!.due).toBe(1);
		expect(stats.states).toEqual({ new: 2, learning: 0, relearning: 0, young: 1, mature: 0, suspended: 1 });
		expect(stats.retention[0]!.mature).toEqual({ answers: 1, again: 1 });
		expect(stats.buttons.recent.counts).toEqual({ again: 1, hard: 0, good: 1, easy: 1 });
		expect(stats.knowledge.total).toBe(4);
		// The headline is the sections' rows added up.
		expect(stats.knowledge.introduced).toBe(2);
		expect(stats.sections.map((s) => [s.id, s.introduced])).toEqual([
			['internet', 2],
			['http', 0]
		]);
		expect(stats.practice).toEqual({ total: 3, today: 1, recalled: 0 });
	});
});
