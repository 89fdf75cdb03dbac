import type { FSRS } from 'ts-fsrs';
import type { CardTotals } from '$lib/data/types';
import { sectionMemory } from '$lib/srs/memory';
import { cardRecall } from '$lib/srs/recall';
import type { CardState } from '$lib/srs/types';
import type { Tally } from './retention';

/** FSRS's retrievability of a studied card now; 0 for a card never answered. */
export function retrievability(f: FSRS, s: CardState | undefined, now: number): number {
	return cardRecall(f, s, now) ?? 0;
}

/**
 * Estimated total knowledge: how many of the decks' cards the learner would
 * recall now, the sum of their retrievabilities (new cards count 0).
 */
export function knowledge(f: FSRS, cardIds: Iterable<string>, states: ReadonlyMap<string, CardState>, now: number): { known: number; total: number } {
	let known = 0;
	let total = 0;
	for (const id of cardIds) {
		total++;
		known += retrievability(f, states.get(id), now);
	}
	return { known, total };
}

export interface SectionRow {
	id: string;
	title: string;
	cards: number;
	/** Cards answered at least once. */
	studied: number;
	/** Review cards with a stability of MASTERED_STABILITY days or more. */
	mastered: number;
	/** Review-card answers of the section's cards, from the per-card totals. */
	retention: Tally;
	/** Mean retrievability now of the studied cards; undefined when none is. */
	recall: number | undefined;
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
		const m = sectionMemory(d.cardIds, states, now, f);
		const retention: Tally = { answers: 0, again: 0 };
		for (const id of d.cardIds) {
			const t = totals.get(id);
			if (!t) continue;
			retention.answers += t.reviewAnswers;
			retention.again += t.reviewAgain;
		}
		return { id: d.id, title: d.title, cards: m.total, studied: m.introduced, mastered: m.mastered, retention, recall: m.recall };
	});
}
