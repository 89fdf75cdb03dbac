import { describe, expect, it } from 'vitest';
import { timeLeft } from './progress';

const START = 1_000_000;
/** The estimate when `done` of `total` took `seconds`. */
const after = (seconds: number, done: number, total: number) => timeLeft(done, total, START, START + seconds * 1000);

describe('timeLeft', () => {
	it('says nothing until there is a rate worth the name', () => {
		expect(after(60, 0, 100)).toBeUndefined();
		expect(timeLeft(10, undefined, START, START + 60_000)).toBeUndefined();
		expect(after(1.9, 50, 100)).toBeUndefined();
		expect(after(2, 50, 100)).toBe('a few seconds left');
	});

	it('says nothing once everything is counted: what remains is the finishing', () => {
		expect(after(30, 100, 100)).toBeUndefined();
		expect(after(30, 120, 100)).toBeUndefined();
	});

	it('goes by the rate so far', () => {
		// 100,000 in 20 s: 900,000 more take 180 s.
		expect(after(20, 100_000, 1_000_000)).toBe('about 3 min left');
		expect(after(20, 500_000, 1_000_000)).toBe('about 20 s left');
	});

	it('rounds coarsely, to tens of seconds, minutes, then hours', () => {
		expect(after(9, 50, 100)).toBe('a few seconds left');
		expect(after(10, 50, 100)).toBe('about 10 s left');
		expect(after(44, 50, 100)).toBe('about 40 s left');
		expect(after(54, 50, 100)).toBe('about 50 s left');
		expect(after(55, 50, 100)).toBe('about 1 min left');
		expect(after(150, 50, 100)).toBe('about 3 min left');
		expect(after(89 * 60, 50, 100)).toBe('about 89 min left');
		expect(after(90 * 60, 50, 100)).toBe('about 2 h left');
		expect(after(5 * 3600, 50, 100)).toBe('about 5 h left');
	});
});
