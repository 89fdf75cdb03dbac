import { State } from './constants';
import { doneToday, dueKind, dueWindow, newRoom, reviewRoom, type DoneToday } from './facts';
import type { CardState } from './types';

export interface DailyLimits {
	newPerDay: number;
	reviewsPerDay: number;
}

export const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };
export const DEFAULT_DAY_START_HOUR = 4;

// Defined with the other facts of the day (facts.ts); still offered here, where the queue's callers look.
export { doneToday, type DoneToday };

/** What the queue needs of a card's stored state. */
export type QueueCard = Pick<CardState, 'card_id' | 'state' | 'due'>;

export interface QueueInput {
	/** Card ids in scope, in the order new cards are introduced (roadmap order). */
	catalog: readonly string[];
	states: ReadonlyMap<string, QueueCard>;
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

/**
 * The day's due counts in a scope, the one summary every place that says
 * how many cards are due reads: home, the session bar, the app badge, the
 * reminder and the section pages. New cards are never "due": they are what
 * today's new-card limit brings.
 */
export interface DueFacts {
	/** New cards a session shows today, within the new-card limit. */
	fresh: number;
	/** Learning and relearning cards due now or within the learn-ahead limit: a session shows them now. */
	learningNow: number;
	/** Learning cards due later today, past the learn-ahead limit. */
	laterToday: number;
	/** Review cards due today, within what is left of the day's review limit. */
	review: number;
	/** Due now: what a session shows at once besides new cards. */
	dueNow: number;
	/** Due today: due now and later today. What the reminder says is due. */
	dueToday: number;
	/** Everything left to study today: due today and today's new cards. Home's headline and the app badge. */
	studyToday: number;
	/** What a session in this scope shows now: due now and today's new cards. */
	session: number;
	/** Cards in scope never studied and not hidden, whatever the limit. */
	unstudied: number;
}

export function dueFacts(q: Queue): DueFacts {
	const learningNow = q.learning.length + q.ahead.length;
	const dueNow = learningNow + q.review.length;
	const dueToday = dueNow + q.laterToday;
	return {
		fresh: q.fresh.length,
		learningNow,
		laterToday: q.laterToday,
		review: q.review.length,
		dueNow,
		dueToday,
		studyToday: dueToday + q.fresh.length,
		session: dueNow + q.fresh.length,
		unstudied: q.unstudied
	};
}

/** What a session in this scope will show, by the three counts Anki shows: new, learning, review. */
export function queueCounts(q: Queue): { fresh: number; learning: number; review: number; total: number } {
	const f = dueFacts(q);
	return { fresh: f.fresh, learning: f.learningNow, review: f.review, total: f.session };
}

/**
 * Today's queue. Learning cards are due at their exact time; review cards
 * are due for the whole local day they fall on (see dueKind).
 */
export function buildQueue(input: QueueInput): Queue {
	const { catalog, states, limits, done, hidden } = input;
	const window = dueWindow(input.now, input.dayStartHour, input.learnAheadMs);
	const learning: QueueCard[] = [];
	const ahead: QueueCard[] = [];
	let laterToday = 0;
	const review: QueueCard[] = [];
	const fresh: string[] = [];
	let unstudied = 0;
	const freshRoom = newRoom(limits.newPerDay, done, input.extraNew);
	const lists = { learning, ahead, review };
	for (const id of catalog) {
		if (hidden?.has(id)) continue;
		const s = states.get(id);
		const kind = dueKind(s, window);
		if (kind === 'new') {
			unstudied++;
			if (fresh.length < freshRoom) fresh.push(id);
		} else if (kind === 'later') laterToday++;
		else if (s && kind !== 'none') lists[kind].push(s);
	}
	const byDue = (a: QueueCard, b: QueueCard) => a.due - b.due || (a.card_id < b.card_id ? -1 : 1);
	return {
		learning: learning.sort(byDue).map((s) => s.card_id),
		ahead: ahead.sort(byDue).map((s) => s.card_id),
		laterToday,
		review: review
			.sort(byDue)
			.slice(0, reviewRoom(limits.reviewsPerDay, done))
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

/** The soonest time a learning card in scope comes due after `now`, if any. */
export function nextLearningDue(
	catalog: readonly string[],
	states: ReadonlyMap<string, QueueCard>,
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
