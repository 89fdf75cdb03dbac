import { describe, expect, it } from 'vitest';
import { charDiff, likeness, nearMiss } from './text-diff';

describe('likeness', () => {
	it('is 1 for the same text, 0 for nothing in common, and twice the common letters over both lengths between', () => {
		expect(likeness(charDiff('abcd', 'ABCD'))).toBe(1);
		expect(likeness(charDiff('xyz', 'abc'))).toBe(0);
		// 3 letters in common, 4 + 4 letters in all.
		expect(likeness(charDiff('abxd', 'abcd'))).toBe(0.75);
	});
});

describe('nearMiss', () => {
	it('compares a typed answer with the closest form when they are alike enough', () => {
		expect(nearMiss('postgress', ['MySQL', 'postgres'])).toEqual({
			expected: 'postgres',
			diff: [
				{ text: 'postgres', kind: 'same' },
				{ text: 's', kind: 'extra' }
			]
		});
	});

	it('gives nothing for an answer with little in common, an empty one or one far too long', () => {
		expect(nearMiss('redis', ['postgres'])).toBeUndefined();
		expect(nearMiss('   ', ['postgres'])).toBeUndefined();
		expect(nearMiss('p'.repeat(500), ['p'.repeat(400)])).toBeUndefined();
	});
});
