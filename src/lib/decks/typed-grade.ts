// Fair grading of typed answers, in one place. What a knowledgeable person
// might type differently from the deck is forgiven: case, spaces, hyphens and
// punctuation between words, a leading article, and a trailing generic word
// the prompt already implies ("Sunset header" for Sunset when the prompt asks
// for a header). What carries meaning is not: numbers, flags (`-d` is not
// `-D`) and command names must match exactly. One typo in a longer word
// answer is "almost": the learner sees where, and Hard is suggested.
import type { Card } from './schema';

type Typed = Extract<Card, { kind: 'typed' }>;

export type TypedResult = 'right' | 'almost' | 'wrong';

/** A piece of the comparison of what was typed with what was expected. */
export interface DiffPart {
	text: string;
	/** `same` in both; `extra` only in what was typed; `missing` only in what was expected. */
	kind: 'same' | 'extra' | 'missing';
}

export interface TypedVerdict {
	result: TypedResult;
	/** The accepted form closest to what was typed (the deck's answer when nothing is close), backticks removed. */
	expected: string;
	/** For "almost": what was typed against `expected`, character by character. */
	diff?: DiffPart[];
}

/** From this many letters and digits in the answer, one typo is forgiven as "almost". */
export const TYPO_MIN_LENGTH = 6;

/** Generic words an answer may end with, and the prompt words that imply each. */
const IMPLIED: [word: string, implied: RegExp][] = [
	['header', /\bheaders?\b/],
	['headers', /\bheaders?\b/],
	['port', /\bports?\b/],
	['tcp', /\b(ports?|tcp)\b/],
	['udp', /\b(ports?|udp)\b/],
	['command', /\bcommands?\b/],
	['method', /\bmethods?\b/],
	['verb', /\b(verbs?|methods?)\b/],
	['status code', /\bstatus\b/],
	['code', /\b(codes?|status)\b/],
	['status', /\bstatus\b/],
	['flag', /\b(flags?|options?)\b/],
	['option', /\b(flags?|options?)\b/],
	['keyword', /\bkeywords?\b/],
	['function', /\bfunctions?\b/],
	['protocol', /\bprotocols?\b/],
	['field', /\bfields?\b/],
	['directive', /\bdirectives?\b/],
	['file', /\bfiles?\b/],
	['record', /\brecords?\b/],
	['type', /\btypes?\b/]
];

const plain = (s: string) => s.replaceAll('`', '').trim().replace(/\s+/g, ' ');

/**
 * The form two answers are compared in. Case goes, except in flags (`-d`
 * and `-D` differ); hyphens inside words, spaces and punctuation between
 * words go (`fan-out` is `fanout`); a flag's leading dash, digits and the
 * characters code is made of (`.`, `/`, `:` inside a token) stay.
 */
export function looseKey(s: string): string {
	return plain(s)
		.split(' ')
		.map((token) => (/^--?[A-Za-z]/.test(token) ? token : token.toLowerCase()))
		.join(' ')
		.replace(/(?<=\w)-(?=\w)/g, '') // fan-out → fanout, but not -d
		.replace(/[,;!?'"“”‘’()[\]{}]/g, ' ')
		.replace(/(?<!\w)[.:](?!\w)|[.:]$/g, ' ') // sentence punctuation, not 1.1 or a:b
		.replace(/\s+/g, '');
}

/** What was typed, without a leading article and without a trailing generic word the prompt implies. */
function candidates(typed: string, prompt: string): string[] {
	const p = prompt.toLowerCase();
	let t = plain(typed).toLowerCase();
	const out = new Set([plain(typed)]);
	const article = /^(the|a|an) /;
	if (article.test(t)) {
		t = t.replace(article, '');
		out.add(plain(typed).slice(plain(typed).length - t.length));
	}
	for (const base of [...out]) {
		for (const [word, implied] of IMPLIED) {
			if (!implied.test(p)) continue;
			const lower = base.toLowerCase();
			for (const sep of [' ', '/', '-']) {
				if (lower.endsWith(`${sep}${word}`) && lower.length > word.length + 1) out.add(base.slice(0, base.length - word.length - 1));
			}
		}
	}
	return [...out];
}

/** Whether a typo may be forgiven: a word answer of some length, with no number, flag or command in it. */
function typoAllowed(expected: string, prompt: string): boolean {
	const key = looseKey(expected);
	if (key.replace(/[^a-z0-9]/gi, '').length < TYPO_MIN_LENGTH) return false;
	if (/\d/.test(expected)) return false;
	if (/(^|\s)--?[A-Za-z]/.test(plain(expected))) return false;
	return !/\bcommand\b/i.test(prompt);
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

/** Grades a typed answer against the deck's answer and its accepted forms, by the rules above. */
export function gradeTyped(card: Pick<Typed, 'answer' | 'accept' | 'prompt'>, typed: string): TypedVerdict {
	const forms = [card.answer, ...(card.accept ?? [])].map(plain);
	const tried = candidates(typed, card.prompt).filter((t) => looseKey(t) !== '');
	if (tried.length === 0) return { result: 'wrong', expected: forms[0]! };
	for (const form of forms) {
		if (tried.some((t) => looseKey(t) === looseKey(form))) return { result: 'right', expected: form };
	}
	for (const form of forms) {
		if (!typoAllowed(form, card.prompt)) continue;
		for (const t of tried) {
			if (editDistance(looseKey(t), looseKey(form), 1) === 1) return { result: 'almost', expected: form, diff: charDiff(t, form) };
		}
	}
	return { result: 'wrong', expected: forms[0]! };
}
