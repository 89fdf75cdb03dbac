import { describe, expect, it } from 'vitest';
import * as fsrs from 'ts-fsrs';
import { Rating, State } from './constants';

describe('the values mirrored from ts-fsrs', () => {
	it('match its State and Rating enums', () => {
		expect(State).toEqual({ New: fsrs.State.New, Learning: fsrs.State.Learning, Review: fsrs.State.Review, Relearning: fsrs.State.Relearning });
		expect(Rating).toEqual({ Manual: fsrs.Rating.Manual, Again: fsrs.Rating.Again, Hard: fsrs.Rating.Hard, Good: fsrs.Rating.Good, Easy: fsrs.Rating.Easy });
	});
});
