import { describe, expect, it } from 'vitest';
import { createEmptyCard, default_w, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { evaluate } from './metrics';
import type { OptimizerItem } from './items';

/** A learner simulated with parameters `w`: each card reviewed when due, recalled with FSRS's own probability (a fixed seed). */
function history(w: readonly number[], cards = 200, days = 300): OptimizerItem[] {
	const f = fsrs(generatorParameters({ w: [...w], enable_short_term: false, enable_fuzz: false }));
	let seed = 7;
	const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const start = Date.UTC(2026, 0, 1);
	const items: OptimizerItem[] = [];
	for (let c = 0; c < cards; c++) {
		let card: Card = createEmptyCard(new Date(start));
		let t = start + (c % 30) * 86_400_000;
		let seq: OptimizerItem['reviews'] = [];
		let prev: number | undefined;
		while (t < start + days * 86_400_000) {
			const p = card.reps === 0 ? 0.7 : f.get_retrievability(card, new Date(t), false);
			const rating: Grade = rnd() < p ? (rnd() < 0.8 ? Rating.Good : Rating.Hard) : Rating.Again;
			seq = [...seq, { rating, delta_t: prev === undefined ? 0 : Math.round((t - prev) / 86_400_000) }];
			if (seq.length >= 2) items.push({ reviews: seq, at: t });
			prev = t;
			card = f.next(card, new Date(t), rating).card;
			t = Math.max(card.due.getTime(), t + 86_400_000);
		}
	}
	return items.sort((a, b) => a.at - b.at);
}

describe("scoring parameters on a learner's answers", () => {
	const items = history(default_w);

	it('gives the parameters the learner really follows a lower log loss and RMSE than wrong ones', () => {
		const right = evaluate(default_w, items)!;
		// Stabilities ten times too long: recall predicted far too high.
		const wrong = [...default_w];
		for (const i of [0, 1, 2, 3]) wrong[i] = wrong[i]! * 10;
		const bad = evaluate(wrong, items)!;
		expect(right.count).toBeGreaterThan(1000);
		expect(right.logLoss).toBeLessThan(bad.logLoss);
		expect(right.rmse).toBeLessThan(bad.rmse);
	});

	it('scores only items whose last gap is a day or more, and has nothing to say without one', () => {
		expect(
			evaluate(default_w, [
				{
					reviews: [
						{ rating: 3, delta_t: 0 },
						{ rating: 3, delta_t: 0 }
					],
					at: 0
				}
			])
		).toBeUndefined();
		const one = evaluate(default_w, [
			{
				reviews: [
					{ rating: 3, delta_t: 0 },
					{ rating: 3, delta_t: 3 }
				],
				at: 0
			}
		])!;
		expect(one.count).toBe(1);
		expect(one.logLoss).toBeGreaterThan(0);
	});
});
