import { describe, expect, it } from 'vitest';
import { describeProgress } from './progress';

describe('sync progress in words', () => {
	it('says what is done and what is left', () => {
		const now = 20_000;
		expect(describeProgress({ phase: 'pull', done: 20_000, total: 100_000, startedAt: 0 }, now)).toBe(
			'Receiving: 20,000 of 100,000 changes read, 80,000 left, about 1 min left'
		);
		expect(describeProgress({ phase: 'push', done: 500, total: 400, startedAt: now }, now)).toBe('Sending: 500 of 500 changes sent, 0 left');
		expect(describeProgress({ phase: 'schedule', done: 200, startedAt: now }, now)).toBe('Rescheduling the cards that changed: 200 cards done');
	});
});
