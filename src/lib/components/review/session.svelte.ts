import { announce, onChange, type ChangeMessage } from '$lib/db/channel';
import { appDb, dropConnection } from '$lib/db/client';
import { connection } from '$lib/db/status.svelte';
import {
	getReviewDays,
	recordPractice,
	recordReview,
	restoreMarks,
	setMarks,
	undoPractice,
	undoReview,
	type AppSettings,
	type CardMarks,
	type PracticeRecord,
	type SavedReview
} from '$lib/db';
import { checkChoice, checkMulti, checkOrder, checkTyped } from '$lib/decks/check-answer';
import { loadCards, loadIndex } from '$lib/decks/client';
import type { DeckCard } from '$lib/decks';
import {
	autoGrade,
	nextDayStart,
	pickNext,
	previewIntervals,
	Rating,
	scheduler,
	State,
	startMix,
	streak,
	type CardState,
	type Grade,
	type Mix
} from '$lib/srs';
import { loadToday } from '$lib/study/today';

export type Phase = 'loading' | 'question' | 'answer' | 'waiting' | 'done' | 'error';
export type Mode = 'review' | 'practice';

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
/** Undo reaches back this many steps. */
export const UNDO_LIMIT = 100;

type UndoStep =
	| { type: 'review'; saved: SavedReview; kind: 'learning' | 'review' | 'new'; duration: number }
	| { type: 'practice'; record: PracticeRecord }
	| { type: 'marks'; card_id: string; before: CardMarks | undefined; label: string };

/** What comes after the session, for the summary at its end (the counts are live on the session). */
export interface SessionSummary {
	/** When the next card in scope is due: a learning step later today, else the next review. */
	nextDue: number | undefined;
	/** Review cards due tomorrow (review mode). */
	dueTomorrow: number;
	streak: number;
}

/** One study session: today's due cards (review) or N random cards that leave the schedule alone (practice). */
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
	/** A short message about the last action: leech, bury, undo. */
	notice = $state<string | undefined>();
	/** The card on screen is flagged. */
	flagged = $state(false);
	/** When the next card comes due, while waiting for it. */
	nextDue = $state<number | undefined>();
	summary = $state.raw<SessionSummary | undefined>();
	undoCount = $state(0);
	/** Answers rated Hard, Good or Easy in this session. */
	recalled = $state(0);
	/** Time spent answering in this session, ms. */
	timeMs = $state(0);

	readonly deck: string | undefined;
	readonly mode: Mode;
	readonly practiceSize: number;
	#settings: AppSettings | undefined;
	#states = new Map<string, CardState>();
	#marks = new Map<string, CardMarks>();
	#cards = new Map<string, DeckCard>();
	#catalog: string[] = [];
	#queue: string[] = [];
	#currentKind: 'learning' | 'review' | 'new' = 'new';
	#mix: Mix | undefined;
	#undo: UndoStep[] = [];
	#shownAt = 0;
	#lastRating: Grade | undefined;
	/** An answer whose save failed: kept, with its original time, until a retry writes it. */
	#pending: { card_id: string; rating: Grade; now: number; duration: number } | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopListening: (() => void) | undefined;

	constructor(options: { deck?: string; mode?: Mode; practiceSize?: number } = {}) {
		this.deck = options.deck;
		this.mode = options.mode ?? 'review';
		this.practiceSize = options.practiceSize ?? 10;
	}

	/** Ordering: the steps not placed yet, in display order. */
	get pool(): string[] {
		return this.options.filter((s) => !this.placed.includes(s));
	}

	/** Starts the session. */
	async load(): Promise<void> {
		this.#stopListening = onChange((m) => void this.#changedElsewhere(m));
		try {
			if (this.mode === 'practice') {
				const index = await loadIndex();
				const ids = index.decks.find((d) => d.id === this.deck)?.cardIds ?? [];
				this.#queue = shuffled(ids).slice(0, Math.max(1, this.practiceSize));
				const today = await loadToday(Date.now(), this.deck);
				this.#settings = today.settings;
				this.#cards = await loadCards(this.#queue);
				this.#showNextPractice();
			} else {
				await this.#advance(true);
			}
		} catch (e) {
			this.loadError = e instanceof Error ? e.message : String(e);
			this.phase = 'error';
		}
	}

	/** Stops timers and listening when the page goes away. */
	destroy(): void {
		clearTimeout(this.#timer);
		this.#stopListening?.();
	}

	/**
	 * Another tab answered or changed a card. If it is the card on screen,
	 * still unanswered here, or if this tab is waiting, the queue is rebuilt;
	 * an answer the learner is giving here is never swept away.
	 */
	async #changedElsewhere(m: ChangeMessage): Promise<void> {
		if (this.mode !== 'review' || this.saving) return;
		const onScreen = this.phase === 'question' && m.card_id !== undefined && this.card?.id === m.card_id;
		if (!onScreen && this.phase !== 'waiting') return;
		this.saving = true;
		try {
			await this.#advance();
		} finally {
			this.saving = false;
		}
	}

	/**
	 * Review mode: rebuilds today's queue from the database (so answers from
	 * other tabs and learning steps that came due count), then shows the next
	 * card, or waits for the next learning step, or ends.
	 */
	async #advance(first = false): Promise<void> {
		clearTimeout(this.#timer);
		const now = Date.now();
		const today = await this.#refresh(now);
		if (first || !this.#mix) this.#mix = startMix(today.queue);
		const next = pickNext(today.queue, this.#mix);
		if (next) {
			this.#cards = new Map([...this.#cards, ...(await loadCards([next.id]))]);
			this.#currentKind = next.kind;
			this.#show(next.id);
			return;
		}
		this.card = undefined;
		const dayEnd = nextDayStart(now, today.settings.dayStartHour);
		if (today.nextDue !== undefined && today.nextDue < dayEnd) {
			// A learning step comes due later today: say when, and show it then.
			this.nextDue = today.nextDue;
			this.phase = 'waiting';
			this.#timer = setTimeout(() => void this.#advance(), Math.max(0, today.nextDue - Date.now()) + 250);
			return;
		}
		await this.#finish(today.nextDue);
	}

	/** Reads today's queue and the card states from the database (other tabs' answers included). */
	async #refresh(now: number): Promise<Awaited<ReturnType<typeof loadToday>>> {
		const today = await loadToday(now, this.deck);
		this.#settings = today.settings;
		this.#states = today.states;
		this.#marks = today.marks;
		this.#catalog = today.catalog;
		this.remaining = today.queue.learning.length + today.queue.review.length + today.queue.fresh.length;
		return today;
	}

	#showNextPractice(): void {
		this.remaining = this.#queue.length;
		const id = this.#queue[0];
		if (id === undefined) {
			void this.#finish(undefined);
			return;
		}
		this.#show(id);
	}

	async #finish(nextLearning: number | undefined): Promise<void> {
		const now = Date.now();
		const settings = this.#settings;
		let dueTomorrow = 0;
		let nextReview: number | undefined;
		if (settings) {
			const tomorrowEnd = nextDayStart(nextDayStart(now, settings.dayStartHour), settings.dayStartHour);
			const inScope = new Set(this.#catalog);
			for (const s of this.#states.values()) {
				if (this.deck && !inScope.has(s.card_id)) continue;
				if (s.state === State.Review && s.due > now) {
					nextReview = nextReview === undefined ? s.due : Math.min(nextReview, s.due);
					if (s.due < tomorrowEnd) dueTomorrow++;
				}
			}
		}
		const db = await appDb();
		const days = await getReviewDays(db);
		this.summary = {
			nextDue: nextLearning ?? nextReview,
			dueTomorrow,
			streak: settings ? streak(days, now, settings.dayStartHour) : 0
		};
		this.card = undefined;
		this.remaining = 0;
		this.phase = 'done';
		// With a session's worth of answers, ask the browser to keep them.
		if (this.answered > 0) void import('$lib/db/persist').then((p) => p.askToPersist());
		void import('$lib/pwa/badge').then((b) => b.refreshBadge());
	}

	#show(id: string): void {
		const card = this.#cards.get(id);
		if (!card || !this.#settings) return;
		this.picked = undefined;
		this.selected = [];
		this.typed = '';
		this.placed = [];
		this.correct = undefined;
		this.suggested = undefined;
		this.saveError = undefined;
		this.card = card;
		this.flagged = this.#marks.get(id)?.flagged ?? false;
		this.options =
			card.kind === 'choice'
				? shuffled([card.answer, ...card.distractors])
				: card.kind === 'multi'
					? shuffled([...card.correct, ...card.incorrect])
					: card.kind === 'order'
						? shuffledOutOfOrder(card.steps)
						: [];
		this.intervals =
			this.mode === 'review' ? previewIntervals(scheduler(this.#settings), card.id, this.#states.get(card.id), Date.now()) : undefined;
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
		if (c.kind === 'multi') this.#graded(checkMulti(c, new Set(this.selected)));
		else if (c.kind === 'typed') this.#graded(checkTyped(c, this.typed));
		else if (c.kind === 'order') this.#graded(checkOrder(c, this.placed));
	}

	#graded(correct: boolean): void {
		this.correct = correct;
		this.suggested = autoGrade(correct);
		this.phase = 'answer';
	}

	#push(step: UndoStep): void {
		this.#undo.push(step);
		if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		this.undoCount = this.#undo.length;
	}

	/** Saves the answer; the card only leaves the screen once the write has committed. */
	async rate(rating: Grade): Promise<void> {
		const card = this.card;
		const settings = this.#settings;
		if (this.phase !== 'answer' || !card || this.saving || !settings) return;
		this.saving = true;
		this.saveError = undefined;
		this.notice = undefined;
		this.#lastRating = rating;
		const pending = this.#pending?.card_id === card.id && this.#pending.rating === rating ? this.#pending : undefined;
		const duration = pending?.duration ?? Math.round(Math.min(performance.now() - this.#shownAt, MAX_DURATION));
		const answeredAt = pending?.now ?? Date.now();
		this.#pending = { card_id: card.id, rating, now: answeredAt, duration };
		try {
			const db = await appDb();
			if (this.mode === 'practice') {
				const record = await recordPractice(db, {
					card_id: card.id,
					rating,
					correct: card.kind === 'flashcard' ? null : (this.correct ?? false),
					review: answeredAt,
					duration
				});
				this.#pending = undefined;
				this.#push({ type: 'practice', record });
				this.#counted(rating, duration, +1);
				this.#queue.shift();
				this.#showNextPractice();
				return;
			}
			const saved = await recordReview(db, scheduler(settings), { card_id: card.id, rating, now: answeredAt, duration }, settings);
			this.#pending = undefined;
			this.#push({ type: 'review', saved, kind: this.#currentKind, duration });
			announce({ type: 'reviewed', card_id: card.id });
			if (this.#mix && this.#currentKind !== 'learning') {
				this.#mix.shown++;
				if (this.#currentKind === 'new') this.#mix.newShown++;
			}
			if (saved.leech) {
				this.notice = `“${card.prompt.replaceAll('`', '')}” has lapsed ${saved.state.lapses} times: it is a leech, and now suspended. Find it under Cards to rework and resume it.`;
			}
			// Counted with the next card's arrival, so progress and screen move together.
			try {
				await this.#advance();
			} finally {
				this.#counted(rating, duration, +1);
			}
		} catch (e) {
			this.saveError = this.#describeFailure(e);
		} finally {
			this.saving = false;
		}
	}

	/** Why a save failed, in words; the answer stays on screen to retry. */
	#describeFailure(e: unknown): string {
		const name = e instanceof DOMException || e instanceof Error ? e.name : '';
		if (connection.blocked) return 'Not saved: a newer version of the app is open in another tab. Reload this tab; your answer will need giving again.';
		if (name === 'InvalidStateError') dropConnection();
		const why =
			name === 'QuotaExceededError'
				? 'the device is out of storage space for this site'
				: name === 'AbortError'
					? 'the browser aborted the write'
					: name === 'InvalidStateError'
						? 'the connection to the database was closed'
						: e instanceof Error
							? e.message
							: String(e);
		return `Not saved: ${why}. Your answer is kept here; press Retry.`;
	}

	#counted(rating: Grade, duration: number, sign: 1 | -1): void {
		this.answered += sign;
		if (rating !== Rating.Again) this.recalled += sign;
		this.timeMs += sign * duration;
	}

	/** Tries the last failed save again. */
	retry(): Promise<void> {
		return this.#lastRating === undefined ? Promise.resolve() : this.rate(this.#lastRating);
	}

	/** Takes back the last answer (or bury/suspend/flag): the exact earlier state returns and the card is shown again. */
	async undo(): Promise<void> {
		if (this.saving) return;
		const step = this.#undo.at(-1);
		if (!step) return;
		this.saving = true;
		try {
			const db = await appDb();
			if (step.type === 'review') {
				await undoReview(db, step.saved);
				announce({ type: 'undone', card_id: step.saved.log.card_id });
				this.#counted(step.saved.log.rating, step.duration, -1);
				if (this.#mix && step.kind !== 'learning') {
					this.#mix.shown--;
					if (step.kind === 'new') this.#mix.newShown--;
				}
				await this.#reshow(step.saved.log.card_id, step.kind);
			} else if (step.type === 'practice') {
				await undoPractice(db, step.record);
				this.#counted(step.record.rating, step.record.duration, -1);
				if (this.#queue[0] !== step.record.card_id) this.#queue.unshift(step.record.card_id);
				this.#showNextPractice();
			} else {
				await restoreMarks(db, step.card_id, step.before);
				if (step.before) this.#marks.set(step.card_id, step.before);
				else this.#marks.delete(step.card_id);
				if (this.card?.id === step.card_id) this.flagged = step.before?.flagged ?? false;
				else await this.#reshow(step.card_id, this.#currentKind);
			}
			this.#undo.pop();
			this.undoCount = this.#undo.length;
			this.notice = 'Undone.';
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	async #reshow(card_id: string, kind: 'learning' | 'review' | 'new'): Promise<void> {
		clearTimeout(this.#timer);
		await this.#refresh(Date.now());
		this.#cards = new Map([...this.#cards, ...(await loadCards([card_id]))]);
		this.#currentKind = kind;
		this.summary = undefined;
		this.#show(card_id);
	}

	async #mark(patch: Partial<Omit<CardMarks, 'card_id'>>, label: string, leave: boolean): Promise<void> {
		const card = this.card;
		if (!card || this.saving || (this.phase !== 'question' && this.phase !== 'answer')) return;
		this.saving = true;
		try {
			const db = await appDb();
			const { before, after } = await setMarks(db, card.id, patch);
			announce({ type: 'marked', card_id: card.id });
			this.#marks.set(card.id, after);
			this.#push({ type: 'marks', card_id: card.id, before, label });
			this.notice = label;
			if (!leave) {
				this.flagged = after.flagged;
			} else if (this.mode === 'practice') {
				this.#queue.shift();
				this.#showNextPractice();
			} else {
				await this.#advance();
			}
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	/** Hides the card until the learner's next day. */
	bury(): Promise<void> {
		const s = this.#settings;
		if (!s) return Promise.resolve();
		return this.#mark({ buried_until: nextDayStart(Date.now(), s.dayStartHour) }, 'Buried until tomorrow.', true);
	}

	/** Hides the card from reviews until the learner resumes it. */
	suspend(): Promise<void> {
		return this.#mark({ suspended: true }, 'Suspended.', true);
	}

	/** Flags or unflags the card, to find it later. */
	toggleFlag(): Promise<void> {
		return this.#mark({ flagged: !this.flagged }, this.flagged ? 'Flag removed.' : 'Flagged.', false);
	}
}
