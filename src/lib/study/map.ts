// The map's figures, one tile per section: what it holds in memory (the
// vocabulary of srs/memory.ts), what is due and new today (the queue's
// rule, srs/section-today.ts), and which section comes next in roadmap
// order (srs/next-section.ts). From stored card states and marks only: the
// review log is never read, so the map stays fast at any history's size.
import type { FSRS } from 'ts-fsrs';
import { appDb } from '$lib/data/client';
import { getAllMarks, getAllStates, hiddenCards } from '$lib/data/reads';
import { settings as store } from '$lib/data/settings.svelte';
import { loadIndex } from '$lib/data/catalog';
import type { CardMarks } from '$lib/data/types';
import { dueWindow } from '$lib/srs/facts';
import { memoryOf, type Memory } from '$lib/srs/memory';
import { nextSection } from '$lib/srs/next-section';
import { scheduler } from '$lib/srs/scheduler';
import { sectionToday, type SectionToday } from '$lib/srs/section-today';
import type { CardState } from '$lib/srs/types';

export interface MapTile {
	memory: Memory;
	today: SectionToday;
}

export interface MapFigures {
	/** By section id. */
	tiles: Map<string, MapTile>;
	/** The next section in roadmap order: the first with a card never studied and not hidden. */
	next: string | undefined;
}

/** The map's figures from what was read; `decks` in roadmap order. */
export function mapFigures(
	decks: readonly { id: string; cardIds: readonly string[] }[],
	states: ReadonlyMap<string, CardState>,
	marks: ReadonlyMap<string, CardMarks>,
	now: number,
	dayStartHour: number,
	f: FSRS
): MapFigures {
	const hidden = hiddenCards(marks, now);
	const w = dueWindow(now, dayStartHour);
	const tiles = new Map(decks.map((d) => [d.id, { memory: memoryOf(d.cardIds, states, now, f), today: sectionToday(d.cardIds, states, hidden, w) }]));
	return { tiles, next: nextSection(decks, states, hidden)?.deck.id };
}

/** Reads the learner's card states, marks and settings, and the decks with the learner's own cards, and computes the map at `now`. */
export async function loadMap(now: number): Promise<MapFigures> {
	const db = await appDb();
	const [states, marks, settings, index] = await Promise.all([getAllStates(db), getAllMarks(db), store.load(), loadIndex()]);
	return mapFigures(index.decks, states, marks, now, settings.dayStartHour, scheduler(settings));
}
