// Whether a choice card can be answered without knowing the subject. The
// commonest tell in written tests is length: the right option is the one the
// writer took care over, so it is longer and more detailed. A learner who
// always picks the longest option should do no better than chance.
import type { Card, DeckFile } from './schema';

type Choice = Extract<Card, { kind: 'choice' }>;
type Multi = Extract<Card, { kind: 'multi' }>;

/** Most choice cards may have the right option strictly the longest, overall and in any one deck. */
export const FAIRNESS = { longestRightOverall: 0.3, longestRightPerDeck: 0.4, multiLongerOverall: 0.5, multiLongerPerDeck: 0.65 } as const;

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
const pct = (x: number) => `${Math.round(100 * x)}%`;

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
	if (share(all.multiLonger, all.multi) > FAIRNESS.multiLongerOverall) {
		errors.push(`decks: the right options are longer on average in ${all.multiLonger} of ${all.multi} multi-select cards (${pct(share(all.multiLonger, all.multi))}; at most ${pct(FAIRNESS.multiLongerOverall)})`);
	}
	return errors;
}
