import { recompute } from '$lib/db/aggregates';
import { dayTotals } from '$lib/data/totals';
import { Rating, State } from '$lib/srs/constants';
import type { ReviewRecord } from '$lib/srs/types';

export const local = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

let n = 0;
/** One answer as the review log holds it; `state` is the card's state before it, `interval` its scheduled days then. */
export function answer(review: number, rating: keyof typeof Rating, state: keyof typeof State = 'Review', interval = 5, duration = 10_000): ReviewRecord {
	return {
		id: `r${n++}`,
		card_id: `c${n}`,
		rating: Rating[rating],
		review,
		duration,
		state: State[state],
		due: review,
		stability: interval,
		difficulty: 5,
		elapsed_days: interval,
		last_elapsed_days: 0,
		scheduled_days: interval,
		learning_steps: 0
	};
}

/** The per-day totals the page reads, built from answers through the real aggregates. */
export const daysOf = (logs: ReviewRecord[], dayStartHour: number) =>
	dayTotals(
		[...recompute(logs).buckets.values()].sort((a, b) => a.t - b.t),
		dayStartHour
	);
