// The review log as the FSRS optimizer reads it (fsrs-rs "FSRSItem"s): for
// every answer after a card's first, the card's answers up to and including
// it, each as a rating and the days since the answer before. Pure: the log
// and the learner's day-start hour are passed in.
// Relative, not $lib: the browser tests import this file too, to build the native optimizer's input.
import { Rating } from '../srs/constants';
import { daysBetween } from '../srs/days-between';
import type { ReviewRecord } from '$lib/srs/types';

/** One answer as the optimizer sees it: a rating 1–4 and whole learner days since the card's previous answer (0 for the first). */
export interface OptimizerReview {
	rating: 1 | 2 | 3 | 4;
	delta_t: number;
}

export interface OptimizerItem {
	/** The card's answers up to and including the one this item predicts. */
	reviews: OptimizerReview[];
	/** When that last answer was given, epoch ms: items go oldest first (the optimizer weighs recent ones more). */
	at: number;
}

/**
 * The items of a whole log, oldest first, from the first answer of each
 * learner's day of each card (so every item has a gap of a day or more, as
 * fsrs-rs requires). Answers are taken per card in
 * time order (ties by id, as replay takes them); a forget (rating 0) starts
 * the card afresh, as its replay does, so what came before it is no history
 * of the card after it.
 */
export function optimizerItems(logs: Iterable<ReviewRecord>, dayStartHour: number): OptimizerItem[] {
	const byCard = new Map<string, ReviewRecord[]>();
	for (const l of logs) {
		const list = byCard.get(l.card_id);
		if (list) list.push(l);
		else byCard.set(l.card_id, [l]);
	}
	const items: OptimizerItem[] = [];
	for (const list of byCard.values()) {
		list.sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		let seq: OptimizerReview[] = [];
		let prev: number | undefined;
		for (const l of list) {
			if (l.rating === Rating.Manual) {
				seq = [];
				prev = undefined;
				continue;
			}
			const delta_t = prev === undefined ? 0 : daysBetween(prev, l.review, dayStartHour);
			// Only the first answer of each learner's day: fsrs-browser's training turns to NaN on same-day steps
			// (tried on a simulated history with 1m/10m steps), and the long-term model learns from day gaps.
			if (prev !== undefined && delta_t === 0) continue;
			seq = [...seq, { rating: l.rating, delta_t }];
			prev = l.review;
			if (seq.length >= 2) items.push({ reviews: seq, at: l.review });
		}
	}
	// Stable: items of the same moment keep their card's order.
	return items.sort((a, b) => a.at - b.at);
}

/** fsrs-browser's flat encoding: every item's ratings and day gaps one after another, and each item's length. */
export function flatItems(items: readonly OptimizerItem[]): { ratings: Uint32Array; deltaTs: Uint32Array; lengths: Uint32Array } {
	const total = items.reduce((n, it) => n + it.reviews.length, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let k = 0;
	items.forEach((it, i) => {
		lengths[i] = it.reviews.length;
		for (const r of it.reviews) {
			ratings[k] = r.rating;
			deltaTs[k] = r.delta_t;
			k++;
		}
	});
	return { ratings, deltaTs, lengths };
}
