import { describe, expect, it } from 'vitest';
import { State } from '$lib/srs/constants';
import { dueDays, dueLabel } from './due';

// 10:00 local on a day, the learner's day starting at 4:00.
const NOW = new Date(2026, 2, 10, 10).getTime();
const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();
const review = (due: number) => ({ state: State.Review, due });

describe('a card’s due date in the browser', () => {
	it('counts learner’s days, not 24-hour spans', () => {
		// 3:00 tomorrow is still today for a day that starts at 4:00.
		expect(dueDays(review(at(11, 3)), NOW, 4)).toBe(0);
		expect(dueDays(review(at(11, 5)), NOW, 4)).toBe(1);
		expect(dueDays(review(at(13, 9)), NOW, 4)).toBe(3);
		expect(dueDays(review(at(8, 12)), NOW, 4)).toBe(-2);
	});

	it('says new for a card never studied, and due or overdue for the rest', () => {
		expect(dueLabel(undefined, NOW, 4)).toBe('new');
		expect(dueLabel({ state: State.New, due: NOW }, NOW, 4)).toBe('new');
		expect(dueLabel({ state: State.Learning, due: NOW + 10 * 60_000 }, NOW, 4)).toBe('due today');
		expect(dueLabel(review(at(11, 5)), NOW, 4)).toBe('due tomorrow');
		expect(dueLabel(review(at(13, 9)), NOW, 4)).toBe('due in 3 days');
		expect(dueLabel(review(at(9, 9)), NOW, 4)).toBe('overdue by 1 day');
		expect(dueLabel(review(at(8, 12)), NOW, 4)).toBe('overdue by 2 days');
	});

	it('a day with a clock change is still one day', () => {
		// Across the end of March, when Europe moves its clocks forward.
		const now = new Date(2026, 2, 28, 10).getTime();
		expect(dueDays(review(new Date(2026, 2, 30, 10).getTime()), now, 4)).toBe(2);
	});
});
