// How far apart two short strings are, and where: what a typed answer's
// "almost" verdict rests on and what the learner is shown.

/** A piece of the comparison of what was typed with what was expected. */
export interface DiffPart {
	text: string;
	/** `same` in both; `extra` only in what was typed; `missing` only in what was expected. */
	kind: 'same' | 'extra' | 'missing';
}

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
			row.push(d);
			best = Math.min(best, d);
		}
		if (best > max) return max + 1;
		rows.push(row);
	}
	return rows[a.length]![b.length]!;
}

/** A character-level comparison of `typed` with `expected` (case-insensitive), from their longest common subsequence. */
export function charDiff(typed: string, expected: string): DiffPart[] {
	const a = [...typed];
	const b = [...expected];
	const same = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
	const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] = same(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const parts: DiffPart[] = [];
	const push = (text: string, kind: DiffPart['kind']) => {
		const last = parts.at(-1);
		if (last?.kind === kind) last.text += text;
		else parts.push({ text, kind });
	};
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && same(a[i]!, b[j]!)) {
			push(b[j]!, 'same');
			i++;
			j++;
		} else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push(b[j++]!, 'missing');
		else push(a[i++]!, 'extra');
	}
	return parts;
}

/**
 * How alike the two sides of a comparison are, 0 to 1: twice the letters in
 * common over the letters of both (the ratio of Python's difflib).
 */
export function likeness(parts: readonly DiffPart[]): number {
	let same = 0;
	let total = 0;
	for (const p of parts) {
		const n = [...p.text].length;
		total += p.kind === 'same' ? 2 * n : n;
		if (p.kind === 'same') same += 2 * n;
	}
	return total === 0 ? 0 : same / total;
}

/** difflib's cutoff for a close match: below it, a letter-by-letter comparison marks nearly everything and shows nothing. */
export const NEAR_MISS = 0.6;

/** Longer than any typed answer: the comparison's table grows with the product of the lengths. */
const MAX_COMPARED = 200;

/**
 * A wrong answer worth comparing letter by letter: the closest of `forms`
 * to what was typed, with the comparison, when at least NEAR_MISS alike.
 */
export function nearMiss(typed: string, forms: readonly string[]): { expected: string; diff: DiffPart[] } | undefined {
	const t = typed.trim();
	if (t === '' || t.length > MAX_COMPARED) return undefined;
	let best: { expected: string; diff: DiffPart[]; score: number } | undefined;
	for (const expected of forms) {
		if (expected.length > MAX_COMPARED) continue;
		const diff = charDiff(t, expected);
		const score = likeness(diff);
		if (score >= NEAR_MISS && score > (best?.score ?? 0)) best = { expected, diff, score };
	}
	return best && { expected: best.expected, diff: best.diff };
}
