import { sumCounts, type DayTotals } from '$lib/data/totals';
import type { AnswerCounts } from '$lib/data/types';
import { MATURE_DAYS } from '$lib/data/totals';
import { State } from '$lib/srs/constants';
import { isStudied } from '$lib/srs/facts';
import type { CardState } from '$lib/srs/types';
import { addDays, lastDays } from './days';
import { startOfDay } from '$lib/srs/day';

export type StateKey = 'new' | 'learning' | 'relearning' | 'young' | 'mature' | 'suspended';

export const STATE_NAMES: Record<StateKey, string> = {
	new: 'New',
	learning: 'Learning',
	relearning: 'Relearning',
	young: 'Review, young',
	mature: 'Review, mature',
	suspended: 'Suspended'
};

/**
 * Where every card of the decks stands. A suspended card counts as
 * suspended only; a review card is young with an interval under 21 days,
 * mature from 21. A card with no stored state is new.
 */
export function cardsByState(cardIds: Iterable<string>, states: ReadonlyMap<string, CardState>, suspended: ReadonlySet<string>): Record<StateKey, number> {
	const c: Record<StateKey, number> = { new: 0, learning: 0, relearning: 0, young: 0, mature: 0, suspended: 0 };
	for (const id of cardIds) {
		const s = states.get(id);
		if (suspended.has(id)) c.suspended++;
		else if (!isStudied(s)) c.new++;
		else if (s.state === State.Learning) c.learning++;
		else if (s.state === State.Relearning) c.relearning++;
		else if (s.scheduled_days < MATURE_DAYS) c.young++;
		else c.mature++;
	}
	return c;
}

export const BUTTONS = ['again', 'hard', 'good', 'easy'] as const;
export type ButtonKey = (typeof BUTTONS)[number];

export interface ButtonCounts {
	total: number;
	counts: Record<ButtonKey, number>;
}

const buttons = (c: AnswerCounts): ButtonCounts => ({ total: c.answers, counts: { again: c.again, hard: c.hard, good: c.good, easy: c.easy } });

/**
 * Answer-button presses over the last 30 learner's days (today included,
 * and any day past it) and over all time.
 */
export function answerButtons(
	perDay: ReadonlyMap<number, DayTotals>,
	now: number,
	dayStartHour: number,
	days = 30
): { recent: ButtonCounts; year: ButtonCounts } {
	const today = startOfDay(now, dayStartHour);
	const since = (n: number) => addDays(today, -(n - 1), dayStartHour);
	const all = [...perDay.values()];
	// The page reads a year of running totals, not all of them: the longer column is the last 365 days.
	return { recent: buttons(sumCounts(all.filter((d) => d.day >= since(days)))), year: buttons(sumCounts(all.filter((d) => d.day >= since(365)))) };
}

/** Minutes spent answering on each of the last `days` learner's days, oldest first (days past today count as today). */
export function reviewMinutes(perDay: ReadonlyMap<number, DayTotals>, now: number, dayStartHour: number, days = 30): { day: number; minutes: number }[] {
	const starts = lastDays(now, days, dayStartHour);
	const today = starts[starts.length - 1]!;
	let ahead = 0;
	for (const d of perDay.values()) if (d.day > today) ahead += d.timeMs;
	return starts.map((day) => ({ day, minutes: ((perDay.get(day)?.timeMs ?? 0) + (day === today ? ahead : 0)) / 60_000 }));
}
