import type { AppSettings } from '$lib/data/types';
import { State } from '$lib/srs/constants';
import { nextDayStart } from '$lib/srs/day';
import type { Queue } from '$lib/srs/queue';
import type { CardState } from '$lib/srs/types';

/** What comes after the session, for the summary at its end (the counts are live on the session). */
export interface SessionSummary {
	/** When the next card in scope is due: a learning step later today, else the next review. */
	nextDue: number | undefined;
	/** Review cards due tomorrow (review mode). */
	dueTomorrow: number;
	streak: number;
	/** A section quiz: cards of the section never studied, and what today's new-card limit left of them. */
	unstudied: number;
	newPerDay: number;
	/** Why nothing new was shown: today's limit is used although the section has unstudied cards. */
	newLimitReached: boolean;
}

/** The end-of-session summary from what the session read; `catalog` is the cards in scope. */
export function summarize(input: {
	now: number;
	settings: AppSettings | undefined;
	catalog: readonly string[] | undefined;
	states: ReadonlyMap<string, CardState>;
	queue: Queue | undefined;
	/** A learning step later today. */
	nextLearning: number | undefined;
	/** The day streak, from the running totals (readStreak). */
	streak: number;
	/** Review mode: nothing new shown can be down to the daily limit. */
	review: boolean;
}): SessionSummary {
	const { now, settings, queue } = input;
	let dueTomorrow = 0;
	let nextReview: number | undefined;
	if (settings && input.catalog) {
		const tomorrowEnd = nextDayStart(nextDayStart(now, settings.dayStartHour), settings.dayStartHour);
		for (const id of input.catalog) {
			const s = input.states.get(id);
			if (s?.state === State.Review && s.due > now) {
				nextReview = nextReview === undefined ? s.due : Math.min(nextReview, s.due);
				if (s.due < tomorrowEnd) dueTomorrow++;
			}
		}
	}
	const unstudied = queue?.unstudied ?? 0;
	return {
		nextDue: input.nextLearning ?? nextReview,
		dueTomorrow,
		streak: input.streak,
		unstudied,
		newPerDay: settings?.newPerDay ?? 0,
		newLimitReached: input.review && unstudied > 0 && (queue?.fresh.length ?? 0) === 0
	};
}
