import { appDb } from '$lib/data/client';
import { settings as store } from '$lib/data/settings.svelte';
import { getAllMarks, getAllStates, getReadinessDate, hiddenCards, keepReadinessDate } from '$lib/data/queries';
import { loadIndex } from '$lib/data/catalog';
import type { DeckIndex } from '$lib/decks/types';
import { startOfDay } from '$lib/srs/day';
import { addDays, daysUntil, parseDate, readiness, readinessMoment, targetCards, type ReadinessReport, type TargetOptions } from '$lib/srs/readiness';
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

export type Readiness = ReadinessReport & {
	index: DeckIndex;
	at: number;
	/** The learner's new-card limit, which the days to start the cards not started are counted at. */
	newPerDay: number;
	/** Calendar days from today to the date. */
	daysLeft: number;
};

/** What readiness is computed from: the index, the learner's settings, card states and marks (never the review log). */
async function readinessInput(date: string, now: number) {
	const db = await appDb();
	const [index, settings, states, marks] = await Promise.all([loadIndex(), store.load(), getAllStates(db), getAllMarks(db)]);
	const at = readinessMoment(date, settings.dayStartHour);
	if (at === undefined) throw new Error(`${date} is not a date`);
	const options: TargetOptions = {
		hidden: hiddenCards(marks, now),
		answeredSince: startOfDay(now, settings.dayStartHour),
		at,
		f: scheduler(settings)
	};
	return { index, settings, states, at, options };
}

/** Readiness on the date: each section's and every card's figures, the weakest sections, those too little started to judge, and the targeted review's cards. */
export async function loadReadiness(date: string, now: number): Promise<Readiness> {
	const { index, settings, states, at, options } = await readinessInput(date, now);
	return { ...readiness(index.decks, states, now, options), index, at, newPerDay: settings.newPerDay, daysLeft: daysUntil(now, date) ?? 0 };
}

/** The targeted review of the sections named on the readiness page: their cards only, as the page counted them. */
export async function loadTargets(date: string, sections: readonly string[], now: number): Promise<{ ids: string[]; index: DeckIndex }> {
	const { index, states, options } = await readinessInput(date, now);
	return { ids: targetCards(sections, index.decks, states, options).map((t) => t.card_id), index };
}
