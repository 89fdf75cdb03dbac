import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { megabytes, num } from './number';

describe('num', () => {
	it('writes counts grouped by thousands', () => {
		expect(num(0)).toBe('0');
		expect(num(813)).toBe('813');
		expect(num(1000)).toBe('1,000');
		expect(num(1_000_000)).toBe('1,000,000');
		expect(num(-12345)).toBe('-12,345');
		expect(num(2.5)).toBe('2.5');
		expect(num(0.1 + 0.2)).toBe('0.3');
	});

	it('writes every number as Intl.NumberFormat("en") does', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })),
				fc.integer({ min: 0, max: 3 }),
				(n, digits) => {
					expect(num(n, digits)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(n));
				}
			),
			{ numRuns: 5000 }
		);
	});
});

describe('megabytes', () => {
	it('writes a size in MB with one decimal', () => {
		expect(megabytes(0)).toBe('0.0 MB');
		expect(megabytes(5_872_026)).toBe('5.6 MB');
	});
});
