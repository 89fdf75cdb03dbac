// The terms the decks know: every typed answer and accepted form, every short
// option, every name written as code, every acronym and proper name in any
// card, and the tools and services listed in `decks/known-terms.txt`. A typed
// answer one letter away from the expected one is a typo only when it is not
// itself one of these: `ltrace` is another tool, not a misspelt `strace`.
// Built with the decks, so a card ships only the few terms near its answer.
import type { Card } from './schema.ts';
import { editDistance } from './text-diff.ts';
import { matchKey, plain, typoAllowed } from './typed-forms.ts';

/** An option or answer of at most this many words is a term in itself. */
const TERM_WORDS = 4;

/** Every text a card shows. */
function textsOf(card: Card): string[] {
	const texts = [card.prompt, card.explanation];
	if (card.kind === 'flashcard' || card.kind === 'choice' || card.kind === 'typed') texts.push(card.answer);
	if (card.kind === 'choice') texts.push(...card.distractors);
	if (card.kind === 'multi') texts.push(...card.correct, ...card.incorrect);
	if (card.kind === 'typed') texts.push(...(card.accept ?? []));
	if (card.kind === 'order') texts.push(...card.steps);
	return texts;
}

/** The options and answers of a card that are short enough to be names. */
function namesOf(card: Card): string[] {
	const names: string[] = [];
	if (card.kind === 'typed') names.push(card.answer, ...(card.accept ?? []));
	if (card.kind === 'choice') names.push(card.answer, ...card.distractors);
	if (card.kind === 'multi') names.push(...card.correct, ...card.incorrect);
	return names.filter((n) => plain(n).split(' ').length <= TERM_WORDS);
}

/** Names inside running text: code spans and their identifiers, acronyms, capitalised names mid-sentence. */
export function termsInText(text: string): string[] {
	const terms: string[] = [];
	for (const [, span] of text.matchAll(/`([^`]+)`/g)) {
		const tokens = span!.trim().split(/\s+/);
		if (tokens.length <= TERM_WORDS) terms.push(span!);
		for (const t of tokens) {
			const name = t.replace(/\(\)$/, '');
			if (/^[A-Za-z_][\w.-]*[A-Za-z0-9_]$/.test(name)) terms.push(name);
			// The words of a hyphenated name: `Referrer-Policy` makes `Referrer` a known spelling.
			if (/^[A-Za-z][\w-]*-[\w-]*[A-Za-z]$/.test(name)) terms.push(...name.split('-').filter((w) => w.length >= 4));
		}
	}
	const prose = text.replace(/`[^`]*`/g, ' ');
	for (const [word] of prose.matchAll(/\b[A-Z][A-Z0-9]{1,7}s?\b/g)) terms.push(word);
	for (const [, word] of prose.matchAll(/(?<=[a-z0-9,;)] )([A-Z][a-z]+[A-Za-z0-9]*)/g)) terms.push(word!);
	return terms;
}

/** Every term of the decks and the extra list, as match keys. */
export function buildVocabulary(cards: Iterable<Card>, extra: Iterable<string> = []): Set<string> {
	const terms = new Set<string>();
	const add = (t: string) => {
		const key = matchKey(t.replace(/^(the|a|an) /i, ''));
		if (key.length >= 2) terms.add(key);
	};
	for (const card of cards) {
		for (const name of namesOf(card)) add(name);
		for (const text of textsOf(card)) termsInText(text).forEach(add);
	}
	for (const t of extra) add(t);
	return terms;
}

/** `decks/known-terms.txt`: terms separated by spaces (a hyphen joins a term of two words); `#` starts a comment. */
export function parseKnownTerms(text: string): string[] {
	return text.split('\n').flatMap((line) => line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean));
}

/**
 * The known terms one typo away from any of a typed card's accepted forms or
 * from one of their words, not counting the forms and words themselves.
 */
export function nearTerms(card: Pick<Extract<Card, { kind: 'typed' }>, 'answer' | 'accept' | 'prompt'>, vocabulary: ReadonlySet<string>): string[] {
	// Only where a typo may be forgiven: numbers, flags, code and commands must match exactly anyway.
	const forms = [card.answer, ...(card.accept ?? [])].filter((f) => typoAllowed(f, card.prompt));
	const targets = new Set(forms.flatMap((f) => [matchKey(f), ...plain(f).split(' ').map(matchKey)]).filter((k) => k.length >= 3));
	const near = new Set<string>();
	for (const term of vocabulary) {
		if (targets.has(term)) continue;
		for (const target of targets) {
			if (Math.abs(term.length - target.length) <= 1 && editDistance(term, target, 1) === 1) {
				near.add(term);
				break;
			}
		}
	}
	return [...near].sort();
}
