// When a card in the browser is due, in the learner's days: the list's rows
// and its Due column say it from one count.
import { num } from '$lib/number';
import { daysBetween } from '$lib/srs/days-between';
import { isStudied } from '$lib/srs/facts';
import type { CardState } from '$lib/srs/types';

/**
 * Learner's days from today to the day a studied card is due (the day
 * starting at `dayStartHour`): 0 today, negative when overdue. Undefined for
 * a card never studied, which is not due but new.
 */
export function dueDays(s: Pick<CardState, 'state' | 'due'> | undefined, now: number, dayStartHour: number): number | undefined {
	return isStudied(s) ? daysBetween(now, s.due, dayStartHour) : undefined;
}

/** A row's due date in words: "new", "due today", "due tomorrow", "due in 3 days", "overdue by 2 days". */
export function dueLabel(s: Pick<CardState, 'state' | 'due'> | undefined, now: number, dayStartHour: number): string {
	const days = dueDays(s, now, dayStartHour);
	if (days === undefined) return 'new';
	if (days === 0) return 'due today';
	if (days === 1) return 'due tomorrow';
	if (days > 1) return `due in ${num(days)} days`;
	return days === -1 ? 'overdue by 1 day' : `overdue by ${num(-days)} days`;
}
