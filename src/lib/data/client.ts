import { describeWriteFailure, errorName } from './failure';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { connection } from './status.svelte';

let db: Promise<RecallDatabase> | undefined;

/** Forgets a connection that was closed under us, so the next use opens a fresh one. */
export function dropConnection(): void {
	if (!connection.blocked) db = undefined;
}

/** This tab's one connection to the learner's database, opened on first use. */
export function appDb(): Promise<RecallDatabase> {
	db ??= openRecallDB({
		onBlocking: () => {
			connection.blocked = true;
		},
		onTerminated: () => {
			db = undefined;
		}
	}).catch((e: unknown) => {
		db = undefined;
		throw e;
	});
	return db;
}

/**
 * Why a write from this tab failed, in words, to follow "Not saved: ". A
 * closed connection is forgotten, so trying again opens a fresh one.
 */
export function whyNotSaved(e: unknown): string {
	if (connection.blocked) return 'a newer version of the app is open in another tab; reload this tab';
	if (errorName(e) === 'InvalidStateError') dropConnection();
	return describeWriteFailure(e);
}
