/// <reference types="node" />
// `npm run decks:check`: validates every deck file and prints a summary.
import { CARD_KINDS } from '../src/lib/decks/schema.ts';
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
const header = ['deck', 'group', 'cards', ...CARD_KINDS];
const rows = decks.map((d) => [d.id, d.group, count(d.cards), ...CARD_KINDS.map((k) => count(d.cards, k))]);
const total = ['total', '', count(all), ...CARD_KINDS.map((k) => count(all, k))];
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
console.log(
	`✓ ${decks.length} decks, ${all.length} cards, ${kindsUsed} kinds; ${Math.round((100 * auto) / Math.max(1, all.length))}% auto-graded` +
		(seedsChecked ? '' : ' (shared/seeds not found: source headings not checked)')
);
