/**
 * A server is tried before sync is switched on for it: sign in, and make
 * sure the database is there (created if the user may). A mistyped address
 * or password is then never saved, so it never fails in the background on
 * every page load; the learner is told that nothing was saved.
 */
import { CouchClient, SyncError, type CouchConfig } from './couch';

/** Why this server cannot be synced with, in words (undefined: it can). */
export async function tryServer(config: CouchConfig, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<string | undefined> {
	const client = new CouchClient(config, options);
	try {
		await client.login();
		await client.ensureDb();
		return undefined;
	} catch (e) {
		// What a sync under way would add ("Nothing was changed; sync will try again later") is not true here.
		if (e instanceof SyncError) return e.reason;
		throw e;
	}
}

/** What the Sync section says when the server it was given failed the try: nothing saved, and what stays in use. */
export function notSaved(reason: string, before: CouchConfig | undefined): string {
	return before
		? `${reason} Nothing was saved: sync goes on with the server and account saved before (${new URL(before.server).host}).`
		: `${reason} Nothing was saved: sync is still off on this device.`;
}
