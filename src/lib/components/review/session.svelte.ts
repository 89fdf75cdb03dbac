import { appDb } from '$lib/db/client';
import { recordReview } from '$lib/db';
import { loadCards } from '$lib/decks/client';
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

/** The longest an answer may count as taking: a learner who walked away is not slow. */
const MAX_DURATION = 60_000;

/** One review session: today's due cards, for every deck or for one. */
export class ReviewSession {
	phase = $state<Phase>('loading');
	card = $state.raw<DeckCard | undefined>();
	/** Multiple choice: the options in display order, and the one picked. */
	options = $state.raw<string[]>([]);
	picked = $state<string | undefined>();
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

	get correct(): boolean | undefined {
		const c = this.card;
		return c?.kind === 'choice' && this.picked !== undefined ? this.picked === c.answer : undefined;
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
		this.suggested = undefined;
		this.saveError = undefined;
		if (!card || !this.#settings) {
			this.card = undefined;
			this.phase = 'done';
			return;
		}
		this.card = card;
		this.options = card.kind === 'choice' ? shuffled([card.answer, ...card.distractors]) : [];
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
		this.suggested = autoGrade(option === this.card.answer);
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
