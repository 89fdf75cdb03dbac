import { appDb } from '$lib/db/client';
import { recordReview } from '$lib/db';
import { loadCards } from '$lib/decks/client';
import { checkChoice, checkMulti, checkOrder, checkTyped } from '$lib/decks/check-answer';
import type { DeckCard } from '$lib/decks';
import { autoGrade, previewIntervals, scheduler, type CardState, type Grade } from '$lib/srs';
import { loadToday } from '$lib/study/today';

export type Phase = 'loading' | 'question' | 'answer' | 'done' | 'error';

/** Shuffles a copy (Fisher–Yates); options are shuffled each time a card is shown. */
function shuffled<T>(items: readonly T[]): T[] {
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

/** The longest an answer may count as taking: a learner who walked away is not slow. */
const MAX_DURATION = 60_000;

/** One review session: today's due cards, for every deck or for one. */
export class ReviewSession {
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
	/** Ordering: the steps placed so far, in the learner's order. */
	placed = $state<string[]>([]);
	/** Whether an auto-graded answer was right, once checked. */
	correct = $state<boolean | undefined>();
	/** The grade suggested by an auto-graded card (Enter accepts it). */
	suggested = $state<Grade | undefined>();
	intervals = $state.raw<Record<Grade, number> | undefined>();
	answered = $state(0);
	remaining = $state(0);
	saving = $state(false);
	saveError = $state<string | undefined>();
	loadError = $state<string | undefined>();
	nextDue = $state<number | undefined>();

	readonly deck: string | undefined;
	#queue: string[] = [];
	#cards = new Map<string, DeckCard>();
	#states = new Map<string, CardState>();
	#settings: Awaited<ReturnType<typeof loadToday>>['settings'] | undefined;
	#shownAt = 0;
	#lastRating: Grade | undefined;

	constructor(deck?: string) {
		this.deck = deck;
	}

	/** Ordering: the steps not placed yet, in display order. */
	get pool(): string[] {
		return this.options.filter((s) => !this.placed.includes(s));
	}

	/** Loads today's queue, or tops it up with learning cards that have come due. */
	async load(): Promise<void> {
		try {
			const today = await loadToday(Date.now(), this.deck);
			this.#settings = today.settings;
			this.#states = today.states;
			this.#queue = today.order;
			this.#cards = await loadCards(this.#queue);
			this.#queue = this.#queue.filter((id) => this.#cards.has(id));
			this.nextDue = today.nextDue;
			this.#show();
		} catch (e) {
			this.loadError = e instanceof Error ? e.message : String(e);
			this.phase = 'error';
		}
	}

	#show(): void {
		this.remaining = this.#queue.length;
		const id = this.#queue[0];
		const card = id === undefined ? undefined : this.#cards.get(id);
		this.picked = undefined;
		this.selected = [];
		this.typed = '';
		this.placed = [];
		this.correct = undefined;
		this.suggested = undefined;
		this.saveError = undefined;
		if (!card || !this.#settings) {
			this.card = undefined;
			this.phase = 'done';
			return;
		}
		this.card = card;
		this.options =
			card.kind === 'choice'
				? shuffled([card.answer, ...card.distractors])
				: card.kind === 'multi'
					? shuffled([...card.correct, ...card.incorrect])
					: card.kind === 'order'
						? shuffledOutOfOrder(card.steps)
						: [];
		this.intervals = previewIntervals(scheduler(this.#settings), card.id, this.#states.get(card.id), Date.now());
		this.#shownAt = performance.now();
		this.phase = 'question';
	}

	/** Flashcard: show the answer. */
	reveal(): void {
		if (this.phase === 'question' && this.card?.kind === 'flashcard') this.phase = 'answer';
	}

	/** Multiple choice: pick an option; the card grades itself. */
	pick(option: string): void {
		if (this.phase !== 'question' || this.card?.kind !== 'choice') return;
		this.picked = option;
		this.#graded(checkChoice(this.card, option));
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

	/** Ordering: take a placed step back (and those after it stay in order). */
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
		if (c.kind === 'multi') this.#graded(checkMulti(c, new Set(this.selected)));
		else if (c.kind === 'typed') this.#graded(checkTyped(c, this.typed));
		else if (c.kind === 'order') this.#graded(checkOrder(c, this.placed));
	}

	#graded(correct: boolean): void {
		this.correct = correct;
		this.suggested = autoGrade(correct);
		this.phase = 'answer';
	}

	/** Saves the answer; the card only leaves the screen once the write has committed. */
	async rate(rating: Grade): Promise<void> {
		const card = this.card;
		if (this.phase !== 'answer' || !card || this.saving || !this.#settings) return;
		this.saving = true;
		this.saveError = undefined;
		this.#lastRating = rating;
		try {
			const db = await appDb();
			const { state } = await recordReview(db, scheduler(this.#settings), {
				card_id: card.id,
				rating,
				now: Date.now(),
				duration: Math.min(performance.now() - this.#shownAt, MAX_DURATION)
			});
			this.#states.set(card.id, state);
			this.answered++;
			this.#queue.shift();
			if (this.#queue.length === 0) await this.load();
			else this.#show();
		} catch (e) {
			this.saveError = `Not saved: ${e instanceof Error ? e.message : String(e)}`;
		} finally {
			this.saving = false;
		}
	}

	/** Tries the last failed save again. */
	retry(): Promise<void> {
		return this.#lastRating === undefined ? Promise.resolve() : this.rate(this.#lastRating);
	}
}
