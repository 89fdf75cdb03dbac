import { describe, expect, it } from 'vitest';
import { describeProgress, timeLeft } from './progress';

describe('sync progress in words', () => {
	it('estimates the time left from the rate so far, once there is one', () => {
		expect(timeLeft(0, 100, 0, 10_000)).toBeUndefined();
		expect(timeLeft(10, undefined, 0, 10_000)).toBeUndefined();
		expect(timeLeft(10, 100, 0, 1000)).toBeUndefined(); // too soon to tell
		expect(timeLeft(100, 100, 0, 10_000)).toBeUndefined();
		expect(timeLeft(50, 100, 0, 4000)).toBe('a few seconds left');
		expect(timeLeft(25, 100, 0, 10_000)).toBe('about 30 s left');
		expect(timeLeft(10, 100, 0, 60_000)).toBe('about 9 min left');
	});

	it('says what is done and what is left', () => {
		const now = 20_000;
		expect(describeProgress({ phase: 'pull', done: 20_000, total: 100_000, startedAt: 0 }, now)).toBe(
			'Receiving: 20,000 of 100,000 changes read, 80,000 left, about 1 min left'
		);
		expect(describeProgress({ phase: 'push', done: 500, total: 400, startedAt: now }, now)).toBe('Sending: 500 of 500 changes sent, 0 left');
		expect(describeProgress({ phase: 'schedule', done: 200, startedAt: now }, now)).toBe('Rescheduling the cards that changed: 200 cards done');
	});
});
