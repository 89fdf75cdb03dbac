// The form a learner writes their own card in (/cards/new): its state, the
// card it makes, and the same checks a deck card passes (decks/schema.ts and
// the deck checker's per-card rules), each error keyed by the form's field.
// Pure: no DOM, no database.
import * as v from 'valibot';
import { CardSchema, CARD_KINDS, LIST_SIZES, MULTI_MAX_OPTIONS, normaliseOption as normalise, type Card, type CardKind } from '$lib/decks/schema';
import { matchKey } from '$lib/decks/typed-forms';

/** What the form holds: every kind's fields, so switching kinds loses nothing; a card takes only its kind's. */
export interface OwnCardForm {
	kind: CardKind;
	prompt: string;
	/** Flashcard: the answer; choice: the right option; typed: the expected answer. */
	answer: string;
	explanation: string;
	/** One of the deck's topic ids, or '' for none. */
	topic: string;
	distractors: string[];
	correct: string[];
	incorrect: string[];
	accept: string[];
	exact: boolean;
	exactReason: string;
	steps: string[];
}

export type ListField = 'distractors' | 'correct' | 'incorrect' | 'accept' | 'steps';
export const LIST_FIELDS: readonly ListField[] = ['distractors', 'correct', 'incorrect', 'accept', 'steps'];

/** How many boxes the form shows for each list: a card's bounds (accepted forms: none needed, one box shown, six at most). */
export const LIST_BOUNDS: Record<ListField, { min: number; max: number }> = { ...LIST_SIZES, accept: { min: 1, max: 6 } };
export { MULTI_MAX_OPTIONS };

/** The kinds' plain names, as the kind picker shows them. */
export const KIND_NAMES: Record<CardKind, string> = {
	flashcard: 'Question and answer',
	choice: 'Pick one',
	multi: 'Choose all that apply',
	typed: 'Type the answer',
	order: 'Put in order'
};
export { CARD_KINDS };

/** What an item of a list is called, counted from 1: "Wrong option 2", "Step 3". */
export function itemLabel(field: ListField, n: number): string {
	const name = { distractors: 'Wrong option', correct: 'Right option', incorrect: 'Wrong option', accept: 'Other answer', steps: 'Step' }[field];
	return `${name} ${n}`;
}

/** A field's name in messages. */
export function fieldLabel(field: string, kind: CardKind): string {
	if (field === 'answer') return kind === 'choice' ? 'Right answer' : 'Answer';
	const names: Record<string, string> = {
		prompt: 'Question',
		explanation: 'Explanation',
		topic: 'Topic',
		exact: 'Only this exact form',
		exactReason: 'Why there is no other form'
	};
	return names[field] ?? field;
}

/** An empty form; each list has as many boxes as its kind needs at least (one for accepted forms). */
export function emptyForm(kind: CardKind = 'flashcard'): OwnCardForm {
	const blank = (n: number) => Array.from({ length: n }, () => '');
	return {
		kind,
		prompt: '',
		answer: '',
		explanation: '',
		topic: '',
		distractors: blank(LIST_BOUNDS.distractors.min),
		correct: blank(LIST_BOUNDS.correct.min),
		incorrect: blank(LIST_BOUNDS.incorrect.min),
		accept: blank(LIST_BOUNDS.accept.min),
		exact: false,
		exactReason: '',
		steps: blank(LIST_BOUNDS.steps.min)
	};
}

const filled = (xs: readonly string[]) => xs.map((s) => s.trim()).filter((s) => s !== '');

/**
 * The card the form describes, to check with `checkCard`: only the chosen
 * kind's fields, trimmed, empty list entries dropped. A typed card takes
 * `exact` and its reason when ticked, its accepted forms otherwise.
 */
export function toCard(form: OwnCardForm, id: string, source: Card['source']): unknown {
	const topic = form.topic.trim();
	const common = { id, kind: form.kind, prompt: form.prompt.trim(), explanation: form.explanation.trim(), source, ...(topic ? { topic } : {}) };
	const answer = form.answer.trim();
	switch (form.kind) {
		case 'flashcard':
			return { ...common, answer };
		case 'choice':
			return { ...common, answer, distractors: filled(form.distractors) };
		case 'multi':
			return { ...common, correct: filled(form.correct), incorrect: filled(form.incorrect) };
		case 'typed': {
			const accept = filled(form.accept);
			const forms = form.exact ? { exact: true, exactReason: form.exactReason.trim() } : accept.length > 0 ? { accept } : {};
			return { ...common, answer, ...forms };
		}
		case 'order':
			return { ...common, steps: filled(form.steps) };
	}
}

/** The form for editing a card. */
export function fromCard(card: Card): OwnCardForm {
	const form = { ...emptyForm(card.kind), prompt: card.prompt, explanation: card.explanation, topic: card.topic ?? '' };
	switch (card.kind) {
		case 'flashcard':
			return { ...form, answer: card.answer };
		case 'choice':
			return { ...form, answer: card.answer, distractors: [...card.distractors] };
		case 'multi':
			return { ...form, correct: [...card.correct], incorrect: [...card.incorrect] };
		case 'typed':
			return {
				...form,
				answer: card.answer,
				...(card.accept && card.accept.length > 0 ? { accept: [...card.accept] } : {}),
				exact: card.exact === true,
				exactReason: card.exactReason ?? ''
			};
		case 'order':
			return { ...form, steps: [...card.steps] };
	}
}

/** Errors by field key (prompt, answer, distractors, …; `form` for what the learner cannot fix), and for a list the box at fault (from 0). */
export type CardCheck = { card: Card } | { errors: Record<string, string>; items: Partial<Record<ListField, number>> };

const isList = (key: string): key is ListField => (LIST_FIELDS as readonly string[]).includes(key);
const strings = (x: unknown): string[] | undefined => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? x : undefined);

/**
 * Checks a card (`toCard`'s output) as the deck checker would: the schema,
 * then distinct options and steps, at most six options in all, and a typed
 * card's accepted forms or its `exact` reason. With the form it came from,
 * an item is numbered by its box (empty boxes are dropped from the card),
 * and a list that is too short points at its first empty box.
 */
export function checkCard(input: unknown, form?: OwnCardForm): CardCheck {
	const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
	const kind: CardKind = (CARD_KINDS as readonly unknown[]).includes(raw.kind) ? (raw.kind as CardKind) : 'flashcard';
	const errors: Record<string, string> = {};
	const items: Partial<Record<ListField, number>> = {};
	/** The box an item of the card came from. */
	const box = (field: ListField, index: number): number => {
		if (!form) return index;
		const nonEmpty = form[field].flatMap((s, i) => (s.trim() === '' ? [] : [i]));
		return nonEmpty[index] ?? index;
	};
	const add = (key: string, message: string, item?: number) => {
		if (errors[key] !== undefined) return;
		errors[key] = message;
		if (item !== undefined && isList(key)) items[key] = item;
	};
	const addItem = (field: ListField, index: number, message: string) => {
		const at = box(field, index);
		add(field, `${itemLabel(field, at + 1)}: ${message}`, at);
	};

	const parsed = v.safeParse(CardSchema, input);
	for (const issue of parsed.issues ?? []) {
		const [first, second] = (issue.path ?? []).map((p): unknown => p.key);
		const key = typeof first === 'string' ? first : '';
		const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'is missing' : issue.message;
		if (isList(key) && typeof second === 'number') addItem(key, second, message);
		else if (isList(key)) {
			// Too few or too many: with an empty box left, that box is what to fill in.
			const empty = form?.[key].findIndex((s) => s.trim() === '') ?? -1;
			if (empty >= 0 && /^must have \d+ to/.test(message)) add(key, `${itemLabel(key, empty + 1)}: must not be empty (a card ${message})`, empty);
			else add(key, `This card ${message}`);
		} else if (['prompt', 'answer', 'explanation', 'topic', 'exact', 'exactReason'].includes(key)) add(key, `${fieldLabel(key, kind)}: ${message}`);
		else add('form', `The card's ${key || 'content'} ${message}`);
	}

	// The deck checker's rules for one card.
	type Entry = { field: ListField | 'answer'; index: number; text: string };
	const distinct = (list: Entry[], key: (s: string) => string, said: (before: Entry) => string) => {
		const seen = new Map<string, (typeof list)[number]>();
		for (const item of list) {
			if (item.text.trim() === '') continue;
			const k = key(item.text);
			const before = seen.get(k);
			if (before && item.field !== 'answer') addItem(item.field, item.index, said(before));
			else if (!before) seen.set(k, item);
		}
	};
	const entries = (field: ListField) => (strings(raw[field]) ?? []).map((text, index) => ({ field, index, text }));
	const named = (i: Entry) =>
		i.field === 'answer'
			? kind === 'choice'
				? 'the right answer'
				: 'the answer'
			: itemLabel(i.field, box(i.field, i.index) + 1).replace(/^\w/, (c) => c.toLowerCase());
	const answer = typeof raw.answer === 'string' ? [{ field: 'answer' as const, index: 0, text: raw.answer }] : [];
	const same = (before: Entry) => `the same as ${named(before)}`;
	if (kind === 'choice') distinct([...answer, ...entries('distractors')], normalise, same);
	if (kind === 'multi') {
		distinct([...entries('correct'), ...entries('incorrect')], normalise, same);
		const all = (strings(raw.correct)?.length ?? 0) + (strings(raw.incorrect)?.length ?? 0);
		if (all > MULTI_MAX_OPTIONS) add('incorrect', `This card must have at most ${MULTI_MAX_OPTIONS} options in all (has ${all})`);
	}
	if (kind === 'order') distinct(entries('steps'), normalise, same);
	if (kind === 'typed') {
		// Compared as the grader compares them: `fan-out` and `fanout` are one answer.
		distinct([...answer, ...entries('accept')], matchKey, (before) => `the grader reads it as ${named(before)}`);
		const accepts = (strings(raw.accept) ?? []).length > 0;
		if (raw.exact === true && accepts) add('exact', 'Only this exact form: not with other accepted answers (clear them, or untick this)');
		if (raw.exact === true && raw.exactReason === undefined) add('exactReason', `${fieldLabel('exactReason', kind)}: is missing`);
		if (raw.exact !== true && raw.exactReason !== undefined) add('exactReason', `${fieldLabel('exactReason', kind)}: only goes with "Only this exact form"`);
		if (!accepts && raw.exact !== true) {
			add('accept', 'Other answers: list the other forms someone who knows would type, or tick "Only this exact form" and say why there is none');
		}
	}

	if (Object.keys(errors).length > 0 || !parsed.success) return { errors, items };
	return { card: parsed.output };
}

/** Where a card of this topic comes from: the first deck card of the topic, or the deck's first card; an edited card keeps its own while its topic stays. */
export function sourceFor(cards: readonly Pick<Card, 'source' | 'topic'>[], topic: string, keep?: Pick<Card, 'source' | 'topic'>): Card['source'] | undefined {
	if (keep && (keep.topic ?? '') === topic) return keep.source;
	return (cards.find((c) => topic !== '' && c.topic === topic) ?? cards[0] ?? keep)?.source;
}

/** Whether what the learner must recall changed: the kind, the answer, the right options or the steps' order. */
export function answerChanged(before: Card, after: OwnCardForm): boolean {
	const was = fromCard(before);
	if (was.kind !== after.kind) return true;
	const same = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n');
	const set = (xs: readonly string[]) => filled(xs).map(normalise).sort();
	switch (after.kind) {
		case 'flashcard':
		case 'choice':
		case 'typed':
			return was.answer.trim() !== after.answer.trim();
		case 'multi':
			return !same(set(was.correct), set(after.correct));
		case 'order':
			return !same(filled(was.steps), filled(after.steps));
	}
}
