import type { FSRS } from 'ts-fsrs';
import type { CardTotals } from '$lib/data/types';
import { memoryOf, sumMemory, type Memory } from '$lib/srs/memory';
import type { CardState } from '$lib/srs/types';
import type { Tally } from './retention';

/** One row of the per-section table: the section's memory in the map's words (memoryOf), and its retention. */
export interface SectionRow extends Memory {
	id: string;
	title: string;
	/** Review-card answers of the section's cards, from the per-card totals. */
	retention: Tally;
}

/** One row per deck, in roadmap order. */
export function sectionRows(
	decks: readonly { id: string; title: string; cardIds: readonly string[] }[],
	states: ReadonlyMap<string, CardState>,
	totals: ReadonlyMap<string, CardTotals>,
	now: number,
	f: FSRS
): SectionRow[] {
	return decks.map((d) => {
		const retention: Tally = { answers: 0, again: 0 };
		for (const id of d.cardIds) {
			const t = totals.get(id);
			if (!t) continue;
			retention.answers += t.reviewAnswers;
			retention.again += t.reviewAgain;
		}
		return { id: d.id, title: d.title, ...memoryOf(d.cardIds, states, now, f), retention };
	});
}

/**
 * Every deck's figures together, the Stats headline: the sections' rows
 * added up (sumMemory), so the headline is their sum by construction. Known
 * is how many of all the cards the learner would recall now.
 */
export const knowledge = (rows: readonly SectionRow[]): Memory => sumMemory(rows);
