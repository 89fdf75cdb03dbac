// Reads of the learner's own cards and notes: apart from their writes
// (own-cards.ts), which bring the sync outbox, so that the pages that only
// list cards (home's queue through the catalog) load none of that.
import type { RecallDatabase } from '$lib/db/open';
import type { OwnCardRecord } from '$lib/db/schema';
import type { Card } from '$lib/decks/schema';

/** The learner's cards that are not deleted, of one section or of all, oldest first. */
export async function listOwnCards(db: RecallDatabase, section?: string): Promise<(OwnCardRecord & { card: Card })[]> {
	const all = section === undefined ? await db.getAll('ownCards') : await db.getAllFromIndex('ownCards', 'by-section', section);
	return all.filter((r): r is OwnCardRecord & { card: Card } => r.card !== null).sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
}

/** The learner's note on a card, if there is one. */
export async function getNote(db: RecallDatabase, card_id: string): Promise<string | undefined> {
	const note = await db.get('notes', card_id);
	return note?.text || undefined;
}

/** Every note that is not empty, by card id. */
export async function loadNotes(db: RecallDatabase): Promise<Map<string, string>> {
	return new Map((await db.getAll('notes')).filter((n) => n.text !== '').map((n) => [n.card_id, n.text]));
}
