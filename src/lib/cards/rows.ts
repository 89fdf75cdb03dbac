// The card browser's rows: every card of every deck, and every card with a
// history or marks that is no longer in any deck, with what the learner's
// data says about each. The cards' content comes in one prerendered file
// (/decks/rows.json: each card's prompt and answer as text, a third of the
// 31 decks' bytes); a card's whole deck loads only when it is opened. Built
// a few hundred at a time, giving the page a turn between them, so a slow
// phone has no long task.
import type { FSRS } from 'ts-fsrs';
import { base } from '$app/paths';
import { nextTask } from '$lib/components/stages.svelte';
import { getAllMarks, getAllStates, getCardData } from '$lib/data/queries';
import { readCardTotals } from '$lib/data/totals';
import type { CardMarks, CardTotals, RecallDatabase } from '$lib/data/types';
import { cardRecall } from '$lib/srs/recall';
import type { CardState } from '$lib/srs/types';
import { loadOwnCards } from '$lib/data/catalog';
import { getNote, loadNotes } from '$lib/data/own-reads';
import { listingOf, rowOf, type BrowseRow, type CardListing } from './browse';

/** What the rows were built from: the cards' listings and the scheduler, to build one row again after a change. */
export interface RowSource {
	listings: ReadonlyMap<string, CardListing>;
	/** The learner's notes by card id. */
	notes: Map<string, string>;
	f: FSRS;
	now: number;
}

/** Every card of every deck, in roadmap order, as the list shows it (prerendered: src/routes/decks/rows.json). */
async function loadListings(): Promise<CardListing[]> {
	const res = await fetch(`${base}/decks/rows.json`);
	if (!res.ok) throw new Error(`Could not load /decks/rows.json (${res.status})`);
	return ((await res.json()) as { rows: CardListing[] }).rows;
}

function rowFor(src: RowSource, id: string, order: number, state?: CardState, marks?: CardMarks, totals?: CardTotals): BrowseRow {
	// A card no longer in any deck (renamed or removed) still shows, by its id, if it has a history or marks.
	const listing = src.listings.get(id) ?? { id, section: '', prompt: `${id} (no longer in any deck)`, answer: '—' };
	return rowOf(listing, { order, state, marks, retrievability: cardRecall(src.f, state, src.now), lastAnswered: totals?.last, note: src.notes.get(id) });
}

export async function loadRows(db: RecallDatabase, f: FSRS, now: number): Promise<RowSource & { rows: BrowseRow[] }> {
	const [listed, states, marks, totals, own, notes] = await Promise.all([
		loadListings(),
		getAllStates(db),
		getAllMarks(db),
		readCardTotals(db),
		loadOwnCards(),
		loadNotes(db)
	]);
	const listings = new Map(listed.map((l) => [l.id, l]));
	// The learner's own cards, after the decks' (a section filter finds them with their section).
	for (const [id, c] of own) listings.set(id, listingOf(c.card, c.section));
	const ids = [...listings.keys()];
	for (const id of new Set([...states.keys(), ...marks.keys()])) if (!listings.has(id)) ids.push(id);
	const src = { listings, notes, f, now };
	const rows: BrowseRow[] = [];
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i]!;
		rows.push(rowFor(src, id, i, states.get(id), marks.get(id), totals.get(id)));
		if (i % 300 === 299) await nextTask();
	}
	return { ...src, rows };
}

/** One row read again after a change to its card. */
export async function reloadRow(db: RecallDatabase, src: RowSource, old: BrowseRow): Promise<BrowseRow> {
	const [{ state, marks, totals }, note] = await Promise.all([getCardData(db, old.id), getNote(db, old.id)]);
	if (note) src.notes.set(old.id, note);
	else src.notes.delete(old.id);
	return rowFor(src, old.id, old.order, state, marks, totals);
}
