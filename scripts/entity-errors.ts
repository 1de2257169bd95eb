// Entity error analysis: every false positive and false negative of our analysis on a
// corpus, sorted into classes, with counts per class, per type and per genre.
//
//   npx tsx scripts/entity-errors.ts gum <…/gum/dep> [--split dev|train|all] [--samples N] [--tsv FILE]
//   npx tsx scripts/entity-errors.ts conll <…/conll2003/dev.txt> [--samples N]
//
// Classes of a false negative (gold mention we did not output with that span and type):
//   type      we output the same span with another type;
//   nested    the gold mention lies strictly inside another gold mention (our output is flat);
//   inside    it lies strictly inside one of our mentions (we took a longer name);
//   boundary  it overlaps one of our mentions otherwise (other edges);
//   missed    nothing of ours overlaps it.
// Classes of a false positive: type (as above), boundary (overlaps a gold mention), spurious.
// Samples print the text of the corpus to stdout: keep them out of the repository.
import { writeFileSync } from 'node:fs';
import { readConll } from '../eval/readers/conll-file';
import { readGum, type GumSplit } from '../eval/readers/gum';
import { ours } from '../eval/systems';
import type { GoldDocument, TypedSpan } from '../eval/spans';

const args = process.argv.slice(2);
const kind = args[0];
const target = args[1];
if (!kind || !target) {
  console.error('usage: npx tsx scripts/entity-errors.ts <gum|conll> <path> [--split dev|train|all] [--samples N]');
  process.exit(2);
}
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const split = option('--split', kind === 'gum' ? 'dev' : 'all') as GumSplit;
const samples = Number.parseInt(option('--samples', '0'), 10) || 0;
// Every error as a tab-separated row (doc, error, class, type, text, context): corpus text, keep it in /tmp.
const tsvPath = option('--tsv', '');
const documents: GoldDocument[] = kind === 'gum' ? readGum(target, split) : readConll(target);

const key = (s: TypedSpan) => `${s.start}:${s.end}`;
const overlaps = (a: TypedSpan, b: TypedSpan) => a.start < b.end && b.start < a.end;
const strictlyInside = (a: TypedSpan, b: TypedSpan) => b.start <= a.start && a.end <= b.end && (b.start < a.start || a.end < b.end);

interface Row { doc: string; genre: string; error: string; cls: string; type: string; text: string; context: string }
const rows: Row[] = [];
for (const document of documents) {
  const gold = dedupe(document.entities ?? []);
  const predicted = dedupe(ours.run(document.text).entities);
  const goldTyped = new Set(gold.map((g) => `${g.type}@${key(g)}`));
  const predTyped = new Set(predicted.map((p) => `${p.type}@${key(p)}`));
  const goldBySpan = new Map(gold.map((g) => [key(g), g.type]));
  const predBySpan = new Map(predicted.map((p) => [key(p), p.type]));
  const genre = kind === 'gum' ? document.id.split('_')[1] ?? '?' : 'news';
  const add = (error: string, cls: string, s: TypedSpan) => {
    const text = document.text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const context = document.text.slice(Math.max(0, s.start - 50), Math.min(document.text.length, s.end + 30)).replace(/\s+/g, ' ');
    rows.push({ doc: document.id, genre, error, cls, type: s.type, text, context });
  };
  for (const g of gold) {
    if (predTyped.has(`${g.type}@${key(g)}`)) continue;
    let cls: string;
    if (predBySpan.has(key(g))) cls = `type(as ${predBySpan.get(key(g))})`;
    else if (gold.some((o) => o !== g && strictlyInside(g, o))) cls = 'nested';
    else if (predicted.some((p) => strictlyInside(g, p))) cls = 'inside';
    else if (predicted.some((p) => overlaps(g, p))) cls = 'boundary';
    else cls = 'missed';
    add('FN', cls, g);
  }
  for (const p of predicted) {
    if (goldTyped.has(`${p.type}@${key(p)}`)) continue;
    let cls: string;
    if (goldBySpan.has(key(p))) cls = `type(gold ${goldBySpan.get(key(p))})`;
    else if (gold.some((g) => overlaps(g, p))) cls = 'boundary';
    else cls = 'spurious';
    add('FP', cls, p);
  }
}

function dedupe(spans: readonly TypedSpan[]): TypedSpan[] {
  const seen = new Map<string, TypedSpan>();
  for (const s of spans) seen.set(`${s.type}@${key(s)}`, s);
  return [...seen.values()];
}

function table(title: string, keyOf: (r: Row) => string) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  console.log(`\n${title}`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`${String(n).padStart(5)}  ${k}`);
}

console.log(`${kind} ${target}: ${documents.length} documents, ${rows.filter((r) => r.error === 'FN').length} FN, ${rows.filter((r) => r.error === 'FP').length} FP`);
table('By error and class', (r) => `${r.error} ${r.cls}`);
table('By error, class and type', (r) => `${r.error} ${r.type} ${r.cls}`);
if (kind === 'gum') table('By genre', (r) => `${r.genre} ${r.error}`);
table('Most frequent error strings', (r) => `${r.error} ${r.type} ${r.cls} «${r.text}»`);
if (tsvPath) {
  const clean = (s: string) => s.replace(/\t/g, ' ');
  writeFileSync(tsvPath, rows.map((r) => [r.doc, r.error, r.cls, r.type, clean(r.text), clean(r.context)].join('\t')).join('\n') + '\n');
}
if (samples > 0) {
  console.log('\nSamples');
  const byClass = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.error} ${r.type} ${r.cls}`;
    const list = byClass.get(k) ?? [];
    list.push(r);
    byClass.set(k, list);
  }
  for (const [k, list] of byClass) {
    console.log(`== ${k} (${list.length})`);
    for (const r of list.slice(0, samples)) console.log(`  [${r.doc}] «${r.text}» …${r.context}…`);
  }
}
