import { base } from '$app/paths';
import type { DeckData, DeckIndex } from './types';

let index: Promise<DeckIndex> | undefined;
const decks = new Map<string, Promise<DeckData>>();

async function getJSON<T>(path: string): Promise<T> {
	const res = await fetch(path);
	if (!res.ok) throw new Error(`Could not load ${path} (${res.status})`);
	return (await res.json()) as T;
}

/** Every deck's id, title and card ids, in roadmap order (cached for the page's life). */
export function loadIndex(): Promise<DeckIndex> {
	index ??= getJSON<DeckIndex>(`${base}/decks/index.json`).catch((e: unknown) => {
		index = undefined;
		throw e;
	});
	return index;
}

/** One deck's cards. */
export function loadDeck(id: string): Promise<DeckData> {
	let p = decks.get(id);
	if (!p) {
		p = getJSON<DeckData>(`${base}/decks/${id}.json`);
		p.catch(() => decks.delete(id));
		decks.set(id, p);
	}
	return p;
}
