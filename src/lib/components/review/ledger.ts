import type { SessionJournal, UndoStep } from '$lib/data/types';
import { Rating } from '$lib/srs/constants';
import type { Mix } from '$lib/srs/pick';
import type { Grade } from '$lib/srs/types';

/** Undo reaches back this many steps. */
export const UNDO_LIMIT = 100;

/**
 * A session's book-keeping as plain data: the steps it can take back and
 * what its answers add up to. The counts on screen and the journal kept in
 * IndexedDB both come from it, and an undo reverts the very step it applied:
 * one computation, not three.
 */
export interface Ledger extends Pick<SessionJournal, 'undo' | 'answered' | 'recalled' | 'timeMs' | 'cards' | 'progress' | 'ended'> {
	/** How today's reviews and new cards are mixed (review sources only). */
	mix: Mix | undefined;
}

export function emptyLedger(): Ledger {
	return { undo: [], answered: 0, recalled: 0, timeMs: 0, cards: {}, progress: 0, mix: undefined, ended: false };
}

/** Takes up a journal kept by this or an earlier version of the app. */
export function fromJournal(j: SessionJournal): Ledger {
	return {
		undo: j.undo.slice(-UNDO_LIMIT),
		answered: j.answered,
		recalled: j.recalled,
		timeMs: j.timeMs,
		cards: { ...j.cards },
		progress: j.progress,
		mix: j.mix ? { ...j.mix } : undefined,
		ended: j.ended
	};
}

/** The journal to keep: the ledger, its scope and day, and a round's cards not answered yet. */
export function toJournal(l: Ledger, scope: string, day: number, queue: readonly string[] | undefined): SessionJournal {
	return {
		scope,
		day,
		undo: l.undo,
		answered: l.answered,
		recalled: l.recalled,
		timeMs: l.timeMs,
		cards: l.cards,
		progress: l.progress,
		mix: l.mix ? { ...l.mix } : undefined,
		practiceQueue: queue ? [...queue] : undefined,
		ended: l.ended
	};
}

/** The answer a step records, if it is one: a review or a practice answer. */
function answerOf(step: UndoStep): { card_id: string; rating: Grade; duration: number } | undefined {
	if (step.type === 'review') return { card_id: step.saved.log.card_id, rating: step.saved.log.rating as Grade, duration: step.duration };
	if (step.type === 'practice') return { card_id: step.record.card_id, rating: step.record.rating, duration: step.record.duration };
	return undefined;
}

/** Adds (sign 1) or takes back (sign -1) a step's answer and its place in the mix. */
function count(l: Ledger, step: UndoStep, sign: 1 | -1): Ledger {
	const a = answerOf(step);
	if (!a) return l;
	const cards = { ...l.cards };
	const n = (cards[a.card_id] ?? 0) + sign;
	if (n > 0) cards[a.card_id] = n;
	else delete cards[a.card_id];
	// Learning steps do not count in the mix: it spreads new cards among reviews.
	const kind = step.type === 'review' ? step.kind : 'learning';
	const mix = l.mix && kind !== 'learning' ? { ...l.mix, shown: l.mix.shown + sign, newShown: l.mix.newShown + (kind === 'new' ? sign : 0) } : l.mix;
	return {
		...l,
		answered: l.answered + sign,
		recalled: l.recalled + (a.rating === Rating.Again ? 0 : sign),
		timeMs: l.timeMs + sign * a.duration,
		cards,
		mix
	};
}

/** The ledger once this step counts: kept for undo (the oldest dropped past the limit), its answer counted. */
export function apply(l: Ledger, step: UndoStep): Ledger {
	return { ...count(l, step, 1), undo: [...l.undo, step].slice(-UNDO_LIMIT) };
}

/** The ledger with its last step taken back; the step is `l.undo.at(-1)`. */
export function revert(l: Ledger): Ledger {
	const step = l.undo.at(-1);
	if (!step) return l;
	return { ...count(l, step, -1), undo: l.undo.slice(0, -1) };
}

/** Moves progress on for the cards still to show; `back` (an undo) lets it go back. Never full before the end. */
export function progressed(l: Ledger, remaining: number, back = false): Ledger {
	const total = l.answered + remaining;
	const share = total === 0 ? 0 : Math.min(0.99, l.answered / total);
	const progress = back ? share : Math.max(l.progress, share);
	return progress === l.progress ? l : { ...l, progress };
}

/** The session at its end screen. */
export function finished(l: Ledger): Ledger {
	return { ...l, progress: 1, ended: true };
}

/** Different cards answered. */
export function cardsAnswered(l: Ledger): number {
	return Object.keys(l.cards).length;
}
