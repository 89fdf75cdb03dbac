import { makeRow, type BrowseRow } from '$lib/cards/browse';
import { validDecks } from '$lib/decks/build.server';

/** As many cards as the list shows at first. */
const FIRST_PAGE = 50;

/**
 * The list's first page in roadmap order, built into the prerendered page:
 * the cards are on screen at the first paint (deck content is static), and
 * the learner's own figures fill in once read from the device.
 */
export function load(): { preview: BrowseRow[]; sections: { id: string; title: string }[] } {
	const decks = validDecks();
	const preview: BrowseRow[] = [];
	for (const deck of decks) {
		for (const card of deck.cards) {
			if (preview.length === FIRST_PAGE) break;
			preview.push(makeRow(card, { order: preview.length, section: deck.id }));
		}
	}
	return { preview, sections: decks.map((d) => ({ id: d.id, title: d.title })) };
}
