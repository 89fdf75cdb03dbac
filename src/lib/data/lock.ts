/**
 * Runs `work` holding the Web Lock `name`, shared by every tab and worker of
 * this origin; with `ifAvailable`, runs it only if no one holds the lock
 * (and returns undefined otherwise). Where the browser has no Web Locks
 * (unit tests in Node), it simply runs.
 */
export async function withLock<T>(name: string, work: () => Promise<T>, ifAvailable = false): Promise<T | undefined> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) return work();
	return locks.request(name, { ifAvailable }, (lock) => (lock ? work() : undefined));
}
