// The native build of the optimizer the app runs as WebAssembly (fsrs-rs via
// napi): trained in Node on a fixture history, it must fit the learner better
// than FSRS's defaults. The browser test checks the WebAssembly build agrees.
import { createEmptyCard, default_w, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { OptimizerItem } from './items';
import { evaluate } from './metrics';
import { trainNative } from './native-binding';

/** A learner who forgets more slowly than FSRS's defaults assume: 600 cards over 400 days, one answer a day at most, seeded. */
function fixture(): { items: OptimizerItem[]; answers: number } {
	const truth = [...default_w];
	for (const i of [0, 1, 2, 3]) truth[i] = truth[i]! * 2.5;
	const f = fsrs(generatorParameters({ w: truth, enable_short_term: false, enable_fuzz: false }));
	let seed = 11;
	const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const start = Date.UTC(2025, 0, 1, 12);
	const DAY = 86_400_000;
	const items: OptimizerItem[] = [];
	let answers = 0;
	for (let c = 0; c < 600; c++) {
		let card: Card = createEmptyCard(new Date(start));
		let day = c % 60;
		let seq: OptimizerItem['reviews'] = [];
		let prev: number | undefined;
		while (day < 400) {
			const at = new Date(start + day * DAY);
			const p = card.reps === 0 ? 0.75 : f.get_retrievability(card, at, false);
			const rating: Grade = rnd() < p ? (rnd() < 0.85 ? Rating.Good : Rating.Hard) : Rating.Again;
			seq = [...seq, { rating, delta_t: prev === undefined ? 0 : day - prev }];
			if (seq.length >= 2) items.push({ reviews: seq, at: at.getTime() });
			answers++;
			prev = day;
			card = f.next(card, at, rating).card;
			day = Math.max(day + 1, Math.round((card.due.getTime() - start) / DAY));
		}
	}
	return { items: items.sort((a, b) => a.at - b.at), answers };
}

describe('the native optimizer on a fixture history', () => {
	it('trains parameters that predict the answers better than the defaults', async () => {
		const { items, answers } = fixture();
		expect(answers).toBeGreaterThan(5000);
		const w = await trainNative(items);
		expect(w).toHaveLength(21);
		const before = evaluate(default_w, items)!;
		const after = evaluate(w, items)!;
		expect(after.logLoss).toBeLessThan(before.logLoss);
		expect(after.rmse).toBeLessThan(before.rmse);
		// The learner's slower forgetting is found: a longer initial stability after Good than the default's.
		expect(w[2]!).toBeGreaterThan(default_w[2]!);
		console.log(
			`fixture: ${answers} answers; log loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}, RMSE ${before.rmse.toFixed(4)} → ${after.rmse.toFixed(4)}`
		);
	}, 60_000);
});
