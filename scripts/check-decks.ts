/// <reference types="node" />
// `npm run decks:check`: validates every deck file and prints a summary.
import { CARD_KINDS } from '../src/lib/decks/schema.ts';
import { fairnessOf, lengthStrategies, pct as percent, share } from '../src/lib/decks/fairness.ts';
import { loadDecks } from '../src/lib/decks/read.server.ts';

const { decks, errors, seedsChecked } = loadDecks();

if (errors.length > 0) {
	console.error(`✗ ${errors.length} deck error(s):`);
	for (const e of errors) console.error(`  ${e}`);
	process.exit(1);
}

const count = (cards: { kind: string }[], kind?: string) => String(kind ? cards.filter((c) => c.kind === kind).length : cards.length);
const all = decks.flatMap((d) => d.cards);
const auto = all.filter((c) => c.kind !== 'flashcard').length;
// Whether always picking the longest option pays: choice cards whose right option is strictly the
// longest (and, for balance, strictly the shortest); multi-select cards whose right options are longer
// on average, and those where picking the longest options picks exactly the right ones.
const pct = (n: number, of: number) => percent(share(n, of));
const fair = (cards: (typeof all)[number][]) => {
	const f = fairnessOf(cards);
	const s = lengthStrategies(cards);
	return [pct(f.longestRight, f.choice), pct(f.shortestRight, f.choice), percent(s.middle), pct(f.multiLonger, f.multi), pct(f.multiLongestWins, f.multi)];
};
const header = ['deck', 'group', 'cards', ...CARD_KINDS, 'longest-right', 'shortest-right', 'middle-pick', 'multi-longer', 'multi-longest-wins'];
const rows = decks.map((d) => [d.id, d.group, count(d.cards), ...CARD_KINDS.map((k) => count(d.cards, k)), ...fair(d.cards)]);
const total = ['total', '', count(all), ...CARD_KINDS.map((k) => count(all, k)), ...fair(all)];
const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');

console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(line(total));
// Each deck's topics with their card counts: what the section teaches, and how deeply.
for (const d of decks) {
	if (!d.topics) continue;
	const n = (id: string) => d.cards.filter((c) => c.topic === id).length;
	console.log(`${d.id}: ${d.topics.map((t) => `${t.id} ${n(t.id)}`).join(', ')}`);
}
const kindsUsed = CARD_KINDS.filter((k) => all.some((c) => c.kind === k)).length;
const f = fairnessOf(all);
const s = lengthStrategies(all);
console.log(
	`A learner who looks only at lengths scores, on choice cards: always the longest ${percent(s.longest)}, ` +
		`always the shortest ${percent(s.shortest)}, never an extreme ${percent(s.middle)}; chance ${percent(s.chance)}.`
);
const typed = all.filter((c) => c.kind === 'typed');
console.log(
	`Choice cards whose right option is strictly the longest: ${f.longestRight} of ${f.choice} (${pct(f.longestRight, f.choice)}); ` +
		`multi-select cards whose right options are longer on average: ${f.multiLonger} of ${f.multi} (${pct(f.multiLonger, f.multi)}). ` +
		`Typed cards: ${typed.length}, ${typed.filter((c) => c.kind === 'typed' && c.exact).length} exact.`
);
console.log(
	`✓ ${decks.length} decks, ${all.length} cards, ${kindsUsed} kinds; ${Math.round((100 * auto) / Math.max(1, all.length))}% auto-graded` +
		(seedsChecked ? '' : ' (shared/seeds not found: source headings not checked)')
);
