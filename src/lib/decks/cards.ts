// Cards by id, from the decks that hold them: what a review session and the
// card browser need, apart from the index and decks (client.ts) that the
// home page loads, so that its first load carries none of this.
import { loadDeck, loadIndex } from './client';
import type { DeckCard } from './types';

let owners: Promise<Map<string, string>> | undefined;

/** Which deck holds each card, from the index (built once). */
function deckOwners(): Promise<Map<string, string>> {
	owners ??= loadIndex().then(
		(index) => new Map(index.decks.flatMap((d) => d.cardIds.map((id) => [id, d.id] as const))),
		(e: unknown) => {
			owners = undefined;
			throw e;
		}
	);
	return owners;
}

/** The decks that hold these cards (a card no deck holds any more is left out). */
async function decksOf(ids: readonly string[]): Promise<string[]> {
	const owner = await deckOwners();
	return [...new Set(ids.flatMap((id) => owner.get(id) ?? []))];
}

/**
 * Starts loading the decks that hold these cards, so that showing one of
 * them later needs no fetch or parse while the learner waits (a review
 * session warms the next cards' decks this way). Failures are left to the
 * load that needs the card.
 */
export function warmDecks(ids: readonly string[]): void {
	void decksOf(ids)
		.then((decks) => decks.forEach((id) => void loadDeck(id).catch(() => undefined)))
		.catch(() => undefined);
}

/** The cards with these ids, looked up in the decks that hold them. */
export async function loadCards(ids: readonly string[]): Promise<Map<string, DeckCard>> {
	const wanted = new Set(ids);
	const loaded = await Promise.all((await decksOf(ids)).map((id) => loadDeck(id)));
	const out = new Map<string, DeckCard>();
	for (const deck of loaded) {
		for (const card of deck.cards) if (wanted.has(card.id)) out.set(card.id, { ...card, deck: deck.id, deckVersion: deck.version });
	}
	return out;
}
