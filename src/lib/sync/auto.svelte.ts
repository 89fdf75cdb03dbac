/**
 * When sync runs: on opening the app, after each session, when the device
 * comes back online, and on "Sync now". The layout's triggers (watch.ts)
 * load this module once sync is set up; the client and the engine load with
 * the first sync.
 */
import type { SyncOutcome } from './engine';

export type SyncReason = 'open' | 'session' | 'online' | 'button';

class SyncRuntime {
	running = $state(false);
	last = $state.raw<SyncOutcome | undefined>();
}

export const syncRuntime = new SyncRuntime();

let current: Promise<SyncOutcome | undefined> | undefined;

/** Syncs if sync is set up (and, unless asked for by the learner, if the device is online). */
export function syncIfSetUp(reason: SyncReason): Promise<SyncOutcome | undefined> {
	if (reason !== 'button' && typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve(undefined);
	// One at a time in this tab too: a request while one runs gets that one's outcome.
	current ??= run().finally(() => (current = undefined));
	return current;
}

async function run(): Promise<SyncOutcome | undefined> {
	const { appDb } = await import('$lib/data/client');
	const db = await appDb();
	if ((await db.getKey('meta', 'sync')) === undefined) return undefined;
	const [{ syncNow }, { scheduler }] = await Promise.all([import('./engine'), import('$lib/srs/scheduler')]);
	syncRuntime.running = true;
	try {
		const outcome = await syncNow(db, { schedulerFor: scheduler });
		syncRuntime.last = outcome;
		if (outcome.ok && outcome.received > 0) {
			// What another device changed reaches every view of this tab and the other tabs: a session showing
			// one of these cards moves on, the figures are read again, the settings form shows new settings.
			const { changes } = await import('$lib/data/changes.svelte');
			const cards = [...new Set(outcome.merged.flatMap((m) => m.cardsReplayed))];
			if (cards.length > 50) changes.publish('data', undefined, 'sync');
			else {
				changes.publish('reviewed', cards, 'sync');
				if (outcome.merged.some((m) => m.settingsTaken)) changes.publish('settings', undefined, 'sync');
			}
		}
		return outcome;
	} finally {
		syncRuntime.running = false;
	}
}
