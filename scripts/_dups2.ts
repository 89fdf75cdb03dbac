import { loadDecks } from '../src/lib/decks/read.server.ts';
import { contentWords, jaccard } from '../src/lib/decks/similarity.ts';
const { decks } = loadDecks();
const all = decks.flatMap(d => d.cards.map(c => ({ d: d.id, c })));
const norm = (s: string) => s.toLowerCase().replace(/[`'".,;:!?()]/g,'').replace(/^(the|a|an) /,'').replace(/\s+/g,' ').trim();
const forms = (c: any): string[] => c.kind==='multi' ? [] : c.kind==='order' ? [] : c.kind==='typed' ? [c.answer, ...(c.accept??[])].map(norm) : [norm(c.answer)];
let n=0;
for (let i=0;i<all.length;i++) for (let j=i+1;j<all.length;j++) {
  const a=all[i]!, b=all[j]!; if (a.d===b.d) continue;
  const fa=forms(a.c), fb=forms(b.c);
  if (!fa.some(x=>fb.includes(x))) continue;
  if (fa[0]!.length<3) continue;
  const s = jaccard(contentWords(a.c.prompt),contentWords(b.c.prompt));
  if (s < 0.08) continue;
  n++; console.log(`${s.toFixed(2)} ${a.c.id} [${a.c.kind}] | ${b.c.id} [${b.c.kind}] A=${fa[0]}\n   ${a.c.prompt}\n   ${b.c.prompt}`);
}
console.log(n);
