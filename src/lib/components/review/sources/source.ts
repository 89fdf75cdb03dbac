import type { AppSettings, CardMarks, SavedReview, SessionJournal } from '$lib/data/types';
import { State } from '$lib/srs/constants';
import { isStudied } from '$lib/srs/facts';
import type { Mix } from '$lib/srs/pick';
import type { Queue } from '$lib/srs/queue';
import type { CardState } from '$lib/srs/types';
import type { Today } from '$lib/study/today';

export type CardKind = 'learning' | 'review' | 'new';

/** Cards still to show, as the session bar counts them. */
export interface Counts {
	fresh: number;
	learning: number;
	review: number;
}

/** What the session shows next: a card, a learning step due later today (review), or its end. */
export type Next =
	{ type: 'card'; id: string; kind: CardKind; upcoming?: string[] } | { type: 'wait'; until: number } | { type: 'end'; nextLearning: number | undefined };

/** What the end-of-session summary looks at (see summary.ts). */
export interface EndInput {
	catalog: readonly string[] | undefined;
	queue: Queue | undefined;
	review: boolean;
	/** The daily review (every section): today's read, for what to offer next and today's answers. */
	today?: Today;
}

/**
 * Where a session's cards come from, and what answering does to that
 * supply. The session shows the cards, saves the answers and keeps the
 * ledger; a source only orders cards, from data it is given.
 */
export interface CardSource {
	/** The journal's key: one session per scope and day. */
	readonly scope: string;
	/** Answers are practice records, not reviews: the schedule stays as it is, and bury or suspend only skip the card in this round. */
	readonly practice: boolean;
	/** Other tabs and sync change its cards (today's queue does; a fixed round does not). */
	readonly live: boolean;
	readonly settings: AppSettings | undefined;
	readonly states: ReadonlyMap<string, CardState>;
	readonly marks: ReadonlyMap<string, CardMarks>;
	/** New cards allowed beyond the daily limit today (a section quiz's "Learn N more"). */
	readonly extraNew: number;
	/** Takes up what the session read when it opened. */
	start(today: Today): void;
	/** Carries on the session of today's journal if there is one to carry on (true); else begins a new one. */
	resume(journal: SessionJournal | undefined): boolean;
	/** Begins a new session in the same scope: another round, or today's queue again. */
	restart(): void;
	/** What comes next; `mix` is the ledger's, returned as it should be kept. */
	next(now: number, mix: Mix | undefined): Promise<{ next: Next; mix: Mix | undefined }>;
	counts(): Counts;
	/** A card was answered; `saved` is the review saved, if it went to the review log. */
	answered(card_id: string, saved?: SavedReview): void;
	/** A card leaves without an answer: buried, suspended, skipped, or refused by the new-card limit. */
	drop(card_id: string): void;
	/** Undo brings a card back to be shown next; `saved` is the review taken back, if any. */
	putBack(card_id: string, kind: CardKind, saved?: SavedReview): void;
	/** A card's marks changed here. */
	marked(card_id: string, marks: CardMarks | undefined): void;
	/** Another tab or a sync changed the learner's data. */
	changed(): void;
	/** A round's cards not answered yet, for the journal (`without` the card being answered); undefined for today's queue. */
	round(without?: string): string[] | undefined;
	endInput(answered: readonly string[]): EndInput;
}

/** How a card counts in a session: never studied, in (re)learning steps, or in review. */
export function kindOf(s: CardState | undefined): CardKind {
	if (!isStudied(s)) return 'new';
	return s.state === State.Review ? 'review' : 'learning';
}

/** The cards left, as the session bar counts them. */
export function countKinds(kinds: readonly CardKind[]): Counts {
	const n = (k: CardKind) => kinds.filter((x) => x === k).length;
	return { fresh: n('new'), learning: n('learning'), review: n('review') };
}

/** Sets or clears a card's entry. */
export function setOrDelete<T>(map: Map<string, T>, id: string, value: T | undefined): void {
	if (value) map.set(id, value);
	else map.delete(id);
}
