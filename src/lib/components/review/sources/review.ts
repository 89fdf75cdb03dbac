import type { AppSettings, CardMarks, SavedReview, SessionJournal } from '$lib/data/types';
import { nextDayStart, startOfDay } from '$lib/srs/day';
import { pickNext, startMix, upcoming, type Mix } from '$lib/srs/pick';
import type { CardState } from '$lib/srs/types';
import { computeToday, type Today } from '$lib/study/today';
import { setOrDelete, type CardKind, type CardSource, type Counts, type EndInput, type Next } from './source';

/**
 * Today's due cards, of every deck or of one (a section quiz): learning
 * cards due now first, reviews and new cards mixed as the session began,
 * then learning cards within the learn-ahead limit. The queue is built
 * again before every card, so answers from other tabs and learning steps
 * that came due count.
 */
export class ReviewSource implements CardSource {
	readonly practice = false;
	readonly live = true;
	readonly deck: string | undefined;
	#read: (now: number, deck?: string) => Promise<Today>;
	#today: Today | undefined;
	/** This session's own answer, to build the next queue from without a read. */
	#saved: SavedReview | undefined;
	/** A card undo brought back. */
	#front: { id: string; kind: CardKind } | undefined;
	/** Another tab or a sync changed the learner's data since the last read. */
	#stale = false;
	#counts: Counts = { fresh: 0, learning: 0, review: 0 };

	/** `read` loads today's queue from the database (loadToday). */
	constructor(deck: string | undefined, read: (now: number, deck?: string) => Promise<Today>) {
		this.deck = deck;
		this.#read = read;
	}

	get scope(): string {
		return this.deck ?? 'all';
	}
	get settings(): AppSettings | undefined {
		return this.#today?.settings;
	}
	get states(): ReadonlyMap<string, CardState> {
		return this.#today?.states ?? new Map();
	}
	get marks(): ReadonlyMap<string, CardMarks> {
		return this.#today?.marks ?? new Map();
	}

	get extraNew(): number {
		return this.#today?.extraNew ?? 0;
	}

	start(today: Today): void {
		this.#use(today);
	}

	/** A finished session reopened with cards due is a new session; with none, its summary again. */
	resume(journal: SessionJournal | undefined): boolean {
		return !!journal && !(journal.ended && (this.#today?.counts.total ?? 0) > 0);
	}

	restart(): void {
		this.#front = undefined;
		this.#saved = undefined;
	}

	/**
	 * Rebuilds today's queue, then picks the next card: one due now, else a
	 * review or new card, else a learning card within the learn-ahead limit.
	 * Only a step beyond that limit waits.
	 */
	async next(now: number, mix: Mix | undefined): Promise<{ next: Next; mix: Mix }> {
		const saved = this.#saved;
		this.#saved = undefined;
		const today = (saved && this.#afterAnswer(now, saved)) || (await this.#refresh(now));
		mix ??= startMix(today.queue);
		const front = this.#front;
		this.#front = undefined;
		if (front) return { next: { type: 'card', ...front }, mix };
		const pick = pickNext(today.queue, mix);
		// The decks of the cards that may follow load while the learner reads this one.
		if (pick) return { next: { type: 'card', id: pick.id, kind: pick.kind, upcoming: upcoming(today.queue) }, mix };
		if (today.nextDue !== undefined && today.nextDue < nextDayStart(now, today.settings.dayStartHour)) {
			// A learning step beyond the learn-ahead limit comes due later today: say when, and show it then.
			return { next: { type: 'wait', until: today.nextDue }, mix };
		}
		return { next: { type: 'end', nextLearning: today.nextDue }, mix };
	}

	/**
	 * Today's queue after this session's own answer, from what it holds: the
	 * answer's new state, marks and log record, no database read. Undefined
	 * when a new day began since the last read, or something changed elsewhere
	 * (then everything is read).
	 */
	#afterAnswer(now: number, saved: SavedReview): Today | undefined {
		const t = this.#today;
		if (!t || this.#stale || startOfDay(now, t.settings.dayStartHour) !== startOfDay(t.readAt, t.settings.dayStartHour)) return undefined;
		const id = saved.log.card_id;
		// Updated in place, not copied: the session holds the only reference, and a copy of every card's state per answer is garbage that collection pauses pay for.
		t.states.set(id, saved.state);
		if (saved.marksAfter) t.marks.set(id, saved.marksAfter);
		t.logs.push(saved.log);
		return this.#use(computeToday(t, now, this.deck));
	}

	/** Reads today's queue and the card states from the database (other tabs' answers included). */
	async #refresh(now: number): Promise<Today> {
		this.#stale = false;
		return this.#use(await this.#read(now, this.deck));
	}

	#use(today: Today): Today {
		this.#today = today;
		this.#counts = { fresh: today.counts.fresh, learning: today.counts.learning, review: today.counts.review };
		return today;
	}

	counts(): Counts {
		return this.#counts;
	}

	answered(_card_id: string, saved?: SavedReview): void {
		this.#saved = saved;
	}

	/** Nothing to do: the next card comes from a fresh read, which leaves hidden cards out. */
	drop(): void {}

	putBack(card_id: string, kind: CardKind): void {
		this.#front = { id: card_id, kind };
	}

	marked(card_id: string, marks: CardMarks | undefined): void {
		if (this.#today) setOrDelete(this.#today.marks, card_id, marks);
	}

	changed(): void {
		this.#stale = true;
	}

	round(): undefined {
		return undefined;
	}

	endInput(): EndInput {
		return { catalog: this.#today?.catalog, queue: this.#today?.queue, review: true, today: this.deck === undefined ? this.#today : undefined };
	}
}
