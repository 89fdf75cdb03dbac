// What a learner can do once today's cards are done, defined once: the
// session's end, home at zero and the sessions they start all count and
// pick the cards with these, so an offer of N cards starts those N cards.
// Pure: the clock, the states and the day's log are passed in.
import { Rating, State } from './constants';
import { nextDayStart, startOfDay } from './day';
import { isStudied, type DayLog } from './facts';
import type { CardState } from './types';

/**
 * "Review ahead": at most this many review cards, due within this many of the
 * learner's days after today, soonest first. FSRS schedules an early review
 * from the days that really passed, so a card reviewed a day or three early
 * gains a little less stability and is not harmed; reviewed weeks early, an
 * answer says little and the card comes back nearly as soon. A few days and
 * one short round keep it worth the time.
 */
export const AHEAD = { days: 3, max: 20 } as const;

/**
 * Studied cards due before tomorrow's day ends ("tomorrow N reviews"): due
 * tomorrow, or due today and left over (past the day's review limit, say).
 * `hidden` are the cards hidden then (suspended; a bury ends as a day starts).
 */
export function dueByTomorrow(
	catalog: Iterable<string>,
	states: ReadonlyMap<string, Pick<CardState, 'state' | 'due'>>,
	now: number,
	dayStartHour: number,
	hidden: ReadonlySet<string> = new Set()
): number {
	const end = nextDayStart(nextDayStart(now, dayStartHour), dayStartHour);
	let n = 0;
	for (const id of catalog) {
		const s = states.get(id);
		if (isStudied(s) && s.due < end && !hidden.has(id)) n++;
	}
	return n;
}

/** The review cards to review ahead: due after today ends and within `AHEAD.days` more days, soonest first, at most `AHEAD.max`. */
export function reviewAhead(
	catalog: Iterable<string>,
	states: ReadonlyMap<string, Pick<CardState, 'state' | 'due'>>,
	now: number,
	dayStartHour: number,
	hidden: ReadonlySet<string> = new Set(),
	limits: { days: number; max: number } = AHEAD
): string[] {
	const from = nextDayStart(now, dayStartHour);
	let to = from;
	// Day by day, not n × 24 h: a day may be 23 or 25 hours long.
	for (let i = 0; i < limits.days; i++) to = nextDayStart(to, dayStartHour);
	const due: { id: string; due: number }[] = [];
	for (const id of catalog) {
		const s = states.get(id);
		if (s?.state === State.Review && s.due >= from && s.due < to && !hidden.has(id)) due.push({ id, due: s.due });
	}
	return due
		.sort((a, b) => a.due - b.due)
		.slice(0, limits.max)
		.map((d) => d.id);
}

/** Today's misses: the cards rated Again since the learner's day began (an undone answer is gone from the log), in the order first missed, hidden ones left out. */
export function missedToday(logs: Iterable<DayLog>, now: number, dayStartHour: number, hidden: ReadonlySet<string> = new Set()): string[] {
	const from = startOfDay(now, dayStartHour);
	const out = new Set<string>();
	for (const r of logs) if (r.rating === Rating.Again && r.review >= from && r.review <= now && !hidden.has(r.card_id)) out.add(r.card_id);
	return [...out];
}
