import type { DeckData, DeckIndex } from './types';

type Fetch = typeof fetch;

/** For `load` functions: SvelteKit's fetch inlines the JSON into prerendered pages. */
export async function fetchIndex(fetch: Fetch): Promise<DeckIndex> {
	const res = await fetch('/decks/index.json');
	if (!res.ok) throw new Error(`Could not load the deck index (${res.status})`);
	return (await res.json()) as DeckIndex;
}

export async function fetchDeck(fetch: Fetch, id: string): Promise<DeckData | undefined> {
	const res = await fetch(`/decks/${id}.json`);
	if (res.status === 404) return undefined;
	if (!res.ok) throw new Error(`Could not load deck ${id} (${res.status})`);
	return (await res.json()) as DeckData;
}

/** Deck titles by id, for labelling cards. */
export function titlesOf(index: DeckIndex): Record<string, string> {
	return Object.fromEntries(index.decks.map((d) => [d.id, d.title]));
}
