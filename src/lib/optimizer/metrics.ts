// How well a set of FSRS parameters predicts a learner's own answers: the
// recency-weighted log loss and RMSE over bins that fsrs-rs's `evaluate`
// reports, computed here with ts-fsrs (fsrs-browser, the optimizer the app
// trains with, has no evaluation of its own). Agrees with fsrs-rs's native
// evaluation to about 0.001 log loss on a 10,000-answer history
// (/work/optimizer-lab in the session that wrote it). Long-term answers only
// (each item's last gap at least a day), as ts-fsrs without short-term steps.
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { OptimizerItem } from './items';

export interface Fit {
	/** Weighted binary cross-entropy of "recalled" (any rating but Again) against the predicted recall: lower is better. */
	logLoss: number;
	/** Root mean square error between predicted and actual recall over bins of similar answers: lower is better. */
	rmse: number;
	/** The items scored. */
	count: number;
}

/** fsrs-rs's bin of an item: its last gap, its number of long-term answers and its lapses, each on a log scale. */
function binOf(reviews: OptimizerItem['reviews']): string {
	const last = reviews[reviews.length - 1]!;
	const history = reviews.slice(0, -1);
	const dt = Math.round(2.48 * 3.62 ** Math.floor(Math.log(last.delta_t) / Math.log(3.62)) * 100);
	const longTerm = reviews.filter((r) => r.delta_t > 0).length;
	const len = Math.round(1.99 * 1.89 ** Math.floor(Math.log(longTerm + 1) / Math.log(1.89)));
	const lapses = history.filter((r) => r.rating === 1 && r.delta_t > 0).length;
	const lapse = lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
	return `${dt},${len},${lapse}`;
}

/** Scores parameters `w` (21 numbers, FSRS-6) on items, oldest first; undefined with no long-term item. */
export function evaluate(w: readonly number[], items: readonly OptimizerItem[]): Fit | undefined {
	const scored = items.filter((it) => it.reviews[it.reviews.length - 1]!.delta_t > 0);
	if (scored.length === 0) return undefined;
	const alg = new FSRSAlgorithm(generatorParameters({ w: [...w], enable_short_term: false }));
	const last = Math.max(scored.length - 1, 1);
	let loss = 0;
	let weights = 0;
	const bins = new Map<string, { p: number; y: number; n: number; w: number }>();
	scored.forEach((it, i) => {
		let state: FSRSState | null = null;
		for (const r of it.reviews.slice(0, -1)) state = alg.next_state(state, r.delta_t, r.rating);
		const final = it.reviews[it.reviews.length - 1]!;
		const p = Math.min(Math.max(forgetting_curve(alg.parameters.w, final.delta_t, state!.stability), 1e-4), 1 - 1e-4);
		const y = final.rating > 1 ? 1 : 0;
		// Recent answers weigh more, as in fsrs-rs.
		const weight = 0.25 + 0.75 * (i / last) ** 3;
		loss += -(y * Math.log(p) + (1 - y) * Math.log(1 - p)) * weight;
		weights += weight;
		const key = binOf(it.reviews);
		const b = bins.get(key) ?? { p: 0, y: 0, n: 0, w: 0 };
		b.p += p;
		b.y += y;
		b.n += 1;
		b.w += weight;
		bins.set(key, b);
	});
	let se = 0;
	let bw = 0;
	for (const b of bins.values()) {
		se += (b.p / b.n - b.y / b.n) ** 2 * b.w;
		bw += b.w;
	}
	return { logLoss: loss / weights, rmse: Math.sqrt(se / bw), count: scored.length };
}
