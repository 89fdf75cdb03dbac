// Whether home offers a backup (persist.ts says why): apart from the rest of
// persist.ts, because home asks on every visit, and this much loads with it.
import { readMeta } from '$lib/db/meta';
import { appDb } from './client';

const DAY = 86_400_000;
/** A backup or a sync older than this no longer counts as recent. */
const STALE_AFTER_DAYS = 7;

/** The browser's storage manager, where there is one. */
export const storageManager = (): StorageManager | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

/**
 * Whether home offers a backup now: the data is not stored persistently, the
 * learner has answers older than a week, no backup or sync came in the last
 * week, and the offer was not put away since the last backup or sync.
 */
export async function shouldOfferBackup(now = Date.now()): Promise<boolean> {
	const s = storageManager();
	if (await s?.persisted?.()) return false;
	const db = await appDb();
	const [lastBackup, sync, dismissed, first] = await Promise.all([
		readMeta(db, 'last-backup'),
		readMeta(db, 'sync-status'),
		readMeta(db, 'backup-offer-dismissed'),
		db.transaction('reviews').store.index('by-time').openCursor()
	]);
	if (!first) return false;
	const safeSince = Math.max(lastBackup ?? 0, sync?.lastSync ?? 0, first.value.review);
	if (now - safeSince < STALE_AFTER_DAYS * DAY) return false;
	return (dismissed ?? 0) < safeSince;
}
