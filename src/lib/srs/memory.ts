import type { FSRS } from 'ts-fsrs';
import { State } from './constants';
import { isStudied } from './facts';
import { estimatedRecall } from './recall';
import { MASTERED_STABILITY } from './stats';
import type { CardState } from './types';

/** What the roadmap map shows of one section: how much is studied, and how well it is held. */
export interface SectionMemory {
	total: number;
	/** Cards studied (facts.ts's isStudied). */
	introduced: number;
	/** Review cards with a stability of at least MASTERED_STABILITY days. */
	mastered: number;
	/** Mean retrievability now of the introduced cards; undefined when none is. */
	recall: number | undefined;
}

/** One section's figures from the stored card states (no review log needed). */
export function sectionMemory(cardIds: readonly string[], states: ReadonlyMap<string, CardState>, now: number, f: FSRS): SectionMemory {
	const studied: CardState[] = [];
	let mastered = 0;
	for (const id of cardIds) {
		const s = states.get(id);
		// The recall is averaged over these same cards.
		if (!isStudied(s)) continue;
		studied.push(s);
		if (s.state === State.Review && s.stability >= MASTERED_STABILITY) mastered++;
	}
	return { total: cardIds.length, introduced: studied.length, mastered, recall: estimatedRecall(f, studied, now) };
}

/** Colour bands of the map, weakest first; `min` is the lowest recall of each. */
export const MEMORY_BANDS = [
	{ id: 'weak', min: 0, label: 'below 70%' },
	{ id: 'fading', min: 0.7, label: '70–84%' },
	{ id: 'good', min: 0.85, label: '85–94%' },
	{ id: 'strong', min: 0.95, label: '95% or more' }
] as const;

export type MemoryBand = (typeof MEMORY_BANDS)[number]['id'];

/** The band a recall falls in, judged on the rounded percentage the tile shows. */
export function memoryBand(recall: number): MemoryBand {
	const pct = Math.round(recall * 100) / 100;
	let band: MemoryBand = 'weak';
	for (const b of MEMORY_BANDS) if (pct >= b.min) band = b.id;
	return band;
}
