import { fsrs, generatorParameters, type FSRS, type StepUnit } from 'ts-fsrs';
import { DEFAULT_SCHEDULER } from './constants';
import type { SchedulerSettings } from './types';


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
