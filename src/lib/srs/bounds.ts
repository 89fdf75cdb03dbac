// The one definition of what scheduling settings may be. The settings form,
// the backup importer and the scheduler itself all check against it, so no
// path can hand ts-fsrs a value that makes it produce a non-finite date.
import { DEFAULT_SCHEDULER } from './constants';
import type { SchedulerSettings } from './types';

/** A learning step as written: a number (decimals allowed) and m, h or d, such as 1m, 1.5h, 2d. */
export const STEP_PATTERN = /^(\d+(?:\.\d+)?)([mhd])$/;
/** The shortest step: one minute. */
export const MIN_STEP_MINUTES = 1;
/** The longest step: one year (365 days). */
export const MAX_STEP_MINUTES = 525_600;
export const MIN_INTERVAL_DAYS = 1;
/** The longest interval: 100 years. */
export const MAX_INTERVAL_DAYS = 36_500;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;
/** The form refuses more; the importer may too. */
export const MAX_STEPS = 10;

/**
 * Every numeric setting's range, [min, max], in one place: the settings form's
 * checks and messages, the backup and sync schema (db/backup/format.ts) and
 * the scheduler's clamps all read these.
 */
export const SETTING_BOUNDS = {
	retention: [MIN_RETENTION, MAX_RETENTION],
	maxInterval: [MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS],
	newPerDay: [0, 9999],
	reviewsPerDay: [0, 99_999],
	dayStartHour: [0, 23],
	leechThreshold: [0, 99],
	learnAheadMinutes: [0, 1440]
} as const satisfies Record<string, readonly [number, number]>;

const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** A step's length in minutes, or undefined when it is not written as a step at all. Says nothing about bounds. */
export function stepMinutes(step: string): number | undefined {
	const m = STEP_PATTERN.exec(step);
	if (!m) return undefined;
	const minutes = Number(m[1]) * UNIT_MINUTES[m[2] as keyof typeof UNIT_MINUTES];
	return Number.isFinite(minutes) ? minutes : undefined;
}

/** What is wrong with a step, if anything. */
export function validStep(step: string): 'ok' | 'malformed' | 'too short' | 'too long' {
	const minutes = stepMinutes(step);
	if (minutes === undefined) return 'malformed';
	if (minutes < MIN_STEP_MINUTES) return 'too short';
	if (minutes > MAX_STEP_MINUTES) return 'too long';
	return 'ok';
}

/** A well-formed step from 1m to 365d. */
export function isValidStep(step: string): boolean {
	return validStep(step) === 'ok';
}

/**
 * The step as ts-fsrs should get it: whole minutes within the bounds
 * (ts-fsrs reads "1.5h" as 1 hour, and overflows dates on huge steps), or
 * undefined for one that is not a step.
 */
export function boundedStep(step: string): `${number}m` | undefined {
	const minutes = stepMinutes(step);
	if (minutes === undefined) return undefined;
	return `${clamp(Math.round(minutes), MIN_STEP_MINUTES, MAX_STEP_MINUTES)}m`;
}

function clamp(n: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, n));
}

/** Settings inside every bound: steps clamped to 1m..365d (malformed ones dropped), intervals to 1..36500 days, retention to 0.70..0.99. */
/** FSRS-6 has 21 parameters. */
export const PARAMETER_COUNT = 21;

/** Whether `w` is a usable set of personal parameters: 21 finite numbers. */
export function isParameterSet(w: unknown): w is number[] {
	return Array.isArray(w) && w.length === PARAMETER_COUNT && w.every((x) => typeof x === 'number' && Number.isFinite(x));
}

export function boundedSettings(s: SchedulerSettings): SchedulerSettings & { learningSteps: `${number}m`[]; relearningSteps: `${number}m`[] } {
	// Settings may come from an old or damaged record: anything not of the right type takes the default.
	const steps = (list: unknown, fallback: readonly string[]) =>
		(Array.isArray(list) ? list : fallback).flatMap((x: unknown) => (typeof x === 'string' ? (boundedStep(x) ?? []) : []));
	const d = DEFAULT_SCHEDULER;
	return {
		retention: Number.isFinite(s.retention) ? clamp(s.retention, MIN_RETENTION, MAX_RETENTION) : d.retention,
		maxInterval: Number.isFinite(s.maxInterval) ? clamp(Math.floor(s.maxInterval), MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS) : d.maxInterval,
		fuzz: typeof s.fuzz === 'boolean' ? s.fuzz : d.fuzz,
		learningSteps: steps(s.learningSteps, d.learningSteps),
		relearningSteps: steps(s.relearningSteps, d.relearningSteps),
		// ts-fsrs clamps each parameter to its own range; a malformed set means the defaults.
		w: isParameterSet(s.w) ? [...s.w] : null
	};
}
