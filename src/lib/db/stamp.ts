/**
 * When and where a piece of the learner's own data (settings, a card's
 * marks) was last changed. Merges (import, restore, sync) keep the newer
 * one: last writer wins, by time, with the device id as the tie-break.
 */
export interface Stamp {
	updated?: number;
	device?: string;
}

/** Whether `a` was written after `b` (a record without a stamp is the oldest). */
export function isNewer(a: Stamp | undefined, b: Stamp | undefined): boolean {
	const ta = a?.updated ?? 0;
	const tb = b?.updated ?? 0;
	if (ta !== tb) return ta > tb;
	return (a?.device ?? '') > (b?.device ?? '');
}
