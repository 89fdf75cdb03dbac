import { checkChoice, checkMulti, checkOrder } from '$lib/decks/check-answer';
import { gradeTyped, type TypedVerdict } from '$lib/decks/typed-grade';
import type { DeckCard } from '$lib/decks';
import { Rating } from '$lib/srs/constants';
import { autoGrade } from '$lib/srs/grade';
import type { Grade } from '$lib/srs/types';

export type Phase = 'loading' | 'question' | 'answer' | 'waiting' | 'done' | 'error';

/** Shuffles a copy (Fisher–Yates); options are shuffled each time a card is shown. */
export function shuffled<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/** A shuffle that never shows the steps already in order, which would give the answer away. */
function shuffledOutOfOrder<T>(items: readonly T[]): T[] {
	for (let tries = 0; tries < 10; tries++) {
		const out = shuffled(items);
		if (out.some((x, i) => x !== items[i])) return out;
	}
	return [...items].reverse();
}

/**
 * The card on screen and the learner's answer to it, from the question to
 * the verdict. Knows nothing of queues, the database or undo: the session
 * that orders cards (session.svelte.ts) builds on it.
 */
export class CardAnswer {
	phase = $state<Phase>('loading');
	card = $state.raw<DeckCard | undefined>();
	/** Options (choice, multi) or steps (order) in display order: shuffled each time a card is shown. */
	options = $state.raw<string[]>([]);
	/** Multiple choice: the option picked. */
	picked = $state<string | undefined>();
	/** Choose all that apply: the options ticked. */
	selected = $state<string[]>([]);
	/** Typed: what the learner wrote. */
	typed = $state('');
	/** Typed: how the answer was graded, with what was expected and, for "almost", where it differs. */
	typedVerdict = $state.raw<TypedVerdict | undefined>();
	/** Typed: the learner submitted an empty answer, "I don't know". */
	gaveUp = $state(false);
	/** Ordering: the steps placed so far, in the learner's order. */
	placed = $state<string[]>([]);
	/** Whether an auto-graded answer was right, once checked. */
	correct = $state<boolean | undefined>();
	/** The grade suggested by an auto-graded card (Enter accepts it). */
	suggested = $state<Grade | undefined>();
	/** performance.now() when the card was shown, for the answer's duration. */
	protected shownAt = 0;

	/** Puts a card on screen as a fresh question. */
	protected present(card: DeckCard): void {
		this.picked = undefined;
		this.selected = [];
		this.typed = '';
		this.typedVerdict = undefined;
		this.gaveUp = false;
		this.placed = [];
		this.correct = undefined;
		this.suggested = undefined;
		this.card = card;
		this.options =
			card.kind === 'choice'
				? shuffled([card.answer, ...card.distractors])
				: card.kind === 'multi'
					? shuffled([...card.correct, ...card.incorrect])
					: card.kind === 'order'
						? shuffledOutOfOrder(card.steps)
						: [];
		this.shownAt = performance.now();
		this.phase = 'question';
	}

	/** Ordering: the steps not placed yet, in display order. */
	get pool(): string[] {
		return this.options.filter((s) => !this.placed.includes(s));
	}

	/** Flashcard: show the answer. */
	reveal(): void {
		if (this.phase === 'question' && this.card?.kind === 'flashcard') this.phase = 'answer';
	}

	/** Multiple choice: pick an option; the card grades itself. */
	pick(option: string): void {
		if (this.phase !== 'question' || this.card?.kind !== 'choice') return;
		this.picked = option;
		this.graded(checkChoice(this.card, option));
	}

	/** Choose all that apply: tick or untick an option. */
	toggle(option: string): void {
		if (this.phase !== 'question' || this.card?.kind !== 'multi') return;
		this.selected = this.selected.includes(option) ? this.selected.filter((o) => o !== option) : [...this.selected, option];
	}

	/** Ordering: put a step next in line. */
	place(step: string): void {
		if (this.phase !== 'question' || this.card?.kind !== 'order' || this.placed.includes(step)) return;
		this.placed = [...this.placed, step];
	}

	/** Ordering: take a placed step back. */
	unplace(step: string): void {
		if (this.phase !== 'question') return;
		this.placed = this.placed.filter((s) => s !== step);
	}

	/** Whether the answer on screen can be checked yet. */
	get canCheck(): boolean {
		const c = this.card;
		if (this.phase !== 'question' || !c) return false;
		if (c.kind === 'multi') return this.selected.length > 0;
		if (c.kind === 'typed') return this.typed.trim() !== '';
		if (c.kind === 'order') return this.placed.length === c.steps.length;
		return false;
	}

	/** Checks a multi-select, typed or ordering answer; the card grades itself. */
	check(): void {
		const c = this.card;
		if (!this.canCheck || !c) return;
		if (c.kind === 'multi') this.graded(checkMulti(c, new Set(this.selected)));
		else if (c.kind === 'typed') {
			const verdict = gradeTyped(c, this.typed);
			this.typedVerdict = verdict;
			this.graded(verdict.result !== 'wrong');
			// One typo: recalled, not perfectly; Hard rather than Again.
			if (verdict.result === 'almost') this.suggested = Rating.Hard;
		} else if (c.kind === 'order') this.graded(checkOrder(c, this.placed));
	}

	/** Typed: Enter on an empty field means "I don't know": show the answer and suggest Again. */
	dontKnow(): void {
		if (this.phase !== 'question' || this.card?.kind !== 'typed' || this.typed.trim() !== '') return;
		this.gaveUp = true;
		this.correct = false;
		this.suggested = Rating.Again;
		this.phase = 'answer';
	}

	protected graded(correct: boolean): void {
		this.correct = correct;
		this.suggested = autoGrade(correct);
		this.phase = 'answer';
	}
}
