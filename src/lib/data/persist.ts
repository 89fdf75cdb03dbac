export interface StorageStatus {
	supported: boolean;
	persisted: boolean;
	usage: number | undefined;
	quota: number | undefined;
}

/** Whether the browser keeps the data persistently, and how much space it uses and allows. */
export async function storageStatus(): Promise<StorageStatus> {
	const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!s?.persisted) return { supported: false, persisted: false, usage: undefined, quota: undefined };
	const [persisted, estimate] = await Promise.all([s.persisted(), s.estimate ? s.estimate() : Promise.resolve(undefined)]);
	return { supported: true, persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/**
 * Asks the browser not to evict the learner's data, once they have some worth
 * keeping (after a first completed session). Returns whether it is granted.
 */
export async function askToPersist(): Promise<boolean> {
	const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!s?.persist) return false;
	if (await s.persisted()) return true;
	return s.persist();
}
