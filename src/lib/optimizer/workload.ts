// What a desired retention costs: the expected reviews a day over the next
// year for this collection, simulated with the learner's parameters. Neither
// FSRS optimizer package exports a simulator, so this one uses ts-fsrs: every
// card is reviewed when due, recalled with FSRS's own probability (a seeded
// random draw, so the figures are repeatable), and new cards come in at the
// daily limit until none are left. Pure: the clock and the data are passed in.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import { State } from '$lib/srs/constants';
import { toFsrsCard } from '$lib/srs/convert';
import type { CardState } from '$lib/srs/types';

export const RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97] as const;

export interface WorkloadPoint {
	retention: number;
	/** Expected answers a day, averaged over the simulated days; a forgotten card's relearning step counts as one more. */
	perDay: number;
}

export interface WorkloadInput {
	/** The learner's parameters, or null for FSRS's defaults. */
	w: readonly number[] | null;
	states: Iterable<CardState>;
	/** Cards not started yet, and how many may start each day. */
	unstudied: number;
	newPerDay: number;
	now: number;
	days?: number;
	retentions?: readonly number[];
	seed?: number;
}

const DAY = 86_400_000;

export function simulateWorkload(input: WorkloadInput): WorkloadPoint[] {
	const days = input.days ?? 365;
	const studied = [...input.states].filter((s) => s.state !== State.New && s.last_review !== null);
	return (input.retentions ?? RETENTIONS).map((retention) => {
		const f = fsrs(
			generatorParameters({
				request_retention: retention,
				enable_fuzz: false,
				enable_short_term: false,
				maximum_interval: 36500,
				...(input.w ? { w: [...input.w] } : {})
			})
		);
		let seed = input.seed ?? 42;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const cards: Card[] = studied.map(toFsrsCard);
		let unstudied = input.unstudied;
		let answers = 0;
		for (let d = 0; d < days; d++) {
			const start = input.now + d * DAY;
			const end = start + DAY;
			for (let n = 0; n < input.newPerDay && unstudied > 0; n++, unstudied--) cards.push(createEmptyCard(new Date(start)));
			for (let i = 0; i < cards.length; i++) {
				const card = cards[i]!;
				if (card.due.getTime() >= end) continue;
				const at = new Date(Math.max(start, card.due.getTime()));
				// A new card is answered from scratch; a studied one recalled as the forgetting curve says.
				const recall = card.state === State.New ? 0.8 : f.get_retrievability(card, at, false);
				const rating = random() < recall ? Rating.Good : Rating.Again;
				cards[i] = f.next(card, at, rating).card;
				answers += rating === Rating.Again ? 2 : 1;
			}
		}
		return { retention, perDay: answers / days };
	});
}
