import { describe, expect, it } from 'vitest';
import { Rating } from './constants';
import { recalledShare } from './stats';

describe('the share of answers recalled', () => {
	it('counts every rating but Again as recalled, as the session summary does', () => {
		// One Again in three: the summary shows 67%, not what auto-grading said.
		expect(recalledShare([Rating.Again, Rating.Good, Rating.Hard])).toBeCloseTo(2 / 3);
		expect(Math.round(100 * recalledShare([Rating.Again, Rating.Good, Rating.Hard])!)).toBe(67);
		expect(recalledShare([Rating.Hard, Rating.Good, Rating.Easy])).toBe(1);
		expect(recalledShare([Rating.Again, Rating.Again])).toBe(0);
	});

	it('has no share without answers', () => {
		expect(recalledShare([])).toBeUndefined();
	});

	it('reads any iterable once', () => {
		function* ratings() {
			yield Rating.Good;
			yield Rating.Again;
		}
		expect(recalledShare(ratings())).toBe(0.5);
	});
});
