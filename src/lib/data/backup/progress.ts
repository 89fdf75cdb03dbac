// Words for a long job's progress (an export, an import's phase, a first sync), shared so
// that all say time left the same way.

/** Before this, the rate is mostly the job's start-up (opening the database, the first read): no estimate. */
const SETTLING_MS = 2000;

/**
 * The time left at the rate so far, as text ("about 2 min left"), or
 * undefined while there is no meaningful rate: nothing done yet, the total
 * not known, too soon after the start, or everything counted already (the
 * job is finishing). Rounded coarsely, since the rate wanders.
 */
export function timeLeft(done: number, total: number | undefined, startedAt: number, now: number): string | undefined {
	const elapsed = now - startedAt;
	if (total === undefined || done <= 0 || done >= total || elapsed < SETTLING_MS) return undefined;
	const seconds = ((total - done) * elapsed) / done / 1000;
	if (seconds < 10) return 'a few seconds left';
	if (seconds < 55) return `about ${Math.round(seconds / 10) * 10} s left`;
	if (seconds < 90 * 60) return `about ${Math.max(1, Math.round(seconds / 60))} min left`;
	return `about ${Math.round(seconds / 3600)} h left`;
}
