import { describe, expect, it } from 'vitest';
import { Rating, State } from './constants';
import { doneToday, dueKind, dueWindow, introducedSince, isDueToday, isHidden, isStudied } from './facts';
import { cardState, useTimeZone } from './test-helpers';
import type { CardState, ReviewRecord } from './types';

useTimeZone('Europe/Berlin');

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const MIN = 60_000;

describe('the day’s facts', () => {
	it('studied: any state but new; no state is never studied', () => {
		expect(isStudied(undefined)).toBe(false);
		expect(isStudied(cardState({ card_id: 'a', state: State.New }))).toBe(false);
		for (const state of [State.Learning, State.Review, State.Relearning]) expect(isStudied(cardState({ card_id: 'a', state }))).toBe(true);
	});

	it('hidden: suspended, or buried until a time still to come', () => {
		const now = local(2026, 3, 10, 9);
		expect(isHidden(undefined, now)).toBe(false);
		expect(isHidden({ suspended: true, buried_until: null }, now)).toBe(true);
		expect(isHidden({ suspended: false, buried_until: now + 1 }, now)).toBe(true);
		expect(isHidden({ suspended: false, buried_until: now }, now)).toBe(false);
	});

	it('introduced today and reviews done today: from the day start hour, forgets left out, a card introduced once', () => {
		const now = local(2026, 3, 10, 9);
		const log = (card_id: string, at: number, rating: number, state: number) => ({ card_id, review: at, rating, state }) as unknown as ReviewRecord;
		const logs = [
			log('a', local(2026, 3, 10, 6), Rating.Good, State.New),
			log('a', local(2026, 3, 10, 7), Rating.Manual, State.Learning),
			log('a', local(2026, 3, 10, 8), Rating.Again, State.New),
			log('b', local(2026, 3, 10, 4, 59), Rating.Good, State.New),
			log('c', local(2026, 3, 10, 8), Rating.Good, State.Review),
			log('d', local(2026, 3, 10, 8), Rating.Manual, State.Review)
		];
		expect([...introducedSince(logs, local(2026, 3, 10, 5))]).toEqual(['a']);
		expect(doneToday(logs, now, 5)).toEqual({ newCards: 1, reviews: 1 });
		expect(doneToday(logs, now, 4)).toEqual({ newCards: 2, reviews: 1 });
	});

	it('due: learning at its time, within learn-ahead, later today; reviews for the whole day, which ends at the day start hour', () => {
		const now = local(2026, 3, 10, 9);
		const w = dueWindow(now, 5, 20 * MIN);
		const at = (state: CardState['state'], due: number) => dueKind(cardState({ card_id: 'x', state, due }), w);
		expect(dueKind(undefined, w)).toBe('new');
		expect(at(State.Learning, now)).toBe('learning');
		expect(at(State.Relearning, now + 20 * MIN)).toBe('ahead');
		expect(at(State.Learning, now + 20 * MIN + 1)).toBe('later');
		expect(at(State.Learning, local(2026, 3, 11, 5))).toBe('none');
		expect(at(State.Review, local(2026, 3, 11, 4, 59))).toBe('review');
		expect(at(State.Review, local(2026, 3, 11, 5))).toBe('none');
		expect(isDueToday(cardState({ card_id: 'x', state: State.Learning, due: now + 60 * MIN }), now, 5)).toBe(true);
		expect(isDueToday(cardState({ card_id: 'x', state: State.New, due: 0 }), now, 5)).toBe(false);
	});
});
