import { timeLeft } from '$lib/data/backup/progress';
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
