import { describe, expect, it } from 'vitest';
import { State } from './constants';
import { nextSection } from './next-section';
import type { CardState } from './types';

const decks = [
	{ id: 'internet', cardIds: ['i1', 'i2'] },
	{ id: 'http', cardIds: ['h1', 'h2', 'h3'] },
	{ id: 'git', cardIds: ['g1'] }
];
const studied = (ids: string[]) => new Map<string, { state: CardState['state'] }>(ids.map((id) => [id, { state: State.Review }]));

describe('the next section in roadmap order', () => {
	it('is the first section with a card never studied, with how many are left', () => {
		const next = nextSection(decks, studied(['i1', 'i2', 'h1']));
		expect(next?.deck.id).toBe('http');
		expect(next?.unstudied).toBe(2);
	});

	it('is the first section for a learner who has studied nothing', () => {
		expect(nextSection(decks, new Map())?.deck.id).toBe('internet');
	});

	it('counts a card reset to new as not studied, and skips hidden cards', () => {
		const states = new Map([...studied(['i1', 'h1', 'h2']), ['i2', { state: State.New }]]);
		expect(nextSection(decks, states)?.deck.id).toBe('internet');
		expect(nextSection(decks, states, new Set(['i2', 'h3']))?.deck.id).toBe('git');
	});

	it('is undefined once every card is studied or hidden', () => {
		expect(nextSection(decks, studied(['i1', 'i2', 'h1', 'h2', 'h3']), new Set(['g1']))).toBeUndefined();
	});
});
