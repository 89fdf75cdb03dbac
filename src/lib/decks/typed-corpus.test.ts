// The grader against what learners really type: for every typed card of the
// decks, the right forms a knowledgeable person would type and plausible wrong
// ones, written card by card in tests/typed-answers/. Every right form must be
// accepted (right, or almost for a typo) and every wrong form refused.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDecks, readKnownTerms } from './read.server';
import { gradeTyped } from './typed-grade';
import { buildVocabulary, nearTerms } from './vocabulary';

interface Entry {
	right?: string[];
	wrong?: string[];
}

const { decks, errors } = loadDecks();
const vocabulary = buildVocabulary(
	decks.flatMap((d) => d.cards),
	readKnownTerms()
);
const corpusOf = (deck: string): Record<string, Entry> => {
	const path = resolve('tests/typed-answers', `${deck}.yaml`);
	return existsSync(path) ? ((parse(readFileSync(path, 'utf8')) as Record<string, Entry> | null) ?? {}) : {};
};

it('the decks load, so the corpus is graded against every typed card', () => {
	expect(errors).toEqual([]);
	expect(decks.length).toBeGreaterThan(0);
});

describe.each(decks.map((d) => [d.id, d] as const))('typed answers of %s', (id, deck) => {
	const corpus = corpusOf(id);
	const typed = deck.cards.filter((c) => c.kind === 'typed');

	it('has at least 3 right and 2 wrong forms for every typed card, and no entry for another card', () => {
		const problems: string[] = [];
		for (const card of typed) {
			const entry = corpus[card.id];
			if ((entry?.right?.length ?? 0) < 3) problems.push(`${card.id}: ${entry?.right?.length ?? 0} right forms (at least 3)`);
			if ((entry?.wrong?.length ?? 0) < 2) problems.push(`${card.id}: ${entry?.wrong?.length ?? 0} wrong forms (at least 2)`);
		}
		const ids = new Set(typed.map((c) => c.id));
		for (const key of Object.keys(corpus)) if (!ids.has(key)) problems.push(`${key}: not a typed card of ${id}`);
		expect(problems).toEqual([]);
	});

	it('accepts every right form and refuses every wrong one', () => {
		const problems: string[] = [];
		for (const card of typed) {
			const graded = { ...card, near: nearTerms(card, vocabulary) };
			for (const form of corpus[card.id]?.right ?? []) {
				const { result } = gradeTyped(graded, String(form));
				if (result === 'wrong') problems.push(`${card.id}: right form "${form}" was refused`);
			}
			for (const form of corpus[card.id]?.wrong ?? []) {
				const { result } = gradeTyped(graded, String(form));
				if (result !== 'wrong') problems.push(`${card.id}: wrong form "${form}" was graded ${result}`);
			}
		}
		expect(problems).toEqual([]);
	});
});
