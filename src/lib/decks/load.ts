import { base } from '$app/paths';
import type { DeckIndex, DeckOutline, DeckTitles } from './types';

type Fetch = typeof fetch;

/** For `load` functions: SvelteKit's fetch inlines the JSON into prerendered pages, so fetch little. */
/** Titles and counts only: a few kB, unlike the index with every card id. */
export async function fetchTitles(fetch: Fetch): Promise<DeckTitles> {
	const res = await fetch(`${base}/decks/titles.json`);
	if (!res.ok) throw new Error(`Could not load the deck titles (${res.status})`);
	return (await res.json()) as DeckTitles;
}

export async function fetchOutline(fetch: Fetch, id: string): Promise<DeckOutline | undefined> {
	const res = await fetch(`${base}/decks/outline/${id}.json`);
	if (res.status === 404) return undefined;
	if (!res.ok) throw new Error(`Could not load deck ${id} (${res.status})`);
	return (await res.json()) as DeckOutline;
}

/** Deck titles by id, for labelling cards. */
export function titlesOf(index: DeckIndex | DeckTitles): Record<string, string> {
	return Object.fromEntries(index.decks.map((d) => [d.id, d.title]));
}
