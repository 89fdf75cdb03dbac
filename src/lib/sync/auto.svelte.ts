/**
 * When sync runs: on opening the app, after each session, when the device
 * comes back online, and on "Sync now". The layout's triggers (watch.ts)
 * load this module once sync is set up; the client and the engine load with
 * the first sync.
 */
import type { SyncOutcome } from './engine';
import type { SyncProgress } from './progress';

export type SyncReason = 'open' | 'session' | 'online' | 'button';

class SyncRuntime {
	running = $state(false);
	last = $state.raw<SyncOutcome | undefined>();
	/** How far the running sync is (undefined: none running, or it has not reported yet). */
	progress = $state.raw<SyncProgress | undefined>();
	/** Set while the running sync has not been asked to stop. */
	private stop = $state.raw<AbortController | undefined>();

	get cancellable(): boolean {
		return this.stop !== undefined;
	}

	/** Stops the running sync after the batch under way (what it merged or sent stays; the next sync carries on). */
	cancel(): void {
		this.stop?.abort();
		this.stop = undefined;
	}

	begin(): AbortSignal {
		this.running = true;
		this.progress = undefined;
		this.stop = new AbortController();
		return this.stop.signal;
	}

	end(): void {
		this.running = false;
		this.progress = undefined;
		this.stop = undefined;
	}
}

export const syncRuntime = new SyncRuntime();

let current: Promise<SyncOutcome | undefined> | undefined;
/** "Sync now" pressed while a sync runs: the one that starts when it ends. */
let next: Promise<SyncOutcome | undefined> | undefined;

/** Syncs if sync is set up (and, unless asked for by the learner, if the device is online). */
export function syncIfSetUp(reason: SyncReason): Promise<SyncOutcome | undefined> {
	if (reason !== 'button' && typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve(undefined);
	// The learner asks for what the server has now: a sync that began before the press (on opening the page,
	// say) may have missed it, so theirs runs after it. Presses meanwhile share that one.
	if (reason === 'button' && current) {
		next ??= current
			.catch(() => undefined)
			.then(async (before) => {
				next = undefined;
				return both(before, await syncIfSetUp('button'));
			});
		return next;
	}
	// One at a time in this tab: an automatic request while one runs gets that one's outcome.
	current ??= run().finally(() => (current = undefined));
	return current;
}

/** What the learner waited for: the sync under way when they pressed and theirs, counted together when both went through. */
function both(before: SyncOutcome | undefined, after: SyncOutcome | undefined): SyncOutcome | undefined {
	if (!before?.ok || before.cancelled || !after?.ok) return after;
	return {
		...after,
		sent: before.sent + after.sent,
		received: before.received + after.received,
		cards: [...new Set([...before.cards, ...after.cards])],
		settingsTaken: before.settingsTaken || after.settingsTaken,
		skipped: [...before.skipped, ...after.skipped]
	};
}

async function run(): Promise<SyncOutcome | undefined> {
	const { appDb } = await import('$lib/data/client');
	const db = await appDb();
	if ((await db.getKey('meta', 'sync')) === undefined) return undefined;
	const [{ syncNow }, { scheduler }, { loadIndex }] = await Promise.all([import('./engine'), import('$lib/srs/scheduler'), import('$lib/decks/client')]);
	const signal = syncRuntime.begin();
	try {
		// This version's cards: answers for others (a newer version's decks) are kept, and make no card state.
		let known: Set<string>;
		try {
			known = new Set((await loadIndex()).decks.flatMap((d) => d.cardIds));
		} catch (e) {
			const error = `Not synced: this version's list of cards did not load (${e instanceof Error ? e.message : String(e)}); sync will try again later.`;
			return (syncRuntime.last = { ok: false, error, received: 0, cards: [], settingsTaken: false });
		}
		const outcome = await syncNow(db, {
			schedulerFor: scheduler,
			known: (id) => known.has(id),
			signal,
			onProgress: (p) => (syncRuntime.progress = p)
		});
		syncRuntime.last = outcome;
		if ('received' in outcome && outcome.received > 0) {
			// What another device changed reaches every view of this tab and the other tabs (a sync that failed or
			// was cancelled part-way too): a session showing one of these cards moves on, the figures are read
			// again, the settings form shows new settings.
			const { changes } = await import('$lib/data/changes.svelte');
			if (outcome.cards.length > 50) changes.publish('data', undefined, 'sync');
			else {
				changes.publish('reviewed', outcome.cards, 'sync');
				if (outcome.settingsTaken) changes.publish('settings', undefined, 'sync');
			}
		}
		return outcome;
	} finally {
		syncRuntime.end();
	}
}
