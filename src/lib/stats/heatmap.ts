import type { DayTotals } from '$lib/data/totals';
import { startOfDay } from '$lib/srs/day';
import { lastDays } from './days';

const MONTH = new Intl.DateTimeFormat('en', { month: 'short' });

export const HEATMAP_DAYS = 365;
/** Colour steps above "no answers". */
export const HEATMAP_LEVELS = 4;

export interface HeatCell {
	/** Start of the learner's day, epoch ms. */
	day: number;
	answers: number;
	/** 0 (none) to HEATMAP_LEVELS. */
	level: number;
}

export interface Heatmap {
	/** Columns of seven rows, Sunday first; null where a week runs outside the 365 days. */
	weeks: (HeatCell | null)[][];
	/** Column index and month name where a month's first day falls. */
	months: { week: number; name: string }[];
	/** The colour steps in use, with the counts each covers (level 0: no answers). */
	legend: { level: number; from: number; to: number }[];
	total: number;
	activeDays: number;
	max: number;
}

/** The level of a count: level k covers counts up to k/4 of the busiest day. */
export function levelOf(answers: number, max: number): number {
	if (answers <= 0 || max <= 0) return 0;
	return Math.min(HEATMAP_LEVELS, Math.ceil((HEATMAP_LEVELS * answers) / max));
}

/**
 * The last 365 learner's days (today included) as GitHub-style weeks.
 * Days past today (a clock that was ahead) are counted as today.
 */
export function heatmap(perDay: ReadonlyMap<number, DayTotals>, now: number, dayStartHour: number): Heatmap {
	const days = lastDays(now, HEATMAP_DAYS, dayStartHour);
	const today = startOfDay(now, dayStartHour);
	let ahead = 0;
	for (const [day, t] of perDay) if (day > today) ahead += t.answers;
	const counts = days.map((d) => (perDay.get(d)?.answers ?? 0) + (d === today ? ahead : 0));
	const max = Math.max(0, ...counts);
	const pad = new Date(days[0]!).getDay();
	const weeks: (HeatCell | null)[][] = [];
	const months: Heatmap['months'] = [];
	days.forEach((day, i) => {
		const slot = pad + i;
		const w = Math.floor(slot / 7);
		if (!weeks[w]) weeks[w] = Array<HeatCell | null>(7).fill(null);
		weeks[w][slot % 7] = { day, answers: counts[i]!, level: levelOf(counts[i]!, max) };
		const date = new Date(day);
		if (date.getDate() === 1) months.push({ week: w, name: MONTH.format(date) });
	});
	const legend: Heatmap['legend'] = [{ level: 0, from: 0, to: 0 }];
	for (let k = 1; k <= HEATMAP_LEVELS && max > 0; k++) {
		const from = Math.floor(((k - 1) * max) / HEATMAP_LEVELS) + 1;
		const to = Math.floor((k * max) / HEATMAP_LEVELS);
		if (from <= to) legend.push({ level: k, from, to });
	}
	return { weeks, months, legend, total: counts.reduce((a, b) => a + b, 0), activeDays: counts.filter((c) => c > 0).length, max };
}
