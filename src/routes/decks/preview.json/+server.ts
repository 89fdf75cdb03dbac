import { json } from '@sveltejs/kit';
import { makeRow, type BrowseRow, type CardsPreview } from '$lib/cards/browse';
import { validDecks } from '$lib/decks/build.server';

export const prerender = true;

/**
 * The cards a first screen shows, and a few more: 1 or 2 on a phone (the
 * filters come first), 4 on a 1280 x 800 laptop, 9 on a 1440 px tall screen.
 * The rest of the list is built in the browser, in steps, once the
 * learner's figures are read.
 */
const FIRST_SCREEN = 10;

/**
 * The card browser's first screen, fetched by its `load` and so inlined into
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
			if (preview.length === FIRST_SCREEN) break;
			preview.push(makeRow(card, { order: preview.length, section: deck.id }));
		}
	}
	const body: CardsPreview = { preview, sections: decks.map((d) => ({ id: d.id, title: d.title })) };
	return json(body);
}
