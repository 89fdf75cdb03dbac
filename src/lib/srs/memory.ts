import type { FSRS } from 'ts-fsrs';
import { State } from './constants';
import { isStudied } from './facts';
import { cardRecall } from './recall';
import { MASTERED_STABILITY } from './stats';
import type { CardState } from './types';

/**
 * The words for memory, defined once. The map, a section's page, readiness
 * and Stats compute every one of them with `memoryOf` and label them with
 * `MEMORY_WORDS`, so the same collection reads the same everywhere.
 *
 * - introduced: cards answered at least once (facts.ts's isStudied);
 * - recall of studied cards: the mean FSRS retrievability of the introduced
 *   cards at a moment, the chance of recalling one of them then;
 * - known: the cards expected to be recalled at that moment, over all the
 *   collection's cards: the sum of every card's retrievability, a card never
 *   studied counting 0. So known = introduced × recall, and as a share of the
 *   cards, coverage × recall;
 * - mastered: review cards with a stability of MASTERED_STABILITY days or more.
 */
export interface Memory {
	/** Cards in the collection. */
	total: number;
	introduced: number;
	mastered: number;
	/** Recall of studied cards at the moment asked; undefined when none is studied. */
	recall: number | undefined;
	/** Cards expected to be recalled at that moment (a fractional count). */
	known: number;
}

/** The figures of a collection of cards (a section, a set of sections, every deck) at `at`, from stored card states only. */
export function memoryOf(cardIds: Iterable<string>, states: ReadonlyMap<string, CardState>, at: number, f: FSRS): Memory {
	let total = 0;
	let introduced = 0;
	let mastered = 0;
	let known = 0;
	for (const id of cardIds) {
		total++;
		const s = states.get(id);
		if (!isStudied(s)) continue;
		const r = cardRecall(f, s, at);
		// The recall is averaged over these same cards: one without an answer time has no recall to count.
		if (r === undefined) continue;
		introduced++;
		known += r;
		if (s.state === State.Review && s.stability >= MASTERED_STABILITY) mastered++;
	}
	return { total, introduced, mastered, known, recall: introduced === 0 ? undefined : known / introduced };
}

/** Introduced cards as a share of all (0 for an empty collection). */
export const coverage = (m: Memory): number => (m.total === 0 ? 0 : m.introduced / m.total);

/** Known as a share of all cards: coverage × recall of studied cards (0 for an empty collection). */
export const knownShare = (m: Memory): number => (m.total === 0 ? 0 : m.known / m.total);

/** Figures added up over several collections (sections with no card in common). */
export function sumMemory(parts: Iterable<Memory>): Memory {
	const out = { total: 0, introduced: 0, mastered: 0, known: 0 };
	for (const m of parts) {
		out.total += m.total;
		out.introduced += m.introduced;
		out.mastered += m.mastered;
		out.known += m.known;
	}
	return { ...out, recall: out.introduced === 0 ? undefined : out.known / out.introduced };
}

/** What each word means, for the legend, a heading's explanation or a tooltip: the same words on every page. */
export const MEMORY_WORDS = {
	known: {
		label: 'Known',
		means: 'How many of all the cards you would recall now: the cards you have studied, times your recall of them. Cards not started count as not known.'
	},
	recall: {
		label: 'Recall of studied cards',
		means: 'The chance you would recall a card you have studied, now, on average (FSRS’s retrievability).'
	},
	introduced: { label: 'Introduced', means: 'Cards you have answered at least once.' },
	mastered: { label: 'Mastered', means: `Cards whose memory now lasts ${MASTERED_STABILITY} days or more.` }
} as const;

/** A share as every page shows it: a whole percentage, "<1%" for a share above 0 that would round to 0% (a section just started is not "0% known"). */
export const percentOf = (share: number): string => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);
