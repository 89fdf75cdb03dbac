import { State } from './constants';
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

/** Counts today's answers on new cards and on review cards (learning steps do not count). */
export function doneToday(logs: Iterable<ReviewRecord>, now: number, dayStartHour: number): DoneToday {
	const from = startOfDay(now, dayStartHour);
	const newCards = new Set<string>();
	let reviews = 0;
	for (const l of logs) {
		if (l.review < from) continue;
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
}

export interface Queue {
	/** Learning and relearning cards due now, by due time. */
	learning: string[];
	/** Review cards due today, by due time, within the daily review limit. */
	review: string[];
	/** New cards within the daily new-card limit, in catalog order. */
	fresh: string[];
}

/**
 * Today's queue. Learning cards are due at their exact time; review cards
 * are due for the whole local day they fall on.
 */
export function buildQueue(input: QueueInput): Queue {
	const { catalog, states, now, dayStartHour, limits, done } = input;
	const dayEnd = nextDayStart(now, dayStartHour);
	const learning: CardState[] = [];
	const review: CardState[] = [];
	const fresh: string[] = [];
	const newRoom = Math.max(0, limits.newPerDay - done.newCards);
	for (const id of catalog) {
		const s = states.get(id);
		if (!s || s.state === State.New) {
			if (fresh.length < newRoom) fresh.push(id);
		} else if (s.state === State.Review) {
			if (s.due < dayEnd) review.push(s);
		} else if (s.due <= now) {
			learning.push(s);
		}
	}
	const byDue = (a: CardState, b: CardState) => a.due - b.due || (a.card_id < b.card_id ? -1 : 1);
	const reviewRoom = Math.max(0, limits.reviewsPerDay - done.reviews);
	return {
		learning: learning.sort(byDue).map((s) => s.card_id),
		review: review.sort(byDue).slice(0, reviewRoom).map((s) => s.card_id),
		fresh
	};
}

/** The order a session shows them: due learning and review cards by due time, then new cards. */
export function sessionOrder(q: Queue, states: ReadonlyMap<string, CardState>): string[] {
	const due = [...q.learning, ...q.review].sort((a, b) => (states.get(a)?.due ?? 0) - (states.get(b)?.due ?? 0));
	return [...due, ...q.fresh];
}

/** The soonest time a learning card in scope comes due after `now`, if any. */
export function nextLearningDue(catalog: readonly string[], states: ReadonlyMap<string, CardState>, now: number): number | undefined {
	let next: number | undefined;
	for (const id of catalog) {
		const s = states.get(id);
		if (s && (s.state === State.Learning || s.state === State.Relearning) && s.due > now) {
			next = next === undefined ? s.due : Math.min(next, s.due);
		}
	}
	return next;
}
