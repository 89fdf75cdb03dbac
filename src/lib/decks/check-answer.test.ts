import { describe, expect, it } from 'vitest';
import { checkChoice, checkMulti, checkOrder } from './check-answer';
import { gradeTyped } from './typed-grade';
import type { Card } from './schema';

const base = { prompt: 'p', explanation: 'e.', source: { file: '000_c49236ff270dceac.txt' as const, heading: 'h' } };
const choice: Extract<Card, { kind: 'choice' }> = { ...base, id: 'x-c', kind: 'choice', answer: '443', distractors: ['80', '22'] };
const multi: Extract<Card, { kind: 'multi' }> = { ...base, id: 'x-m', kind: 'multi', correct: ['GET', 'HEAD'], incorrect: ['POST'] };
const typed: Extract<Card, { kind: 'typed' }> = { ...base, id: 'x-t', kind: 'typed', answer: 'git switch -c', accept: ['git checkout -b'] };
const order: Extract<Card, { kind: 'order' }> = { ...base, id: 'x-o', kind: 'order', steps: ['SYN', 'SYN-ACK', 'ACK'] };

describe('checking an answer', () => {
	it('multiple choice: only the correct option', () => {
		expect(checkChoice(choice, '443')).toBe(true);
		expect(checkChoice(choice, '80')).toBe(false);
	});

	it('choose all that apply: all correct and nothing wrong', () => {
		expect(checkMulti(multi, new Set(['HEAD', 'GET']))).toBe(true);
		expect(checkMulti(multi, new Set(['GET']))).toBe(false);
		expect(checkMulti(multi, new Set(['GET', 'HEAD', 'POST']))).toBe(false);
		expect(checkMulti(multi, new Set())).toBe(false);
	});

	it('typed: ignores case (but not in flags), surrounding and repeated spaces, and accepts listed variants', () => {
		const right = (s: string) => gradeTyped(typed, s).result === 'right';
		expect(right('  Git Switch   -c ')).toBe(true);
		expect(right('git switch -C')).toBe(false);
		expect(right('git checkout -b')).toBe(true);
		expect(right('git branch')).toBe(false);
		expect(right('   ')).toBe(false);
	});

	it('ordering: exactly the right order', () => {
		expect(checkOrder(order, ['SYN', 'SYN-ACK', 'ACK'])).toBe(true);
		expect(checkOrder(order, ['SYN-ACK', 'SYN', 'ACK'])).toBe(false);
		expect(checkOrder(order, ['SYN', 'SYN-ACK'])).toBe(false);
	});
});
