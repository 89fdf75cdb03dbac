import { announce, onChange, type ChangeMessage } from '$lib/db/channel';
import { appDb, dropConnection } from '$lib/db/client';
import { connection } from '$lib/db/status.svelte';
import {
	addExtraNew,
	answerDays,
	loadJournal,
	NewCardLimitError,
	recordPractice,
	readBuckets,
	recordReview,
	restoreMarks,
	saveJournal,
	setMarks,
	undoPractice,
	undoReview,
	type AppSettings,
	type CardMarks,
	type SessionJournal,
	type UndoStep
} from '$lib/db';
import { loadCards, loadIndex } from '$lib/decks/client';
import { nextDayStart, pickNext, previewIntervals, Rating, scheduler, startMix, startOfDay, State, streak, type CardState, type Grade, type Mix } from '$lib/srs';
import { loadToday, type Today } from '$lib/study/today';
import { CardAnswer, shuffled } from './answer.svelte';

export type { Phase } from './answer.svelte';
export type Mode = 'review' | 'practice';

/** The longest an answer may count as taking: a learner who walked away is not slow. */
const MAX_DURATION = 60_000;
/** Undo reaches back this many steps. */
export const UNDO_LIMIT = 100;

/** What comes after the session, for the summary at its end (the counts are live on the session). */
export interface SessionSummary {
	/** When the next card in scope is due: a learning step later today, else the next review. */
	nextDue: number | undefined;
	/** Review cards due tomorrow (review mode). */
	dueTomorrow: number;
	streak: number;
	/** A section quiz: cards of the section never studied, and what today's new-card limit left of them. */
	unstudied: number;
	newPerDay: number;
	/** Why nothing new was shown: today's limit is used although the section has unstudied cards. */
	newLimitReached: boolean;
}

/** A prompt short enough to name a card in a message. */
export function shortPrompt(prompt: string): string {
	const p = prompt.replaceAll('`', '').replace(/\s+/g, ' ').trim();
	return p.length > 60 ? `${p.slice(0, 57).trimEnd()}…` : p;
}

/**
 * One study session: today's due cards (review) or N random cards that
 * leave the schedule alone (practice). It orders the cards, saves answers,
 * keeps the counts and the undo history, and journals both to IndexedDB so
 * a reload carries on where it was.
 */
export class ReviewSession extends CardAnswer {
	intervals = $state.raw<Record<Grade, number> | undefined>();
	/** Answers given in this session. */
	answered = $state(0);
	/** Different cards answered in this session. */
	cardsAnswered = $state(0);
	/** Cards still to show: new, learning (due now or within the learn-ahead limit) and review. */
	counts = $state({ fresh: 0, learning: 0, review: 0 });
	/** Share of the session done, 0–1: it never moves backwards, and is 1 only at the end. */
	progress = $state(0);
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
	#cards = new Map<string, import('$lib/decks').DeckCard>();
	#today: Today | undefined;
	/** Practice: the round's cards not answered yet. */
	#queue: string[] = [];
	#perCard: Record<string, number> = {};
	#currentKind: 'learning' | 'review' | 'new' = 'new';
	#mix: Mix | undefined;
	#undo: UndoStep[] = [];
	#ended = false;
	#lastRating: Grade | undefined;
	/** An answer whose save failed: kept, with its original time, until a retry writes it. */
	#pending: { card_id: string; rating: Grade; now: number; duration: number } | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopListening: (() => void) | undefined;

	constructor(options: { deck?: string; mode?: Mode; practiceSize?: number } = {}) {
		super();
		this.deck = options.deck;
		this.mode = options.mode ?? 'review';
		this.practiceSize = options.practiceSize ?? 10;
	}

	/** The journal's key: one session per scope and day. */
	get scope(): string {
		return this.mode === 'practice' ? `practice:${this.deck ?? 'all'}` : (this.deck ?? 'all');
	}

	/** Cards left in the session. */
	get remaining(): number {
		return this.counts.fresh + this.counts.learning + this.counts.review;
	}

	/** Starts the session, carrying on today's journal for this scope if there is one. */
	async load(): Promise<void> {
		this.#stopListening = onChange((m) => void this.#changedElsewhere(m));
		try {
			const now = Date.now();
			const today = await loadToday(now, this.deck);
			this.#settings = today.settings;
			const journal = await loadJournal(await appDb(), this.scope, startOfDay(now, today.settings.dayStartHour));
			if (journal) this.#resume(journal);
			if (this.mode === 'practice') {
				if (!journal || journal.ended || !journal.practiceQueue?.length) {
					this.#resetCounts();
					await this.#newPracticeRound();
				} else this.#queue = [...journal.practiceQueue];
				this.#cards = await loadCards(this.#queue);
				this.#showNextPractice();
			} else {
				// A finished session reopened with cards due is a new session; with none, its summary again.
				if (journal?.ended && today.counts.total > 0) this.#resetCounts();
				await this.#advance(!journal || journal.ended);
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

	/** Another round: a new practice draw, or a section quiz with `extraNew` more new cards allowed today. */
	async again(extraNew = 0): Promise<void> {
		if (this.saving) return;
		this.saving = true;
		try {
			const db = await appDb();
			if (extraNew > 0 && this.deck && this.#settings) await addExtraNew(db, this.deck, startOfDay(Date.now(), this.#settings.dayStartHour), extraNew);
			this.#resetCounts();
			this.summary = undefined;
			this.phase = 'loading';
			if (this.mode === 'practice') {
				await this.#newPracticeRound();
				this.#cards = await loadCards(this.#queue);
				this.#showNextPractice();
			} else {
				await this.#advance(true);
			}
			await this.#journal();
		} finally {
			this.saving = false;
		}
	}

	#resume(j: SessionJournal): void {
		this.#undo = j.undo.slice(-UNDO_LIMIT);
		this.undoCount = this.#undo.length;
		this.#ended = j.ended;
		this.answered = j.answered;
		this.recalled = j.recalled;
		this.timeMs = j.timeMs;
		this.#perCard = { ...j.cards };
		this.cardsAnswered = Object.keys(this.#perCard).length;
		this.progress = j.progress;
		this.#mix = j.mix;
	}

	#resetCounts(): void {
		this.answered = 0;
		this.recalled = 0;
		this.timeMs = 0;
		this.#perCard = {};
		this.cardsAnswered = 0;
		this.progress = 0;
		this.#mix = undefined;
		this.#ended = false;
	}

	async #newPracticeRound(): Promise<void> {
		const index = await loadIndex();
		const ids = index.decks.find((d) => d.id === this.deck)?.cardIds ?? [];
		this.#queue = shuffled(ids).slice(0, Math.max(1, this.practiceSize));
	}

	/** The session as it stands, for the journal. */
	#snapshot(): SessionJournal {
		const dayStart = this.#settings?.dayStartHour ?? 4;
		return {
			scope: this.scope,
			day: startOfDay(Date.now(), dayStart),
			undo: this.#undo,
			answered: this.answered,
			recalled: this.recalled,
			timeMs: this.timeMs,
			cards: this.#perCard,
			progress: this.progress,
			mix: this.#mix ? { ...this.#mix } : undefined,
			practiceQueue: this.mode === 'practice' ? [...this.#queue] : undefined,
			ended: this.#ended
		};
	}

	/** Writes the journal; it only serves undo and counts, so a failure is not worth interrupting the learner. */
	async #journal(): Promise<void> {
		try {
			await saveJournal(await appDb(), this.#snapshot());
		} catch {
			// The answers themselves are saved; only a later reload would lose the undo history.
		}
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
	 * card: one due now, else a review or new card, else a learning card
	 * within the learn-ahead limit. Only a step beyond that limit waits.
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
			// A learning step beyond the learn-ahead limit comes due later today: say when, and show it then.
			this.nextDue = today.nextDue;
			this.phase = 'waiting';
			this.#timer = setTimeout(() => void this.#advance(), Math.max(0, today.nextDue - Date.now()) + 250);
			return;
		}
		await this.#finish(today.nextDue);
	}

	/** Reads today's queue and the card states from the database (other tabs' answers included). */
	async #refresh(now: number): Promise<Today> {
		const today = await loadToday(now, this.deck);
		this.#today = today;
		this.#settings = today.settings;
		this.#states = today.states;
		this.#marks = today.marks;
		this.counts = { fresh: today.counts.fresh, learning: today.counts.learning, review: today.counts.review };
		this.#moveProgress();
		return today;
	}

	/** Progress only moves forward while answering; it is full only when the session ends. */
	#moveProgress(back = false): void {
		const total = this.answered + this.remaining;
		const share = total === 0 ? 0 : Math.min(0.99, this.answered / total);
		this.progress = back ? share : Math.max(this.progress, share);
	}

	#showNextPractice(): void {
		this.counts = { fresh: 0, learning: 0, review: this.#queue.length };
		this.#moveProgress();
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
		const today = this.#today;
		if (settings && today) {
			const tomorrowEnd = nextDayStart(nextDayStart(now, settings.dayStartHour), settings.dayStartHour);
			for (const id of today.catalog) {
				const s = this.#states.get(id);
				if (s?.state === State.Review && s.due > now) {
					nextReview = nextReview === undefined ? s.due : Math.min(nextReview, s.due);
					if (s.due < tomorrowEnd) dueTomorrow++;
				}
			}
		}
		const db = await appDb();
		// The days with answers come from the quarter-hour totals: a read that grows with days, not answers.
		const buckets = await readBuckets(db);
		const unstudied = today?.queue.unstudied ?? 0;
		this.summary = {
			nextDue: nextLearning ?? nextReview,
			dueTomorrow,
			streak: settings ? streak(answerDays(buckets, settings.dayStartHour), now, settings.dayStartHour) : 0,
			unstudied,
			newPerDay: settings?.newPerDay ?? 0,
			newLimitReached: this.mode === 'review' && unstudied > 0 && (today?.queue.fresh.length ?? 0) === 0
		};
		this.card = undefined;
		this.counts = { fresh: 0, learning: 0, review: 0 };
		this.progress = 1;
		this.phase = 'done';
		if (!this.#ended) {
			this.#ended = true;
			await this.#journal();
		}
		// With a session's worth of answers, ask the browser to keep them.
		if (this.answered > 0) void import('$lib/db/persist').then((p) => p.askToPersist());
		void import('$lib/pwa/badge').then((b) => b.refreshBadge());
	}

	#show(id: string): void {
		const card = this.#cards.get(id);
		if (!card || !this.#settings) return;
		this.saveError = undefined;
		this.flagged = this.#marks.get(id)?.flagged ?? false;
		this.intervals =
			this.mode === 'review' ? previewIntervals(scheduler(this.#settings), card.id, this.#states.get(card.id), Date.now()) : undefined;
		this.present(card);
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
		this.snack = undefined;
		this.#lastRating = rating;
		const pending = this.#pending?.card_id === card.id && this.#pending.rating === rating ? this.#pending : undefined;
		const duration = pending?.duration ?? Math.round(Math.min(performance.now() - this.shownAt, MAX_DURATION));
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
				this.#counted(card.id, rating, duration, +1);
				this.#queue.shift();
				this.#showNextPractice();
				await this.#journal();
				return;
			}
			const kind = this.#currentKind;
			const saved = await recordReview(
				db,
				scheduler(settings),
				{ card_id: card.id, rating, now: answeredAt, duration },
				{
					leechThreshold: settings.leechThreshold,
					newLimit: { limit: settings.newPerDay + (this.#today?.extraNew ?? 0), dayStart: startOfDay(answeredAt, settings.dayStartHour) },
					// The journal as it will be once this answer counts, written with the answer itself.
					journal: (s): SessionJournal => {
						const j = this.#snapshot();
						const step: UndoStep = { type: 'review', saved: s, kind, duration };
						return {
							...j,
							undo: [...j.undo, step].slice(-UNDO_LIMIT),
							answered: j.answered + 1,
							recalled: j.recalled + (rating === Rating.Again ? 0 : 1),
							timeMs: j.timeMs + duration,
							cards: { ...j.cards, [card.id]: (j.cards[card.id] ?? 0) + 1 },
							mix: j.mix && kind !== 'learning' ? { ...j.mix, shown: j.mix.shown + 1, newShown: j.mix.newShown + (kind === 'new' ? 1 : 0) } : j.mix
						};
					}
				}
			);
			this.#pending = undefined;
			this.#push({ type: 'review', saved, kind, duration });
			announce({ type: 'reviewed', card_id: card.id });
			if (this.#mix && kind !== 'learning') {
				this.#mix.shown++;
				if (kind === 'new') this.#mix.newShown++;
			}
			if (saved.leech) {
				this.notice = `“${shortPrompt(card.prompt)}” has lapsed ${saved.state.lapses} times: it is a leech, and now suspended. Find it under Cards to rework and resume it.`;
			}
			// Counted with the next card's arrival, so the counts and the screen move together.
			try {
				await this.#advance();
			} finally {
				this.#counted(card.id, rating, duration, +1);
				this.#moveProgress();
			}
		} catch (e) {
			if (e instanceof NewCardLimitError) {
				// Another tab introduced the day's last new card meanwhile: say so and move on.
				this.#pending = undefined;
				this.notice = e.message;
				await this.#advance().catch((err: unknown) => (this.saveError = this.#describeFailure(err)));
			} else this.saveError = this.#describeFailure(e);
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

	#counted(card_id: string, rating: Grade, duration: number, sign: 1 | -1): void {
		this.answered += sign;
		if (rating !== Rating.Again) this.recalled += sign;
		this.timeMs += sign * duration;
		const n = (this.#perCard[card_id] ?? 0) + sign;
		if (n > 0) this.#perCard[card_id] = n;
		else delete this.#perCard[card_id];
		this.cardsAnswered = Object.keys(this.#perCard).length;
	}

	/** Tries the last failed save again. */
	retry(): Promise<void> {
		return this.#lastRating === undefined ? Promise.resolve() : this.rate(this.#lastRating);
	}

	/** Takes back the last answer (or bury/suspend/flag/skip): the exact earlier state returns and the card is shown again. */
	async undo(): Promise<void> {
		if (this.saving) return;
		const step = this.#undo.at(-1);
		if (!step) return;
		this.saving = true;
		this.snack = undefined;
		try {
			const db = await appDb();
			if (step.type === 'review') {
				await undoReview(db, step.saved);
				announce({ type: 'undone', card_id: step.saved.log.card_id });
				this.#counted(step.saved.log.card_id, step.saved.log.rating as Grade, step.duration, -1);
				if (this.#mix && step.kind !== 'learning') {
					this.#mix.shown--;
					if (step.kind === 'new') this.#mix.newShown--;
				}
				await this.#reshow(step.saved.log.card_id, step.kind);
			} else if (step.type === 'practice' || step.type === 'skip') {
				const card_id = step.type === 'practice' ? step.record.card_id : step.card_id;
				if (step.type === 'practice') {
					await undoPractice(db, step.record);
					this.#counted(card_id, step.record.rating, step.record.duration, -1);
				}
				if (this.#queue[0] !== card_id) this.#queue.unshift(card_id);
				this.#cards = new Map([...this.#cards, ...(await loadCards([card_id]))]);
				this.summary = undefined;
				this.#ended = false;
				this.#showNextPractice();
				this.#moveProgress(true);
			} else {
				await restoreMarks(db, step.card_id, step.before);
				announce({ type: 'marked', card_id: step.card_id });
				if (step.before) this.#marks.set(step.card_id, step.before);
				else this.#marks.delete(step.card_id);
				if (this.card?.id === step.card_id) this.flagged = step.before?.flagged ?? false;
				else if (this.mode === 'practice') {
					if (this.#queue[0] !== step.card_id) this.#queue.unshift(step.card_id);
					this.#showNextPractice();
				} else await this.#reshow(step.card_id, this.#currentKind);
			}
			this.#undo.pop();
			this.undoCount = this.#undo.length;
			this.notice = 'Undone.';
			await this.#journal();
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	async #reshow(card_id: string, kind: 'learning' | 'review' | 'new'): Promise<void> {
		clearTimeout(this.#timer);
		this.summary = undefined;
		this.#ended = false;
		await this.#refresh(Date.now());
		this.#moveProgress(true);
		this.#cards = new Map([...this.#cards, ...(await loadCards([card_id]))]);
		this.#currentKind = kind;
		this.#show(card_id);
	}

	async #mark(patch: Partial<Omit<CardMarks, 'card_id'>>, label: string, leave: boolean): Promise<void> {
		const card = this.card;
		if (!card || this.saving || (this.phase !== 'question' && this.phase !== 'answer')) return;
		this.saving = true;
		this.notice = undefined;
		try {
			const db = await appDb();
			const { before, after } = await setMarks(db, card.id, patch);
			announce({ type: 'marked', card_id: card.id });
			this.#marks.set(card.id, after);
			this.#push({ type: 'marks', card_id: card.id, before, label });
			if (!leave) {
				this.flagged = after.flagged;
			} else if (this.mode === 'practice') {
				this.#queue.shift();
				this.#showNextPractice();
			} else {
				await this.#advance();
			}
			this.snack = label;
			await this.#journal();
		} catch (e) {
			this.notice = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	/** Practice: takes the card out of this round only; no schedule or mark changes. */
	async #skip(): Promise<void> {
		const card = this.card;
		if (!card || this.saving || (this.phase !== 'question' && this.phase !== 'answer')) return;
		this.saving = true;
		this.notice = undefined;
		try {
			const label = `Skipped “${shortPrompt(card.prompt)}” in this round. Its schedule is unchanged.`;
			this.#push({ type: 'skip', card_id: card.id, label });
			this.#queue.shift();
			this.#showNextPractice();
			this.snack = label;
			await this.#journal();
		} finally {
			this.saving = false;
		}
	}

	/** Hides the card until the learner's next day; in practice, only skips it in this round. */
	bury(): Promise<void> {
		const s = this.#settings;
		const card = this.card;
		if (!s || !card) return Promise.resolve();
		if (this.mode === 'practice') return this.#skip();
		return this.#mark({ buried_until: nextDayStart(Date.now(), s.dayStartHour) }, `Buried “${shortPrompt(card.prompt)}” until tomorrow.`, true);
	}

	/** Hides the card from reviews until the learner resumes it. Practice never suspends: it leaves the schedule alone. */
	suspend(): Promise<void> {
		const card = this.card;
		if (!card) return Promise.resolve();
		if (this.mode === 'practice') return this.#skip();
		return this.#mark({ suspended: true }, `Suspended “${shortPrompt(card.prompt)}”. Resume it under Cards.`, true);
	}

	/** Flags or unflags the card, to find it later. */
	toggleFlag(): Promise<void> {
		const card = this.card;
		if (!card) return Promise.resolve();
		const p = shortPrompt(card.prompt);
		return this.#mark({ flagged: !this.flagged }, this.flagged ? `Removed the flag from “${p}”.` : `Flagged “${p}”.`, false);
	}

	/** Dismisses the snackbar. */
	dismissSnack(): void {
		this.snack = undefined;
	}
}
