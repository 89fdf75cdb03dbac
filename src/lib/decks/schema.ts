import * as v from 'valibot';
import { GROUPS, SECTION_IDS, SEED_FILES } from './sections.ts';

/** Limits a card must respect to stay readable on a 360 px phone. */
export const LIMITS = {
	prompt: 300,
	answer: 300,
	option: 120,
	typed: 60,
	explanation: 400,
	explanationSentences: 3,
	heading: 120,
	title: 120,
	tag: 32
} as const;

const text = (max: number) =>
	v.pipe(
		v.string('must be text'),
		v.trim(),
		v.nonEmpty('must not be empty'),
		v.maxLength(max, (issue) => `must be at most ${max} characters (has ${String(issue.input).length})`)
	);

/** Counts sentences ending in . ! or ? followed by a space and a capital, a backtick, or the end. */
export function countSentences(s: string): number {
	return s.split(/(?<=[.!?])\s+(?=[A-Z`"(])/).filter((part) => part.trim() !== '').length;
}

const explanation = v.pipe(
	text(LIMITS.explanation),
	v.check(
		(s) => countSentences(s) <= LIMITS.explanationSentences,
		`must be one to ${LIMITS.explanationSentences} sentences`
	)
);

const cardId = v.pipe(
	v.string('must be text'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)')
);

const source = v.strictObject(
	{
		file: v.picklist(SEED_FILES, `must be one of the seed files: ${SEED_FILES.join(', ')}`),
		heading: text(LIMITS.heading)
	},
	'must be { file, heading }'
);

const tags = v.optional(
	v.array(
		v.pipe(v.string('must be text'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase words joined by dashes'), v.maxLength(LIMITS.tag)),
		'must be a list of tags'
	)
);

/** A topic's id: short kebab-case, unique within its deck. */
const topicId = v.pipe(
	v.string('must be text'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)'),
	v.maxLength(LIMITS.tag, `must be at most ${LIMITS.tag} characters`)
);

const common = {
	id: cardId,
	prompt: text(LIMITS.prompt),
	explanation,
	source,
	tags,
	/** The deck topic the card teaches (one of the deck's `topics`). */
	topic: v.optional(topicId)
};

/** A list of `min` to `max` options (or steps), each short text. */
/** How many entries each list of a card holds: the schema, the deck checker and the own-card form read them here. */
export const LIST_SIZES = {
	distractors: { min: 2, max: 4 },
	correct: { min: 2, max: 5 },
	incorrect: { min: 1, max: 4 },
	steps: { min: 3, max: 6 }
} as const;
/** A choose-all-that-apply card shows at most this many options in all. */
export const MULTI_MAX_OPTIONS = 6;
/** Options as they are compared for being distinct: case, outer and repeated spaces aside. */
export const normaliseOption = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

const list = ({ min, max }: { min: number; max: number }, what: string, named: string) => {
	const message = `must have ${min} to ${max} ${named}`;
	return v.pipe(v.array(text(LIMITS.option), `must be a list of ${what}`), v.minLength(min, message), v.maxLength(max, message));
};

const FlashcardSchema = v.strictObject({
	...common,
	kind: v.literal('flashcard'),
	answer: text(LIMITS.answer)
});

const ChoiceSchema = v.strictObject({
	...common,
	kind: v.literal('choice'),
	answer: text(LIMITS.option),
	distractors: list(LIST_SIZES.distractors, 'options', 'wrong options')
});

const MultiSchema = v.strictObject({
	...common,
	kind: v.literal('multi'),
	correct: list(LIST_SIZES.correct, 'options', 'correct options'),
	incorrect: list(LIST_SIZES.incorrect, 'options', 'wrong options')
});

const TypedSchema = v.strictObject({
	...common,
	kind: v.literal('typed'),
	answer: text(LIMITS.typed),
	/** Other forms a knowledgeable person would type (synonyms, abbreviations, long flags): not spelling variants. */
	accept: v.optional(v.array(text(LIMITS.typed), 'must be a list of accepted answers')),
	/** The answer has no other natural form; `exactReason` says why. A typed card has `accept` or this. */
	exact: v.optional(v.literal(true, 'must be true, or left out')),
	exactReason: v.optional(text(LIMITS.option))
});

const OrderSchema = v.strictObject({
	...common,
	kind: v.literal('order'),
	steps: list(LIST_SIZES.steps, 'steps', 'steps')
});

export const CARD_KINDS = ['flashcard', 'choice', 'multi', 'typed', 'order'] as const;

export const CardSchema = v.variant(
	'kind',
	[FlashcardSchema, ChoiceSchema, MultiSchema, TypedSchema, OrderSchema],
	`must be one of: ${CARD_KINDS.join(', ')}`
);

export const DeckFileSchema = v.strictObject({
	id: v.picklist(SECTION_IDS, 'must be one of the roadmap section ids'),
	title: text(LIMITS.title),
	group: v.picklist(GROUPS, `must be one of: ${GROUPS.join(', ')}`),
	prerequisites: v.array(v.picklist(SECTION_IDS, 'must name roadmap section ids'), 'must be a list of deck ids'),
	/** What the section must teach: every topic needs at least one card, and every card names its topic. */
	topics: v.optional(
		v.pipe(
			v.array(v.strictObject({ id: topicId, title: text(LIMITS.heading) }, 'must be { id, title }'), 'must be a list of topics'),
			v.minLength(1, 'must list at least one topic')
		)
	),
	cards: v.pipe(v.array(v.looseObject({}), 'must be a list of cards'), v.minLength(1, 'must have at least one card')),
	/**
	 * Ids of cards taken out of the deck, or whose meaning changed (the new
	 * meaning took a new id): never used again, so no learner's history of the
	 * old card is ever read as history of a different one.
	 */
	retired: v.optional(
		v.array(v.strictObject({ id: cardId, reason: text(LIMITS.option) }, 'must be { id, reason }'), 'must be a list of retired card ids')
	)
});

export type Card = v.InferOutput<typeof CardSchema>;
export type CardKind = Card['kind'];
export type DeckFile = Omit<v.InferOutput<typeof DeckFileSchema>, 'cards'> & { cards: Card[] };
