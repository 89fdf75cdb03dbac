import type { Card } from './schema';

type Of<K extends Card['kind']> = Extract<Card, { kind: K }>;

/** Multiple choice: the one correct option. */
export function checkChoice(card: Of<'choice'>, picked: string): boolean {
	return picked === card.answer;
}

/** Choose all that apply: every correct option and nothing else. */
export function checkMulti(card: Of<'multi'>, picked: ReadonlySet<string>): boolean {
	return picked.size === card.correct.length && card.correct.every((o) => picked.has(o));
}

/** Typed answers are graded in typed-grade.ts (gradeTyped), with every rule of what is forgiven. */

/** Ordering: exactly the deck's order. */
export function checkOrder(card: Of<'order'>, order: readonly string[]): boolean {
	return order.length === card.steps.length && order.every((s, i) => s === card.steps[i]);
}
