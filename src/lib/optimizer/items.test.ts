import { describe, expect, it } from 'vitest';
import { Rating, State, type ReviewRecord } from '$lib/srs';
import { useTimeZone } from '$lib/srs/test-helpers';
import { flatItems, optimizerItems } from './items';

useTimeZone('Europe/Berlin');

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();
let n = 0;
const log = (card_id: string, review: number, rating: number): ReviewRecord => ({
	id: `r${n++}`,
	card_id,
	rating: rating,
	review,
	duration: 1000,
	state: State.Review,
	due: review,
	stability: 1,
	difficulty: 5,
	elapsed_days: 0,
	last_elapsed_days: 0,
	scheduled_days: 0,
	learning_steps: 0
});

describe('the review log as optimizer items', () => {
	it("gives, for each day's first answer after a card's first, its answers so far with whole learner days between them", () => {
		const items = optimizerItems(
			[
				log('a', at(2026, 3, 1), Rating.Good),
				log('a', at(2026, 3, 1, 10) + 600_000, Rating.Good),
				log('a', at(2026, 3, 4), Rating.Again),
				log('a', at(2026, 3, 5), Rating.Hard)
			],
			4
		);
		// The same-day step 10 minutes later is left out: each day counts once.
		expect(items.map((i) => i.reviews)).toEqual([
			[
				{ rating: 3, delta_t: 0 },
				{ rating: 1, delta_t: 3 }
			],
			[
				{ rating: 3, delta_t: 0 },
				{ rating: 1, delta_t: 3 },
				{ rating: 2, delta_t: 1 }
			]
		]);
	});

	it('counts learner days: 02:00 is still the evening before with days from 04:00, and summer time changes nothing', () => {
		// 28 March 2026, 22:00 and 29 March, 02:00 are one learner's day; 29 March is 23 hours long in Berlin.
		const items = optimizerItems(
			[log('a', at(2026, 3, 28, 22), Rating.Good), log('a', at(2026, 3, 29, 2), Rating.Good), log('a', at(2026, 3, 30, 5), Rating.Good)],
			4
		);
		expect(items.map((i) => i.reviews.map((r) => r.delta_t))).toEqual([[0, 2]]);
	});

	it('starts a card afresh after a forget, and orders items of all cards by time, in any input order', () => {
		const logs = [
			log('b', at(2026, 3, 3), Rating.Good),
			log('a', at(2026, 3, 1), Rating.Good),
			log('a', at(2026, 3, 2), Rating.Good),
			log('a', at(2026, 3, 5), 0),
			log('a', at(2026, 3, 6), Rating.Easy),
			log('a', at(2026, 3, 9), Rating.Good),
			log('b', at(2026, 3, 4), Rating.Again)
		];
		const items = optimizerItems(logs.reverse(), 4);
		expect(items.map((i) => [i.at, i.reviews.map((r) => `${r.rating}/${r.delta_t}`).join(' ')])).toEqual([
			[at(2026, 3, 2), '3/0 3/1'],
			[at(2026, 3, 4), '3/0 1/1'],
			[at(2026, 3, 9), '4/0 3/3']
		]);
	});

	it("flattens for fsrs-browser: ratings and gaps one after another, and each item's length", () => {
		const items = optimizerItems([log('a', at(2026, 3, 1), Rating.Good), log('a', at(2026, 3, 3), Rating.Hard), log('a', at(2026, 3, 8), Rating.Easy)], 4);
		const flat = flatItems(items);
		expect([...flat.ratings]).toEqual([3, 2, 3, 2, 4]);
		expect([...flat.deltaTs]).toEqual([0, 2, 0, 2, 5]);
		expect([...flat.lengths]).toEqual([2, 3]);
	});
});
