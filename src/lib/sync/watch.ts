// The automatic sync triggers, which the layout starts on every page: on
// opening the app and when the device comes back online. Only this much
// loads with every page; the trigger (auto.svelte.ts) and the header's
// indicator (mounted into the layout's empty slot) load once a check finds
// that sync is set up, and the client and engine with the first sync.
import { appDb } from '$lib/data/client';
import type { SyncReason } from './auto.svelte';

function syncIfSetUp(reason: SyncReason): void {
	void appDb()
		.then(async (db) => {
			if ((await db.getKey('meta', 'sync')) === undefined) return;
			const loaded = await import('./when-set-up');
			loaded.showIndicator(true);
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
