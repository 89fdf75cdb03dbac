// Runtime values that pages without a scheduler need. ts-fsrs patches
// Date.prototype when imported, so bundlers must keep all of it wherever it
// is imported; the home page counts due cards without loading it.
import type { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import type { SchedulerSettings } from './types';

/** ts-fsrs's `State` values. */
export const State = {
	New: 0 as FsrsState.New,
	Learning: 1 as FsrsState.Learning,
	Review: 2 as FsrsState.Review,
	Relearning: 3 as FsrsState.Relearning
} as const;

/**
 * ts-fsrs's `Rating` values: the four buttons, and Manual (0), which the
 * review log uses for a forget (the card reset to new by hand; no answer).
 */
export const Rating = {
	Manual: 0 as FsrsRating.Manual,
	Again: 1 as FsrsRating.Again,
	Hard: 2 as FsrsRating.Hard,
	Good: 3 as FsrsRating.Good,
	Easy: 4 as FsrsRating.Easy
} as const;

export const DEFAULT_SCHEDULER: SchedulerSettings = {
	retention: 0.9,
	maxInterval: 36500,
	fuzz: true,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m']
};

/** Answers before this come from a wrong clock (the app did not exist): kept in the log, never used to schedule. */
export const EARLIEST = Date.UTC(2020, 0, 1);
/** How far ahead of now an answer's time may be (time zones, a clock a little fast) and still schedule. */
export const AHEAD_MS = 86_400_000;

/**
 * Whether an answer's time can schedule its card. A time before 2020 or
 * more than a day ahead of `now` is a wrong clock (or a bad record from a
 * server): such an answer stays in the log, in backups and in sync, but a
 * replay passes over it, so one bad record cannot move a card's due date
 * to the year 2200 on every device.
 */
export function isPlausibleTime(review: number, now: number): boolean {
	return review >= EARLIEST && review <= now + AHEAD_MS;
}
