// Error analysis for attribution on a PolNeAR folder: false positives / negatives of
// Source, Cue and Content grouped by class (boundary differences, missed cues, spurious
// cues). Prints corpus text: write its output to /tmp, never into the repository.
//   npx tsx scripts/attribution-errors.ts <polnear dev folder> [--role Source|Cue|Content] [--examples N]
import { readPolnear } from '../eval/readers/polnear';
import { ours } from '../eval/systems';
import { normalizeFragments, overlaps, type Attribution, type AttributionRole, type CharSpan } from '../eval/spans';

const args = process.argv.slice(2);
const folder = args[0];
if (!folder) throw new Error('usage: tsx scripts/attribution-errors.ts <polnear folder> [--role R] [--examples N]');
const roleArg = args.indexOf('--role') >= 0 ? (args[args.indexOf('--role') + 1] as AttributionRole) : undefined;
const examples = args.indexOf('--examples') >= 0 ? Number(args[args.indexOf('--examples') + 1]) : 3;
const roles: AttributionRole[] = roleArg ? [roleArg] : ['Source', 'Cue', 'Content'];

interface Owned {
  span: CharSpan;
  /** The cue text of the attribution the span belongs to. */
  cue: string;
}

function spansOf(text: string, attributions: Attribution[], role: AttributionRole): Owned[] {
  const seen = new Set<string>();
  const out: Owned[] = [];
  for (const a of attributions) {
    const fr = role === 'Source' ? a.source : role === 'Cue' ? a.cue : a.content;
    if (!fr) continue;
    const cue = (a.cue ?? []).map((c) => text.slice(c.start, c.end)).join(' ').toLowerCase().replace(/\s+/g, ' ');
    for (const f of normalizeFragments(text, fr)) {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ span: f, cue });
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n / 2)}…${s.slice(-n / 2)}` : s).replace(/\n/g, '⏎');
const firstWords = (s: string, n: number) => s.trim().split(/\s+/).slice(0, n).join(' ');
const lastWords = (s: string, n: number) => s.trim().split(/\s+/).slice(-n).join(' ');

function edgeClass(text: string, g: CharSpan, p: CharSpan): string {
  const parts: string[] = [];
  if (p.start < g.start) parts.push(`L+[${firstWords(text.slice(p.start, g.start), 1)}]`);
  if (p.start > g.start) parts.push(`L-[${firstWords(text.slice(g.start, p.start), 1)}]`);
  if (p.end > g.end) parts.push(`R+[${firstWords(text.slice(g.end, p.end), 1)}]`);
  if (p.end < g.end) parts.push(`R-[${firstWords(text.slice(p.end, g.end), 1)}]`);
  return parts.join(' ');
}

const docs = readPolnear(folder);
for (const role of roles) {
  const classes = new Map<string, { n: number; ex: string[] }>();
  const add = (key: string, ex: string) => {
    const c = classes.get(key) ?? { n: 0, ex: [] };
    c.n++;
    if (c.ex.length < examples) c.ex.push(ex);
    classes.set(key, c);
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const doc of docs) {
    const out = ours.run(doc.text);
    const gold = spansOf(doc.text, doc.attributions ?? [], role);
    const pred = spansOf(doc.text, out.attributions, role);
    const goldKeys = new Set(gold.map((g) => `${g.span.start}:${g.span.end}`));
    const predKeys = new Set(pred.map((p) => `${p.span.start}:${p.span.end}`));
    const t = doc.text;
    for (const p of pred) {
      if (goldKeys.has(`${p.span.start}:${p.span.end}`)) tp++;
      else fp++;
    }
    for (const g of gold) {
      if (predKeys.has(`${g.span.start}:${g.span.end}`)) continue;
      fn++;
      const o = pred.find((p) => overlaps(p.span, g.span) && !goldKeys.has(`${p.span.start}:${p.span.end}`));
      const ctx = `${doc.id}@${g.span.start} gold «${clip(t.slice(g.span.start, g.span.end))}»`;
      if (o) add(`BOUNDARY ${edgeClass(t, g.span, o.span)}`, `${ctx} ours «${clip(t.slice(o.span.start, o.span.end))}»`);
      else add(`MISSED cue=${role === 'Cue' ? t.slice(g.span.start, g.span.end).toLowerCase() : g.cue || '(none)'}`, `${ctx} …${clip(t.slice(Math.max(0, g.span.start - 60), g.span.start), 80)}`);
    }
    for (const p of pred) {
      if (goldKeys.has(`${p.span.start}:${p.span.end}`)) continue;
      if (gold.some((g) => overlaps(g.span, p.span))) continue;
      add(`SPURIOUS cue=${role === 'Cue' ? t.slice(p.span.start, p.span.end).toLowerCase() : p.cue || '(none)'}`, `${doc.id}@${p.span.start} ours «${clip(t.slice(p.span.start, p.span.end))}» …${clip(t.slice(Math.max(0, p.span.start - 60), p.span.end + 40), 120)}`);
    }
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  console.log(`\n=== ${role}: tp ${tp} fp ${fp} fn ${fn} exact F1 ${(100 * f1).toFixed(1)}`);
  // Totals by coarse class, then the fine classes.
  const coarse = new Map<string, number>();
  for (const [k, v] of classes) {
    const c = k.startsWith('BOUNDARY') ? k.replace(/\[[^\]]*\]/g, '') : k.split(' ')[0];
    coarse.set(c, (coarse.get(c) ?? 0) + v.n);
  }
  for (const [k, n] of [...coarse].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
  console.log('--- fine');
  for (const [k, v] of [...classes].sort((a, b) => b[1].n - a[1].n).slice(0, 100)) {
    console.log(`${String(v.n).padStart(5)}  ${k}`);
    for (const e of v.ex) console.log(`         ${e}`);
  }
}
