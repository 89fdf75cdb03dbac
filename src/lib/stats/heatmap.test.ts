import { describe, expect, it } from 'vitest';
import { useTimeZone } from '$lib/srs/test-helpers';
import { heatmap, levelOf } from './heatmap';
import { answer, daysOf, local } from './test-helpers';

useTimeZone('Europe/Berlin');

const times = (n: number, t: number) => Array.from({ length: n }, () => answer(t, 'Good', 'New'));

describe('the calendar heatmap', () => {
	it('spans exactly 365 learner days in weeks of seven, Sunday first', () => {
		// Sunday Nov 29 2026, 10:00; days from 04:00. The first day is Sunday Nov 30 2025.
		const now = local(2026, 11, 29, 10);
		const logs = [
			...times(3, local(2026, 11, 29, 10)), // today
			...times(1, local(2026, 11, 30, 2)), // 02:00 the next morning: still today
			...times(1, local(2026, 11, 29, 3)), // before 04:00: yesterday
			...times(8, local(2025, 11, 30, 4, 30)), // the first day
			...times(5, local(2025, 11, 30, 3)) // the day before it: outside
		];
		const h = heatmap(daysOf(logs, 4), now, 4);
		const cells = h.weeks.flat().filter((c) => c !== null);
		expect(cells).toHaveLength(365);
		expect(h.weeks).toHaveLength(53);
		expect(h.weeks.every((w) => w.length === 7)).toBe(true);
		expect(h.weeks[0]![0]).toEqual({ day: local(2025, 11, 30, 4), answers: 8, level: 4 });
		expect(h.weeks[52]![0]).toEqual({ day: local(2026, 11, 29, 4), answers: 4, level: 2 });
		expect(h.weeks[52]!.slice(1)).toEqual([null, null, null, null, null, null]);
		expect(h.weeks[51]![6]).toEqual({ day: local(2026, 11, 28, 4), answers: 1, level: 1 });
		expect(h.total).toBe(13);
		expect(h.activeDays).toBe(3);
		expect(h.max).toBe(8);
		// Busiest day 8: steps of two answers each.
		expect(h.legend).toEqual([
			{ level: 0, from: 0, to: 0 },
			{ level: 1, from: 1, to: 2 },
			{ level: 2, from: 3, to: 4 },
			{ level: 3, from: 5, to: 6 },
			{ level: 4, from: 7, to: 8 }
		]);
		// Dec 1 2025 is in the first column; twelve month starts in all.
		expect(h.months[0]).toEqual({ week: 0, name: 'Dec' });
		expect(h.months.map((m) => m.name)).toEqual(['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
	});

	it('pads the first week when the first day is not a Sunday, and counts a clock ahead as today', () => {
		// Wednesday Dec 2 2026: the first day, Dec 3 2025, is a Wednesday too (row 3).
		const now = local(2026, 12, 2, 12);
		const h = heatmap(daysOf(times(2, local(2026, 12, 9, 12)), 4), now, 4);
		expect(h.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
		expect(h.weeks[0]![3]!.day).toBe(local(2025, 12, 3, 4));
		expect(h.weeks.flat().filter((c) => c !== null)).toHaveLength(365);
		const today = h.weeks.flat().find((c) => c?.day === local(2026, 12, 2, 4));
		expect(today?.answers).toBe(2);
	});

	it('has one colour step per quarter of the busiest day, and none without answers', () => {
		expect([0, 1, 25, 26, 50, 51, 99, 100].map((n) => levelOf(n, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
		const empty = heatmap(new Map(), local(2026, 11, 29, 10), 4);
		expect(empty.legend).toEqual([{ level: 0, from: 0, to: 0 }]);
		expect(empty.total).toBe(0);
	});
});
