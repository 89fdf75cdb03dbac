// `npm run decks:check`: validates every deck file and prints a summary.
import { loadDecks } from '../src/lib/decks/read.server';

const { decks, errors, seedsChecked } = loadDecks();

if (errors.length > 0) {
	console.error(`✗ ${errors.length} deck error(s):`);
	for (const e of errors) console.error(`  ${e}`);
	process.exit(1);
}

const kinds = [...new Set(decks.flatMap((d) => d.cards.map((c) => c.kind)))].sort();
const rows = decks.map((d) => [d.id, String(d.cards.length), ...kinds.map((k) => String(d.cards.filter((c) => c.kind === k).length))]);
const total = ['total', String(decks.reduce((n, d) => n + d.cards.length, 0)), ...kinds.map((k) => String(decks.reduce((n, d) => n + d.cards.filter((c) => c.kind === k).length, 0)))];
const header = ['deck', 'cards', ...kinds];
const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(line(total));
console.log(`✓ ${decks.length} decks valid${seedsChecked ? '' : ' (shared/seeds not found: source headings not checked)'}`);
