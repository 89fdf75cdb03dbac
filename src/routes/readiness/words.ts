import { num } from '$lib/number';

/** A share as a whole percentage, as every readiness figure shows it. */
export const percent = (r: number): string => `${Math.round(r * 100)}%`;

/** "1 card", "1,204 cards". */
export const count = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;
