// The automatic sync triggers, which the layout starts on every page: on
// opening the app and when the device comes back online. Only this much
// loads with every page; the trigger (auto.svelte.ts), and the client and
// engine after it, load once a check finds that sync is set up.
import { appDb } from '$lib/data/client';
import type { SyncReason } from './auto.svelte';

async function setUp(): Promise<boolean> {
	const db = await appDb();
	return (await db.getKey('meta', 'sync')) !== undefined;
}

function syncIfSetUp(reason: SyncReason): void {
	void setUp()
		.then(async (yes) => {
			if (yes) await (await import('./auto.svelte')).syncIfSetUp(reason);
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
