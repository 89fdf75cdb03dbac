// The cards the app knows, as one index: the decks' (static files, keyed by
// stable ids) and the learner's own (IndexedDB), each own card in its
// section, before or after the section's built-in cards as the settings say.
// Everything that lists, queues or shows cards reads them through here.
import { loadIndex as loadDeckIndex } from '$lib/decks/client';
import type { DeckIndex } from '$lib/decks/types';
import type { Card } from '$lib/decks/schema';
import { appDb } from './client';
import { changes } from './changes.svelte';
import { listOwnCards } from './own-reads';
import { settings as store } from './settings.svelte';

export { loadDeck } from '$lib/decks/client';

/** A card the learner wrote, as the views show it: the section it is in, and when it was last changed. */
export type OwnCard = { section: string; card: Card; updated: number };

let own: Promise<Map<string, OwnCard>> | undefined;
let subscribed = false;

/** The learner's cards that are not deleted, by id: read once, and again after a change from anywhere. */
export function loadOwnCards(): Promise<Map<string, OwnCard>> {
	if (!subscribed && typeof window !== 'undefined') {
		subscribed = true;
		// A form here or in another tab, an import, or a sync may have added, edited or deleted one (an answer
		// given here changes none, and is not worth a read of every own card).
		changes.subscribe((c) => {
			if (c.kind === 'data' || c.from === 'sync') own = undefined;
		});
	}
	own ??= appDb()
		.then((db) => listOwnCards(db))
		.then((list) => new Map(list.map((r) => [r.id, { section: r.section, card: r.card, updated: r.updated ?? r.created }])))
		.catch((e: unknown) => {
			own = undefined;
			throw e;
		});
	return own;
}

const merged = new WeakMap<DeckIndex, { mine: Map<string, OwnCard>; first: boolean; index: DeckIndex }>();

/**
 * Every deck's id, title and card ids in roadmap order, the learner's own
 * cards included in their sections. Without own cards it is the decks'
 * index itself (the same object every time).
 */
export async function loadIndex(): Promise<DeckIndex> {
	const [index, mine, settings] = await Promise.all([loadDeckIndex(), loadOwnCards(), store.load()]);
	if (mine.size === 0) return index;
	const first = settings.ownCardsFirst;
	// Built once per read of the own cards and order: the queue keeps its catalogs per index object.
	const known = merged.get(index);
	if (known?.mine === mine && known.first === first) return known.index;
	const bySection = new Map<string, string[]>();
	for (const [id, c] of mine) {
		const ids = bySection.get(c.section);
		if (ids) ids.push(id);
		else bySection.set(c.section, [id]);
	}
	const result: DeckIndex = {
		decks: index.decks.map((d) => {
			const ids = bySection.get(d.id);
			if (!ids) return d;
			return { ...d, cardIds: first ? [...ids, ...d.cardIds] : [...d.cardIds, ...ids] };
		})
	};
	merged.set(index, { mine, first, index: result });
	return result;
}
