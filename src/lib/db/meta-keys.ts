// The `meta` store: this device's book-keeping, one value per key. Every key
// and the shape of its value are written here, once; reads and writes go
// through meta.ts's getMeta/putMeta (or readMeta/writeMeta), so no caller
// casts what it reads. Nothing here is synced; a reset or a replacing
// import clears every key but `device`.
import type { CardState, ReviewRecord } from '$lib/srs/types';
import type { Mix } from '$lib/srs/pick';
import type { CardMarks, PracticeRecord } from './records';

/** A CouchDB server and database to sync with (this device only; "Stop syncing" deletes it). */
export interface CouchConfig {
	/** Such as https://couch.example.com, without a trailing slash. */
	server: string;
	db: string;
	user: string;
	password: string;
}

export type AuthMode = 'cookie' | 'basic';

/** Position of sync's first upload: which kind of record, and the last key sent. */
export interface ScanPosition {
	step: number;
	/** For answers, ordered by time: the last time and id sent. */
	after?: { time: number; id: string } | string;
	/** Answers after this time (when the upload began) are in the outbox instead. */
	until?: number;
	done?: boolean;
}

export interface SyncStatus {
	/** When the last sync finished without an error, epoch ms. */
	lastSync?: number;
	lastError?: string;
	lastErrorAt?: number;
	/** When the failures since the last sync that went through began, epoch ms (read it through sync/state.ts's failingSince). */
	failingSince?: number;
	auth?: AuthMode;
	/** Documents on the server that failed our checks: skipped, named here (the last 20). */
	skipped: { id: string; why: string }[];
	skippedCount: number;
	/** What the last sync moved. */
	sent?: number;
	received?: number;
	/**
	 * Answers from the server dated before 2020 or more than a day ahead of
	 * the sync (a device's clock was wrong): kept in the log, not used to
	 * schedule. Counted over every sync; the first few named.
	 */
	oddTimes?: { count: number; first: { id: string; card_id: string; review: number }[] };
	/**
	 * Answers from the server for cards in no deck of this version (a newer
	 * version's decks): kept in the log, with no card state. Counted over
	 * every sync: the answers, and the cards (the first ones named).
	 */
	unknownCards?: { answers: number; cards: number; first: string[] };
}

/**
 * Written in the first transaction of a bulk merge and deleted in its last:
 * while it is here, the running totals may lack answers already in the log,
 * and these cards' states may lack them. Found with no merge running (a
 * crash, a closed tab), the totals are rebuilt from the log and the cards
 * replayed.
 */
export interface BulkPending {
	started: number;
	cards: string[];
}

/** The daily reminder (not synced, not in backups); the service worker writes its last check here too. */
export interface ReminderSettings {
	on: boolean;
	/** Local time of day, "HH:MM". */
	time: string;
	/** The start (epoch ms) of the learner's day in which the last notification was shown. */
	lastShownDay?: number;
	/** When the service worker last woke up to check, epoch ms: shown in settings, since the browser picks the times. */
	lastCheck?: number;
}

/** Everything one saved answer changed, so it can be undone exactly. */
export interface SavedReview {
	log: ReviewRecord;
	/** The card's state before the answer (undefined: never answered). */
	before: CardState | undefined;
	state: CardState;
	marksBefore: CardMarks | undefined;
	marksAfter: CardMarks | undefined;
	/** This answer made the card a leech, and it was suspended. */
	leech: boolean;
}

/** One step the learner can take back, as kept for the day. */
export type UndoStep =
	| { type: 'review'; saved: SavedReview; kind: 'learning' | 'review' | 'new'; duration: number }
	| { type: 'practice'; record: PracticeRecord }
	| { type: 'marks'; card_id: string; before: CardMarks | undefined; label: string }
	/** Practice only: a card skipped for this round (bury or suspend there touch no schedule). */
	| { type: 'skip'; card_id: string; label: string };

/**
 * A session as it stands, kept so a reload or an app switch carries on where
 * it was: the undo history and the counts. It belongs to one learner's day and
 * one scope (all decks, one section's quiz, or one section's practice);
 * another day starts afresh.
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

/** New cards the learner asked for beyond the day's limit, per section ("Learn N more"). */
export interface ExtraNew {
	day: number;
	decks: Record<string, number>;
}

/** Every key of `meta` and what it holds. */
export interface MetaValues {
	/** This device's id, made once; kept through resets and imports. */
	device: string;
	sync: CouchConfig;
	/** The last _changes sequence merged, written in the same transaction as the merge. */
	'sync-since': string | number;
	/** How far the first upload of what was here before sync got (resumable). */
	'sync-scan': ScanPosition;
	/** The last sync's outcome, for the settings page. */
	'sync-status': SyncStatus;
	/** Read through readReminder: the service worker writes it too. */
	reminder: Partial<ReminderSettings>;
	'extra-new': ExtraNew;
	/** The date the readiness page predicts for, `YYYY-MM-DD`. */
	'readiness-date': string;
	/** A bulk merge (an import, a sync) under way or cut short: see data/bulk.ts. */
	'bulk-pending': BulkPending;
	/** When a backup file was last handed to the browser to save, epoch ms. */
	'last-backup': number;
	/** When the app last asked the browser to keep the data persistently, and the browser's answer (null: none yet, as while Firefox's prompt waits). */
	'persist-request': { at: number; granted: boolean | null };
	/** When home's offer of a backup (storage not persistent, no recent backup or sync) was last put away, epoch ms. */
	'backup-offer-dismissed': number;
	[session: `session:${string}`]: SessionJournal;
}

export type MetaKey = keyof MetaValues;
export type MetaValue = MetaValues[MetaKey];
