import type { RecallDatabase } from '$lib/db/open';

/** Deletes everything the learner owns, in one transaction (this device keeps its id). */
export async function resetAll(db: RecallDatabase): Promise<void> {
	// The running totals of the log go with it, and sync's settings and queue: sync is off afterwards.
	const stores = ['settings', 'cards', 'reviews', 'practice', 'marks', 'buckets', 'cardTotals', 'reports', 'outbox'] as const;
	const tx = db.transaction([...stores, 'meta'], 'readwrite');
	const meta = tx.objectStore('meta');
	const keys = (await meta.getAllKeys()).filter((k) => k !== 'device');
	await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), ...keys.map((k) => meta.delete(k)), tx.done]);
}
