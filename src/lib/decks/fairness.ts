// Whether a choice card can be answered without knowing the subject. The
// commonest tell in written tests is length: the right option is the one the
// writer took care over, so it is longer and more detailed. A learner who
// always picks the longest option should do no better than chance.
import type { Card, DeckFile } from './schema';

type Choice = Extract<Card, { kind: 'choice' }>;
type Multi = Extract<Card, { kind: 'multi' }>;

/**
 * The limits. The right option strictly the longest in at most 30% of choice
 * cards (40% in a deck); no strategy that looks only at lengths more than 10
 * points above chance over all cards (20 in a deck, where a few cards swing
 * it); the right options of multi-select cards longer on average in 30–60%
 * of cards (at most 75% in a deck).
 */
export const FAIRNESS = {
	longestRightOverall: 0.3,
	longestRightPerDeck: 0.4,
	strategyOverChanceOverall: 0.1,
	strategyOverChancePerDeck: 0.2,
	multiLongerOverall: [0.3, 0.6],
	multiLongerPerDeck: 0.75
} as const;

/** Length as a reader sees it: code marks and surrounding spaces do not count. */
const shown = (s: string) => s.replaceAll('`', '').trim().length;

/** The right option is longer than every distractor. */
export function rightIsLongest(card: Choice): boolean {
	const n = shown(card.answer);
	return card.distractors.every((d) => shown(d) < n);
}

/** The right option is shorter than every distractor. */
export function rightIsShortest(card: Choice): boolean {
	const n = shown(card.answer);
	return card.distractors.every((d) => shown(d) > n);
}

const mean = (xs: readonly string[]) => xs.reduce((sum, x) => sum + shown(x), 0) / Math.max(1, xs.length);

/** The right options are longer on average than the wrong ones. */
export function multiRightLonger(card: Multi): boolean {
	return mean(card.correct) > mean(card.incorrect);
}

/** Picking the longest options, as many as are right, picks exactly the right ones. */
export function multiLongestWins(card: Multi): boolean {
	const shortestRight = Math.min(...card.correct.map(shown));
	return card.incorrect.every((o) => shown(o) < shortestRight);
}

/** What a learner who looks only at lengths scores on choice cards, on average, by strategy; and what chance gives. */
export interface LengthStrategies {
	chance: number;
	/** Always the longest option (a tie shared). */
	longest: number;
	/** Always the shortest option. */
	shortest: number;
	/** Never the longest or the shortest: one of the others at random. */
	middle: number;
}

/** The expected score of each strategy, as a share of the cards. */
export function lengthStrategies(cards: readonly Card[]): LengthStrategies {
	const choice = cards.filter((c): c is Choice => c.kind === 'choice');
	const sum = { chance: 0, longest: 0, shortest: 0, middle: 0 };
	for (const card of choice) {
		const lengths = [card.answer, ...card.distractors].map(shown);
		const right = lengths[0]!;
		const max = Math.max(...lengths);
		const min = Math.min(...lengths);
		sum.chance += 1 / lengths.length;
		if (right === max) sum.longest += 1 / lengths.filter((n) => n === max).length;
		if (right === min) sum.shortest += 1 / lengths.filter((n) => n === min).length;
		const middle = lengths.filter((n) => n !== max && n !== min).length;
		if (middle === 0) sum.middle += 1 / lengths.length;
		else if (right !== max && right !== min) sum.middle += 1 / middle;
	}
	const n = Math.max(1, choice.length);
	return { chance: sum.chance / n, longest: sum.longest / n, shortest: sum.shortest / n, middle: sum.middle / n };
}

/** The best of the length strategies and its name. */
export function bestStrategy(s: LengthStrategies): { name: 'longest' | 'shortest' | 'middle'; score: number } {
	const all = (['longest', 'shortest', 'middle'] as const).map((name) => ({ name, score: s[name] }));
	return all.reduce((a, b) => (b.score > a.score ? b : a));
}

export interface Fairness {
	choice: number;
	longestRight: number;
	shortestRight: number;
	multi: number;
	multiLonger: number;
	multiLongestWins: number;
}

/** The counts behind the shares, for a set of cards. */
export function fairnessOf(cards: readonly Card[]): Fairness {
	const choice = cards.filter((c): c is Choice => c.kind === 'choice');
	const multi = cards.filter((c): c is Multi => c.kind === 'multi');
	return {
		choice: choice.length,
		longestRight: choice.filter(rightIsLongest).length,
		shortestRight: choice.filter(rightIsShortest).length,
		multi: multi.length,
		multiLonger: multi.filter(multiRightLonger).length,
		multiLongestWins: multi.filter(multiLongestWins).length
	};
}

export const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
/** A share as a whole percentage: `25%`. */
export const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The fairness rules over the whole collection: the right option strictly the longest too often, overall or in a deck. */
export function checkFairness(decks: readonly DeckFile[], fileOf: (id: string) => string = (id) => `decks/${id}.yaml`): string[] {
	const errors: string[] = [];
	for (const d of decks) {
		const f = fairnessOf(d.cards);
		const longest = share(f.longestRight, f.choice);
		if (longest > FAIRNESS.longestRightPerDeck) {
			errors.push(
				`${fileOf(d.id)}: field "cards": the right option is strictly the longest in ${f.longestRight} of ${f.choice} choice cards (${pct(longest)}; at most ${pct(FAIRNESS.longestRightPerDeck)}): make the distractors as long and detailed as the answer`
			);
		}
		const strategies = lengthStrategies(d.cards);
		const best = bestStrategy(strategies);
		if (best.score - strategies.chance > FAIRNESS.strategyOverChancePerDeck) {
			errors.push(
				`${fileOf(d.id)}: field "cards": picking the ${best.name} option scores ${pct(best.score)} on its choice cards, chance ${pct(strategies.chance)} (at most ${Math.round(100 * FAIRNESS.strategyOverChancePerDeck)} points above): vary which option is longest`
			);
		}
		const longer = share(f.multiLonger, f.multi);
		if (longer > FAIRNESS.multiLongerPerDeck) {
			errors.push(
				`${fileOf(d.id)}: field "cards": the right options are longer on average in ${f.multiLonger} of ${f.multi} multi-select cards (${pct(longer)}; at most ${pct(FAIRNESS.multiLongerPerDeck)})`
			);
		}
	}
	const all = fairnessOf(decks.flatMap((d) => d.cards));
	if (share(all.longestRight, all.choice) > FAIRNESS.longestRightOverall) {
		errors.push(`decks: the right option is strictly the longest in ${all.longestRight} of ${all.choice} choice cards (${pct(share(all.longestRight, all.choice))}; at most ${pct(FAIRNESS.longestRightOverall)})`);
	}
	const longer = share(all.multiLonger, all.multi);
	const [low, high] = FAIRNESS.multiLongerOverall;
	if (all.multi > 0 && (longer > high || longer < low)) {
		errors.push(`decks: the right options are longer on average in ${all.multiLonger} of ${all.multi} multi-select cards (${pct(longer)}; between ${pct(low)} and ${pct(high)}, or picking by length pays)`);
	}
	const strategies = lengthStrategies(decks.flatMap((d) => d.cards));
	const best = bestStrategy(strategies);
	if (best.score - strategies.chance > FAIRNESS.strategyOverChanceOverall) {
		errors.push(`decks: picking the ${best.name} option scores ${pct(best.score)} on choice cards, chance ${pct(strategies.chance)} (at most ${Math.round(100 * FAIRNESS.strategyOverChanceOverall)} points above)`);
	}
	return errors;
}
