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
