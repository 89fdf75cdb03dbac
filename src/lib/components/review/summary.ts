import type { AnswerCounts, AppSettings } from '$lib/data/types';
import { dueByTomorrow } from '$lib/srs/ahead';
import { State } from '$lib/srs/constants';
import type { Queue } from '$lib/srs/queue';
import type { CardState } from '$lib/srs/types';
import { nextSteps, type NextSteps } from '$lib/study/next-steps';
import type { Today } from '$lib/study/today';

/** What comes after the session, for the summary at its end (the counts are live on the session). */
export interface SessionSummary {
	/** When the next card in scope is due: a learning step later today, else the next review. */
	nextDue: number | undefined;
	/** Studied cards in scope due by the end of tomorrow (dueByTomorrow). */
	dueTomorrow: number;
	streak: number;
	/** A section quiz: cards of the section never studied, and what today's new-card limit left of them. */
	unstudied: number;
	newPerDay: number;
	/** Why nothing new was shown: today's limit is used although the section has unstudied cards. */
	newLimitReached: boolean;
	/** The daily review: what to do next (more new cards, today's misses, review ahead). */
	next: NextSteps | undefined;
	/** The daily review: today's answers, as Stats counts them (todayCounts), whatever session gave them. */
	today: AnswerCounts | undefined;
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
	/** The daily review's read of today, and today's answers from the running totals. */
	today?: Today;
	answeredToday?: AnswerCounts;
}): SessionSummary {
	const { now, settings, queue } = input;
	let nextReview: number | undefined;
	if (settings && input.catalog) {
		for (const id of input.catalog) {
			const s = input.states.get(id);
			if (s?.state === State.Review && s.due > now && (nextReview === undefined || s.due < nextReview)) nextReview = s.due;
		}
	}
	const unstudied = queue?.unstudied ?? 0;
	const next = input.today && nextSteps(input.today);
	return {
		nextDue: input.nextLearning ?? nextReview,
		dueTomorrow: next?.tomorrow ?? (settings && input.catalog ? dueByTomorrow(input.catalog, input.states, now, settings.dayStartHour) : 0),
		streak: input.streak,
		unstudied,
		newPerDay: settings?.newPerDay ?? 0,
		newLimitReached: input.review && unstudied > 0 && (queue?.fresh.length ?? 0) === 0,
		next,
		today: input.answeredToday
	};
}
