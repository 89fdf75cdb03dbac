import type { FSRS } from 'ts-fsrs';
import { daysBetween } from './days-between';
import { isStudied } from './facts';
import { coverage, memoryOf, sumMemory, type Memory } from './memory';
import { cardRecall } from './recall';
import type { CardState } from './types';

/**
 * Readiness for a date: what the learner should still recall on that date if
 * they study nothing more, from each card's stored stability and the FSRS
 * forgetting curve, in memory.ts's words. Cards never studied are not
 * counted as forgotten: they are what is left to learn, counted apart (the
 * cards not started, and the days the new-card limit needs to start them).
 * Pure: the clock and the data are passed in.
 */

/** The hour of the chosen day the prediction is for: a morning interview, or the learner's day start if that is later. */
export const READINESS_HOUR = 9;
/** How many weakest sections are named and targeted. */
export const WEAKEST_COUNT = 3;
/** The most cards a targeted session holds. */
export const TARGET_LIMIT = 20;
/**
 * The share of a section's cards that must be introduced before its recall
 * of studied cards is taken as the section's: under a quarter, a few cards
 * answered last week say little about the rest (3 of 52 read "100%"), so
 * such a section is listed apart, to learn, not ranked among the weakest.
 */
export const JUDGED_COVERAGE = 0.25;

export interface SectionInput {
	id: string;
	cardIds: readonly string[];
}

export interface SectionReadiness {
	id: string;
	/** The section's figures at the moment asked (memoryOf). */
	memory: Memory;
	/** Cards never studied and not hidden: what "Learn N new" and the new-card limit can draw on. */
	unstudied: number;
}

export interface CardRecall {
	card_id: string;
	section: string;
	recall: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` date as local calendar parts, or undefined if it is no real date. */
export function parseDate(value: string): { y: number; m: number; d: number } | undefined {
	const match = DATE.exec(value);
	if (!match) return undefined;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(y, m - 1, d);
	return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? { y, m, d } : undefined;
}

/** A local day as `YYYY-MM-DD`, as a date input holds it. */
export function toDateValue(at: number): string {
	const d = new Date(at);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The calendar date `days` after the one of `now`, as `YYYY-MM-DD` (local calendar arithmetic, so DST does not shift it). */
export function addDays(now: number, days: number): string {
	const d = new Date(now);
	return toDateValue(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime());
}

/** Calendar days from the date of `now` to `value` (1 for tomorrow); undefined for a malformed date. Rounded, so a DST change does not shift it. */
export function daysUntil(now: number, value: string): number | undefined {
	const p = parseDate(value);
	if (!p) return undefined;
	// Calendar days: days that start at midnight.
	return daysBetween(now, new Date(p.y, p.m - 1, p.d).getTime(), 0);
}

/** The moment the prediction is for: the chosen date at 09:00 local, or at the day's start hour if later. Undefined for a malformed date. */
export function readinessMoment(value: string, dayStartHour: number): number | undefined {
	const p = parseDate(value);
	return p ? new Date(p.y, p.m - 1, p.d, Math.max(READINESS_HOUR, dayStartHour)).getTime() : undefined;
}

/** A card's predicted recall at `at`: FSRS retrievability for a studied card, 0 for one never studied (what `known` counts it as). */
export function cardRecallAt(f: FSRS, state: CardState | undefined, at: number): number {
	return cardRecall(f, state, at) ?? 0;
}

/** Every section's figures at `at`, in the order given; `hidden` cards (suspended, buried) are not counted as cards to start. */
export function sectionReadiness(
	sections: readonly SectionInput[],
	states: ReadonlyMap<string, CardState>,
	at: number,
	f: FSRS,
	hidden: ReadonlySet<string> = new Set()
): SectionReadiness[] {
	return sections.map((s) => ({
		id: s.id,
		memory: memoryOf(s.cardIds, states, at, f),
		unstudied: s.cardIds.filter((id) => !isStudied(states.get(id)) && !hidden.has(id)).length
	}));
}

/** Enough of the section is introduced for its recall of studied cards to stand for it (JUDGED_COVERAGE). */
export const judged = (s: SectionReadiness): boolean => s.memory.recall !== undefined && coverage(s.memory) >= JUDGED_COVERAGE;

/**
 * The weakest sections a review can help: those judged (a quarter of their
 * cards introduced or more) that would not show 100%, ranked by recall of
 * studied cards on the date, lowest first, ties in roadmap order.
 */
export function weakestSections(sections: readonly SectionReadiness[], count = WEAKEST_COUNT): SectionReadiness[] {
	return sections
		.map((s, i) => ({ s, i, recall: s.memory.recall ?? 1 }))
		.filter(({ s, recall }) => judged(s) && Math.round(recall * 100) < 100)
		.sort((a, b) => a.recall - b.recall || a.i - b.i)
		.slice(0, count)
		.map(({ s }) => s);
}

/** Sections started but with too few cards introduced to be judged, in roadmap order: what to learn, not to review. */
export const lowCoverageSections = (sections: readonly SectionReadiness[]): SectionReadiness[] => sections.filter((s) => s.memory.introduced > 0 && !judged(s));

/** Days the new-card limit needs to start `unstudied` cards: 0 when none is left, undefined when the limit is 0 (they never start). */
export function daysToStart(unstudied: number, newPerDay: number): number | undefined {
	if (unstudied === 0) return 0;
	return newPerDay > 0 ? Math.ceil(unstudied / newPerDay) : undefined;
}

export interface TargetOptions {
	/** Suspended or buried cards: never in the session. */
	hidden: ReadonlySet<string>;
	/** Cards answered since this moment (the start of the learner's day) are left out: another answer today adds little. */
	answeredSince: number;
	at: number;
	f: FSRS;
	limit?: number;
}

/**
 * The targeted session's cards: the studied cards of the sections named
 * (and of no other), not hidden (suspended or buried) nor answered today,
 * lowest predicted recall at `at` first, ties in section then card order, at
 * most `limit`. New cards are left out: this is a review of what was learnt;
 * new ones are learnt in section quizzes, within the daily limit.
 */
export function targetCards(
	named: readonly string[],
	sections: readonly SectionInput[],
	states: ReadonlyMap<string, CardState>,
	{ hidden, answeredSince, at, f, limit = TARGET_LIMIT }: TargetOptions
): CardRecall[] {
	const byId = new Map(sections.map((s) => [s.id, s]));
	const out: (CardRecall & { order: number })[] = [];
	for (const section of new Set(named)) {
		for (const id of byId.get(section)?.cardIds ?? []) {
			const s = states.get(id);
			if (!isStudied(s) || s.last_review === null || s.last_review >= answeredSince || hidden.has(id)) continue;
			out.push({ card_id: id, section, recall: cardRecallAt(f, s, at), order: out.length });
		}
	}
	return out
		.sort((a, b) => a.recall - b.recall || a.order - b.order)
		.slice(0, Math.max(0, limit))
		.map(({ card_id, section, recall }) => ({ card_id, section, recall }));
}

/** The sections a targeted session reviews: the named ones it holds a card of, in the order named. */
export const targetSections = (named: readonly string[], targets: readonly CardRecall[]): string[] =>
	named.filter((id) => targets.some((t) => t.section === id));

export interface ReadinessReport {
	/** Every section today and on the date, in roadmap order. */
	now: SectionReadiness[];
	then: SectionReadiness[];
	/** Every card's figures today and on the date. */
	overallNow: Memory;
	overall: Memory;
	/** Cards never studied and not hidden, over every section: the second half of the headline. */
	unstudied: number;
	weakest: SectionReadiness[];
	lowCoverage: SectionReadiness[];
	/** The targeted session's cards, and the sections it names (those of the weakest it holds cards of). */
	targets: CardRecall[];
	targetSections: string[];
}

/** Everything the readiness page needs, in one call. */
export function readiness(sections: readonly SectionInput[], states: ReadonlyMap<string, CardState>, now: number, options: TargetOptions): ReadinessReport {
	const { at, f, hidden } = options;
	const current = sectionReadiness(sections, states, now, f, hidden);
	const then = sectionReadiness(sections, states, at, f, hidden);
	const weakest = weakestSections(then);
	const named = weakest.map((s) => s.id);
	const targets = targetCards(named, sections, states, options);
	return {
		now: current,
		then,
		overallNow: sumMemory(current.map((s) => s.memory)),
		overall: sumMemory(then.map((s) => s.memory)),
		unstudied: then.reduce((n, s) => n + s.unstudied, 0),
		weakest,
		lowCoverage: lowCoverageSections(then),
		targets,
		targetSections: targetSections(named, targets)
	};
}
