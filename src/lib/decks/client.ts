import type { DeckCard, DeckData, DeckIndex } from './types';

let index: Promise<DeckIndex> | undefined;
const decks = new Map<string, Promise<DeckData>>();

async function getJSON<T>(path: string): Promise<T> {
	const res = await fetch(path);
	if (!res.ok) throw new Error(`Could not load ${path} (${res.status})`);
	return (await res.json()) as T;
}

/** Every deck's id, title and card ids, in roadmap order (cached for the page's life). */
export function loadIndex(): Promise<DeckIndex> {
	index ??= getJSON<DeckIndex>('/decks/index.json').catch((e: unknown) => {
		index = undefined;
		throw e;
	});
	return index;
}

/** One deck's cards. */
export function loadDeck(id: string): Promise<DeckData> {
	let p = decks.get(id);
	if (!p) {
		p = getJSON<DeckData>(`/decks/${id}.json`);
		p.catch(() => decks.delete(id));
		decks.set(id, p);
	}
	return p;
}

/** The cards with these ids, looked up in the decks that hold them. */
export async function loadCards(ids: readonly string[]): Promise<Map<string, DeckCard>> {
	const { decks: summaries } = await loadIndex();
	const wanted = new Set(ids);
	const needed = summaries.filter((d) => d.cardIds.some((id) => wanted.has(id)));
	const loaded = await Promise.all(needed.map((d) => loadDeck(d.id)));
	const out = new Map<string, DeckCard>();
	for (const deck of loaded) {
		for (const card of deck.cards) if (wanted.has(card.id)) out.set(card.id, { ...card, deck: deck.id, deckVersion: deck.version });
	}
	return out;
}
