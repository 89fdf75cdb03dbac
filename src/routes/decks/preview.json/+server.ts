import { json } from '@sveltejs/kit';
import { makeRow, type BrowseRow, type CardsPreview } from '$lib/cards/browse';
import { validDecks } from '$lib/decks/build.server';

export const prerender = true;

/** As many cards as the card browser shows at first. */
const FIRST_PAGE = 50;

/**
 * The card browser's first page, fetched by its `load` and so inlined into
 * the prerendered page: the cards are on screen at the first paint (deck
 * content is static), and the learner's own figures fill in once read from
 * the device. A file, not a server `load`, so that no page's JavaScript
 * carries SvelteKit's reader for server data (devalue, about 2 kB gzipped).
 */
export function GET() {
	const decks = validDecks();
	const preview: BrowseRow[] = [];
	for (const deck of decks) {
		for (const card of deck.cards) {
			if (preview.length === FIRST_PAGE) break;
			preview.push(makeRow(card, { order: preview.length, section: deck.id }));
		}
	}
	const body: CardsPreview = { preview, sections: decks.map((d) => ({ id: d.id, title: d.title })) };
	return json(body);
}
