import { loadDecks, readKnownTerms } from './read.server';
import { roadmapOrder } from './order';
import type { DeckFile, DeckIndex, ShippedCard } from './types';
import { buildVocabulary, nearTerms } from './vocabulary';

let cached: DeckFile[] | undefined;
let vocabulary: Set<string> | undefined;

/** A deck's cards as the app receives them: each typed card with the known terms near its answer. */
export function shippedCards(deck: DeckFile): ShippedCard[] {
	vocabulary ??= buildVocabulary(
		validDecks().flatMap((d) => d.cards),
		readKnownTerms()
	);
	const known = vocabulary;
	return deck.cards.map((card) => {
		if (card.kind !== 'typed') return card;
		const near = nearTerms(card, known);
		return near.length > 0 ? { ...card, near } : card;
	});
}

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
