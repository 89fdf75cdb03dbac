// The learner's own cards, exported: as an Anki import file, to study them
// elsewhere, and as their section's deck file with the cards appended, to
// propose them for the built-in deck. Pure and dependency-free (types only),
// since the browser loads it lazily when a learner asks for an export.
import type { Card } from '$lib/decks/schema';
import type { DeckData } from '$lib/decks/types';

/** A learner's card as the data layer holds it: its section (deck id) and its content, `card.id` starting "mine-". */
export interface ExportCard {
	section: string;
	card: Card;
}

/** Every exported card carries it, so a learner finds them all in Anki with one search (`tag:roadmap-recall`). */
export const ANKI_TAG = 'roadmap-recall';

/** HTML-escapes text; `"` too, since Anki's CSV reader takes a field starting with a quote as a quoted field. */
function escapeHtml(s: string): string {
	return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * A card's text as Anki HTML: escaped, its `code` and **bold** marks (the
 * cards' Markdown subset) as tags, and no tab or line break left, since
 * either would end the field or the note in a tab-separated file.
 */
function html(text: string): string {
	return text
		.split(/(`[^`\n]+`)/)
		.map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part).replace(/\*\*(?=\S)(.+?)\*\*/g, '<b>$1</b>')))
		.join('')
		.replace(/\r\n?|\n/g, '<br>')
		.replaceAll('\t', ' ');
}

/** Options in a fixed order that gives nothing away: the deck lists the right one first, and steps in order. */
const alphabetical = (items: readonly string[]) => [...items].sort((a, b) => a.localeCompare(b, 'en'));

const list = (tag: 'ul' | 'ol', items: readonly string[]) => `<${tag}>${items.map((s) => `<li>${html(s)}</li>`).join('')}</${tag}>`;

function front(card: Card, sectionTitle: string | undefined): string {
	// In Anki the card is seen outside its roadmap section, so it says which one it belongs to.
	const head = sectionTitle ? `<small>${html(sectionTitle)}</small><br>` : '';
	const prompt = head + html(card.prompt);
	switch (card.kind) {
		case 'choice':
			return prompt + list('ul', alphabetical([card.answer, ...card.distractors]));
		case 'multi':
			return `${prompt}<br><i>(choose all that apply)</i>${list('ul', alphabetical([...card.correct, ...card.incorrect]))}`;
		case 'order':
			return prompt + list('ul', alphabetical(card.steps));
		default:
			return prompt;
	}
}

function back(card: Card): string {
	let answer: string;
	switch (card.kind) {
		case 'multi':
			answer = list('ul', card.correct);
			break;
		case 'order':
			answer = list('ol', card.steps);
			break;
		case 'typed':
			answer = html(card.answer) + (card.accept?.length ? `<br>Also accepted: ${card.accept.map(html).join(', ')}` : '');
			break;
		default:
			answer = html(card.answer);
	}
	return `${answer}<br><br>${html(card.explanation)}`;
}

/** Anki splits tags at spaces, so a space inside one becomes a dash; quotes would start a quoted CSV field. */
const tag = (s: string) => s.trim().replace(/\s+/g, '-').replaceAll('"', '');

/**
 * The cards as an Anki "Notes in Plain Text" file (tab-separated, with file
 * headers, Anki 2.1.54+): Front, Back and Tags columns, which the import
 * maps onto the Basic note type by name. Anki skips a line starting with
 * `#` as a comment; no note line does, as the escaped Front never starts
 * with one.
 */
export function toAnkiTsv(cards: ExportCard[], sectionTitles: Record<string, string>): string {
	const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
	for (const { section, card } of cards) {
		const tags = [...new Set([ANKI_TAG, section, card.topic].filter((t): t is string => !!t?.trim()).map(tag))];
		lines.push([front(card, sectionTitles[section]).replace(/^#/, '&#35;'), back(card), tags.join(' ')].join('\t'));
	}
	return `${lines.join('\n')}\n`;
}

/**
 * The id an own card takes in a deck file: the checker wants every card id
 * to start with its deck's id, so `mine-<uuid>` becomes `<deck>-mine-<uuid>`.
 */
export function deckCardId(deckId: string, id: string): string {
	return id.startsWith(`${deckId}-`) ? id : `${deckId}-${id}`;
}

/** Characters YAML does not allow raw in a stream (or that a YAML 1.1 reader takes as a line break), though JSON leaves them. */
const NOT_YAML = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A scalar as JSON, which YAML 1.2 reads as the same value. */
const scalar = (value: unknown) => (JSON.stringify(value) ?? 'null').replace(NOT_YAML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys with a value, in the order deck files write them, then any others: a field added to the schema is kept. */
function entries(value: Record<string, unknown>, order: readonly string[], drop: string): [string, unknown][] {
	const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
	return keys.filter((k) => k !== drop && value[k] !== undefined).map((k) => [k, value[k]]);
}

const key = (k: string) => (/^[A-Za-z][A-Za-z0-9_-]*$/.test(k) ? k : scalar(k));

/** A value on one line, in flow style: `[a, b]`, `{ file: …, heading: … }`. */
function flow(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
	if (isObject(value)) {
		const pairs = entries(value, [], '').map(([k, v]) => `${key(k)}: ${flow(v)}`);
		return pairs.length > 0 ? `{ ${pairs.join(', ')} }` : '{}';
	}
	return scalar(value);
}

const DECK_KEYS = ['id', 'title', 'group', 'prerequisites', 'topics', 'cards', 'retired'] as const;
const CARD_KEYS = [
	'id',
	'kind',
	'topic',
	'prompt',
	'answer',
	'distractors',
	'correct',
	'incorrect',
	'accept',
	'exact',
	'exactReason',
	'steps',
	'explanation',
	'source',
	'tags'
] as const;

/** A card as a block mapping, one key a line, as the deck files write them. */
function cardLines(card: Record<string, unknown>): string[] {
	return entries(card, CARD_KEYS, 'near').map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${key(k)}: ${flow(v)}`);
}

/**
 * The section's deck file (`decks/<id>.yaml`) with the learner's cards of
 * that section appended, to drop into `decks/` and check with `npm run
 * decks:check`. Written without a YAML library, which would be heavy to ship
 * for one button: every value is JSON (YAML 1.2 reads JSON as itself) in a
 * block-structured document. The shipped deck's `version` and its typed
 * cards' `near` are build output a deck file must not contain, so they go.
 */
export function toDeckYaml(deck: DeckData, own: ExportCard[]): string {
	const mine = own.filter((c) => c.section === deck.id).map(({ card }) => ({ ...card, id: deckCardId(deck.id, card.id) }));
	const lines = [
		`# ${deck.id}: ${mine.length} card${mine.length === 1 ? '' : 's'} written by a learner ${mine.length === 1 ? 'is' : 'are'} at the end (ids starting ${deck.id}-mine-)`
	];
	for (const [k, value] of entries(deck, DECK_KEYS, 'version')) {
		if (k === 'cards') {
			lines.push('cards:');
			[...deck.cards, ...mine].forEach((card, i) => {
				if (i > 0) lines.push('');
				if (i === deck.cards.length) lines.push("  # The learner's cards");
				lines.push(...cardLines(card));
			});
			lines.push('');
		} else if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
			lines.push(`${key(k)}:`, ...value.map((item) => `  - ${flow(item)}`));
		} else {
			lines.push(`${key(k)}: ${flow(value)}`);
		}
	}
	if (lines.at(-1) === '') lines.pop();
	return `${lines.join('\n')}\n`;
}
