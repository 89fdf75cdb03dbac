// Fair grading of typed answers, in one place. What a knowledgeable person
// might type differently from the deck is forgiven:
// - case, spaces, hyphens and punctuation between words, a leading article;
// - the category word the prompt implies, before or after the answer
//   (`port 5432`, `5432/tcp`, `1 replica`, `Strategy pattern`);
// - the command the prompt names, typed before the expected flag (`curl -v`,
//   `git tag -a`), and the long form of a flag the card lists (`--append`);
// - a qualified name ending in the expected one (`Model.objects.bulk_create()`);
// - a small number in words (`three`), the plural of an expected noun.
// What carries meaning is not: numbers, flags (`-d` is not `-D`) and command
// names must match exactly. One typo in a longer word answer is "almost"
// (Hard is suggested and the learner sees where), unless what was typed is
// itself another known term: `ltrace` is not a typo of `strace`.
import type { Card } from './schema';
import { charDiff, editDistance, nearMiss, type DiffPart } from './text-diff';
import { isCodeLike, isFlag, matchKey, plain, plurals, promptWords, typoAllowed } from './typed-forms';
import { readings } from './typed-readings';

export { charDiff, editDistance, type DiffPart } from './text-diff';
export { looseKey, TYPO_MIN_LENGTH } from './typed-forms';

type Typed = Extract<Card, { kind: 'typed' }>;

/** What the grader reads of a typed card; `near` is built with the decks (see vocabulary.ts). */
export type GradedCard = Pick<Typed, 'answer' | 'accept' | 'prompt'> & {
	/** Known terms one typo away from an accepted form, as match keys: typing one is not a typo. */
	near?: readonly string[];
};

export type TypedResult = 'right' | 'almost' | 'wrong';

export interface TypedVerdict {
	result: TypedResult;
	/** The accepted form closest to what was typed (the deck's answer when nothing is close), backticks removed. */
	expected: string;
	/** For "almost", and for a wrong answer close to an accepted form (a near miss): what was typed against `expected`, character by character. */
	diff?: DiffPart[];
}

interface Form {
	/** What is compared. */
	text: string;
	/** Its match key. */
	key: string;
	/** The deck's form it comes from (shown to the learner). */
	origin: string;
	/** The deck wrote it as code (in backticks): a name, not a noun with a plural. */
	code: boolean;
}

/**
 * The card's forms, and what follows from them: a flag swapped for its other
 * form where the card lists both (`-a` and `--append`), and the flags alone
 * when the prompt names the command they belong to (`-a` for `tee -a`).
 */
export function expandForms(card: Pick<Typed, 'answer' | 'accept' | 'prompt'>): Form[] {
	const raw = [card.answer, ...(card.accept ?? [])];
	const origins = raw.map(plain);
	const split = origins.map((f) => f.split(' '));
	const synonyms = new Map<string, Set<string>>();
	const join = (a: string, b: string) => {
		const set = new Set([...(synonyms.get(a) ?? [a]), ...(synonyms.get(b) ?? [b])]);
		for (const f of set) synonyms.set(f, set);
	};
	for (let i = 0; i < split.length; i++) {
		for (let j = i + 1; j < split.length; j++) {
			const a = split[i]!;
			const b = split[j]!;
			const diff = a.length === b.length ? a.flatMap((t, k) => (t === b[k] ? [] : [k])) : [];
			if (diff.length === 1 && isFlag(a[diff[0]!]!) && isFlag(b[diff[0]!]!)) join(a[diff[0]!]!, b[diff[0]!]!);
			// A flag listed alone names the other form of a command's only flag: `--append` beside `tee -a`.
			for (const [one, other] of [
				[a, b],
				[b, a]
			]) {
				const flags = other!.filter(isFlag);
				if (one!.length === 1 && isFlag(one![0]!) && flags.length === 1 && other!.length > 1) join(one![0]!, flags[0]!);
			}
		}
	}
	const said = promptWords(card.prompt);
	const out = new Map<string, Form>();
	const put = (text: string, i: number) => {
		if (!out.has(text)) out.set(text, { text, key: matchKey(text), origin: origins[i]!, code: raw[i]!.includes('`') });
	};
	origins.forEach((_, i) => {
		let variants = [split[i]!];
		for (const [k, token] of split[i]!.entries()) {
			const alt = synonyms.get(token);
			if (alt) variants = variants.flatMap((v) => [...alt].map((f) => v.map((t, n) => (n === k ? f : t))));
		}
		for (const v of variants) {
			put(v.join(' '), i);
			const firstFlag = v.findIndex(isFlag);
			if (firstFlag > 0 && v.slice(0, firstFlag).every((t) => said.has(t.toLowerCase()))) put(v.slice(firstFlag).join(' '), i);
		}
	});
	return [...out.values()];
}

/** Whether the learner typed another known term rather than a misspelling of this one. */
function isOtherTerm(reading: string, form: string, near: ReadonlySet<string>): boolean {
	if (near.size === 0) return false;
	if (near.has(matchKey(reading))) return true;
	const own = new Set(plain(form).split(' ').map(matchKey));
	return plain(reading)
		.split(' ')
		.some((token) => !own.has(matchKey(token)) && near.has(matchKey(token)));
}

/** The code spans of a fill-in-the-blank prompt that hold the blank: `SET k v ___ 3600`. */
const blankSpans = (prompt: string) => [...prompt.matchAll(/`([^`]*_{3,}[^`]*)`/g)].map((m) => m[1]!);

/**
 * Whether the learner typed the blank filled in with some of the code around
 * it: `EX 3600` for `SET k v ___ 3600`, `${{ secrets.NPM_TOKEN }}` for `${{ ___ }}`.
 */
function fillsBlank(typedKey: string, form: Form, spans: readonly string[]): boolean {
	return typedKey.includes(form.key) && spans.some((span) => matchKey(span.replace(/_{3,}/, form.text)).includes(typedKey));
}

/** Grades a typed answer against the deck's answer and its accepted forms, by the rules above. */
export function gradeTyped(card: GradedCard, typed: string): TypedVerdict {
	const answer = plain(card.answer);
	const all = readings(typed, card.prompt)
		.map((r) => ({ ...r, key: matchKey(r.text) }))
		.filter((r) => r.key !== '');
	if (all.length === 0) return { result: 'wrong', expected: answer };
	// After a number a dropped word is a unit: only one the prompt implies may go.
	const tried = (form: Form) => (/\d/.test(form.text) ? all.filter((r) => !r.generic) : all);
	const forms = expandForms(card);
	const typedKey = matchKey(typed);
	const spans = blankSpans(card.prompt);
	for (const form of forms) {
		const keys = tried(form).map((r) => r.key);
		if (keys.includes(form.key) || fillsBlank(typedKey, form, spans)) return { result: 'right', expected: form.origin };
		// The plural of a noun answer: `replicas` for `replica`.
		if (!form.code && !isCodeLike(form.text, card.prompt) && /[a-z]$/i.test(form.text)) {
			if (plurals(form.key).some((p) => keys.includes(p))) return { result: 'right', expected: form.origin };
		}
	}
	const near = new Set(card.near ?? []);
	for (const form of forms) {
		if (!typoAllowed(form.text, card.prompt)) continue;
		// A typo on top of a dropped word is too much to take on trust: `Referrer-Policy` is not `Referer`.
		for (const t of tried(form).filter((r) => !r.generic)) {
			if (editDistance(t.key, form.key, 1) !== 1 || isOtherTerm(t.text, form.text, near)) continue;
			return { result: 'almost', expected: form.origin, diff: charDiff(t.text, form.origin) };
		}
	}
	// Wrong, but perhaps near: the learner sees where it parts from the closest accepted form.
	const close = nearMiss(plain(typed), [answer, ...(card.accept ?? []).map(plain)]);
	return close ? { result: 'wrong', ...close } : { result: 'wrong', expected: answer };
}
