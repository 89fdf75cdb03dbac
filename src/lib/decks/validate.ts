import * as v from 'valibot';
import { CardSchema, DeckFileSchema, type Card, type DeckFile } from './schema.ts';

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

function normalise(s: string): string {
	return s.trim().toLowerCase().replace(/\s+/g, ' ');
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

			if (card.kind === 'choice') {
				const all = [card.answer, ...card.distractors].map(normalise);
				const dupe = all.find((opt, i) => all.indexOf(opt) !== i);
				if (dupe !== undefined) fileErrors.push(`${file}: ${label}: field "distractors": options must be distinct ("${dupe}" appears twice)`);
			}
			const seed = options.seedTexts?.get(card.source.file);
			if (seed !== undefined && !seed.includes(card.source.heading)) {
				fileErrors.push(`${file}: ${label}: field "source.heading": "${card.source.heading}" does not occur in ${card.source.file}`);
			}
			cards.push(card);
		});

		errors.push(...fileErrors);
		if (fileErrors.length === 0) decks.push({ ...deck, cards });
	}
	return { decks, errors };
}
