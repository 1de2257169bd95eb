// Boundary error analysis for attribution on a PolNeAR folder: for every predicted span
// that overlaps a gold span of the same role but differs in extent, classifies how each
// edge differs (start earlier/later, end earlier/later) and by which tokens (punctuation,
// quote marks, "that", "to", a clause after a comma, a following sentence, another
// attribution's cue, a parenthetical, …), plus spans merged over or split across several
// gold spans. Prints corpus text: write its output to /tmp, never into the repository.
//   npx tsx scripts/attribution-bounds.ts <polnear folder> [--role Source|Cue|Content] [--examples N] [--classes N] [--cue-ok]
// --cue-ok: only pairs whose attribution's cue is exactly the gold attribution's cue.
import { readPolnear } from '../eval/readers/polnear';
import { ours } from '../eval/systems';
import { normalizeFragments, overlaps, type Attribution, type AttributionRole, type CharSpan } from '../eval/spans';

const args = process.argv.slice(2);
const folder = args[0];
if (!folder) throw new Error('usage: tsx scripts/attribution-bounds.ts <polnear folder> [--role R] [--examples N] [--cue-ok]');
const option = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const roles: AttributionRole[] = option('--role') ? [option('--role') as AttributionRole] : ['Source', 'Cue', 'Content'];
const examples = Number(option('--examples') ?? 3);
const cueOkOnly = args.includes('--cue-ok');

interface Owned {
  span: CharSpan;
  /** Normalised cue fragments of the attribution the span belongs to, as a key. */
  cueKey: string;
  attribution: number;
}

function spansOf(text: string, attributions: Attribution[], role: AttributionRole): Owned[] {
  const seen = new Set<string>();
  const out: Owned[] = [];
  attributions.forEach((a, index) => {
    const fr = role === 'Source' ? a.source : role === 'Cue' ? a.cue : a.content;
    if (!fr) return;
    const cueKey = normalizeFragments(text, a.cue ?? []).map((c) => `${c.start}:${c.end}`).join(';');
    for (const f of normalizeFragments(text, fr)) {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ span: f, cueKey, attribution: index });
    }
  });
  return out.sort((x, y) => x.span.start - y.span.start);
}

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n / 2)}…${s.slice(-n / 2)}` : s).replace(/\n/g, '⏎');
const QUOTE_CHARS = /^["'\u201C\u201D\u2018\u2019`\u00AB\u00BB]+$/;
const PUNCT_ONLY = /^[\s.,;:!?\u2014\u2013\-()"'\u201C\u201D\u2018\u2019`]+$/;
const SENTENCE_BREAK = /[.!?]["'\u201D\u2019]*\s+["'\u201C\u2018]?[A-Z]/;
const PREPOSITIONS = new Set('in|on|at|for|from|with|about|by|of|over|after|before|during|since|as|into|against|under|through|amid|without|including'.split('|'));

/** What lies between two edges: `delta` is the text a span has and the other lacks. */
function deltaClass(delta: string, cueInside: boolean, goldCueInside: boolean): string {
  const d = delta.trim();
  if (d === '') return 'space';
  if (QUOTE_CHARS.test(d)) return `marks[${d}]`;
  if (PUNCT_ONLY.test(d)) return `punct[${d}]`;
  if (goldCueInside) return 'gold cue inside';
  if (cueInside) return 'our cue inside';
  if (SENTENCE_BREAK.test(d)) return 'sentence';
  const words = d.split(/\s+/);
  const first = words[0].replace(/^["'\u201C\u2018(]+/, '');
  const lower = first.toLowerCase();
  if (/^[,;]/.test(d)) return words.length <= 2 ? `comma+[${words.slice(0, 2).join(' ')}]` : `comma clause[${(words[0].length > 1 ? words[0].slice(1) : words[1]).toLowerCase()}]`;
  if (/^[:]/.test(d)) return 'colon+';
  if (/^[\u2014\u2013-]/.test(d)) return `dash+[${(words[0].length > 1 ? words[0].slice(1) : words[1] ?? '').toLowerCase()}]`;
  if (d.startsWith('(')) return 'parenthetical';
  if (lower === 'that' && words.length === 1) return 'that';
  if (lower === 'to' && words.length === 1) return 'to';
  if (words.length === 1) return `word[${lower}]`;
  if (lower === 'that') return 'that+words';
  if (lower === 'and' || lower === 'but' || lower === 'or') return `${lower}+words`;
  if (PREPOSITIONS.has(lower)) return `PP[${lower}]`;
  if (lower === 'to') return 'to+words';
  return `words(${words.length <= 3 ? words.length : '4+'})`;
}

/** What separates two pieces of one gold span that we output apart. */
function gapClass(gap: string, goldCueInside: boolean): string {
  if (gap.length <= 0) return gap.length < 0 ? 'overlap' : 'nothing';
  const g = gap.trim();
  if (g === '') return /\n/.test(gap) ? 'line break' : 'space';
  if (/^["'\u201C\u201D\u2018\u2019\s]+$/.test(g)) return `marks[${g.replace(/\s+/g, ' ')}]${/\n/.test(gap) ? '+newline' : ''}`;
  if (PUNCT_ONLY.test(g)) return `punct[${g.replace(/\s+/g, ' ')}]`;
  if (goldCueInside) return 'a gold cue';
  if (SENTENCE_BREAK.test(g)) return 'sentence';
  return `words(${g.split(/\s+/).length <= 3 ? g.split(/\s+/).length : '4+'})`;
}

const docs = readPolnear(folder);
const outputs = docs.map((doc) => ours.run(doc.text));
for (const role of roles) {
  const classes = new Map<string, { n: number; ex: string[] }>();
  const add = (key: string, ex: string) => {
    const c = classes.get(key) ?? { n: 0, ex: [] };
    c.n++;
    if (c.ex.length < examples) c.ex.push(ex);
    classes.set(key, c);
  };
  let pairs = 0;
  let edgeTotals = new Map<string, number>();
  docs.forEach((doc, di) => {
    const t = doc.text;
    const goldAttributions = doc.attributions ?? [];
    const predAttributions = outputs[di].attributions;
    const gold = spansOf(t, goldAttributions, role);
    const pred = spansOf(t, predAttributions, role);
    const goldKeys = new Set(gold.map((g) => `${g.span.start}:${g.span.end}`));
    const predKeys = new Set(pred.map((p) => `${p.span.start}:${p.span.end}`));
    const goldCues = spansOf(t, goldAttributions, 'Cue').map((c) => c.span);
    const predCues = spansOf(t, predAttributions, 'Cue').map((c) => c.span);
    const inside = (cues: CharSpan[], s: number, e: number) => cues.some((c) => c.start >= s && c.end <= e);
    for (const p of pred) {
      if (goldKeys.has(`${p.span.start}:${p.span.end}`)) continue;
      const over = gold.filter((g) => overlaps(g.span, p.span));
      if (over.length === 0) continue;
      pairs++;
      const ctx = (g: Owned) => `${doc.id}@${g.span.start} gold «${clip(t.slice(g.span.start, g.span.end))}» ours «${clip(t.slice(p.span.start, p.span.end))}»`;
      // The gold span this prediction stands for: most overlap, unmatched ones first.
      const size = (g: Owned) => Math.min(g.span.end, p.span.end) - Math.max(g.span.start, p.span.start) - (predKeys.has(`${g.span.start}:${g.span.end}`) ? 1e6 : 0);
      const g = over.reduce((a, b) => (size(b) > size(a) ? b : a));
      const cueOk = g.cueKey !== '' && g.cueKey === p.cueKey;
      if (cueOkOnly && !cueOk) continue;
      const tag = cueOk ? '' : ' (cue differs)';
      if (predKeys.has(`${g.span.start}:${g.span.end}`)) {
        add(`EXTRA overlapping a matched gold${tag}`, ctx(g));
        continue;
      }
      if (over.length > 1) {
        const sameAttribution = over.every((o) => o.attribution === over[0].attribution);
        // Where the other gold spans' cues are: inside our span (a nested or following report we ran over) or outside it.
        const others = over.filter((o) => o !== g);
        const otherCues = others.flatMap((o) => normalizeFragments(t, goldAttributions[o.attribution].cue ?? []));
        const where = sameAttribution ? '' : otherCues.length === 0 ? ' other has no cue' : otherCues.some((c) => c.start >= p.span.start && c.end <= p.span.end) ? ' other cue inside ours' : ' other cue outside';
        const between = over.slice(1).map((o, k) => clip(t.slice(over[k].span.end, o.span.start), 40)).join('|');
        add(`MERGED ${over.length > 2 ? '3+' : '2'} gold ${sameAttribution ? '(fragments of one)' : '(different attributions)'}${where}${tag}`, ctx(g) + ` between «${between}»`);
        continue;
      }
      const pieces = pred.filter((o) => overlaps(o.span, g.span));
      if (pieces.length > 1) {
        // Classified once per gold span (at its first piece), by what lies between the pieces.
        if (pieces[0] !== p) continue;
        const gaps = pieces.slice(1).map((o, k) => gapClass(t.slice(pieces[k].span.end, o.span.start), inside(goldCues, pieces[k].span.end, o.span.start)));
        add(`SPLIT gold into ${pieces.length} at ${[...new Set(gaps)].join(', ')}${tag}`, ctx(g) + ` gaps «${pieces.slice(1).map((o, k) => clip(t.slice(pieces[k].span.end, o.span.start), 40)).join('|')}»`);
        continue;
      }
      const parts: string[] = [];
      const S = p.span;
      const G = g.span;
      if (S.start < G.start) parts.push(`start earlier by ${deltaClass(t.slice(S.start, G.start), inside(predCues, S.start, G.start), inside(goldCues, S.start, G.start))}`);
      if (S.start > G.start) parts.push(`start later by ${deltaClass(t.slice(G.start, S.start), inside(predCues, G.start, S.start), inside(goldCues, G.start, S.start))}`);
      if (S.end > G.end) parts.push(`end later by ${deltaClass(t.slice(G.end, S.end), inside(predCues, G.end, S.end), inside(goldCues, G.end, S.end))}`);
      if (S.end < G.end) parts.push(`end earlier by ${deltaClass(t.slice(S.end, G.end), inside(predCues, S.end, G.end), inside(goldCues, S.end, G.end))}`);
      for (const part of parts) {
        const edge = part.split(' by ')[0] + (parts.length > 1 ? ' (both edges)' : '');
        edgeTotals.set(edge, (edgeTotals.get(edge) ?? 0) + 1);
      }
      add(parts.join(' & ') + tag, ctx(g));
    }
  });
  console.log(`\n=== ${role}: ${pairs} predicted spans overlap a gold span with another extent`);
  for (const [k, n] of [...edgeTotals].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
  console.log('--- classes');
  for (const [k, v] of [...classes].sort((a, b) => b[1].n - a[1].n).slice(0, Number(option("--classes") ?? 120))) {
    console.log(`${String(v.n).padStart(5)}  ${k}`);
    for (const e of v.ex) console.log(`         ${e}`);
  }
}
