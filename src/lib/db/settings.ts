import { DEFAULT_SCHEDULER } from '$lib/srs/constants';
import { DEFAULT_DAY_START_HOUR, DEFAULT_LIMITS, type DailyLimits } from '$lib/srs/queue';
import type { SchedulerSettings } from '$lib/srs/types';
import type { Stamp } from './stamp';

export type Theme = 'system' | 'light' | 'dark';

/** Everything the learner can set; stored as one record. */
export interface AppSettings extends SchedulerSettings, DailyLimits, Stamp {
	dayStartHour: number;
	/** Lapses after which a card is marked a leech and suspended. */
	leechThreshold: number;
	/** Learning cards due within this many minutes are shown early when nothing else is left (Anki's default: 20). */
	learnAheadMinutes: number;
	theme: Theme;
	/** New cards the learner wrote come before their section's built-in new cards. */
	ownCardsFirst: boolean;
	/** The parameters in use before the learner applied their own, so they can be restored. */
	previousW?: number[] | null;
}

export const DEFAULT_SETTINGS: AppSettings = {
	...DEFAULT_SCHEDULER,
	...DEFAULT_LIMITS,
	dayStartHour: DEFAULT_DAY_START_HOUR,
	leechThreshold: 8,
	learnAheadMinutes: 20,
	theme: 'system',
	ownCardsFirst: true
};

/**
 * The settings in force: what is stored, and the defaults for whatever was
 * never set (a fresh device, or a record written by an older version). The
 * one place the two are combined.
 */
export function withDefaults(stored?: Partial<AppSettings> | null): AppSettings {
	return { ...DEFAULT_SETTINGS, ...stored };
}

/** No marks: what a card has until the learner buries, suspends or flags it. */
export const NO_MARKS = { suspended: false, buried_until: null, flagged: false, leech: false } as const;
