import { json } from '@sveltejs/kit';
import { listingOf, type CardListing } from '$lib/cards/browse';
import { validDecks } from '$lib/decks/build.server';

export const prerender = true;

/**
 * Every card as the card browser lists it, in roadmap order: its id,
 * section, prompt and answer as text. One file of about 120 kB gzipped
 * instead of the 31 decks (340 kB, with explanations and options), which
 * the browser needs only for the card that is opened. A card in two decks
 * is listed once, under the first.
 */
export function GET() {
	const rows: CardListing[] = [];
	const seen = new Set<string>();
	for (const deck of validDecks()) {
		for (const card of deck.cards) {
			if (seen.has(card.id)) continue;
			seen.add(card.id);
			rows.push(listingOf(card, deck.id));
		}
	}
	return json({ rows });
}
