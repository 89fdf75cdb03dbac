import type { FSRS } from 'ts-fsrs';
import { toFsrsCard } from './convert';
import { isStudied } from './facts';
import type { CardState } from './types';

/**
 * Recall now: FSRS's retrievability of a studied card at `at`, the chance
 * the learner remembers it then. Undefined for a card never studied (or one
 * with no answer time to measure from). Every page that shows a card's or a
 * section's recall, now or on a later date, computes it here.
 */
export function cardRecall(f: FSRS, s: CardState | undefined, at: number): number | undefined {
	if (!isStudied(s) || s.last_review === null) return undefined;
	return f.get_retrievability(toFsrsCard(s), new Date(Math.max(at, s.last_review)), false);
}
