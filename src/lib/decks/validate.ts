import * as v from 'valibot';
import { CardSchema, CARD_KINDS, DeckFileSchema, MULTI_MAX_OPTIONS, normaliseOption, type Card, type DeckFile } from './schema.ts';
import { checkFairness } from './fairness.ts';
import { SECTION_IDS } from './sections.ts';
import { matchKey } from './typed-forms.ts';
import { nearDuplicatePrompts, sameFactPairs, type CardRef, type PromptRef } from './similarity.ts';

/** One deck file as read from disk, before validation. */
export interface RawDeckFile {
	/** Path shown in messages, e.g. `decks/http.yaml`. */
	file: string;
	/** The parsed YAML, or undefined when the file could not be parsed. */
	data: unknown;
	/** YAML syntax errors, already formatted. */
	syntaxErrors?: string[];
}

export interface CheckOptions {
	/** Seed article texts by file name; when given, every source heading must occur in its file. */
	seedTexts?: ReadonlyMap<string, string>;
	/** Every deck must list its topics and tag every card with one. */
	requireTopics?: boolean;
	/** Every typed card must list its other accepted forms, or say with `exact` and `exactReason` why it has none. */
	requireTypedForms?: boolean;
}

export interface CheckResult {
	decks: DeckFile[];
	errors: string[];
}

function fieldOf(issue: v.BaseIssue<unknown>): string {
	const keys = (issue.path ?? []).map((item) => String(item.key));
	return keys.length > 0 ? keys.join('.') : '(root)';
}

/** Valibot's wording for missing and unknown keys, said plainly. */
function messageOf(issue: v.BaseIssue<unknown>): string {
	if (issue.kind === 'schema' && /object$/.test(issue.type)) {
		if (issue.received === 'undefined') return 'is missing';
		if (issue.expected === 'never') return 'is not a known field';
	}
	return issue.message;
}

function cardLabel(card: unknown, index: number): string {
	const id = (card as { id?: unknown } | null)?.id;
	return typeof id === 'string' && id.trim() !== '' ? `card ${id}` : `card #${index + 1}`;
}

/**
 * Validates deck files as a set: each against the schema, then the rules that
 * span cards and decks (unique ids, distinct options, known prerequisites).
 * Every message names the file, the card and the field.
 */
export function checkDecks(files: readonly RawDeckFile[], options: CheckOptions = {}): CheckResult {
	const errors: string[] = [];
	const decks: DeckFile[] = [];
	const seenCards = new Map<string, string>();
	const seenDecks = new Map<string, string>();
	const prompts: PromptRef[] = [];
	const refs: CardRef[] = [];

	for (const { file, data, syntaxErrors } of files) {
		if (syntaxErrors && syntaxErrors.length > 0) {
			for (const message of syntaxErrors) errors.push(`${file}: ${message}`);
			continue;
		}
		const head = v.safeParse(DeckFileSchema, data);
		if (!head.success) {
			for (const issue of head.issues) {
				errors.push(`${file}: field "${fieldOf(issue)}": ${messageOf(issue)}`);
			}
			continue;
		}
		const deck = head.output;
		const fileErrors: string[] = [];
		const base = file.split('/').pop()?.replace(/\.ya?ml$/, '');
		if (base !== deck.id) fileErrors.push(`${file}: field "id": must match the file name (found "${deck.id}")`);
		if (seenDecks.has(deck.id)) fileErrors.push(`${file}: field "id": deck "${deck.id}" is also defined in ${seenDecks.get(deck.id)}`);
		seenDecks.set(deck.id, file);
		if (deck.prerequisites.includes(deck.id)) fileErrors.push(`${file}: field "prerequisites": a deck cannot be its own prerequisite`);

		const topics = new Map<string, number>();
		for (const [i, t] of (deck.topics ?? []).entries()) {
			if (topics.has(t.id)) fileErrors.push(`${file}: field "topics.${i}.id": duplicate topic "${t.id}"`);
			topics.set(t.id, 0);
		}
		const retired = new Map<string, string>();
		for (const [i, r] of (deck.retired ?? []).entries()) {
			if (!r.id.startsWith(`${deck.id}-`)) fileErrors.push(`${file}: field "retired.${i}.id": must start with "${deck.id}-"`);
			if (retired.has(r.id)) fileErrors.push(`${file}: field "retired.${i}.id": "${r.id}" is listed twice`);
			retired.set(r.id, r.reason);
		}
		const cards: Card[] = [];
		deck.cards.forEach((raw, index) => {
			const label = cardLabel(raw, index);
			const parsed = v.safeParse(CardSchema, raw);
			if (!parsed.success) {
				for (const issue of parsed.issues) {
					fileErrors.push(`${file}: ${label}: field "${fieldOf(issue)}": ${messageOf(issue)}`);
				}
				return;
			}
			const card = parsed.output;
			if (!card.id.startsWith(`${deck.id}-`)) {
				fileErrors.push(`${file}: ${label}: field "id": must start with "${deck.id}-"`);
			}
			const clash = seenCards.get(card.id);
			if (clash) fileErrors.push(`${file}: ${label}: field "id": duplicate id, also used in ${clash}`);
			seenCards.set(card.id, file);

			const distinct = (field: string, items: string[], what: string, key: (s: string) => string = normaliseOption) => {
				const all = items.map(key);
				const dupe = all.find((opt, i) => all.indexOf(opt) !== i);
				if (dupe !== undefined) fileErrors.push(`${file}: ${label}: field "${field}": ${what} must be distinct ("${dupe}" appears twice)`);
			};
			if (card.kind === 'choice') distinct('distractors', [card.answer, ...card.distractors], 'options');
			if (card.kind === 'multi') {
				distinct('incorrect', [...card.correct, ...card.incorrect], 'options');
				if (card.correct.length + card.incorrect.length > MULTI_MAX_OPTIONS) {
					fileErrors.push(`${file}: ${label}: field "incorrect": must have at most ${MULTI_MAX_OPTIONS} options in all (has ${card.correct.length + card.incorrect.length})`);
				}
			}
			if (card.kind === 'order') distinct('steps', card.steps, 'steps');
			if (card.kind === 'typed') {
				// Compared as the grader compares them: `-r` and `-R` are two flags, `fan-out` and `fanout` one answer.
				distinct('accept', [card.answer, ...(card.accept ?? [])], 'accepted answers', matchKey);
				fileErrors.push(...typedFormErrors(card, options).map((e) => `${file}: ${label}: ${e}`));
			}
			if (retired.has(card.id)) fileErrors.push(`${file}: ${label}: field "id": retired (${retired.get(card.id)}); a card with a new meaning needs a new id`);
			const seed = options.seedTexts?.get(card.source.file);
			if (seed !== undefined && !seed.includes(card.source.heading)) {
				fileErrors.push(`${file}: ${label}: field "source.heading": "${card.source.heading}" does not occur in ${card.source.file}`);
			}
			if (deck.topics || options.requireTopics) {
				if (card.topic === undefined) fileErrors.push(`${file}: ${label}: field "topic": is missing (every card names one of the deck's topics)`);
				else if (!topics.has(card.topic)) fileErrors.push(`${file}: ${label}: field "topic": "${card.topic}" is not one of the deck's topics`);
				else topics.set(card.topic, (topics.get(card.topic) ?? 0) + 1);
			}
			prompts.push({ file, id: card.id, prompt: card.prompt });
			refs.push({ file, deck: deck.id, card });
			cards.push(card);
		});
		if (!deck.topics && options.requireTopics) fileErrors.push(`${file}: field "topics": is missing (list what the section must teach)`);
		for (const [id, n] of topics) if (n === 0) fileErrors.push(`${file}: field "topics": topic "${id}" has no card`);

		errors.push(...fileErrors);
		if (fileErrors.length === 0) decks.push({ ...deck, cards });
	}
	const reported = new Set<string>();
	for (const { a, b, score } of nearDuplicatePrompts(prompts)) {
		reported.add(`${a.id} ${b.id}`);
		errors.push(`${b.file}: card ${b.id}: field "prompt": nearly the same as card ${a.id} in ${a.file} (${Math.round(score * 100)}% of words shared)`);
	}
	for (const { a, b } of sameFactPairs(refs)) {
		if (reported.has(`${a.card.id} ${b.card.id}`)) continue;
		errors.push(`${b.file}: card ${b.card.id}: field "prompt": asks the same fact as card ${a.card.id} in ${a.file} (the same answer to a similar question): merge the two, or make one ask something else`);
	}
	return { decks, errors };
}

/** A typed card says what else counts as right: its `accept` forms, or `exact` with a reason. */
function typedFormErrors(card: Extract<Card, { kind: 'typed' }>, options: CheckOptions): string[] {
	const errors: string[] = [];
	const accepts = (card.accept ?? []).length > 0;
	if (card.exact && accepts) errors.push('field "exact": a card with accepted forms is not exact (drop one of "exact" and "accept")');
	if (card.exact && card.exactReason === undefined) errors.push('field "exactReason": is missing (say why the answer has no other form)');
	if (!card.exact && card.exactReason !== undefined) errors.push('field "exactReason": only goes with "exact: true"');
	if (options.requireTypedForms && !accepts && !card.exact) {
		errors.push('field "accept": is missing (list the other forms a knowledgeable person would type, or set "exact: true" with an "exactReason")');
	}
	return errors;
}

/** What the whole collection must meet: every roadmap section, enough cards, varied kinds. */
export const COLLECTION = { minCardsPerDeck: 45, minCards: 1600, minKindsPerDeck: 2, minAutoGradedShare: 0.35, minOrderPerDeck: 3, minMultiPerDeck: 3 } as const;

/** Rules over all decks together; run by the build and `npm run decks:check`, after `checkDecks`. */
export function checkCollection(decks: readonly DeckFile[], fileOf: (id: string) => string = (id) => `decks/${id}.yaml`): string[] {
	const errors: string[] = [];
	const present = new Set(decks.map((d) => d.id));
	for (const id of SECTION_IDS) if (!present.has(id)) errors.push(`${fileOf(id)}: missing: every roadmap section needs a deck`);
	for (const d of decks) {
		if (d.cards.length < COLLECTION.minCardsPerDeck) {
			errors.push(`${fileOf(d.id)}: field "cards": must have at least ${COLLECTION.minCardsPerDeck} cards (has ${d.cards.length})`);
		}
		for (const [kind, min] of [
			['order', COLLECTION.minOrderPerDeck],
			['multi', COLLECTION.minMultiPerDeck]
		] as const) {
			const n = d.cards.filter((c) => c.kind === kind).length;
			if (n < min) errors.push(`${fileOf(d.id)}: field "cards": must have at least ${min} ${kind} cards (has ${n})`);
		}
		const kinds = new Set(d.cards.map((c) => c.kind));
		if (kinds.size < COLLECTION.minKindsPerDeck) {
			errors.push(`${fileOf(d.id)}: field "cards": must use at least ${COLLECTION.minKindsPerDeck} card kinds (uses ${[...kinds].join(', ')})`);
		}
	}
	const all = decks.flatMap((d) => d.cards);
	if (all.length < COLLECTION.minCards) errors.push(`decks: must have at least ${COLLECTION.minCards} cards in all (has ${all.length})`);
	const auto = all.filter((c) => c.kind !== 'flashcard').length;
	if (all.length > 0 && auto / all.length < COLLECTION.minAutoGradedShare) {
		errors.push(`decks: at least ${COLLECTION.minAutoGradedShare * 100}% of cards must be auto-graded kinds (${CARD_KINDS.filter((k) => k !== 'flashcard').join(', ')}); ${Math.round((100 * auto) / all.length)}% are`);
	}
	errors.push(...checkFairness(decks, fileOf));
	return errors;
}
