// What a session does with today's queue (queue.ts): which card comes next,
// and which may follow. Apart from the queue itself, which the home page
// builds to count, so that its first load carries none of this.
import type { Queue } from './queue';

/** How a session keeps new cards spread out while its queue is rebuilt after every answer. */
export interface Mix {
	/** Share of new cards among today's reviews and new cards, fixed when the session starts. */
	newShare: number;
	/** Reviews and new cards shown so far in the session (learning steps not counted). */
	shown: number;
	newShown: number;
}

export function startMix(q: Queue): Mix {
	const total = q.review.length + q.fresh.length;
	return { newShare: total === 0 ? 0 : q.fresh.length / total, shown: 0, newShown: 0 };
}

/**
 * The next card to show: a learning card due now, else a review or a new
 * card as the mix asks, else a learning card within the learn-ahead limit.
 */
export function pickNext(q: Queue, mix: Mix): { id: string; kind: 'learning' | 'review' | 'new' } | undefined {
	const learning = q.learning[0];
	if (learning !== undefined) return { id: learning, kind: 'learning' };
	const review = q.review[0];
	const fresh = q.fresh[0];
	const wantNew = mix.newShown < Math.floor((mix.shown + 1) * mix.newShare);
	if (fresh !== undefined && (wantNew || review === undefined)) return { id: fresh, kind: 'new' };
	if (review !== undefined) return { id: review, kind: 'review' };
	const ahead = q.ahead[0];
	if (ahead !== undefined) return { id: ahead, kind: 'learning' };
	return undefined;
}

/**
 * The cards that may come after the one on screen, whatever its answer and
 * the mix decide: the first few of each list pickNext takes from. A session
 * loads their decks ahead, while the learner reads the current card.
 */
export function upcoming(q: Queue, n = 2): string[] {
	return [...q.learning.slice(0, n), ...q.review.slice(0, n), ...q.fresh.slice(0, n), ...q.ahead.slice(0, 1)];
}

/** "Learn N more from this section": as many as a day's limit (at least 10), at most what the section has left. */
export function learnMoreCount(unstudied: number, newPerDay: number): number {
	return Math.min(unstudied, Math.max(newPerDay, 10));
}
