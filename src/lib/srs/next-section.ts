// "The next section in roadmap order", defined once: the map marks it, and
// the end of a session and home at zero offer its new cards. Pure: the
// decks come in roadmap order, the states and marks are passed in.
import { isStudied } from './facts';
import type { CardState } from './types';

export interface NextSection<D> {
	deck: D;
	/** The section's cards never studied and not hidden: what "Learn N new" can draw on. */
	unstudied: number;
}

/**
 * The first section, in the order given (roadmap order), with a card never
 * studied that is not hidden (suspended, say). Undefined when every card of
 * every section is studied or hidden.
 */
export function nextSection<D extends { id: string; cardIds: readonly string[] }>(
	decks: readonly D[],
	states: ReadonlyMap<string, Pick<CardState, 'state'>>,
	hidden: ReadonlySet<string> = new Set()
): NextSection<D> | undefined {
	for (const deck of decks) {
		let unstudied = 0;
		for (const id of deck.cardIds) if (!isStudied(states.get(id)) && !hidden.has(id)) unstudied++;
		if (unstudied > 0) return { deck, unstudied };
	}
	return undefined;
}
