import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { SEED_FILES } from './sections.ts';
import { checkCollection, checkDecks, type CheckResult, type RawDeckFile } from './validate.ts';
import { parseKnownTerms } from './vocabulary.ts';

/** `decks/known-terms.txt`: the tools and services the decks do not name but a learner may type. */
export function readKnownTerms(root = process.cwd()): string[] {
	const path = resolve(root, 'decks/known-terms.txt');
	return existsSync(path) ? parseKnownTerms(readFileSync(path, 'utf8')) : [];
}

/** Reads every `*.yaml` deck file in `dir`, keeping YAML syntax errors with their line. */
export function readDeckFiles(dir: string, shownAs = 'decks'): RawDeckFile[] {
	return readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => {
			const file = `${shownAs}/${name}`;
			const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { prettyErrors: true, uniqueKeys: true });
			if (doc.errors.length > 0) {
				return { file, data: undefined, syntaxErrors: doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`) };
			}
			return { file, data: doc.toJS() as unknown };
		});
}

/** The seed articles, when shared/seeds is beside the project (it is in CI and on our machines). */
export function readSeedTexts(dir: string): Map<string, string> | undefined {
	if (!existsSync(dir)) return undefined;
	const texts = new Map<string, string>();
	for (const name of SEED_FILES) {
		const path = join(dir, name);
		if (existsSync(path)) texts.set(name, readFileSync(path, 'utf8'));
	}
	return texts;
}

export interface LoadResult extends CheckResult {
	/** False when shared/seeds was not found, so source headings were not checked. */
	seedsChecked: boolean;
}

/** Loads and validates all decks of the project rooted at `root`, each deck and the collection as a whole. */
export function loadDecks(root = process.cwd()): LoadResult {
	const seedTexts = readSeedTexts(process.env.SEEDS_DIR ?? resolve(root, '../shared/seeds'));
	const result = checkDecks(readDeckFiles(resolve(root, 'decks')), { seedTexts, requireTopics: true, requireTypedForms: true });
	const errors = result.errors.length > 0 ? result.errors : checkCollection(result.decks);
	return { ...result, errors, seedsChecked: seedTexts !== undefined };
}
