import { Rating, State } from './constants';
import { nextDayStart, startOfDay } from './day';
import type { CardState, ReviewRecord } from './types';

export interface DailyLimits {
	newPerDay: number;
	reviewsPerDay: number;
}

export const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };
export const DEFAULT_DAY_START_HOUR = 4;

/** What was already done today, from the review log. */
export interface DoneToday {
	newCards: number;
	reviews: number;
}

/**
 * Counts today's answers on new cards and on review cards (learning steps do
 * not count). A forget (rating 0) is neither: it introduces no card and
 * reviews none (the card's next answer, to a new card, counts as new).
 */
export function doneToday(logs: Iterable<ReviewRecord>, now: number, dayStartHour: number): DoneToday {
	const from = startOfDay(now, dayStartHour);
	const newCards = new Set<string>();
	let reviews = 0;
	for (const l of logs) {
		if (l.review < from || l.rating === Rating.Manual) continue;
		if (l.state === State.New) newCards.add(l.card_id);
		else if (l.state === State.Review) reviews++;
	}
	return { newCards: newCards.size, reviews };
}

export interface QueueInput {
	/** Card ids in scope, in the order new cards are introduced (roadmap order). */
	catalog: readonly string[];
	states: ReadonlyMap<string, CardState>;
	now: number;
	dayStartHour: number;
	limits: DailyLimits;
	done: DoneToday;
	/** Cards not to show now: suspended, or buried until a later day. */
	hidden?: ReadonlySet<string>;
	/**
	 * Learn ahead: learning cards due within this many ms are shown early
	 * once nothing else is left (Anki's "learn ahead limit"), instead of a
	 * waiting screen.
	 */
	learnAheadMs?: number;
	/** New cards allowed today beyond the daily limit, in this scope only (Anki's custom study). */
	extraNew?: number;
}

export interface Queue {
	/** Learning and relearning cards due now, by due time. */
	learning: string[];
	/** Learning cards due within the learn-ahead limit, by due time: shown when nothing else is left. */
	ahead: string[];
	/** Learning cards due later today, past the learn-ahead limit. */
	laterToday: number;
	/** Review cards due today, by due time, within the daily review limit. */
	review: string[];
	/** New cards within the daily new-card limit, in catalog order. */
	fresh: string[];
	/** Cards never studied in scope and not hidden, whatever the limit. */
	unstudied: number;
}

/** What a session in this scope will show, by the three counts Anki shows: new, learning, review. */
export function queueCounts(q: Queue): { fresh: number; learning: number; review: number; total: number } {
	const learning = q.learning.length + q.ahead.length;
	return { fresh: q.fresh.length, learning, review: q.review.length, total: q.fresh.length + learning + q.review.length };
}

/**
 * Today's queue. Learning cards are due at their exact time; review cards
 * are due for the whole local day they fall on.
 */
export function buildQueue(input: QueueInput): Queue {
	const { catalog, states, now, dayStartHour, limits, done, hidden } = input;
	const dayEnd = nextDayStart(now, dayStartHour);
	const aheadUntil = now + Math.max(0, input.learnAheadMs ?? 0);
	const learning: CardState[] = [];
	const ahead: CardState[] = [];
	let laterToday = 0;
	const review: CardState[] = [];
	const fresh: string[] = [];
	let unstudied = 0;
	const newRoom = Math.max(0, limits.newPerDay + Math.max(0, input.extraNew ?? 0) - done.newCards);
	for (const id of catalog) {
		if (hidden?.has(id)) continue;
		const s = states.get(id);
		if (!s || s.state === State.New) {
			unstudied++;
			if (fresh.length < newRoom) fresh.push(id);
		} else if (s.state === State.Review) {
			if (s.due < dayEnd) review.push(s);
		} else if (s.due <= now) {
			learning.push(s);
		} else if (s.due <= aheadUntil) {
			ahead.push(s);
		} else if (s.due < dayEnd) {
			laterToday++;
		}
	}
	const byDue = (a: CardState, b: CardState) => a.due - b.due || (a.card_id < b.card_id ? -1 : 1);
	const reviewRoom = Math.max(0, limits.reviewsPerDay - done.reviews);
	return {
		learning: learning.sort(byDue).map((s) => s.card_id),
		ahead: ahead.sort(byDue).map((s) => s.card_id),
		laterToday,
		review: review
			.sort(byDue)
			.slice(0, reviewRoom)
			.map((s) => s.card_id),
		fresh,
		unstudied
	};
}

/**
 * The order a session shows today's cards: learning cards due now first (a
 * step should not wait), then reviews by due time with new cards spread
 * evenly among them.
 */
export function sessionOrder(q: Queue): string[] {
	return [...q.learning, ...interleave(q.review, q.fresh), ...q.ahead];
}

/** Spreads `b` evenly through `a`: 4 reviews and 2 new cards give R R N R R N. */
export function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
	const total = a.length + b.length;
	const out: T[] = [];
	let i = 0;
	let j = 0;
	for (let k = 0; k < total; k++) {
		const dueB = Math.floor(((k + 1) * b.length) / total);
		if ((j < dueB || i >= a.length) && j < b.length) out.push(b[j++] as T);
		else out.push(a[i++] as T);
	}
	return out;
}

/** How a session keeps new cards spread out while its queue is rebuilt after every answer. */
export interface Mix {
	/** Share of new cards among today's reviews and new cards, fixed when the session starts. */
	newShare: number;
	/** Reviews and new cards shown so far in the session (learning steps not counted). */
	shown: number;
	newShown: number;
}

export function startMix(q: Queue): Mix {
	const total = q.review.length + q.fresh.length;
	return { newShare: total === 0 ? 0 : q.fresh.length / total, shown: 0, newShown: 0 };
}

/**
 * The next card to show: a learning card due now, else a review or a new
 * card as the mix asks, else a learning card within the learn-ahead limit.
 */
export function pickNext(q: Queue, mix: Mix): { id: string; kind: 'learning' | 'review' | 'new' } | undefined {
	const learning = q.learning[0];
	if (learning !== undefined) return { id: learning, kind: 'learning' };
	const review = q.review[0];
	const fresh = q.fresh[0];
	const wantNew = mix.newShown < Math.floor((mix.shown + 1) * mix.newShare);
	if (fresh !== undefined && (wantNew || review === undefined)) return { id: fresh, kind: 'new' };
	if (review !== undefined) return { id: review, kind: 'review' };
	const ahead = q.ahead[0];
	if (ahead !== undefined) return { id: ahead, kind: 'learning' };
	return undefined;
}

/**
 * The cards that may come after the one on screen, whatever its answer and
 * the mix decide: the first few of each list pickNext takes from. A session
 * loads their decks ahead, while the learner reads the current card.
 */
export function upcoming(q: Queue, n = 2): string[] {
	return [...q.learning.slice(0, n), ...q.review.slice(0, n), ...q.fresh.slice(0, n), ...q.ahead.slice(0, 1)];
}

/** The soonest time a learning card in scope comes due after `now`, if any. */
export function nextLearningDue(
	catalog: readonly string[],
	states: ReadonlyMap<string, CardState>,
	now: number,
	hidden?: ReadonlySet<string>
): number | undefined {
	let next: number | undefined;
	for (const id of catalog) {
		if (hidden?.has(id)) continue;
		const s = states.get(id);
		if (s && (s.state === State.Learning || s.state === State.Relearning) && s.due > now) {
			next = next === undefined ? s.due : Math.min(next, s.due);
		}
	}
	return next;
}

/** "Learn N more from this section": as many as a day's limit (at least 10), at most what the section has left. */
export function learnMoreCount(unstudied: number, newPerDay: number): number {
	return Math.min(unstudied, Math.max(newPerDay, 10));
}
