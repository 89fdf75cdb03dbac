import type { RecallDatabase } from '$lib/db/open';
import { getMeta, journalKey, putMeta, readMeta, writeMeta, type SessionJournal } from '$lib/db/meta';

export type { SessionJournal, UndoStep } from '$lib/db/meta';

/** Today's journal for this scope, if there is one. */
export async function loadJournal(db: RecallDatabase, scope: string, day: number): Promise<SessionJournal | undefined> {
	const j = await readMeta(db, journalKey(scope));
	return j && j.scope === scope && j.day === day && Array.isArray(j.undo) ? j : undefined;
}

/** Keeps the journal (plain data: what was saved, copied; no answer depends on it). */
export async function saveJournal(db: RecallDatabase, journal: SessionJournal): Promise<void> {
	await writeMeta(db, journalKey(journal.scope), journal);
}

export async function getExtraNew(db: RecallDatabase, deck: string, day: number): Promise<number> {
	const e = await readMeta(db, 'extra-new');
	return e?.day === day ? (e.decks[deck] ?? 0) : 0;
}

/** Raises today's new-card limit for one section only, as Anki's custom study does. */
export async function addExtraNew(db: RecallDatabase, deck: string, day: number, n: number): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	const e = await getMeta(tx.store, 'extra-new');
	const decks = e?.day === day ? { ...e.decks } : {};
	decks[deck] = (decks[deck] ?? 0) + n;
	await Promise.all([putMeta(tx.store, 'extra-new', { day, decks }), tx.done]);
}
