import { loadDecks } from '../src/lib/decks/read.server.ts';
import { contentWords, jaccard } from '../src/lib/decks/similarity.ts';
const { decks } = loadDecks();
const all = decks.flatMap(d => d.cards.map(c => ({ d: d.id, c })));
const ans = (c: any) => c.kind==='multi' ? [...c.correct].sort().join('|') : c.kind==='order' ? c.steps.join('|') : String(c.answer);
const norm = (s: string) => s.toLowerCase().replace(/[`'".,;:!?()]/g,'').replace(/\s+/g,' ').trim();
let n=0;
for (let i=0;i<all.length;i++) for (let j=i+1;j<all.length;j++) {
  const a=all[i]!, b=all[j]!; if (a.d===b.d) continue;
  const pa = contentWords(a.c.prompt), pb = contentWords(b.c.prompt);
  const s = jaccard(pa,pb);
  const sameAns = norm(ans(a.c))===norm(ans(b.c));
  const sa = jaccard(contentWords(ans(a.c)), contentWords(ans(b.c)));
  if ((sameAns && s>=0.1 && ans(a.c).length>3) || (s>=0.3 && sa>=0.3)) { n++; console.log(`${s.toFixed(2)} ans${sa.toFixed(2)} ${a.c.id} [${a.c.kind}] | ${b.c.id} [${b.c.kind}]\n   ${a.c.prompt}\n   ${b.c.prompt}\n   A: ${ans(a.c).slice(0,80)} | ${ans(b.c).slice(0,80)}`); }
}
console.log(n);
