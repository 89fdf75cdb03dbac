import type { FSRS } from 'ts-fsrs';
import type { AppSettings } from '$lib/db/settings';
import type { Findings } from './findings';
import type { SyncProgress } from './progress';

export interface SyncOptions {
	schedulerFor: (s: AppSettings) => FSRS;
	/** Whether a card is in this version's decks: answers for others are kept, and make no card state. Absent: every card is. */
	known?: (card_id: string) => boolean;
	/** Cancel: the sync stops after the batch under way. What was merged or sent stays, and the next sync carries on from there. */
	signal?: AbortSignal;
	fetch?: typeof fetch;
	timeoutMs?: number;
	now?: () => number;
	onProgress?: (p: SyncProgress) => void;
	/** Changes read per request (pull.ts's CHANGES_PAGE unless given: tests take smaller pages). */
	changesPage?: number;
}

/** What a sync has done so far, kept up by its parts as they go: what a failed or cancelled sync did is known too. */
export interface Tally {
	sent: number;
	/** What changed here: new answers, removals, and marks, notes and settings newer than ours (our own copies coming back do not count). */
	received: number;
	/** Documents on the server that failed the checks. */
	skipped: { id: string; why: string }[];
	/** Cards whose answers the pull added or removed. */
	cards: string[];
	settingsTaken: boolean;
	findings?: Findings;
}

export const newTally = (): Tally => ({ sent: 0, received: 0, skipped: [], cards: [], settingsTaken: false });
