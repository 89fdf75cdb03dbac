// The card browser's rows: every card of every deck, and every card with a
// history or marks that is no longer in any deck, with what the learner's
// data says about each. Built a few hundred at a time, giving the page a turn
// between them, so a slow phone has no long task.
import type { FSRS } from 'ts-fsrs';
import { nextTask } from '$lib/components/stages.svelte';
import { getAllMarks, getAllStates, getCardData } from '$lib/data/queries';
import { readCardTotals } from '$lib/data/totals';
import type { CardMarks, CardTotals, RecallDatabase } from '$lib/data/types';
import { loadDeck, loadIndex } from '$lib/decks/client';
import type { Card, DeckData } from '$lib/decks/types';
import { cardRecall } from '$lib/srs/recall';
import type { CardState } from '$lib/srs/types';
import { makeRow, type BrowseRow } from './browse';

/** What the rows were built from: the cards' content and the scheduler, to build one row again after a change. */
export interface RowSource {
	cards: ReadonlyMap<string, Card>;
	f: FSRS;
	now: number;
}

export function rowOf(src: RowSource, id: string, order: number, section: string, state?: CardState, marks?: CardMarks, totals?: CardTotals): BrowseRow {
	// A card no longer in any deck (renamed or removed) still shows, by its id, if it has a history or marks.
	const card = src.cards.get(id) ?? ({ id, kind: 'flashcard', prompt: `${id} (no longer in any deck)`, answer: '—', explanation: '' } as unknown as Card);
	return makeRow(card, { order, section, state, marks, retrievability: cardRecall(src.f, state, src.now), lastAnswered: totals?.last });
}

export async function loadRows(db: RecallDatabase, f: FSRS, now: number): Promise<RowSource & { rows: BrowseRow[] }> {
	const [index, states, marks, totals] = await Promise.all([loadIndex(), getAllStates(db), getAllMarks(db), readCardTotals(db)]);
	// The decks' requests go out a few per task, all before any answer comes: on a slow phone, starting 31 fetches is a long task.
	const loading: Promise<DeckData>[] = [];
	for (const [i, d] of index.decks.entries()) {
		if (i > 0 && i % 8 === 0) await nextTask();
		loading.push(loadDeck(d.id));
	}
	const decks = await Promise.all(loading);
	const cards = new Map<string, Card>();
	const sectionOf = new Map<string, string>();
	for (const d of decks) {
		for (const c of d.cards) {
			if (cards.has(c.id)) continue;
			cards.set(c.id, c);
			sectionOf.set(c.id, d.id);
		}
	}
	const ids = [...cards.keys()];
	for (const id of [...states.keys(), ...marks.keys()]) if (!sectionOf.has(id) && !ids.includes(id)) ids.push(id);
	const src = { cards, f, now };
	const rows: BrowseRow[] = [];
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i]!;
		rows.push(rowOf(src, id, i, sectionOf.get(id) ?? '', states.get(id), marks.get(id), totals.get(id)));
		if (i % 300 === 299) await nextTask();
	}
	return { ...src, rows };
}

/** One row read again after a change to its card. */
export async function reloadRow(db: RecallDatabase, src: RowSource, old: BrowseRow): Promise<BrowseRow> {
	const { state, marks, totals } = await getCardData(db, old.id);
	return rowOf(src, old.id, old.order, old.section, state, marks, totals);
}
