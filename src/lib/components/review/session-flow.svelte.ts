import { changes } from '$lib/data/changes.svelte';
import { appDb } from '$lib/data/client';
import { NewCardLimitError, recordPractice, recordReview } from '$lib/data/answers';
import { saveJournal } from '$lib/data/journal';
import type { AppSettings, CardMarks, SavedReview, SessionJournal } from '$lib/data/types';
import type { DeckCard } from '$lib/decks';
import { loadCards, loadIndex, warmDecks } from '$lib/decks/client';
import { nextDayStart, startOfDay } from '$lib/srs/day';
import { previewIntervals } from '$lib/srs/grade';
import { DEFAULT_DAY_START_HOUR, pickNext, startMix, upcoming } from '$lib/srs/queue';
import { scheduler } from '$lib/srs/scheduler';
import type { CardState, Grade } from '$lib/srs/types';
import { SessionStreak } from './session-streak';
import { computeToday, loadToday, type Today } from '$lib/study/today';
import { shuffled } from './answer.svelte';
import { countKinds, kindOf, SessionLog, withReview, type CardKind } from './session-log.svelte';
import { describeFailure, shortPrompt } from './session-text';
import { summarize, type SessionSummary } from './summary';

/** Today's due cards; a practice round that leaves the schedule alone; a fixed list of cards reviewed early (readiness for a date). */
export type Mode = 'review' | 'practice' | 'target';

/** The longest an answer may count as taking: a learner who walked away is not slow. */
const MAX_DURATION = 60_000;

/**
 * Which card comes next and what an answer does: today's due cards
 * (review), N random cards that leave the schedule alone (practice), or a
 * fixed list of cards reviewed early, as ordinary reviews (target). It
 * orders the cards and saves answers; the counts and the undo history are
 * SessionLog's, the card actions and undo ReviewSession's.
 */
export class SessionFlow extends SessionLog {
	intervals = $state.raw<Record<Grade, number> | undefined>();
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

	readonly deck: string | undefined;
	readonly mode: Mode;
	readonly practiceSize: number;
	/** Target: the cards to review, and what names the session (the readiness date). */
	readonly targetIds: readonly string[];
	readonly targetKey: string;
	protected settings: AppSettings | undefined;
	protected states = new Map<string, CardState>();
	protected marks = new Map<string, CardMarks>();
	protected cards = new Map<string, DeckCard>();
	protected today: Today | undefined;
	/** Practice and target: the round's cards not answered yet. */
	protected queue: string[] = [];
	protected currentKind: CardKind = 'new';
	protected timer: ReturnType<typeof setTimeout> | undefined;
	#lastRating: Grade | undefined;
	/** An answer whose save failed: kept, with its original time, until a retry writes it. */
	#pending: { card_id: string; rating: Grade; now: number; duration: number } | undefined;

	constructor(options: { deck?: string; mode?: Mode; practiceSize?: number; targetIds?: readonly string[]; targetKey?: string } = {}) {
		super();
		this.deck = options.deck;
		this.mode = options.mode ?? 'review';
		this.practiceSize = options.practiceSize ?? 10;
		this.targetIds = options.targetIds ?? [];
		this.targetKey = options.targetKey ?? '';
	}

	/** The journal's key: one session per scope and day. */
	get scope(): string {
		if (this.mode === 'target') return `target:${this.targetKey}`;
		return this.mode === 'practice' ? `practice:${this.deck ?? 'all'}` : (this.deck ?? 'all');
	}

	/** A round through a fixed list of cards (practice, target), not today's queue. */
	get inRound(): boolean {
		return this.mode !== 'review';
	}

	/** Stops timers when the page goes away. */
	destroy(): void {
		clearTimeout(this.timer);
		this.#streak.stop();
	}

	protected async newRound(): Promise<void> {
		if (this.mode === 'target') {
			this.queue = [...this.targetIds];
			return;
		}
		const index = await loadIndex();
		const ids = index.decks.find((d) => d.id === this.deck)?.cardIds ?? [];
		this.queue = shuffled(ids).slice(0, Math.max(1, this.practiceSize));
	}

	/** The session as it stands, for the journal; `queue` as it will be once the answer being saved counts. */
	protected snapshot(queue = this.queue): SessionJournal {
		const day = startOfDay(Date.now(), this.settings?.dayStartHour ?? 4);
		return this.journalOf(this.scope, day, this.inRound ? queue : undefined);
	}

	/** Writes the journal; it only serves undo and counts, so a failure is not worth interrupting the learner. */
	protected async journal(): Promise<void> {
		try {
			await saveJournal(await appDb(), this.snapshot());
		} catch {
			// The answers themselves are saved; only a later reload would lose the undo history.
		}
	}

	/**
	 * Review mode: rebuilds today's queue from the database (so answers from
	 * other tabs and learning steps that came due count), then shows the next
	 * card: one due now, else a review or new card, else a learning card
	 * within the learn-ahead limit. Only a step beyond that limit waits.
	 */
	protected async advance(first = false, answered?: SavedReview): Promise<void> {
		clearTimeout(this.timer);
		const now = Date.now();
		const today = (answered && this.#afterAnswer(now, answered)) || (await this.refresh(now));
		if (first || !this.mix) this.mix = startMix(today.queue);
		const next = pickNext(today.queue, this.mix);
		if (next) {
			if (!this.cards.has(next.id)) for (const [id, card] of await loadCards([next.id])) this.cards.set(id, card);
			this.currentKind = next.kind;
			this.show(next.id);
			// While the learner reads this card, the decks of the cards that may follow load: the next grade waits for no fetch.
			warmDecks(upcoming(today.queue));
			return;
		}
		this.card = undefined;
		const dayEnd = nextDayStart(now, today.settings.dayStartHour);
		if (today.nextDue !== undefined && today.nextDue < dayEnd) {
			// A learning step beyond the learn-ahead limit comes due later today: say when, and show it then.
			this.nextDue = today.nextDue;
			this.phase = 'waiting';
			this.timer = setTimeout(() => void this.advance(), Math.max(0, today.nextDue - Date.now()) + 250);
			return;
		}
		await this.#finish(today.nextDue);
	}

	/** Reads today's queue and the card states from the database (other tabs' answers included). */
	protected async refresh(now: number): Promise<Today> {
		this.stale = false;
		return this.#use(await loadToday(now, this.deck));
	}

	/** Another tab or a sync changed the learner's data since the last read. */
	protected stale = false;

	/**
	 * Today's queue after this session's own answer, from what it holds: the
	 * answer's new state, marks and log record, no database read. Undefined
	 * when a new day began since the last read (then everything is read).
	 */
	#afterAnswer(now: number, saved: SavedReview): Today | undefined {
		const t = this.today;
		if (!t || this.stale || startOfDay(now, t.settings.dayStartHour) !== startOfDay(t.readAt, t.settings.dayStartHour)) return undefined;
		const id = saved.log.card_id;
		// Updated in place, not copied: the session holds the only reference, and a copy of every card's state per answer is garbage that collection pauses pay for.
		t.states.set(id, saved.state);
		if (saved.marksAfter) t.marks.set(id, saved.marksAfter);
		t.logs.push(saved.log);
		return this.#use(computeToday(t, now, this.deck));
	}

	#use(today: Today): Today {
		this.today = today;
		this.settings = today.settings;
		this.states = today.states;
		this.marks = today.marks;
		this.counts = { fresh: today.counts.fresh, learning: today.counts.learning, review: today.counts.review };
		this.moveProgress();
		this.readStreakSoon();
		return today;
	}

	/** A round: shows the next card of the list, or the end. Target counts its cards by state, practice all as one. */
	protected showNextInRound(): void {
		const kinds = this.queue.map((id) => kindOf(this.states.get(id)));
		this.counts = this.mode === 'target' ? countKinds(kinds) : { fresh: 0, learning: 0, review: this.queue.length };
		this.moveProgress();
		const id = this.queue[0];
		if (id === undefined) {
			void this.#finish(undefined);
			return;
		}
		this.readStreakSoon();
		this.currentKind = kinds[0] ?? 'review';
		this.show(id);
	}

	#streak = new SessionStreak();

	protected readStreakSoon(): void {
		this.#streak.soon(this.settings?.dayStartHour ?? DEFAULT_DAY_START_HOUR);
	}

	async #finish(nextLearning: number | undefined): Promise<void> {
		const now = Date.now();
		// The days with answers come from the quarter-hour totals, as far back as the streak runs: days, not answers.
		const streak = await this.#streak.now(now, this.settings?.dayStartHour ?? DEFAULT_DAY_START_HOUR, this.mode !== 'practice' && this.answered > 0);
		const today = this.today;
		this.summary = summarize({
			now,
			settings: this.settings,
			// A targeted review: what comes next for the cards it reviewed.
			catalog: this.mode === 'target' ? Object.keys(this.perCard) : today?.catalog,
			states: this.states,
			queue: today?.queue,
			nextLearning,
			streak,
			review: this.mode === 'review'
		});
		this.card = undefined;
		this.counts = { fresh: 0, learning: 0, review: 0 };
		this.progress = 1;
		this.phase = 'done';
		if (!this.ended) {
			this.ended = true;
			await this.journal();
		}
		// With a session's worth of answers, ask the browser to keep them.
		if (this.answered > 0) void import('$lib/data/persist').then((p) => p.askToPersist());
		void import('$lib/pwa/badge').then((b) => b.refreshBadge());
		// After each session, this device's answers go to the other devices (if sync is set up).
		if (this.answered > 0) void import('$lib/sync/auto.svelte').then((s) => s.syncIfSetUp('session')).catch(() => undefined);
	}

	protected show(id: string): void {
		const card = this.cards.get(id);
		if (!card || !this.settings) return;
		this.saveError = undefined;
		this.flagged = this.marks.get(id)?.flagged ?? false;
		this.intervals = this.mode !== 'practice' ? previewIntervals(scheduler(this.settings), card.id, this.states.get(card.id), Date.now()) : undefined;
		this.present(card);
	}

	/** Saves the answer; the card only leaves the screen once the write has committed. */
	async rate(rating: Grade): Promise<void> {
		const card = this.card;
		const settings = this.settings;
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
				const correct = card.kind === 'flashcard' ? null : (this.correct ?? false);
				const record = await recordPractice(db, { card_id: card.id, rating, correct, review: answeredAt, duration });
				this.#pending = undefined;
				this.push({ type: 'practice', record });
				this.counted(card.id, rating, duration, +1);
				this.queue.shift();
				this.showNextInRound();
				await this.journal();
				return;
			}
			const kind = this.currentKind;
			const saved = await recordReview(
				db,
				scheduler(settings),
				{ card_id: card.id, rating, now: answeredAt, duration },
				{
					leechThreshold: settings.leechThreshold,
					newLimit: { limit: settings.newPerDay + (this.today?.extraNew ?? 0), dayStart: startOfDay(answeredAt, settings.dayStartHour) },
					// The journal as it will be once this answer counts, written with the answer itself.
					journal: (s) => withReview(this.snapshot(this.queue.filter((id) => id !== card.id)), { type: 'review', saved: s, kind, duration }, rating)
				}
			);
			this.#pending = undefined;
			this.push({ type: 'review', saved, kind, duration });
			changes.publish('reviewed', [card.id]);
			if (this.mix && kind !== 'learning') {
				this.mix.shown++;
				if (kind === 'new') this.mix.newShown++;
			}
			if (saved.leech) {
				this.notice = `“${shortPrompt(card.prompt)}” has lapsed ${saved.state.lapses} times: it is a leech, and now suspended. Find it under Cards to rework and resume it.`;
			}
			if (this.mode === 'target') {
				this.states.set(card.id, saved.state);
				if (saved.marksAfter) this.marks.set(card.id, saved.marksAfter);
				this.counted(card.id, rating, duration, +1);
				this.queue = this.queue.filter((id) => id !== card.id);
				this.showNextInRound();
				return;
			}
			// Counted with the next card's arrival, so the counts and the screen move together.
			try {
				await this.advance(false, saved);
			} finally {
				this.counted(card.id, rating, duration, +1);
				this.moveProgress();
			}
		} catch (e) {
			if (e instanceof NewCardLimitError) {
				// Another tab introduced the day's last new card meanwhile: say so and move on.
				this.#pending = undefined;
				this.notice = e.message;
				if (this.mode === 'target') {
					this.queue = this.queue.filter((id) => id !== card.id);
					this.showNextInRound();
				} else await this.advance().catch((err: unknown) => (this.saveError = describeFailure(err)));
			} else this.saveError = describeFailure(e);
		} finally {
			this.saving = false;
		}
	}

	/** Tries the last failed save again. */
	retry(): Promise<void> {
		return this.#lastRating === undefined ? Promise.resolve() : this.rate(this.#lastRating);
	}
}
