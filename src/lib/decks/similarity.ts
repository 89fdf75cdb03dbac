/** Words too common to say anything about what a prompt asks. */
const STOPWORDS = new Set(
	'a an and are as at be by can do does for from how in into is it its of on or that the this to what when which who why with you your'.split(' ')
);

/** The content words of a prompt, lower-cased, code marks and punctuation dropped. */
export function contentWords(s: string): Set<string> {
	const words = s
		.toLowerCase()
		.replaceAll('`', ' ')
		.split(/[^a-z0-9+#./-]+/)
		.map((w) => w.replace(/^[./-]+|[./-]+$/g, ''))
		.filter((w) => w !== '' && !STOPWORDS.has(w));
	return new Set(words);
}

/** Jaccard similarity of two word sets: shared words over all words. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	const union = a.size + b.size - shared;
	return union === 0 ? 0 : shared / union;
}

export interface PromptRef {
	file: string;
	id: string;
	prompt: string;
}

export interface NearDuplicate {
	a: PromptRef;
	b: PromptRef;
	score: number;
}

/** Prompt pairs whose content words overlap at least `threshold` (only prompts of 3+ content words). */
export function nearDuplicatePrompts(prompts: readonly PromptRef[], threshold = 0.6): NearDuplicate[] {
	const words = prompts.map((p) => contentWords(p.prompt));
	const out: NearDuplicate[] = [];
	for (let i = 0; i < prompts.length; i++) {
		const wi = words[i];
		if (!wi || wi.size < 3) continue;
		for (let j = i + 1; j < prompts.length; j++) {
			const wj = words[j];
			if (!wj || wj.size < 3) continue;
			const score = jaccard(wi, wj);
			if (score >= threshold) out.push({ a: prompts[i] as PromptRef, b: prompts[j] as PromptRef, score });
		}
	}
	return out;
}
