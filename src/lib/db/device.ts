import { newId } from './ids';
import type { RecallDatabase } from './open';

/**
 * When and where a piece of the learner's own data (settings, a card's
 * marks) was last changed. Merges (import, restore, sync) keep the newer
 * one: last writer wins, by time, with the device id as the tie-break.
 */
export interface Stamp {
	updated?: number;
	device?: string;
}

const ids = new WeakMap<RecallDatabase, Promise<string>>();

/** This device's id, made once and kept in the database. */
export function deviceId(db: RecallDatabase): Promise<string> {
	let id = ids.get(db);
	if (!id) {
		id = (async () => {
			const tx = db.transaction('meta', 'readwrite');
			const stored = (await tx.store.get('device')) as string | undefined;
			const value = stored ?? newId();
			if (!stored) await tx.store.put(value, 'device');
			await tx.done;
			return value;
		})();
		ids.set(db, id);
	}
	return id;
}

/** Whether `a` was written after `b` (a record without a stamp is the oldest). */
export function isNewer(a: Stamp | undefined, b: Stamp | undefined): boolean {
	const ta = a?.updated ?? 0;
	const tb = b?.updated ?? 0;
	if (ta !== tb) return ta > tb;
	return (a?.device ?? '') > (b?.device ?? '');
}
