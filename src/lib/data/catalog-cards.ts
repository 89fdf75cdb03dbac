// Cards by id, the learner's own among them: for the review session and the
// card browser, apart from the catalog's index (catalog.ts), which the home
// page loads.
import { loadCards as loadDeckCards } from '$lib/decks/cards';
import type { DeckCard } from '$lib/decks/types';
import { loadOwnCards } from './catalog';
import { isOwnCardId } from './own-ids';

export { warmDecks } from '$lib/decks/cards';

/** The cards with these ids: the decks' from their decks, the learner's own from the device. */
export async function loadCards(ids: readonly string[]): Promise<Map<string, DeckCard>> {
	const mineIds = ids.filter(isOwnCardId);
	if (mineIds.length === 0) return loadDeckCards(ids);
	const [fromDecks, mine] = await Promise.all([loadDeckCards(ids.filter((id) => !isOwnCardId(id))), loadOwnCards()]);
	for (const id of mineIds) {
		const c = mine.get(id);
		if (c) fromDecks.set(id, { ...c.card, deck: c.section as DeckCard['deck'], deckVersion: `mine-${c.updated}` });
	}
	return fromDecks;
}
