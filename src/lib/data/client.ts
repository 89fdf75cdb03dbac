import { describeWriteFailure, errorName } from './failure';
import { openRecallDB, type RecallDatabase } from '$lib/db/open';
import { connection } from './status.svelte';
import { changes } from './changes.svelte';
import { readMeta } from '$lib/db/meta';

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
	})
		.then((opened) => {
			void finishCutShort(opened);
			return opened;
		})
		.catch((e: unknown) => {
			db = undefined;
			throw e;
		});
	return db;
}

/**
 * An import or sync cut short (a crash, a closed tab) left answers that the
 * running totals and card states lack: the first page opened afterwards
 * finishes it, unless one is still running in another tab or worker.
 */
async function finishCutShort(opened: RecallDatabase): Promise<void> {
	try {
		if (!(await readMeta(opened, 'bulk-pending'))) return;
		const { repairCutShort } = await import('./bulk-repair');
		if (await repairCutShort(opened, Date.now())) changes.publish('data');
	} catch (e) {
		// The next page opened tries again; the answers themselves are safe in the log.
		console.error('Could not finish an import or sync that was cut short', e);
	}
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
