import { fsrs, generatorParameters, type FSRS } from 'ts-fsrs';
import { boundedSettings } from './bounds';
import { DEFAULT_SCHEDULER } from './constants';
import type { SchedulerSettings } from './types';

const cache = new Map<string, FSRS>();

/**
 * A ts-fsrs instance for these settings (instances are reused). The settings
 * are brought inside their bounds first, whoever built them, so no scheduler
 * can produce a non-finite date.
 */
export function scheduler(settings: SchedulerSettings = DEFAULT_SCHEDULER): FSRS {
	const s = boundedSettings(settings);
	const key = JSON.stringify(s);
	let f = cache.get(key);
	if (!f) {
		f = fsrs(
			generatorParameters({
				request_retention: s.retention,
				maximum_interval: s.maxInterval,
				enable_fuzz: s.fuzz,
				enable_short_term: true,
				learning_steps: s.learningSteps,
				relearning_steps: s.relearningSteps,
				...(s.w ? { w: s.w } : {})
			})
		);
		cache.set(key, f);
	}
	return f;
}
