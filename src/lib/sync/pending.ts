import type { RecallDatabase } from '$lib/db/open';
import { getMeta, readMeta } from '$lib/db/meta';
import { KINDS, SCAN_ORDER } from '$lib/data/kinds';

/**
 * What is waiting to be sent: the outbox, plus, while the first upload
 * runs, the records it has not reached yet (counted from where it is, in
 * the table's scan order, each kind as the scan reads it).
 */
export async function pendingChanges(db: RecallDatabase): Promise<number> {
	// Once the first upload is done, the outbox alone: no read over the answers' stores, which an answer's save would wait behind.
	const first = await readMeta(db, 'sync-scan');
	if (!first || first.done) return db.count('outbox');
	const tx = db.transaction(['outbox', 'meta', ...SCAN_ORDER.map((k) => KINDS[k].store)]);
	const scan = await getMeta(tx.objectStore('meta'), 'sync-scan');
	let n = await tx.objectStore('outbox').count();
	if (!scan || scan.done) return n;
	const after = scan.after;
	const until = scan.until ?? Number.MAX_SAFE_INTEGER;
	for (const [step, kind] of SCAN_ORDER.entries()) {
		if (step < scan.step) continue;
		const here = step === scan.step;
		const { store, scan: read } = KINDS[kind];
		if (read.by === 'one') n += await tx.objectStore(store).count();
		else if (read.by === 'key') n += await tx.objectStore(store).count(here && typeof after === 'string' ? IDBKeyRange.lowerBound(after, true) : undefined);
		else {
			const from = here && typeof after === 'object' ? after.time : -Infinity;
			// The kinds read by time are the answers, with a by-time index.
			const index = tx.objectStore(store as 'reviews' | 'practice').index('by-time');
			n += await index.count(IDBKeyRange.bound(from, until, here && typeof after === 'object', false));
		}
	}
	return n;
}
