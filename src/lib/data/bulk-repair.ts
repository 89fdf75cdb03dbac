// Loaded only when a page finds a bulk merge cut short (data/client.ts): it
// brings ts-fsrs and the deck index, which the first paint does not need.
import { scheduler } from '$lib/srs';
import type { RecallDatabase } from '$lib/db/open';
import { withDefaults } from '$lib/db/settings';
import { loadIndex } from '$lib/decks/client';
import { BulkMerge } from './bulk';

/** Finishes an import or sync that a crash or a closed tab cut short: whether there was one to finish. */
export async function repairCutShort(db: RecallDatabase, now: number): Promise<boolean> {
	const settings = withDefaults(await db.get('settings', 'user'));
	const known = new Set((await loadIndex()).decks.flatMap((d) => d.cardIds));
	return BulkMerge.repair(db, scheduler(settings), { now, known: (id) => known.has(id) });
}
