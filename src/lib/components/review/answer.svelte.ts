import { checkChoice, checkMulti, checkOrder } from '$lib/decks/check-answer';
import { gradeTyped, type TypedVerdict } from '$lib/decks/typed-grade';
import type { DeckCard } from '$lib/decks';
import { Rating } from '$lib/srs/constants';
import { autoGrade } from '$lib/srs/grade';
import type { Grade } from '$lib/srs/types';
import { shuffled, shuffledOutOfOrder } from './shuffle';

/** The longest an answer may count as taking: a learner who walked away is not slow. */
const MAX_DURATION = 60_000;

/**
 * The card on screen and the learner's answer to it, from the question to
 * the verdict: one per card shown. Knows nothing of queues, the database or
 * undo: the session (session.svelte.ts) holds it as `session.answer`.
 */
export class CardAnswer {
	readonly card: DeckCard;
	/** The answer is on screen (shown, or the card graded itself). */
	revealed = $state(false);
	/** Options (choice, multi) or steps (order) in display order: shuffled each time a card is shown. */
	readonly options: string[];
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
	/**
	 * The interval each rating would give, if the session schedules the card:
	 * worked out when the rating bar first shows them, after the answer is
	 * revealed, not while the card is put on screen after the last grade.
	 */
	readonly intervals = $derived.by(() => this.#preview?.());
	/** performance.now() when the card was shown, for the answer's duration. */
	readonly #shownAt = performance.now();
	readonly #preview: (() => Record<Grade, number>) | undefined;

	/** Puts a card on screen as a fresh question; `preview` works out its intervals (the state and time it was shown with). */
	constructor(card: DeckCard, preview?: () => Record<Grade, number>) {
		this.card = card;
		this.#preview = preview;
		this.options =
			card.kind === 'choice'
				? shuffled([card.answer, ...card.distractors])
				: card.kind === 'multi'
					? shuffled([...card.correct, ...card.incorrect])
					: card.kind === 'order'
						? shuffledOutOfOrder(card.steps)
						: [];
	}

	/** How long the answer took so far, ms, capped. */
	elapsed(): number {
		return Math.round(Math.min(performance.now() - this.#shownAt, MAX_DURATION));
	}

	/** Ordering: the steps not placed yet, in display order. */
	get pool(): string[] {
		return this.options.filter((s) => !this.placed.includes(s));
	}

	/** Flashcard: show the answer. */
	reveal(): void {
		if (!this.revealed && this.card.kind === 'flashcard') this.revealed = true;
	}

	/** Multiple choice: pick an option; the card grades itself. */
	pick(option: string): void {
		if (this.revealed || this.card.kind !== 'choice') return;
		this.picked = option;
		this.#graded(checkChoice(this.card, option));
	}

	/** Choose all that apply: tick or untick an option. */
	toggle(option: string): void {
		if (this.revealed || this.card.kind !== 'multi') return;
		this.selected = this.selected.includes(option) ? this.selected.filter((o) => o !== option) : [...this.selected, option];
	}

	/** Ordering: put a step next in line. */
	place(step: string): void {
		if (this.revealed || this.card.kind !== 'order' || this.placed.includes(step)) return;
		this.placed = [...this.placed, step];
	}

	/** Ordering: take a placed step back. */
	unplace(step: string): void {
		if (this.revealed) return;
		this.placed = this.placed.filter((s) => s !== step);
	}

	/** Whether the answer on screen can be checked yet. */
	get canCheck(): boolean {
		const c = this.card;
		if (this.revealed) return false;
		if (c.kind === 'multi') return this.selected.length > 0;
		if (c.kind === 'typed') return this.typed.trim() !== '';
		if (c.kind === 'order') return this.placed.length === c.steps.length;
		return false;
	}

	/** Checks a multi-select, typed or ordering answer; the card grades itself. */
	check(): void {
		const c = this.card;
		if (!this.canCheck) return;
		if (c.kind === 'multi') this.#graded(checkMulti(c, new Set(this.selected)));
		else if (c.kind === 'typed') {
			const verdict = gradeTyped(c, this.typed);
			this.typedVerdict = verdict;
			this.#graded(verdict.result !== 'wrong');
			// One typo: recalled, not perfectly; Hard rather than Again.
			if (verdict.result === 'almost') this.suggested = Rating.Hard;
		} else if (c.kind === 'order') this.#graded(checkOrder(c, this.placed));
	}

	/** Typed: Enter on an empty field means "I don't know": show the answer and suggest Again. */
	dontKnow(): void {
		if (this.revealed || this.card.kind !== 'typed' || this.typed.trim() !== '') return;
		this.gaveUp = true;
		this.correct = false;
		this.suggested = Rating.Again;
		this.revealed = true;
	}

	#graded(correct: boolean): void {
		this.correct = correct;
		this.suggested = autoGrade(correct);
		this.revealed = true;
	}
}
