import type { FSRS } from 'ts-fsrs';
import { State } from './constants';
import { toFsrsCard } from './convert';
import type { CardState } from './types';

/**
 * The share of studied cards the learner is expected to recall at `now`:
 * FSRS's retrievability averaged over every card answered at least once.
 * Undefined when none has been studied.
 */
export function estimatedRecall(f: FSRS, states: Iterable<CardState>, now: number): number | undefined {
	let sum = 0;
	let n = 0;
	for (const s of states) {
		if (s.state === State.New || s.last_review === null) continue;
		sum += f.get_retrievability(toFsrsCard(s), new Date(Math.max(now, s.last_review)), false);
		n++;
	}
	return n === 0 ? undefined : sum / n;
}
