import { isNewer, type Stamp } from '$lib/db/device';
import { getMeta, putMeta, readMeta } from '$lib/db/meta';
import type { RecallDatabase } from '$lib/db/open';
import { SyncCancelled, SyncError, type CouchClient, type CouchConfig, type CouchDoc } from './couch';
import { isImmutable, toDoc } from './docs';
import type { SyncOptions, Tally } from './options';
import { outgoing, PUSH_BATCH, scanPage, type Outgoing } from './outgoing';
import { sameTarget, type ScanPosition } from './state';

/**
 * The push: what this device has that the server lacks. First the upload of
 * what was here before sync was set up (the scan, resumable from the
 * position in meta), then the outbox. Both report to `progress` (what was
 * waiting when the sync began is its total), and stop between batches when
 * the sync is cancelled: a batch under way is finished, so its outcome is
 * known here.
 */
export interface PushProgress {
	done: number;
	total: number;
	startedAt: number;
}

function report(options: SyncOptions, progress: PushProgress, sent: number): void {
	progress.done += sent;
	options.onProgress?.({ phase: 'push', done: progress.done, total: Math.max(progress.total, progress.done), startedAt: progress.startedAt });
	if (options.signal?.aborted) throw new SyncCancelled();
}

/** Uploads on the wire at once: the server takes one while the next is on its way. */
const IN_FLIGHT = 2;

/**
 * The first upload: what was here before sync was set up (or before an
 * import), a page at a time, resumable. The next page is read while one is
 * sent, and two are sent at once, so the server is never idle waiting for
 * the app; the position moves on in order, as each upload (and those
 * before it) is confirmed.
 */
export async function pushScan(db: RecallDatabase, client: CouchClient, options: SyncOptions, tally: Tally, progress: PushProgress): Promise<void> {
	for (;;) {
		const scan = (await readMeta(db, 'sync-scan')) ?? { step: 0, done: true };
		if (scan.done) return;
		const flying: { sending: Promise<Set<string>>; from: ScanPosition; to: ScanPosition }[] = [];
		/** Confirms the oldest upload: counted, and the position moved past it. Whether it moved (see advanceScan). */
		const settle = async (): Promise<boolean> => {
			const oldest = flying.shift();
			if (!oldest) return true;
			const sent = (await oldest.sending).size;
			tally.sent += sent;
			const moved = await advanceScan(db, oldest.from, oldest.to);
			report(options, progress, sent);
			return moved;
		};
		let from: ScanPosition = scan;
		type Page = { items: Outgoing[]; next: ScanPosition };
		let page: Promise<Page> | undefined = scanPage(db, from);
		let moved = true;
		while (page && moved) {
			const { items, next }: Page = await page;
			const sending = send(client, items);
			sending.catch(() => undefined); // awaited when its turn comes, unless an earlier one fails
			flying.push({ sending, from, to: next });
			page = next.done ? undefined : scanPage(db, next);
			page?.catch(() => undefined);
			from = next;
			if (flying.length === IN_FLIGHT || !page) moved = await settle();
		}
		// An import meanwhile starts the scan over (rescanForSync): then it goes on from there, not from here.
		while (moved && flying.length > 0) moved = await settle();
	}
}

/** Moves the scan's position from `from` to `to`, unless something else moved it meanwhile. Whether it moved it. */
async function advanceScan(db: RecallDatabase, from: ScanPosition, to: ScanPosition): Promise<boolean> {
	// Relaxed: a position lost in a crash only sends a page again, which the server already has.
	const tx = db.transaction('meta', 'readwrite', { durability: 'relaxed' });
	const now = await getMeta(tx.store, 'sync-scan');
	const same = JSON.stringify(now) === JSON.stringify(from);
	if (same) await putMeta(tx.store, 'sync-scan', to);
	await tx.done;
	return same;
}

/** Sends what changed here since sync was set up. */
export async function pushOutbox(
	db: RecallDatabase,
	client: CouchClient,
	config: CouchConfig,
	options: SyncOptions,
	tally: Tally,
	progress: PushProgress
): Promise<void> {
	for (;;) {
		const entries = await db.getAll('outbox', undefined, PUSH_BATCH);
		if (entries.length === 0) break;
		const items = await outgoing(db, entries);
		const done = await send(client, items);
		// Removed only if unchanged since it was read: a change made meanwhile stays queued. (Relaxed: an entry
		// back after a crash is sent again, and the server has it.)
		const tx = db.transaction(['outbox', 'meta'], 'readwrite', { durability: 'relaxed' });
		const outbox = tx.objectStore('outbox');
		const on = await getMeta(tx.objectStore('meta'), 'sync');
		if (sameTarget(on, config)) {
			const current = await Promise.all(entries.map((e) => outbox.get(e.key)));
			await Promise.all(entries.filter((e, i) => done.has(e.key) && current[i]?.at === e.at && current[i]?.op === e.op).map((e) => outbox.delete(e.key)));
		}
		await tx.done;
		tally.sent += done.size;
		if (done.size < entries.length)
			throw new SyncError(
				`The server did not take ${entries.length - done.size} of this device's changes; they stay queued and will be sent at the next sync.`,
				409
			);
		report(options, progress, done.size);
	}
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
