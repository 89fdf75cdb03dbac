import type { Mix } from '$lib/srs/queue';
import type { RecallDatabase } from './open';
import type { SavedReview } from './record';
import type { CardMarks, PracticeRecord } from './schema';

/** One step the learner can take back, as kept for the day. */
export type UndoStep =
	| { type: 'review'; saved: SavedReview; kind: 'learning' | 'review' | 'new'; duration: number }
	| { type: 'practice'; record: PracticeRecord }
	| { type: 'marks'; card_id: string; before: CardMarks | undefined; label: string }
	/** Practice only: a card skipped for this round (bury or suspend there touch no schedule). */
	| { type: 'skip'; card_id: string; label: string };

/**
 * A session as it stands, kept in IndexedDB so a reload or an app switch
 * carries on where it was: the undo history and the counts. It belongs to
 * one learner's day and one scope (all decks, one section's quiz, or one
 * section's practice); another day starts afresh.
 */
export interface SessionJournal {
	scope: string;
	/** Start of the learner's day it belongs to, epoch ms. */
	day: number;
	undo: UndoStep[];
	/** Answers given, answers not rated Again, and time spent (ms). */
	answered: number;
	recalled: number;
	timeMs: number;
	/** Answers per card, so the end can say "20 cards, 58 answers". */
	cards: Record<string, number>;
	/** How far the progress bar had gone (0–1): it never moves backwards. */
	progress: number;
	mix?: Mix;
	/** Practice and targeted review: the cards of the round not answered yet, in order. */
	practiceQueue?: string[];
	/** The session reached its end screen; opening it again starts a new one if cards are due. */
	ended: boolean;
}

export const journalKey = (scope: string) => `session:${scope}`;

/** Today's journal for this scope, if there is one. */
export async function loadJournal(db: RecallDatabase, scope: string, day: number): Promise<SessionJournal | undefined> {
	const j = (await db.get('meta', journalKey(scope))) as SessionJournal | undefined;
	return j && j.scope === scope && j.day === day && Array.isArray(j.undo) ? j : undefined;
}

/** Keeps the journal (plain data: what was saved, copied; no answer depends on it). */
export async function saveJournal(db: RecallDatabase, journal: SessionJournal): Promise<void> {
	await db.put('meta', journal, journalKey(journal.scope));
}

/** New cards allowed beyond the daily limit today, per section ("Learn N more from this section"). */
interface ExtraNew {
	day: number;
	decks: Record<string, number>;
}
const EXTRA_KEY = 'extra-new';

export async function getExtraNew(db: RecallDatabase, deck: string, day: number): Promise<number> {
	const e = (await db.get('meta', EXTRA_KEY)) as ExtraNew | undefined;
	return e?.day === day ? (e.decks[deck] ?? 0) : 0;
}

/** Raises today's new-card limit for one section only, as Anki's custom study does. */
export async function addExtraNew(db: RecallDatabase, deck: string, day: number, n: number): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	const e = (await tx.store.get(EXTRA_KEY)) as ExtraNew | undefined;
	const decks = e?.day === day ? { ...e.decks } : {};
	decks[deck] = (decks[deck] ?? 0) + n;
	await Promise.all([tx.store.put({ day, decks } satisfies ExtraNew, EXTRA_KEY), tx.done]);
}
