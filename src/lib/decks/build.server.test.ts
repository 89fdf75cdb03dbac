import { describe, expect, it } from 'vitest';
import { shippedCards, validDecks } from './build.server';
import { gradeTyped } from './typed-grade';

// Reading and checking every deck and building the vocabulary takes a second or two on our machines.
describe('decks as the app receives them', { timeout: 30_000 }, () => {
	it("a typed card carries the known terms near its answer, so the app refuses another tool one letter away", () => {
		const os = validDecks().find((d) => d.id === 'os');
		const card = os && shippedCards(os).find((c) => c.id === 'os-strace-syscalls');
		if (card?.kind !== 'typed') throw new Error('the os deck has no typed strace card');
		expect(card.near).toContain('ltrace');
		expect(gradeTyped(card, 'ltrace').result).toBe('wrong');
		expect(gradeTyped(card, 'strase').result).toBe('almost');
	});

	it('ships no terms with a card whose answer must match exactly', () => {
		const typed = validDecks().flatMap((d) => shippedCards(d)).filter((c) => c.kind === 'typed');
		const numbers = typed.filter((c) => c.kind === 'typed' && [c.answer, ...(c.accept ?? [])].every((f) => /^[\d.%]+$/.test(f)));
		expect(numbers.length).toBeGreaterThan(0);
		for (const c of numbers) expect(c.near).toBeUndefined();
	});
});
