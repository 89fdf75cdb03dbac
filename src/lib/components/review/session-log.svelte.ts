import type { SessionJournal, UndoStep } from '$lib/data/types';
import { Rating, State } from '$lib/srs/constants';
import type { Mix } from '$lib/srs/queue';
import type { CardState, Grade } from '$lib/srs/types';
import { CardAnswer } from './answer.svelte';

/** Undo reaches back this many steps. */
export const UNDO_LIMIT = 100;

export type CardKind = 'learning' | 'review' | 'new';

/**
 * A session's book-keeping: its counts, its progress, its undo history, and
 * the journal that keeps them in IndexedDB across a reload. It knows nothing
 * of which card comes next (session-flow.svelte.ts does).
 */
export class SessionLog extends CardAnswer {
	/** Answers given in this session. */
	answered = $state(0);
	/** Different cards answered in this session. */
	cardsAnswered = $state(0);
	/** Cards still to show: new, learning (due now or within the learn-ahead limit) and review. */
	counts = $state({ fresh: 0, learning: 0, review: 0 });
	/** Share of the session done, 0–1: it never moves backwards, and is 1 only at the end. */
	progress = $state(0);
	undoCount = $state(0);
	/** Answers rated Hard, Good or Easy in this session. */
	recalled = $state(0);
	/** Time spent answering in this session, ms. */
	timeMs = $state(0);

	protected undoSteps: UndoStep[] = [];
	protected perCard: Record<string, number> = {};
	protected mix: Mix | undefined;
	protected ended = false;

	/** Cards left in the session. */
	get remaining(): number {
		return this.counts.fresh + this.counts.learning + this.counts.review;
	}

	/** Takes up a journal's counts and undo history. */
	protected resume(j: SessionJournal): void {
		this.undoSteps = j.undo.slice(-UNDO_LIMIT);
		this.undoCount = this.undoSteps.length;
		this.ended = j.ended;
		this.answered = j.answered;
		this.recalled = j.recalled;
		this.timeMs = j.timeMs;
		this.perCard = { ...j.cards };
		this.cardsAnswered = Object.keys(this.perCard).length;
		this.progress = j.progress;
		this.mix = j.mix;
	}

	protected resetCounts(): void {
		this.answered = 0;
		this.recalled = 0;
		this.timeMs = 0;
		this.perCard = {};
		this.cardsAnswered = 0;
		this.progress = 0;
		this.mix = undefined;
		this.ended = false;
	}

	/** Progress only moves forward while answering; it is full only when the session ends. */
	protected moveProgress(back = false): void {
		const total = this.answered + this.remaining;
		const share = total === 0 ? 0 : Math.min(0.99, this.answered / total);
		this.progress = back ? share : Math.max(this.progress, share);
	}

	protected push(step: UndoStep): void {
		this.undoSteps.push(step);
		if (this.undoSteps.length > UNDO_LIMIT) this.undoSteps.shift();
		this.undoCount = this.undoSteps.length;
	}

	protected counted(card_id: string, rating: Grade, duration: number, sign: 1 | -1): void {
		this.answered += sign;
		if (rating !== Rating.Again) this.recalled += sign;
		this.timeMs += sign * duration;
		const n = (this.perCard[card_id] ?? 0) + sign;
		if (n > 0) this.perCard[card_id] = n;
		else delete this.perCard[card_id];
		this.cardsAnswered = Object.keys(this.perCard).length;
	}

	/** The session as it stands, for the journal; `queue` is a fixed round's cards not answered yet. */
	protected journalOf(scope: string, day: number, queue: string[] | undefined): SessionJournal {
		return {
			scope,
			day,
			undo: this.undoSteps,
			answered: this.answered,
			recalled: this.recalled,
			timeMs: this.timeMs,
			cards: this.perCard,
			progress: this.progress,
			mix: this.mix ? { ...this.mix } : undefined,
			practiceQueue: queue ? [...queue] : undefined,
			ended: this.ended
		};
	}
}

/** A journal as it will be once this saved review counts: written with the answer itself. */
export function withReview(j: SessionJournal, step: Extract<UndoStep, { type: 'review' }>, rating: Grade): SessionJournal {
	const card_id = step.saved.log.card_id;
	const { kind, duration } = step;
	return {
		...j,
		undo: [...j.undo, step].slice(-UNDO_LIMIT),
		answered: j.answered + 1,
		recalled: j.recalled + (rating === Rating.Again ? 0 : 1),
		timeMs: j.timeMs + duration,
		cards: { ...j.cards, [card_id]: (j.cards[card_id] ?? 0) + 1 },
		mix: j.mix && kind !== 'learning' ? { ...j.mix, shown: j.mix.shown + 1, newShown: j.mix.newShown + (kind === 'new' ? 1 : 0) } : j.mix
	};
}

/** How a card counts in a session: never studied, in (re)learning steps, or in review. */
export function kindOf(s: CardState | undefined): CardKind {
	if (!s || s.state === State.New) return 'new';
	return s.state === State.Review ? 'review' : 'learning';
}

/** The cards left, as the session bar counts them. */
export function countKinds(kinds: readonly CardKind[]): { fresh: number; learning: number; review: number } {
	const n = (k: CardKind) => kinds.filter((x) => x === k).length;
	return { fresh: n('new'), learning: n('learning'), review: n('review') };
}
