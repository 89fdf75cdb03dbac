import { loadDecks } from './read.server';
import { roadmapOrder } from './order';
import type { DeckFile, DeckIndex } from './types';

let cached: DeckFile[] | undefined;

/** All valid decks in roadmap order; throws with every problem if any deck is malformed. */
export function validDecks(): DeckFile[] {
	if (!cached) {
		const { decks, errors } = loadDecks();
		if (errors.length > 0) throw new Error(`Deck errors:\n${errors.join('\n')}`);
		cached = roadmapOrder(decks);
	}
	return cached;
}

export function deckIndex(): DeckIndex {
	return {
		decks: validDecks().map(({ id, title, group, prerequisites, cards }) => ({
			id,
			title,
			group,
			prerequisites,
			cardIds: cards.map((c) => c.id)
		}))
	};
}
