// The learner's own cards and personal notes: written here, each in one
// transaction with its sync outbox entry, stamped so the newer copy wins a
// merge (kinds.ts: 'ownCard' and 'note'). The content of an own card is a
// deck card (decks/schema.ts); the form checks it against the deck schema
// before it comes here.
import { deviceId } from '$lib/db/device';
import type { RecallDatabase } from '$lib/db/open';
import type { CardNote, OwnCardRecord } from '$lib/db/schema';
import type { Card } from '$lib/decks/schema';
import { commit } from '$lib/db/commit';
import { docId, queueForSync } from './outbox';
import { NOTE_TEXT_MAX } from './own-ids';

export type { CardNote, OwnCardRecord } from '$lib/db/schema';
export { isOwnCardId, newOwnCardId, NOTE_TEXT_MAX } from './own-ids';
export { getNote, listOwnCards, loadNotes } from './own-reads';

/** Thrown when a card to edit or delete is not here (deleted meanwhile, in another tab or on another device). */
export class OwnCardGoneError extends Error {
	constructor(id: string) {
		super(`The card ${id} is no longer here: it was deleted, in another tab or on another device.`);
		this.name = 'OwnCardGoneError';
	}
}

/**
 * Writes a card of the learner's own, new or edited (same id): the newer
 * copy everywhere. An edit keeps when it was first written. Resolves once
 * the transaction has committed.
 */
export async function saveOwnCard(db: RecallDatabase, section: string, card: Card, now = Date.now()): Promise<OwnCardRecord> {
	const device = await deviceId(db);
	const tx = db.transaction(['ownCards', 'meta', 'outbox'], 'readwrite');
	const store = tx.objectStore('ownCards');
	const before = await store.get(card.id);
	if (before && before.card === null) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new OwnCardGoneError(card.id);
	}
	const record: OwnCardRecord = { id: card.id, section, card, created: before?.created ?? now, updated: now, device };
	const queued = await queueForSync(tx, [{ key: docId.ownCard(card.id), op: 'put' }], now);
	await commit(tx, [...queued, () => store.put(record)]);
	return record;
}

/**
 * Deletes a card of the learner's own: it stays as a stamped tombstone
 * without content, so no backup or other device brings it back. Its
 * answers stay in the review log (the log is never rewritten).
 */
export async function deleteOwnCard(db: RecallDatabase, id: string, now = Date.now()): Promise<void> {
	const device = await deviceId(db);
	const tx = db.transaction(['ownCards', 'meta', 'outbox'], 'readwrite');
	const store = tx.objectStore('ownCards');
	const before = await store.get(id);
	if (!before || before.card === null) return void (await tx.done);
	const queued = await queueForSync(tx, [{ key: docId.ownCard(id), op: 'put' }], now);
	await commit(tx, [...queued, () => store.put({ ...before, card: null, updated: now, device })]);
}

/** One own card as stored (a tombstone too), or undefined. */
export function getOwnCard(db: RecallDatabase, id: string): Promise<OwnCardRecord | undefined> {
	return db.get('ownCards', id);
}

/** Writes (or, with empty text, deletes) the learner's note on a card. */
export async function saveNote(db: RecallDatabase, card_id: string, text: string, now = Date.now()): Promise<CardNote> {
	const note: CardNote = { card_id, text: text.trim().slice(0, NOTE_TEXT_MAX), updated: now, device: await deviceId(db) };
	const tx = db.transaction(['notes', 'meta', 'outbox'], 'readwrite');
	const queued = await queueForSync(tx, [{ key: docId.note(card_id), op: 'put' }], now);
	await commit(tx, [...queued, () => tx.objectStore('notes').put(note)]);
	return note;
}
