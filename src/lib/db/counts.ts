// What the running totals count, and their buckets: apart from aggregates.ts
// (which keeps them), so that reading them (data/totals.ts, on the home
// page) does not load the code that writes and rebuilds them.
import type { AnswerCounts } from './schema';

/** A bucket is a UTC quarter-hour: every time zone offset in use is a multiple of it. */
export const BUCKET_MS = 900_000;
/** From this interval (days) a review counts as mature, as in Anki. */
export const MATURE_DAYS = 21;

export const COUNTS = [
	'answers',
	'again',
	'hard',
	'good',
	'easy',
	'timeMs',
	'newCards',
	'reviewAnswers',
	'reviewAgain',
	'youngReview',
	'youngAgain',
	'matureReview',
	'matureAgain'
] as const satisfies readonly (keyof AnswerCounts)[];
export function emptyCounts(): AnswerCounts {
	return {
		answers: 0,
		again: 0,
		hard: 0,
		good: 0,
		easy: 0,
		timeMs: 0,
		newCards: 0,
		reviewAnswers: 0,
		reviewAgain: 0,
		youngReview: 0,
		youngAgain: 0,
		matureReview: 0,
		matureAgain: 0
	};
}
