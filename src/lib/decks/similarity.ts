import type { Card } from './schema.ts';

/** Words too common to say anything about what a prompt asks. */
const STOPWORDS = new Set(
	'a an and are as at be by can do does for from how in into is it its of on or that the this to what when which who why with you your'.split(' ')
);

/** The content words of a prompt, lower-cased, code marks and punctuation dropped. */
export function contentWords(s: string): Set<string> {
	const words = s
		.toLowerCase()
		.replaceAll('`', ' ')
		.split(/[^a-z0-9+#./-]+/)
		.map((w) => w.replace(/^[./-]+|[./-]+$/g, ''))
		.filter((w) => w !== '' && !STOPWORDS.has(w));
	return new Set(words);
}

/** Jaccard similarity of two word sets: shared words over all words. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	const union = a.size + b.size - shared;
	return union === 0 ? 0 : shared / union;
}

export interface PromptRef {
	file: string;
	id: string;
	prompt: string;
}

export interface NearDuplicate {
	a: PromptRef;
	b: PromptRef;
	score: number;
}

/** Prompt pairs whose content words overlap at least `threshold` (only prompts of 3+ content words). */
export function nearDuplicatePrompts(prompts: readonly PromptRef[], threshold = 0.6): NearDuplicate[] {
	const words = prompts.map((p) => contentWords(p.prompt));
	const out: NearDuplicate[] = [];
	for (let i = 0; i < prompts.length; i++) {
		const wi = words[i];
		if (!wi || wi.size < 3) continue;
		for (let j = i + 1; j < prompts.length; j++) {
			const wj = words[j];
			if (!wj || wj.size < 3) continue;
			const score = jaccard(wi, wj);
			if (score >= threshold) out.push({ a: prompts[i] as PromptRef, b: prompts[j] as PromptRef, score });
		}
	}
	return out;
}

/** What a card asks for, as one comparable text: the answer, the right options or the steps. */
export function answerOf(card: Card): string {
	if (card.kind === 'multi') return [...card.correct].sort().join(' | ');
	if (card.kind === 'order') return card.steps.join(' | ');
	return card.answer;
}

/** An answer in the form two cards' answers are compared: no code marks, case, punctuation or leading article. */
const answerKey = (s: string) =>
	s
		.toLowerCase()
		.replace(/[`'".,;:!?()]/g, '')
		.replace(/^(the|a|an) /, '')
		.replace(/\s+/g, ' ')
		.trim();

export interface CardRef {
	file: string;
	deck: string;
	card: Card;
}

/** Thresholds: the same answer with prompts sharing this much, or near-identical answers and prompts. */
export const SAME_FACT = { samePrompt: 0.12, similarAnswer: 0.6, similarPrompt: 0.3 } as const;

/**
 * Pairs of cards in different decks that ask the same fact: the same answer
 * (or one's answer among the other's accepted forms) and prompts that share
 * words, or, for sets and sequences, nearly the same options and prompts.
 */
export function sameFactPairs(cards: readonly CardRef[]): { a: CardRef; b: CardRef; score: number }[] {
	const info = cards.map((ref) => {
		const forms = [answerOf(ref.card), ...(ref.card.kind === 'typed' ? (ref.card.accept ?? []) : [])].map(answerKey);
		return { ref, forms, prompt: contentWords(ref.card.prompt), answer: contentWords(answerOf(ref.card)) };
	});
	const out: { a: CardRef; b: CardRef; score: number }[] = [];
	for (let i = 0; i < info.length; i++) {
		for (let j = i + 1; j < info.length; j++) {
			const a = info[i]!;
			const b = info[j]!;
			if (a.ref.deck === b.ref.deck) continue;
			const prompt = jaccard(a.prompt, b.prompt);
			const sameAnswer = a.forms.some((f) => f !== '' && b.forms.includes(f));
			const similar = (a.ref.card.kind === 'multi' || a.ref.card.kind === 'order') && a.ref.card.kind === b.ref.card.kind && jaccard(a.answer, b.answer) >= SAME_FACT.similarAnswer;
			if ((sameAnswer && prompt >= SAME_FACT.samePrompt) || (similar && prompt >= SAME_FACT.similarPrompt)) out.push({ a: a.ref, b: b.ref, score: prompt });
		}
	}
	return out;
}
