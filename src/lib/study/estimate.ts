// How long today's study will take, from the learner's own pace. Pure: the
// page passes in today's counts and the running totals of recent days.
import type { AnswerCounts } from '$lib/data/types';

/** The pace assumed until the learner has answered anything: a short card read and answered. */
export const DEFAULT_ANSWER_MS = 10_000;

export interface Workload {
	fresh: number;
	/** Learning cards due today, now or later. */
	learning: number;
	review: number;
}

export interface Estimate {
	/** Answers today's cards are expected to take. */
	answers: number;
	/** Milliseconds, at the learner's pace. */
	ms: number;
	/** The pace used, ms per answer. */
	perAnswer: number;
	/** Whether the pace is the learner's own (else DEFAULT_ANSWER_MS). */
	ownPace: boolean;
}

/**
 * Today's study time: each new card takes one answer per learning step (with
 * Good, the last step graduates it), each learning card one more, and each
 * review one, plus the relearning steps of those the learner is likely to
 * forget, at their recent share of Again. `recent` are the counts of the last
 * days (the home page passes 30).
 */
export function estimateToday(work: Workload, recent: AnswerCounts, steps: { learning: number; relearning: number }): Estimate {
	const ownPace = recent.answers > 0 && recent.timeMs > 0;
	const perAnswer = ownPace ? recent.timeMs / recent.answers : DEFAULT_ANSWER_MS;
	const forget = recent.reviewAnswers > 0 ? recent.reviewAgain / recent.reviewAnswers : 0.1;
	const answers = Math.round(work.fresh * Math.max(1, steps.learning) + work.learning + work.review * (1 + forget * Math.max(1, steps.relearning)));
	return { answers, ms: answers * perAnswer, perAnswer, ownPace };
}

/** "about 12 min", "under a minute", "about 1 h 20 min". */
export function describeDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (ms <= 0) return 'no time';
	if (minutes < 1) return 'under a minute';
	if (minutes < 60) return `about ${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `about ${h} h${m > 0 ? ` ${m} min` : ''}`;
}
