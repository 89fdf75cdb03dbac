import type { Grade, Rating, State } from 'ts-fsrs';

/**
 * A card's FSRS state as stored: ts-fsrs's `Card` with dates as epoch ms (UTC).
 * It is a cache: replaying the card's review log rebuilds it.
 */
export interface CardState {
	card_id: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: State;
	last_review: number | null;
}

/**
 * One answer, or one forget, immutable once written. `id` is globally unique so logs from
 * several devices or a backup merge without clashes. The FSRS fields are
 * ts-fsrs's `ReviewLog` (state is the state *before* this answer).
 *
 * Rating 0 (`Rating.Manual`) is a forget: the learner reset the card to new.
 * Its fields are the log ts-fsrs's `forget()` returns, with duration 0. It is
 * not an answer: the running totals, today's counts and the optimizer export
 * leave it out; only a replay uses it (see `replay`).
 */
export interface ReviewRecord {
	id: string;
	card_id: string;
	rating: LogRating;
	/** When the answer was given, epoch ms UTC. */
	review: number;
	/** How long the answer took, ms. */
	duration: number;
	state: State;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	last_elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
}

/** The settings that change how cards are scheduled. */
export interface SchedulerSettings {
	/** Desired retention, 0.70–0.99. */
	retention: number;
	/** Longest interval in days. */
	maxInterval: number;
	fuzz: boolean;
	learningSteps: string[];
	relearningSteps: string[];
	/** The learner's own FSRS-6 parameters (21 numbers), trained on their answers; absent: FSRS's defaults. */
	w?: number[] | null;
}

/** A review record's rating: a button (1–4), or 0 for a forget. */
export type LogRating = Grade | Rating.Manual;

export type { Grade } from 'ts-fsrs';
