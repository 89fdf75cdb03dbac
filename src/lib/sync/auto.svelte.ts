/**
 * When sync runs: on opening the app, after each session, when the device
 * comes back online, and on "Sync now". This module is small and loaded
 * everywhere; the client and the engine load only once sync is set up.
 */
import type { SyncOutcome } from './engine';

export type SyncReason = 'open' | 'session' | 'online' | 'button';

/** Dispatched on `window` after a sync merged answers from elsewhere; `detail` is the ids of the cards they changed. */
export const SYNCED_EVENT = 'recall:synced';

class SyncRuntime {
	running = $state(false);
	last = $state.raw<SyncOutcome | undefined>();
	/** Goes up each time a sync brought changes, so open pages can read their figures again. */
	changes = $state(0);
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
			syncRuntime.changes++;
			// Settings another device saved: every view of this tab, the settings form included, and the other tabs.
			if (outcome.merged.some((m) => m.settingsTaken)) {
				const [{ settings }, { announce }] = await Promise.all([import('$lib/data/settings.svelte'), import('$lib/data/changes')]);
				await settings.refresh().catch(() => undefined);
				announce({ type: 'settings' });
			}
			// Cards answered on another device: a session showing one moves on, here and in other tabs.
			const cards = [...new Set(outcome.merged.flatMap((m) => m.cardsReplayed))];
			window.dispatchEvent(new CustomEvent<string[]>(SYNCED_EVENT, { detail: cards }));
			const { announce } = await import('$lib/data/changes');
			if (cards.length <= 50) for (const card_id of cards) announce({ type: 'reviewed', card_id });
			else announce({ type: 'settings' });
		}
		return outcome;
	} finally {
		syncRuntime.running = false;
	}
}

/** Starts the automatic triggers (the layout calls this once); returns the way to stop them. */
export function watchSync(): () => void {
	const online = () => void syncIfSetUp('online').catch(() => undefined);
	window.addEventListener('online', online);
	void syncIfSetUp('open').catch(() => undefined);
	return () => window.removeEventListener('online', online);
}
