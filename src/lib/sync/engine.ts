import type { RecallDatabase } from '$lib/db/open';
import { getMeta, putMeta } from '$lib/db/meta';
import { CouchClient, SyncCancelled, SyncError, type CouchConfig } from './couch';
import { addFindings, type Findings } from './findings';
import { newTally, type SyncOptions, type Tally } from './options';
import { pendingChanges } from './pending';
import { pull } from './pull';
import { pushOutbox, pushScan, type PushProgress } from './push';
import { failingSince, getSyncConfig, getSyncStatus, sameTarget, type SyncStatus } from './state';

export type { SyncOptions } from './options';
export type { SyncProgress } from './progress';

/** What a sync changed here, whatever its outcome: the views showing these cards (or the settings) read them again. */
interface Changed {
	received: number;
	cards: string[];
	settingsTaken: boolean;
}

export type SyncOutcome =
	| (Changed & {
			ok: true;
			sent: number;
			skipped: { id: string; why: string }[];
			/** Stopped by Cancel: what was sent and received stays, and the next sync carries on from there. */
			cancelled?: boolean;
			findings?: Findings;
	  })
	| (Changed & { ok: false; error: string })
	| { ok: false; busy: true; error: string };

/**
 * One sync with the server: push what was here before sync was set up,
 * pull what other devices sent (pull.ts), then push what changed here
 * meanwhile (push.ts). Only one runs at a time across tabs (Web Locks). A
 * failure anywhere stops the sync with a message, and Cancel stops it after
 * the batch under way; either way everything merged or confirmed before
 * stays, and the next sync resumes from there.
 */
export async function syncNow(db: RecallDatabase, options: SyncOptions): Promise<SyncOutcome> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) return run(db, options);
	return locks.request('roadmap-recall-sync', { ifAvailable: true }, (lock) =>
		lock ? run(db, options) : { ok: false as const, busy: true as const, error: 'A sync is already running in another tab.' }
	);
}

async function run(db: RecallDatabase, options: SyncOptions): Promise<SyncOutcome> {
	const now = options.now ?? Date.now;
	const config = await getSyncConfig(db);
	if (!config) return { ok: false, error: 'Sync is not set up on this device.', received: 0, cards: [], settingsTaken: false };
	const client = new CouchClient(config, { fetch: options.fetch, timeoutMs: options.timeoutMs });
	const status = await getSyncStatus(db);
	const tally = newTally();
	const changed = (t: Tally): Changed => ({ received: t.received, cards: t.cards, settingsTaken: t.settingsTaken });
	// What this sync found and skipped joins what earlier ones did, whatever its outcome.
	const kept = (): Pick<SyncStatus, 'skipped' | 'skippedCount' | 'oddTimes' | 'unknownCards'> => ({
		skipped: [...tally.skipped, ...status.skipped].slice(0, 20),
		skippedCount: status.skippedCount + tally.skipped.length,
		...addFindings(status, tally.findings)
	});
	try {
		await client.login();
		const server = await client.ensureDb(options.signal);
		const push: PushProgress = { done: 0, total: await pendingChanges(db), startedAt: now() };
		// What was here before sync was set up goes first: pulled records are then never sent back.
		await pushScan(db, client, options, tally, push);
		await pull(db, client, options, tally, server);
		await pushOutbox(db, client, config, options, tally, push);
		await saveStatus(db, config, { lastSync: now(), auth: client.authMode, sent: tally.sent, received: tally.received, ...kept() });
		return { ok: true, sent: tally.sent, skipped: tally.skipped, findings: tally.findings, ...changed(tally) };
	} catch (e) {
		if (e instanceof SyncCancelled) {
			await saveStatus(db, config, { ...status, ...kept() }).catch(() => undefined);
			return { ok: true, cancelled: true, sent: tally.sent, skipped: tally.skipped, findings: tally.findings, ...changed(tally) };
		}
		const error = e instanceof SyncError ? e.message : `Sync stopped: ${e instanceof Error ? e.message : String(e)}.`;
		const at = now();
		// The header says since when sync has been failing: the first of these failures, not the latest.
		const lastError = { lastError: error, lastErrorAt: at, failingSince: failingSince(status) ?? at };
		await saveStatus(db, config, { ...status, ...lastError, ...kept() }).catch(() => undefined);
		return { ok: false, error, ...changed(tally) };
	}
}

/** Saves the outcome, unless sync was stopped (or pointed elsewhere) meanwhile. */
async function saveStatus(db: RecallDatabase, config: CouchConfig, status: SyncStatus): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	const current = await getMeta(tx.store, 'sync');
	if (sameTarget(current, config)) await putMeta(tx.store, 'sync-status', status);
	await tx.done;
}
