// Everything the stats page shows, from what it reads: running totals,
// card states, card totals, marks and the deck index, never the review log.
import type { FSRS } from 'ts-fsrs';
import { dayTotals } from '$lib/data/totals';
import type { AnswerBucket, CardMarks, CardTotals, PracticeRecord } from '$lib/data/types';
import type { DeckSummary } from '$lib/decks/types';
import { startOfDay } from '$lib/srs/day';
import type { Memory } from '$lib/srs/memory';
import { recalledShare } from '$lib/srs/stats';
import type { CardState } from '$lib/srs/types';
import { answerButtons, cardsByState, reviewMinutes, type ButtonCounts, type StateKey } from './cards';
import { lastDays } from './days';
import { forecast, type Forecast } from './forecast';
import { heatmap, type Heatmap } from './heatmap';
import { knowledge, sectionRows, type SectionRow } from './knowledge';
import { retention, type RetentionRow } from './retention';
import { todayCounts } from './today';

export interface StatsInput {
	dayStartHour: number;
	/** At least the last 366 days' running totals, oldest first, as readBuckets gives them. */
	buckets: readonly AnswerBucket[];
	/** The day streak (readStreak reads as far back as it runs). */
	streak: number;
	states: ReadonlyMap<string, CardState>;
	marks: ReadonlyMap<string, CardMarks>;
	totals: ReadonlyMap<string, CardTotals>;
	decks: readonly DeckSummary[];
	/** How many practice answers there are, and those of the last 30 learner's days (today's included). */
	practice: { total: number; recent: readonly PracticeRecord[] };
}

export interface StatsModel {
	today: number;
	streak: number;
	total: number;
	/** The last 14 days, oldest first. */
	recent: { day: number; answers: number }[];
	heatmap: Heatmap;
	forecast: Forecast;
	retention: RetentionRow[];
	states: Record<StateKey, number>;
	buttons: { recent: ButtonCounts; year: ButtonCounts };
	minutes: { day: number; minutes: number }[];
	/** Every deck's cards: known, recall of studied cards, introduced, mastered (the sections' rows added up). */
	knowledge: Memory;
	sections: SectionRow[];
	/** `recalled`: over the last 30 days. */
	practice: { total: number; today: number; recalled: number | undefined };
}

export function buildStats(input: StatsInput, now: number, f: FSRS): StatsModel {
	const h = input.dayStartHour;
	const today = startOfDay(now, h);
	const monthStart = lastDays(now, 30, h)[0] ?? today;
	const perDay = dayTotals(input.buckets, h);
	const suspended = new Set([...input.marks.values()].filter((m) => m.suspended).map((m) => m.card_id));
	const cardIds = input.decks.flatMap((d) => d.cardIds);
	const map = heatmap(perDay, now, h);
	const sections = sectionRows(input.decks, input.states, input.totals, now, f);
	const cells = new Map(map.weeks.flat().flatMap((c) => (c ? [[c.day, c.answers] as const] : [])));
	return {
		today: todayCounts(perDay, now, h)?.answers ?? 0,
		streak: input.streak,
		// Every answer ever, from the per-card totals: the buckets read cover a year.
		total: [...input.totals.values()].reduce((n, c) => n + c.answers, 0),
		recent: lastDays(now, 14, h).map((day) => ({ day, answers: cells.get(day) ?? 0 })),
		heatmap: map,
		forecast: forecast(input.states.values(), suspended, now, h),
		retention: retention(perDay, now, h),
		states: cardsByState(cardIds, input.states, suspended),
		buttons: answerButtons(perDay, now, h),
		minutes: reviewMinutes(perDay, now, h),
		knowledge: knowledge(sections),
		sections,
		practice: {
			total: input.practice.total,
			today: input.practice.recent.filter((p) => p.review >= today).length,
			recalled: recalledShare(input.practice.recent.filter((p) => p.review >= monthStart).map((p) => p.rating))
		}
	};
}
