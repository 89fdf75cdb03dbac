import { num } from '$lib/number';

/**
 * How far a sync is, for the Sync section: what it is doing, how many of
 * how many it has done, and since when (for the time left).
 *
 *   push       sending this device's changes: the total is what was waiting when it began
 *   pull       reading the server's changes: the total is what the server says is left
 *              (CouchDB's `pending`), else an estimate from its document count
 *   schedule   bringing the cards the pull touched up to date, once each
 */
export interface SyncProgress {
	phase: 'push' | 'pull' | 'schedule';
	done: number;
	/** Undefined while not known. */
	total?: number;
	/** When this phase began, epoch ms. */
	startedAt: number;
}

/** Before this, the rate is mostly the phase's start-up (signing in, the first page): no estimate. */
const SETTLING_MS = 2000;

/**
 * The time left at the rate so far, as text ("about 2 min left"), or
 * undefined while there is no meaningful rate: nothing done yet, the total
 * not known, too soon after the start, or everything counted already.
 * Rounded coarsely, since the rate wanders.
 *
 * A copy of the backup's timeLeft (data/backup/progress.ts, on the issue-23
 * branch and not yet on this one), so both say time left the same way: when
 * the branches meet, this one goes and sync imports that one.
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

const WHAT: Record<SyncProgress['phase'], { doing: string; unit: string; verb: string }> = {
	push: { doing: 'Sending', unit: 'changes', verb: 'sent' },
	pull: { doing: 'Receiving', unit: 'changes', verb: 'read' },
	schedule: { doing: 'Rescheduling the cards that changed', unit: 'cards', verb: 'done' }
};

/** The progress in words: "Receiving: 12,000 of 100,000 changes read, 88,000 left, about 40 s left". */
export function describeProgress(p: SyncProgress, now: number): string {
	const { doing, unit, verb } = WHAT[p.phase];
	if (p.total === undefined) return `${doing}: ${num(p.done)} ${unit} ${verb}`;
	const total = Math.max(p.total, p.done);
	const left = timeLeft(p.done, total, p.startedAt, now);
	return `${doing}: ${num(p.done)} of ${num(total)} ${unit} ${verb}, ${num(total - p.done)} left${left ? `, ${left}` : ''}`;
}
