import { num } from '$lib/number';
import { failingSince, type SyncStatus } from './state';

/**
 * The header's sync indicator, in one word and in a sentence:
 *
 *   syncing    a sync is under way
 *   failing    the syncs since the last one that went through failed (since when: the first of them)
 *   waiting    changes here not sent yet, or no sync has gone through yet
 *   synced     everything here is on the server, as of the last sync
 */
export interface SyncLight {
	state: 'syncing' | 'failing' | 'waiting' | 'synced';
	/** What the header shows (a phone has room for little). */
	short: string;
	/** The link's accessible name and tooltip: the state in full. */
	label: string;
}

/** "14:05" today, "3 Mar 2026, 14:05" another day. */
function at(t: number, now: number): string {
	const d = new Date(t);
	return d.toDateString() === new Date(now).toDateString()
		? d.toLocaleTimeString(undefined, { timeStyle: 'short' })
		: d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What the indicator shows for this status, this many changes waiting, now. */
export function syncLight(s: { status: SyncStatus; pending: number; running: boolean; online: boolean }, now: number): SyncLight {
	if (s.running) return { state: 'syncing', short: 'Syncing…', label: 'Syncing…' };
	const since = failingSince(s.status);
	if (since !== undefined) return { state: 'failing', short: 'Sync failing', label: `Sync failing since ${at(since, now)}` };
	const offline = s.online ? '' : 'offline, ';
	if (s.pending > 0)
		return {
			state: 'waiting',
			short: 'Sync waiting',
			label: `Sync waiting: ${offline}${num(s.pending)} ${s.pending === 1 ? 'change' : 'changes'} not sent yet`
		};
	if (s.status.lastSync === undefined) return { state: 'waiting', short: 'Sync waiting', label: `Sync waiting: ${offline}not synced yet` };
	return { state: 'synced', short: 'Synced', label: `Synced at ${at(s.status.lastSync, now)}` };
}
