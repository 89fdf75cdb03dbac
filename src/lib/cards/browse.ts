// The card browser's search, filters and sort: pure, so they are tested
// without a page. Direct imports only: no ts-fsrs here (the page computes
// retrievability and hands it in).
import type { CardMarks } from '$lib/data/types';
import type { Card } from '$lib/decks/types';
import { State } from '$lib/srs/constants';
import { startOfDay } from '$lib/srs/day';
import { isBuried, isDueToday, isStudied } from '$lib/srs/facts';
import type { CardState } from '$lib/srs/types';
import { isOwnCardId } from '$lib/data/own-ids';

export const STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type StateFilter = (typeof STATES)[number];
export const DUE = ['today', 'overdue'] as const;
export type DueFilter = (typeof DUE)[number];
export const MARKS = ['suspended', 'buried', 'flagged', 'leech'] as const;
export type MarkFilter = (typeof MARKS)[number];
/** "Recall now below": percentages a learner picks from. */
export const RECALL_BELOW = [95, 90, 80, 70, 50] as const;
export type RecallBelow = (typeof RECALL_BELOW)[number];
export const SORTS = ['roadmap', 'due', 'stability', 'difficulty', 'lapses', 'retrievability', 'answered'] as const;
export type SortKey = (typeof SORTS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
	roadmap: 'Roadmap order',
	due: 'Due date (soonest first)',
	stability: 'Stability (lowest first)',
	difficulty: 'Difficulty (highest first)',
	lapses: 'Lapses (most first)',
	retrievability: 'Retrievability now (lowest first)',
	answered: 'Last answered (latest first)'
};

/** What the browser shows: every field lives in the URL query, so back, forward and reload keep it. */
export interface BrowseQuery {
	/** Words to find in the prompt, the answer or the card id (all of them). */
	q: string;
	/** A section (deck) id, or '' for all. */
	section: string;
	state: StateFilter | '';
	due: DueFilter | '';
	mark: MarkFilter | '';
	/** Only studied cards whose recall now is below this percentage. */
	below: RecallBelow | '';
	/** Only the cards the learner wrote. */
	mine: boolean;
	sort: SortKey;
	/** The sort's order turned round (cards without the sorted value stay last). */
	reverse: boolean;
}

export const DEFAULT_QUERY: BrowseQuery = { q: '', section: '', state: '', due: '', mark: '', below: '', mine: false, sort: 'roadmap', reverse: false };

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' => ((list as readonly string[]).includes(value ?? '') ? (value as T) : '');

/** The query in a URL; anything unknown falls back to its default. */
export function parseQuery(params: URLSearchParams): BrowseQuery {
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		section: params.get('section') ?? '',
		state: oneOf(STATES, params.get('state')),
		due: oneOf(DUE, params.get('due')),
		mark: oneOf(MARKS, params.get('mark')),
		below: (RECALL_BELOW as readonly number[]).includes(Number(params.get('below'))) ? (Number(params.get('below')) as RecallBelow) : '',
		mine: params.get('mine') === '1',
		sort: oneOf(SORTS, params.get('sort')) || 'roadmap',
		reverse: params.get('reverse') === '1'
	};
}

/** The URL query for `query` (defaults left out), keeping other parameters of `base` (the open card). */
export function queryParams(query: BrowseQuery, base = new URLSearchParams()): URLSearchParams {
	const out = new URLSearchParams(base);
	for (const k of ['q', 'section', 'state', 'due', 'mark', 'below', 'mine', 'sort', 'reverse'] as const) out.delete(k);
	if (query.q.trim()) out.set('q', query.q);
	if (query.section) out.set('section', query.section);
	if (query.state) out.set('state', query.state);
	if (query.due) out.set('due', query.due);
	if (query.mark) out.set('mark', query.mark);
	if (query.below) out.set('below', String(query.below));
	if (query.mine) out.set('mine', '1');
	if (query.sort !== 'roadmap') out.set('sort', query.sort);
	if (query.reverse) out.set('reverse', '1');
	return out;
}

/** A card's answer as text, whatever its kind. */
export function answerText(card: Card): string {
	switch (card.kind) {
		case 'flashcard':
		case 'typed':
		case 'choice':
			return card.answer;
		case 'multi':
			return card.correct.join(' · ');
		case 'order':
			return card.steps.map((s, i) => `${i + 1}. ${s}`).join(' ');
	}
}

/** One card as the browser lists it. */
export interface BrowseRow {
	id: string;
	/** Its place in the roadmap (new cards are introduced in this order). */
	order: number;
	section: string;
	prompt: string;
	answer: string;
	/** Lower-case prompt, answer, id and the learner's note, backticks dropped: what search looks in. */
	text: string;
	/** The learner's own note on the card. */
	note: string | undefined;
	state: CardState | undefined;
	marks: CardMarks | undefined;
	/** Recall probability now, for a card studied and not new; else undefined. */
	retrievability: number | undefined;
	/** The time of its last answer (forgets aside), if any. */
	lastAnswered: number | undefined;
}

/** What /cards shows before the learner's figures are read (/decks/preview.json): the first cards in roadmap order, and the sections. */
export interface CardsPreview {
	preview: BrowseRow[];
	sections: { id: string; title: string }[];
}

const plain = (s: string) => s.replaceAll('`', '').toLowerCase();

/** What the list shows of a card that no answer changes (its deck's content): the prerendered /decks/rows.json holds every card's. */
export interface CardListing {
	id: string;
	section: string;
	prompt: string;
	answer: string;
}

export function listingOf(card: Card, section: string): CardListing {
	return { id: card.id, section, prompt: card.prompt, answer: answerText(card) };
}

/** A row of the list: a card's listing with the learner's figures. */
export function rowOf(
	listing: CardListing,
	info: { order: number; state?: CardState; marks?: CardMarks; retrievability?: number; lastAnswered?: number; note?: string }
): BrowseRow {
	const { id, section, prompt, answer } = listing;
	const note = info.note || undefined;
	return {
		id,
		order: info.order,
		section,
		prompt,
		answer,
		text: plain(`${prompt}\n${answer}\n${id}${note ? `\n${note}` : ''}`),
		note,
		state: info.state,
		marks: info.marks,
		retrievability: info.retrievability,
		lastAnswered: info.lastAnswered
	};
}

export function makeRow(
	card: Card,
	info: { order: number; section: string; state?: CardState; marks?: CardMarks; retrievability?: number; lastAnswered?: number; note?: string }
): BrowseRow {
	return rowOf(listingOf(card, info.section), info);
}

/** The card's state as the filter names it: a card never answered is new. */
export function stateName(s: CardState | undefined): StateFilter {
	if (!s) return 'new';
	return ({ [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' } as const)[s.state];
}

// Buried is one of the day's facts (facts.ts); offered here too, where the card pages look.
export { isBuried };

function hasMark(m: CardMarks | undefined, mark: MarkFilter, now: number): boolean {
	if (mark === 'buried') return isBuried(m, now);
	return !!m?.[mark];
}

/**
 * Due today: studied (not new) and due before the learner's day ends,
 * overdue ones included, whatever the review limit (facts.ts's isDueToday).
 * Overdue: due before the learner's day began.
 */
function isDue(s: CardState | undefined, due: DueFilter, now: number, dayStartHour: number): boolean {
	if (due === 'today') return isDueToday(s, now, dayStartHour);
	return isStudied(s) && s.due < startOfDay(now, dayStartHour);
}

/** The sorted value of a row; undefined sorts last whatever the order. Smaller comes first. */
function sortValue(r: BrowseRow, key: SortKey): number | undefined {
	const studied = isStudied(r.state) ? r.state : undefined;
	switch (key) {
		case 'roadmap':
			return r.order;
		case 'due':
			return studied?.due;
		case 'stability':
			return studied?.stability;
		case 'difficulty':
			return studied && -studied.difficulty;
		case 'lapses':
			return -(r.state?.lapses ?? 0);
		case 'retrievability':
			return r.retrievability;
		case 'answered':
			return r.lastAnswered === undefined ? undefined : -r.lastAnswered;
	}
}

/** The rows the query asks for, in its order. Ties keep roadmap order. */
export function browse(rows: readonly BrowseRow[], query: BrowseQuery, now: number, dayStartHour: number): BrowseRow[] {
	const words = plain(query.q).split(/\s+/).filter(Boolean);
	const out = rows.filter(
		(r) =>
			(!query.section || r.section === query.section) &&
			(!query.state || stateName(r.state) === query.state) &&
			(!query.due || isDue(r.state, query.due, now, dayStartHour)) &&
			(!query.mark || hasMark(r.marks, query.mark, now)) &&
			(!query.below || (r.retrievability !== undefined && r.retrievability < query.below / 100)) &&
			(!query.mine || isOwnCardId(r.id)) &&
			words.every((w) => r.text.includes(w))
	);
	const dir = query.reverse ? -1 : 1;
	const keyed = out.map((r) => ({ r, v: sortValue(r, query.sort) }));
	keyed.sort((a, b) => {
		if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.r.order - b.r.order : a.v === undefined ? 1 : -1;
		return (a.v - b.v) * dir || a.r.order - b.r.order;
	});
	return keyed.map((k) => k.r);
}
