import { appDb } from '$lib/data/client';
import { settings as store } from '$lib/data/settings.svelte';
import { getAllMarks, getAllStates, getReadinessDate, hiddenCards, keepReadinessDate } from '$lib/data/queries';
import { loadIndex } from '$lib/data/catalog';
import type { DeckIndex } from '$lib/decks/types';
import { startOfDay } from '$lib/srs/day';
import { addDays, parseDate, readiness, readinessMoment } from '$lib/srs/readiness';
import { scheduler } from '$lib/srs/scheduler';

/** Days ahead the date starts at when none is kept. */
export const DEFAULT_DAYS_AHEAD = 14;

/** The earliest date to choose: tomorrow (local calendar). */
export const earliestDate = (now: number) => addDays(now, 1);

/** A usable date: a real one, tomorrow or later (`YYYY-MM-DD` compares as text). */
export function validDate(value: string, now: number): boolean {
	return parseDate(value) !== undefined && value >= earliestDate(now);
}

/** The kept date if it is still ahead, else 14 days from now. */
export async function chosenDate(now: number): Promise<string> {
	const kept = await getReadinessDate(await appDb());
	return typeof kept === 'string' && validDate(kept, now) ? kept : addDays(now, DEFAULT_DAYS_AHEAD);
}

export async function keepDate(value: string): Promise<void> {
	await keepReadinessDate(await appDb(), value);
}

export type Readiness = ReturnType<typeof readiness> & { index: DeckIndex; at: number };

/** Predicted recall per section on the date, from card states, marks and settings only (never the review log). */
export async function loadReadiness(date: string, now: number): Promise<Readiness> {
	const db = await appDb();
	const [index, settings, states, marks] = await Promise.all([loadIndex(), store.load(), getAllStates(db), getAllMarks(db)]);
	const at = readinessMoment(date, settings.dayStartHour);
	if (at === undefined) throw new Error(`${date} is not a date`);
	const r = readiness(index.decks, states, now, {
		hidden: hiddenCards(marks, now),
		answeredSince: startOfDay(now, settings.dayStartHour),
		at,
		f: scheduler(settings)
	});
	return { ...r, index, at };
}
