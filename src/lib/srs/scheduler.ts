import { fsrs, generatorParameters, type FSRS, type StepUnit } from 'ts-fsrs';
import type { SchedulerSettings } from './types';

export const DEFAULT_SCHEDULER: SchedulerSettings = {
	retention: 0.9,
	maxInterval: 36500,
	fuzz: true,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m']
};

const cache = new Map<string, FSRS>();

/** A ts-fsrs instance for these settings (instances are reused). */
export function scheduler(settings: SchedulerSettings = DEFAULT_SCHEDULER): FSRS {
	const key = JSON.stringify(settings);
	let f = cache.get(key);
	if (!f) {
		f = fsrs(
			generatorParameters({
				request_retention: settings.retention,
				maximum_interval: settings.maxInterval,
				enable_fuzz: settings.fuzz,
				enable_short_term: true,
				learning_steps: settings.learningSteps as StepUnit[],
				relearning_steps: settings.relearningSteps as StepUnit[]
			})
		);
		cache.set(key, f);
	}
	return f;
}
