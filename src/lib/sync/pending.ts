import type { RecallDatabase } from '$lib/db/open';
import { getMeta } from '$lib/db/meta';

/**
 * What is waiting to be sent: the outbox, plus, while the first upload
 * runs, the records it has not reached yet (counted from where it is).
 */
export async function pendingChanges(db: RecallDatabase): Promise<number> {
	const tx = db.transaction(['outbox', 'meta', 'settings', 'marks', 'reports', 'practice', 'reviews']);
	const scan = await getMeta(tx.objectStore('meta'), 'sync-scan');
	let n = await tx.objectStore('outbox').count();
	if (!scan || scan.done) return n;
	const after = scan.after;
	if (scan.step <= 0) n += await tx.objectStore('settings').count();
	if (scan.step <= 1) n += await tx.objectStore('marks').count(scan.step === 1 && typeof after === 'string' ? IDBKeyRange.lowerBound(after, true) : undefined);
	if (scan.step <= 2)
		n += await tx.objectStore('reports').count(scan.step === 2 && typeof after === 'string' ? IDBKeyRange.lowerBound(after, true) : undefined);
	const until = scan.until ?? Number.MAX_SAFE_INTEGER;
	const from = (step: number) =>
		IDBKeyRange.bound(scan.step === step && typeof after === 'object' ? after.time : -Infinity, until, scan.step === step && typeof after === 'object', false);
	if (scan.step <= 3) n += await tx.objectStore('practice').index('by-time').count(from(3));
	n += await tx.objectStore('reviews').index('by-time').count(from(4));
	return n;
}
