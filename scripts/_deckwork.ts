// Working tool (not shipped): `npx tsx scripts/_deckwork.ts <deck> [...]` shows, per deck, what is left to do.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readDeckFiles } from '../src/lib/decks/read.server.ts';
import { checkDecks } from '../src/lib/decks/validate.ts';
import { fairnessOf, rightIsLongest, rightIsShortest, multiRightLonger, multiLongestWins } from '../src/lib/decks/fairness.ts';

const want = process.argv.slice(2);
const files = readDeckFiles('decks').filter((f) => want.length === 0 || want.some((w) => f.file === `decks/${w}.yaml`));
const { errors } = checkDecks(files, { requireTopics: true, requireTypedForms: true });
const { decks } = checkDecks(files, { requireTopics: true });
for (const e of errors) console.log('ERROR', e);
const len = (s: string) => s.replaceAll('`', '').trim().length;
for (const d of decks) {
	const f = fairnessOf(d.cards);
	console.log(`\n=== ${d.id}: choice right strictly longest ${f.longestRight}/${f.choice} (${Math.round((100 * f.longestRight) / f.choice)}%), strictly shortest ${f.shortestRight}/${f.choice}; multi right longer on average ${f.multiLonger}/${f.multi}, longest-N wins ${f.multiLongestWins}/${f.multi}`);
	for (const c of d.cards) {
		if (c.kind === 'choice' && rightIsLongest(c)) console.log(`  LONGEST  ${c.id}: answer ${len(c.answer)} vs ${c.distractors.map(len).join(', ')}`);
		if (c.kind === 'choice' && rightIsShortest(c)) console.log(`  shortest ${c.id}: answer ${len(c.answer)} vs ${c.distractors.map(len).join(', ')}`);
		if (c.kind === 'multi' && multiRightLonger(c)) console.log(`  multi-longer${multiLongestWins(c) ? ' (longest-N wins)' : ''} ${c.id}: right ${c.correct.map(len).join(', ')} vs wrong ${c.incorrect.map(len).join(', ')}`);
	}
	const corpusFile = `tests/typed-answers/${d.id}.yaml`;
	const corpus = existsSync(corpusFile) ? ((parse(readFileSync(corpusFile, 'utf8')) ?? {}) as Record<string, { right?: string[]; wrong?: string[] }>) : {};
	for (const c of d.cards) {
		if (c.kind !== 'typed') continue;
		const e = corpus[c.id];
		const r = e?.right?.length ?? 0;
		const w = e?.wrong?.length ?? 0;
		const forms = c.accept?.length ? `accept ${c.accept.length}` : c.exact ? 'exact' : 'NO accept/exact';
		if (r < 3 || w < 2 || forms.startsWith('NO')) console.log(`  typed ${c.id}: corpus right ${r}, wrong ${w}; ${forms}`);
	}
	const ids = new Set(d.cards.map((c) => c.id));
	for (const id of Object.keys(corpus)) if (!ids.has(id) || d.cards.find((c) => c.id === id)?.kind !== 'typed') console.log(`  corpus entry ${id} is not a typed card of this deck`);
}
