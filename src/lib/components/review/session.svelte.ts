import { appDb } from '$lib/data/client';
import { NewCardLimitError } from '$lib/data/answers';
import { addExtraNew, loadJournal } from '$lib/data/journal';
import type { DeckCard } from '$lib/decks';
import { loadCards, warmDecks } from '$lib/data/catalog-cards';
import { startOfDay } from '$lib/srs/day';
import { previewIntervals } from '$lib/srs/grade';
import { DEFAULT_DAY_START_HOUR } from '$lib/srs/queue';
import { scheduler } from '$lib/srs/scheduler';
import type { Grade } from '$lib/srs/types';
import { readTodayCounts } from '$lib/study/answered-today';
import { loadToday } from '$lib/study/today';
import { CardAnswer } from './answer.svelte';
import { bury, suspend, toggleFlag, undo } from './actions';
import { followChanges } from './follow-changes';
import { apply, cardsAnswered, emptyLedger, finished, fromJournal, progressed, toJournal, type Ledger } from './ledger';
import { saveAnswer } from './record';
import { JournalKeeper } from './session-journal';
import { SessionStreak } from './session-streak';
import { describeFailure, leechNotice } from './session-text';
import { sourceFor, type CardKind, type CardSource, type Counts, type Mode, type SourceOptions } from './sources';
import { summarize, type SessionSummary } from './summary';

export type { Mode } from './sources';
export type { SessionSummary } from './summary';
export { UNDO_LIMIT } from './ledger';

export type Phase = 'loading' | 'question' | 'answer' | 'waiting' | 'done' | 'error';

export interface SessionOptions extends SourceOptions {
	/** What the page does once the session reaches its end screen (the badge, sync, asking the browser to keep the data). */
	onEnd?: (end: { answered: number }) => void;
}

/**
 * One study session. Its cards come from a source (today's due cards, a
 * practice round or a fixed list: sources/), the answer on screen is
 * `answer`, and the counts, undo history and journal come from one ledger.
 * This shows cards, saves answers, and does what the learner does besides
 * answering: undo, bury, suspend, flag, another round; it follows changes
 * made in other tabs and by sync.
 */
export class ReviewSession {
	/** The card on screen and the learner's answer to it. */
	answer = $state.raw<CardAnswer | undefined>();
	/** The counts, the undo history and the progress, as the journal keeps them. */
	ledger = $state.raw<Ledger>(emptyLedger());
	/** Cards still to show: new, learning (due now or within the learn-ahead limit) and review. */
	counts = $state.raw<Counts>({ fresh: 0, learning: 0, review: 0 });
	saving = $state(false);
	saveError = $state<string | undefined>();
	loadError = $state<string | undefined>();
	/** A short message about the last action: leech, undo, a failure. */
	notice = $state<string | undefined>();
	/** What bury, suspend, flag or skip just did to which card; it offers its own Undo. */
	snack = $state<string | undefined>();
	/** The card on screen is flagged. */
	flagged = $state(false);
	/** When the next card comes due, while waiting for it. */
	nextDue = $state<number | undefined>();
	summary = $state.raw<SessionSummary | undefined>();
	#status = $state<'loading' | 'card' | 'waiting' | 'done' | 'error'>('loading');

	readonly mode: Mode;
	readonly deck: string | undefined;
	readonly practiceSize: number;
	readonly source: CardSource;
	#onEnd: SessionOptions['onEnd'];
	#cards = new Map<string, DeckCard>();
	/** How the card on screen counted when it was picked. */
	#kind: CardKind = 'new';
	#timer: ReturnType<typeof setTimeout> | undefined;
	#streak = new SessionStreak();
	#stopListening: (() => void) | undefined;
	#lastRating: Grade | undefined;
	/** An answer whose save failed: kept, with its original time, until a retry writes it. */
	#pending: { card_id: string; rating: Grade; now: number; duration: number } | undefined;
	#journal = new JournalKeeper(() =>
		toJournal(this.ledger, this.source.scope, startOfDay(Date.now(), this.source.settings?.dayStartHour ?? DEFAULT_DAY_START_HOUR), this.source.round())
	);

	constructor(options: SessionOptions = {}) {
		this.mode = options.mode ?? 'review';
		this.deck = options.deck;
		this.practiceSize = options.practiceSize ?? 10;
		this.source = sourceFor(options);
		this.#onEnd = options.onEnd;
	}

	get phase(): Phase {
		return this.#status === 'card' ? (this.answer?.revealed ? 'answer' : 'question') : this.#status;
	}
	get card(): DeckCard | undefined {
		return this.answer?.card;
	}
	/** The interval each rating gives the card on screen (none in practice). */
	get intervals(): Record<Grade, number> | undefined {
		return this.answer?.intervals;
	}
	/** Answers given, answers not rated Again, time spent (ms), different cards answered. */
	get answered(): number {
		return this.ledger.answered;
	}
	get recalled(): number {
		return this.ledger.recalled;
	}
	get timeMs(): number {
		return this.ledger.timeMs;
	}
	get cardsAnswered(): number {
		return cardsAnswered(this.ledger);
	}
	/** Share of the session done, 0–1. */
	get progress(): number {
		return this.ledger.progress;
	}
	get undoCount(): number {
		return this.ledger.undo.length;
	}
	/** Cards left in the session. */
	get remaining(): number {
		return this.counts.fresh + this.counts.learning + this.counts.review;
	}

	/** Starts the session, carrying on today's journal for this scope if there is one. */
	async load(): Promise<void> {
		// Another tab, or a sync that brought answers given on another device: this session's own writes aside.
		this.#stopListening = followChanges(this);
		try {
			const now = Date.now();
			const today = await loadToday(now, this.deck);
			this.source.start(today);
			const journal = await loadJournal(await appDb(), this.source.scope, startOfDay(now, today.settings.dayStartHour));
			this.ledger = this.source.resume(journal) && journal ? fromJournal(journal) : emptyLedger();
			await this.#loadRound();
			await this.advance();
		} catch (e) {
			this.loadError = e instanceof Error ? e.message : String(e);
			this.#status = 'error';
		}
	}

	/** Stops timers and listening when the page goes away. */
	destroy(): void {
		clearTimeout(this.#timer);
		this.#streak.stop();
		this.#stopListening?.();
	}

	/** Another round: a new practice draw, or a section quiz with `extraNew` more new cards allowed today. */
	async again(extraNew = 0): Promise<void> {
		if (this.saving) return;
		this.saving = true;
		try {
			const settings = this.source.settings;
			if (extraNew > 0 && this.deck && settings) await addExtraNew(await appDb(), this.deck, startOfDay(Date.now(), settings.dayStartHour), extraNew);
			this.ledger = emptyLedger();
			this.summary = undefined;
			this.#status = 'loading';
			this.source.restart();
			await this.#loadRound();
			await this.advance();
			await this.journal();
		} finally {
			this.saving = false;
		}
	}

	/** A round's cards load at once: answering one never waits for the next. */
	async #loadRound(): Promise<void> {
		const round = this.source.round();
		if (round) this.#cards = await loadCards(round);
	}

	/**
	 * Shows what comes next: a card, a wait for a learning step due later
	 * today, or the end. `ledger` is the ledger with the step just taken: it
	 * reaches the screen with the next card, so the counts and the card move
	 * together; `back` (an undo) lets the progress bar go back. Public for
	 * the card actions (actions.ts).
	 */
	async advance(ledger: Ledger = this.ledger, back = false): Promise<void> {
		clearTimeout(this.#timer);
		let next;
		try {
			const n = await this.source.next(Date.now(), ledger.mix);
			ledger = { ...ledger, mix: n.mix };
			next = n.next;
			if (next.type === 'card' && !this.#cards.has(next.id)) for (const [id, card] of await loadCards([next.id])) this.#cards.set(id, card);
		} finally {
			this.counts = this.source.counts();
			this.ledger = progressed(ledger, this.remaining, back);
		}
		if (next.type === 'card') return this.#show(next.id, next.kind, next.upcoming);
		this.answer = undefined;
		if (next.type === 'wait') {
			this.nextDue = next.until;
			this.#status = 'waiting';
			this.#timer = setTimeout(() => void this.advance(), Math.max(0, next.until - Date.now()) + 250);
		} else await this.#finish(next.nextLearning);
	}

	#show(id: string, kind: CardKind, upcoming: string[] | undefined): void {
		const card = this.#cards.get(id);
		const settings = this.source.settings;
		if (!card || !settings) return;
		this.#kind = kind;
		this.saveError = undefined;
		this.flagged = this.source.marks.get(id)?.flagged ?? false;
		const now = Date.now();
		const state = this.source.states.get(id);
		this.answer = new CardAnswer(card, this.source.practice ? undefined : () => previewIntervals(scheduler(settings), id, state, now));
		this.#status = 'card';
		this.#streak.soon(settings.dayStartHour);
		// While the learner reads this card, the decks of the cards that may follow load: the next grade waits for no fetch.
		if (upcoming) warmDecks(upcoming);
	}

	async #finish(nextLearning: number | undefined): Promise<void> {
		const now = Date.now();
		const settings = this.source.settings;
		// The days with answers come from the quarter-hour totals, as far back as the streak runs: days, not answers.
		const end = this.source.endInput(Object.keys(this.ledger.cards));
		// The daily review sums up the day: its answers as Stats counts them, from the running totals, not this session's own count.
		// Read beside the streak's days, not after them.
		const [streak, answeredToday] = await Promise.all([
			this.#streak.now(now, settings?.dayStartHour ?? DEFAULT_DAY_START_HOUR, !this.source.practice && this.answered > 0),
			end.today && readTodayCounts(now, end.today.settings.dayStartHour).catch(() => undefined)
		]);
		this.summary = summarize({ now, settings, states: this.source.states, nextLearning, streak, answeredToday, ...end });
		this.counts = { fresh: 0, learning: 0, review: 0 };
		const wasEnded = this.ledger.ended;
		this.ledger = finished(this.ledger);
		this.#status = 'done';
		if (!wasEnded) await this.journal();
		this.#onEnd?.({ answered: this.answered });
	}

	/** Writes the journal (public for actions.ts); a failure is not worth interrupting the learner. */
	journal(): Promise<void> {
		return this.#journal.write();
	}

	/**
	 * Saves the answer; the card only leaves the screen once the answer's
	 * transaction has committed. The journal is written after the next card
	 * is painted (for a practice answer, before the save counts as done).
	 */
	async rate(rating: Grade): Promise<void> {
		const answer = this.answer;
		const settings = this.source.settings;
		if (this.phase !== 'answer' || !answer || this.saving || !settings) return;
		const card = answer.card;
		this.saving = true;
		this.saveError = undefined;
		this.notice = undefined;
		this.snack = undefined;
		this.#lastRating = rating;
		const pending = this.#pending?.card_id === card.id && this.#pending.rating === rating ? this.#pending : undefined;
		const duration = pending?.duration ?? answer.elapsed();
		const now = pending?.now ?? Date.now();
		this.#pending = { card_id: card.id, rating, now, duration };
		try {
			const step = await saveAnswer(
				await appDb(),
				{ card, rating, now, duration, correct: answer.correct, kind: this.#kind },
				{ practice: this.source.practice, settings, extraNew: this.source.extraNew }
			);
			this.#pending = undefined;
			if (step.type === 'review' && step.saved.leech) this.notice = leechNotice(card.prompt, step.saved.state.lapses);
			this.source.answered(card.id, step.type === 'review' ? step.saved : undefined);
			await this.advance(apply(this.ledger, step));
			if (step.type === 'practice') await this.journal();
			else this.#journal.afterPaint();
		} catch (e) {
			if (e instanceof NewCardLimitError) {
				// Another tab introduced the day's last new card meanwhile: say so and move on.
				this.#pending = undefined;
				this.notice = e.message;
				this.source.drop(card.id);
				await this.advance().catch((err: unknown) => (this.saveError = describeFailure(err)));
			} else this.saveError = describeFailure(e);
		} finally {
			this.saving = false;
		}
	}

	/** Tries the last failed save again. */
	retry(): Promise<void> {
		return this.#lastRating === undefined ? Promise.resolve() : this.rate(this.#lastRating);
	}

	// What the learner does to a card besides answering, and undo: actions.ts.
	undo = (): Promise<void> => undo(this);
	bury = (): Promise<void> => bury(this);
	suspend = (): Promise<void> => suspend(this);
	toggleFlag = (): Promise<void> => toggleFlag(this);

	/** Dismisses the snackbar. */
	dismissSnack(): void {
		this.snack = undefined;
	}
}
