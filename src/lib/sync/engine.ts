import type { FSRS } from 'ts-fsrs';
import { isNewer, type Stamp } from '$lib/db/device';
import { emptyBatch, mergeBatch, type MergeResult } from '$lib/data/merge';
import { GROW_ONLY, isGrowOnly, KINDS, kindOf, storeKeyOf } from '$lib/data/kinds';
import type { RecallDatabase } from '$lib/db/open';
import type { AppSettings } from '$lib/db/settings';
import { CouchClient, SyncError, type ChangesPage, type CouchConfig, type CouchDoc } from './couch';
import { addToBatch, checkDoc, isImmutable, toDoc } from './docs';
import { outgoing, PUSH_BATCH, scanPage, type Outgoing } from './outgoing';
import { getSyncConfig, getSyncStatus, sameTarget, type SyncStatus } from './state';
import { getMeta, putMeta, readMeta, writeMeta } from '$lib/db/meta';

/** Changes listed per request (ids only), and documents merged per transaction (documents sent per request: outgoing.ts). */
export const CHANGES_PAGE = 2000;
export const PULL_BATCH = 500;

export interface SyncOptions {
	schedulerFor: (s: AppSettings) => FSRS;
	fetch?: typeof fetch;
	timeoutMs?: number;
	now?: () => number;
	onProgress?: (p: SyncProgress) => void;
}

export interface SyncProgress {
	phase: 'pull' | 'push';
	done: number;
}

export type SyncOutcome =
	| { ok: true; sent: number; received: number; skipped: { id: string; why: string }[]; merged: MergeResult[] }
	| { ok: false; error: string }
	| { ok: false; busy: true; error: string };

/**
 * One sync with the server: pull what other devices sent (merged a batch per
 * transaction, with the sequence it reached), then push what this device
 * has that the server lacks. Only one runs at a time across tabs (Web
 * Locks). A failure anywhere stops the sync with a message; everything
 * merged or confirmed before it stays, and the next sync resumes from there.
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
	if (!config) return { ok: false, error: 'Sync is not set up on this device.' };
	const client = new CouchClient(config, { fetch: options.fetch, timeoutMs: options.timeoutMs });
	const status = await getSyncStatus(db);
	const skipped: { id: string; why: string }[] = [];
	const merged: MergeResult[] = [];
	try {
		await client.login();
		await client.ensureDb();
		// What was here before sync was set up goes first: pulled records are then never sent back.
		let sent = await pushScan(db, client, options);
		const received = await pull(db, client, options, skipped, merged);
		sent += await pushOutbox(db, client, config, options, sent);
		const next: SyncStatus = {
			lastSync: now(),
			auth: client.authMode,
			skipped: [...skipped, ...status.skipped].slice(0, 20),
			skippedCount: status.skippedCount + skipped.length,
			sent,
			received
		};
		await saveStatus(db, config, next);
		return { ok: true, sent, received, skipped, merged };
	} catch (e) {
		const error = e instanceof SyncError ? e.message : `Sync stopped: ${e instanceof Error ? e.message : String(e)}.`;
		await saveStatus(db, config, {
			...status,
			lastError: error,
			lastErrorAt: now(),
			skipped: [...skipped, ...status.skipped].slice(0, 20),
			skippedCount: status.skippedCount + skipped.length
		}).catch(() => undefined);
		return { ok: false, error };
	}
}

/** Saves the outcome, unless sync was stopped (or pointed elsewhere) meanwhile. */
async function saveStatus(db: RecallDatabase, config: CouchConfig, status: SyncStatus): Promise<void> {
	const tx = db.transaction('meta', 'readwrite');
	const current = await getMeta(tx.store, 'sync');
	if (sameTarget(current, config)) await putMeta(tx.store, 'sync-status', status);
	await tx.done;
}

/**
 * Reads _changes since the stored sequence, CHANGES_PAGE at a time (ids
 * only: small), and merges them PULL_BATCH at a time, each batch with the
 * sequence it reached in one transaction.
 */
async function pull(
	db: RecallDatabase,
	client: CouchClient,
	options: SyncOptions,
	skipped: { id: string; why: string }[],
	merged: MergeResult[]
): Promise<number> {
	let since = (await readMeta(db, 'sync-since')) ?? 0;
	let received = 0;
	for (;;) {
		const page = await client.changes(since, CHANGES_PAGE);
		for (let i = 0; i < page.results.length || i === 0; i += PULL_BATCH) {
			const slice = page.results.slice(i, i + PULL_BATCH);
			// Any change's seq is a place to resume from; the page's last_seq after its last change.
			const seq = i + PULL_BATCH >= page.results.length ? page.last_seq : (slice.at(-1)?.seq ?? page.last_seq);
			const result = await mergeChanges(db, client, options, slice, seq, skipped);
			merged.push(result);
			// What changed here: new answers, removals, and stamped records newer than ours (our own copies coming back are not counted).
			received += result.reviewsAdded + result.reviewsRemoved + result.practiceAdded + result.marksTaken + result.reportsTaken + (result.settingsTaken ? 1 : 0);
			options.onProgress?.({ phase: 'pull', done: received });
		}
		since = page.last_seq;
		if (page.results.length < CHANGES_PAGE) return received;
	}
}

/** Fetches what a slice of changes needs and merges it with the sequence reached, in one transaction. */
async function mergeChanges(
	db: RecallDatabase,
	client: CouchClient,
	options: SyncOptions,
	changes: ChangesPage['results'],
	seq: string | number,
	skipped: { id: string; why: string }[]
): Promise<MergeResult> {
	const batch = emptyBatch();
	const fetch: string[] = [];
	const immutable: string[] = [];
	for (const change of changes) {
		const kind = kindOf(change.id);
		if (!kind) {
			if (!change.id.startsWith('_design/') && !change.deleted) skipped.push({ id: change.id, why: 'not a kind of document this app writes' });
			continue;
		}
		if (change.deleted) {
			// An answer undone on the device that gave it. Marks, notes and settings are never deleted: they are stamped.
			if (isGrowOnly(kind)) batch.removed[KINDS[kind].store].push(storeKeyOf(kind, change.id));
			continue;
		}
		if (isGrowOnly(kind)) immutable.push(change.id);
		else fetch.push(change.id);
	}
	// An answer already here (this device's own, or pulled before) is never fetched again.
	const present = await presentLocally(db, immutable);
	fetch.push(...immutable.filter((id) => !present.has(id)));
	for (const row of await client.allDocs(fetch, true)) {
		if (!row.doc) continue; // deleted since the change was listed: a later change says so
		const checked = checkDoc(row.doc);
		if (checked.ok) addToBatch(batch, checked);
		else skipped.push({ id: checked.id, why: checked.why });
	}
	return mergeBatch(db, batch, options.schedulerFor, (tx) => [() => putMeta(tx.objectStore('meta'), 'sync-since', seq)]);
}

/** Answers here already, or undone here with the deletion still to be sent (not to be brought back). */
async function presentLocally(db: RecallDatabase, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const tx = db.transaction([...GROW_ONLY.map((k) => KINDS[k].store), 'outbox']);
	const outbox = tx.objectStore('outbox');
	const getKey = (id: string) => {
		const kind = kindOf(id);
		return kind && isGrowOnly(kind) ? tx.objectStore(KINDS[kind].store).getKey(storeKeyOf(kind, id)) : Promise.resolve(undefined);
	};
	const [keys, queued] = await Promise.all([Promise.all(ids.map(getKey)), Promise.all(ids.map((id) => outbox.get(id)))]);
	return new Set(ids.filter((_id, i) => keys[i] !== undefined || queued[i]?.op === 'delete'));
}

/** The first upload: what was here before sync was set up (or before an import), a page at a time, resumable. */
async function pushScan(db: RecallDatabase, client: CouchClient, options: SyncOptions): Promise<number> {
	let sent = 0;
	for (;;) {
		const scan = (await readMeta(db, 'sync-scan')) ?? { step: 0, done: true };
		if (scan.done) break;
		const { items, next } = await scanPage(db, scan);
		sent += (await send(client, items)).size;
		await writeMeta(db, 'sync-scan', next);
		options.onProgress?.({ phase: 'push', done: sent });
	}
	return sent;
}

/** Sends what changed here since sync was set up. Returns how many documents the server now has from us. */
async function pushOutbox(db: RecallDatabase, client: CouchClient, config: CouchConfig, options: SyncOptions, before: number): Promise<number> {
	let sent = 0;
	for (;;) {
		const entries = await db.getAll('outbox', undefined, PUSH_BATCH);
		if (entries.length === 0) break;
		const items = await outgoing(db, entries);
		const done = await send(client, items);
		// Removed only if unchanged since it was read: a change made meanwhile stays queued.
		const tx = db.transaction(['outbox', 'meta'], 'readwrite');
		const outbox = tx.objectStore('outbox');
		const on = await getMeta(tx.objectStore('meta'), 'sync');
		if (sameTarget(on, config)) {
			const current = await Promise.all(entries.map((e) => outbox.get(e.key)));
			await Promise.all(entries.filter((e, i) => done.has(e.key) && current[i]?.at === e.at && current[i]?.op === e.op).map((e) => outbox.delete(e.key)));
		}
		await tx.done;
		sent += done.size;
		options.onProgress?.({ phase: 'push', done: before + sent });
		if (done.size < entries.length)
			throw new SyncError(
				`The server did not take ${entries.length - done.size} of this device's changes; they stay queued and will be sent at the next sync.`,
				409
			);
	}
	return sent;
}

/**
 * Sends documents; returns the ids the server now holds as sent. An answer
 * the server has already counts as sent (its content never changes). A
 * stamped record is sent only if it is newer than the server's copy; a
 * deletion, only if the server has the document.
 */
async function send(client: CouchClient, items: readonly Outgoing[]): Promise<Set<string>> {
	const done = new Set<string>();
	const docs: CouchDoc[] = [];
	const needRev = items.filter((x) => x.data === undefined || !isImmutable(x.id));
	const rows = new Map(
		(
			await client.allDocs(
				needRev.map((x) => x.id),
				true
			)
		).map((r) => [r.key, r])
	);
	for (const item of items) {
		const row = rows.get(item.id);
		const live = row?.value && !row.value.deleted ? row : undefined;
		if (item.data === undefined) {
			if (live?.value) docs.push({ _id: item.id, _rev: live.value.rev, _deleted: true });
			else done.add(item.id);
		} else if (isImmutable(item.id)) {
			docs.push(toDoc(item.id, item.data));
		} else {
			const theirs = (live?.doc as { data?: Stamp } | undefined)?.data;
			const mine = item.data as Stamp;
			if (theirs && !isNewer(mine, theirs))
				done.add(item.id); // the server's is as new or newer: the next pull brings it
			else docs.push({ ...toDoc(item.id, item.data), ...(live?.value ? { _rev: live.value.rev } : {}) });
		}
	}
	for (let i = 0; i < docs.length; i += PUSH_BATCH) {
		for (const result of await client.bulkDocs(docs.slice(i, i + PUSH_BATCH))) {
			const immutable = isImmutable(result.id);
			// A conflict on an answer: the server has it already, with the same content.
			if (result.ok || (immutable && result.error === 'conflict')) done.add(result.id);
		}
	}
	return done;
}
