// The automatic sync triggers, which the layout starts on every page: on
// opening the app and when the device comes back online. Only this much
// loads with every page; the trigger (auto.svelte.ts) and the header's
// indicator load once a check finds that sync is set up, and the client and
// engine with the first sync.
import type { Component } from 'svelte';
import { appDb } from '$lib/data/client';
import type { SyncReason } from './auto.svelte';

/** The header's sync indicator, there while sync is set up (Settings sets and clears it too). */
class SyncSetUp {
	indicator = $state.raw<Component>();
}

export const syncSetUp = new SyncSetUp();

function syncIfSetUp(reason: SyncReason): void {
	void appDb()
		.then(async (db) => {
			if ((await db.getKey('meta', 'sync')) === undefined) return;
			const loaded = await import('./when-set-up');
			syncSetUp.indicator = loaded.SyncIndicator;
			await loaded.syncIfSetUp(reason);
		})
		.catch(() => undefined);
}

/** Starts the automatic triggers (the layout calls this once); returns the way to stop them. */
export function watchSync(): () => void {
	const online = () => syncIfSetUp('online');
	window.addEventListener('online', online);
	syncIfSetUp('open');
	return () => window.removeEventListener('online', online);
}
