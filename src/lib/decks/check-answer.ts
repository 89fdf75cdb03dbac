import type { Card } from './schema';

type Of<K extends Card['kind']> = Extract<Card, { kind: K }>;

/** How typed answers are compared: case, surrounding spaces, inner runs of spaces and code backticks do not matter. */
export function normaliseTyped(s: string): string {
	return s.replaceAll('`', '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Multiple choice: the one correct option. */
export function checkChoice(card: Of<'choice'>, picked: string): boolean {
	return picked === card.answer;
}

/** Choose all that apply: every correct option and nothing else. */
export function checkMulti(card: Of<'multi'>, picked: ReadonlySet<string>): boolean {
	return picked.size === card.correct.length && card.correct.every((o) => picked.has(o));
}

/** Typed: the answer or an accepted variant, ignoring case and spacing. */
export function checkTyped(card: Of<'typed'>, typed: string): boolean {
	const t = normaliseTyped(typed);
	return t !== '' && [card.answer, ...(card.accept ?? [])].some((a) => normaliseTyped(a) === t);
}

/** Ordering: exactly the deck's order. */
export function checkOrder(card: Of<'order'>, order: readonly string[]): boolean {
	return order.length === card.steps.length && order.every((s, i) => s === card.steps[i]);
}
