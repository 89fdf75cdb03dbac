import type { Card, DeckFile } from './schema';
import type { GroupId, SectionId } from './sections';

/** What the app knows of a deck without loading its cards. */
export interface DeckSummary {
	id: SectionId;
	title: string;
	group: GroupId;
	prerequisites: SectionId[];
	/** Card ids in the deck's own order. */
	cardIds: string[];
}

/** `/decks/index.json`: every deck, in roadmap order. */
export interface DeckIndex {
	decks: DeckSummary[];
}

/** `/decks/titles.json`: what pages show of every deck without its cards. */
export interface DeckTitles {
	decks: { id: SectionId; title: string; group: GroupId; count: number }[];
}

/** `/decks/outline/<id>.json`: a deck's prompts, for its section page. */
export interface DeckOutline {
	id: SectionId;
	title: string;
	cards: { id: string; prompt: string }[];
}

/** A card as the app receives it: a typed card also carries the known terms one typo from its answer (vocabulary.ts). */
export type ShippedCard = Card & { near?: string[] };

/** `/decks/<id>.json`, with `version`, a hash of the deck's content. */
export type DeckData = Omit<DeckFile, 'cards'> & { cards: ShippedCard[]; version: string };

/** A card together with the deck it belongs to and that deck's version. */
export type DeckCard = ShippedCard & { deck: SectionId; deckVersion: string };

export type { Card, CardKind, DeckFile } from './schema';
