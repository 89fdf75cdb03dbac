import { DEFAULT_DAY_START_HOUR, DEFAULT_LIMITS, DEFAULT_SCHEDULER, type DailyLimits, type SchedulerSettings } from '$lib/srs';

export type Theme = 'system' | 'light' | 'dark';

/** Everything the learner can set; stored as one record. */
export interface AppSettings extends SchedulerSettings, DailyLimits {
	dayStartHour: number;
	theme: Theme;
}

export const DEFAULT_SETTINGS: AppSettings = {
	...DEFAULT_SCHEDULER,
	...DEFAULT_LIMITS,
	dayStartHour: DEFAULT_DAY_START_HOUR,
	theme: 'system'
};
