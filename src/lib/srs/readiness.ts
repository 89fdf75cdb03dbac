import type { FSRS } from 'ts-fsrs';
import { isStudied } from './facts';
import { cardRecall } from './recall';
import type { CardState } from './types';

/**
 * Readiness for a date: how much of each section the learner should still
 * recall on that date if they study nothing more, from each card's stored
 * stability and the FSRS forgetting curve. A card never studied counts as
 * not known (recall 0). Pure: the clock and the data are passed in.
 */

/** The hour of the chosen day the prediction is for: a morning interview, or the learner's day start if that is later. */
export const READINESS_HOUR = 9;
/** How many weakest sections are named and targeted. */
export const WEAKEST_COUNT = 3;
/** The most cards a targeted session holds. */
export const TARGET_LIMIT = 20;

export interface SectionInput {
	id: string;
	cardIds: readonly string[];
}

export interface SectionReadiness {
	id: string;
	total: number;
	/** Cards answered at least once. */
	studied: number;
	/** Mean predicted recall over every card of the section, unstudied ones counting 0. */
	recall: number;
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

/** The moment the prediction is for: the chosen date at 09:00 local, or at the day's start hour if later. Undefined for a malformed date. */
export function readinessMoment(value: string, dayStartHour: number): number | undefined {
	const p = parseDate(value);
	return p ? new Date(p.y, p.m - 1, p.d, Math.max(READINESS_HOUR, dayStartHour)).getTime() : undefined;
}

/** A card's predicted recall at `at`: FSRS retrievability for a studied card, 0 for one never studied. */
export function cardRecallAt(f: FSRS, state: CardState | undefined, at: number): number {
	return cardRecall(f, state, at) ?? 0;
}

/** Every section's predicted recall at `at`, in the order given. */
export function sectionReadiness(sections: readonly SectionInput[], states: ReadonlyMap<string, CardState>, at: number, f: FSRS): SectionReadiness[] {
	return sections.map((s) => {
		let sum = 0;
		let studied = 0;
		for (const id of s.cardIds) {
			const st = states.get(id);
			if (isStudied(st)) studied++;
			sum += cardRecallAt(f, st, at);
		}
		return { id: s.id, total: s.cardIds.length, studied, recall: s.cardIds.length === 0 ? 0 : sum / s.cardIds.length };
	});
}

/** The share of all cards recalled: the sections' recall weighted by their card counts. */
export function overallReadiness(sections: readonly SectionReadiness[]): number {
	let sum = 0;
	let total = 0;
	for (const s of sections) {
		sum += s.recall * s.total;
		total += s.total;
	}
	return total === 0 ? 0 : sum / total;
}

/**
 * The weakest sections a review can help: started ones (a section never
 * studied has nothing to review; it is listed as not started instead) that
 * would not show 100%, lowest recall first, ties in roadmap order.
 */
export function weakestSections(sections: readonly SectionReadiness[], count = WEAKEST_COUNT): SectionReadiness[] {
	return sections
		.map((s, i) => ({ s, i }))
		.filter(({ s }) => s.studied > 0 && Math.round(s.recall * 100) < 100)
		.sort((a, b) => a.s.recall - b.s.recall || a.i - b.i)
		.slice(0, count)
		.map(({ s }) => s);
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
 * The targeted session's cards: the studied cards of the weakest sections,
 * not hidden (suspended or buried) nor answered today, lowest predicted
 * recall at `at` first, ties in section then card order, at most `limit`.
 * New cards are left out: this is a review of what was learnt; new ones are
 * learnt in section quizzes, within the daily limit.
 */
export function targetCards(
	weakest: readonly SectionReadiness[],
	sections: readonly SectionInput[],
	states: ReadonlyMap<string, CardState>,
	{ hidden, answeredSince, at, f, limit = TARGET_LIMIT }: TargetOptions
): CardRecall[] {
	const byId = new Map(sections.map((s) => [s.id, s]));
	const out: (CardRecall & { order: number })[] = [];
	for (const w of weakest) {
		for (const id of byId.get(w.id)?.cardIds ?? []) {
			const s = states.get(id);
			if (!isStudied(s) || s.last_review === null || s.last_review >= answeredSince || hidden.has(id)) continue;
			out.push({ card_id: id, section: w.id, recall: cardRecallAt(f, s, at), order: out.length });
		}
	}
	return out
		.sort((a, b) => a.recall - b.recall || a.order - b.order)
		.slice(0, Math.max(0, limit))
		.map(({ card_id, section, recall }) => ({ card_id, section, recall }));
}

/** Everything the readiness page and its session need, in one call. */
export function readiness(
	sections: readonly SectionInput[],
	states: ReadonlyMap<string, CardState>,
	now: number,
	options: TargetOptions
): { now: SectionReadiness[]; then: SectionReadiness[]; overallNow: number; overall: number; weakest: SectionReadiness[]; targets: CardRecall[] } {
	const { at, f } = options;
	const current = sectionReadiness(sections, states, now, f);
	const then = sectionReadiness(sections, states, at, f);
	const weakest = weakestSections(then);
	return {
		now: current,
		then,
		overallNow: overallReadiness(current),
		overall: overallReadiness(then),
		weakest,
		targets: targetCards(weakest, sections, states, options)
	};
}
