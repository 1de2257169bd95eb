// PolNeAR reader: `text/<article>.txt` plus brat standoff `attributions/<article>[_<annotator>].ann`.
// T lines: `Tn<TAB>Type start end[;start end]<TAB>text`; E lines tie an attribution's parts:
// `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`. One annotation per article: when an
// article was annotated more than once, the annotation file whose name sorts first is used.
import * as fs from 'fs';
import * as path from 'path';
import type { Attribution, Fragments, GoldDocument } from '../spans';

interface TextBound {
  type: string;
  fragments: Fragments;
}

/** Parses a brat .ann file into attributions (one per E line, plus lone Source/Cue/Content T lines). */
export function parseBrat(content: string): Attribution[] {
  const textBounds = new Map<string, TextBound>();
  const events: string[][] = [];
  for (const line of content.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    if (cols[0].startsWith('T')) {
      const firstSpace = cols[1].indexOf(' ');
      if (firstSpace < 0) continue;
      const type = cols[1].slice(0, firstSpace);
      const fragments: Fragments = [];
      for (const part of cols[1].slice(firstSpace + 1).split(';')) {
        const [start, end] = part.trim().split(/\s+/).map(Number);
        if (Number.isFinite(start) && Number.isFinite(end)) fragments.push({ start, end });
      }
      textBounds.set(cols[0], { type, fragments });
    } else if (cols[0].startsWith('E')) {
      events.push(cols[1].trim().split(/\s+/));
    }
  }
  const attributions: Attribution[] = [];
  const used = new Set<string>();
  for (const args of events) {
    const attribution: Attribution = {};
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const bound = ref ? textBounds.get(ref) : undefined;
      if (!bound) continue;
      // Roles may carry a numeric suffix in brat (Source2); fold them into one component.
      const base = role.replace(/\d+$/, '');
      const key = base === 'Source' ? 'source' : base === 'Cue' ? 'cue' : base === 'Content' ? 'content' : undefined;
      if (!key) continue;
      attribution[key] = [...(attribution[key] ?? []), ...bound.fragments];
      used.add(ref);
    }
    if (attribution.source || attribution.cue || attribution.content) attributions.push(attribution);
  }
  // Components not tied by any E line still count as gold components.
  for (const [id, bound] of [...textBounds].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))) {
    if (used.has(id)) continue;
    if (bound.type === 'Source') attributions.push({ source: bound.fragments });
    else if (bound.type === 'Cue') attributions.push({ cue: bound.fragments });
    else if (bound.type === 'Content') attributions.push({ content: bound.fragments });
  }
  return attributions;
}

/** Picks one annotation file per article: the lexicographically first `<article>[_<annotator>].ann`. */
export function pickAnnotations(articleNames: string[], annotationFiles: string[]): Map<string, string> {
  const articles = new Set(articleNames);
  const chosen = new Map<string, string>();
  for (const file of [...annotationFiles].sort()) {
    const base = file.replace(/\.ann$/, '');
    const article = articles.has(base) ? base : base.replace(/_[^_]+$/, '');
    if (!articles.has(article) || chosen.has(article)) continue;
    chosen.set(article, file);
  }
  return chosen;
}

/** brat counts code points (Python string offsets); JS spans count UTF-16 units. */
export function toUtf16Offsets(text: string, attributions: Attribution[]): Attribution[] {
  if (!/[\uD800-\uDBFF]/.test(text)) return attributions;
  const unitAt: number[] = [];
  let unit = 0;
  for (const ch of text) {
    unitAt.push(unit);
    unit += ch.length;
  }
  unitAt.push(unit);
  const map = (fragments?: Fragments) => fragments?.map((f) => ({ start: unitAt[f.start] ?? unit, end: unitAt[f.end] ?? unit }));
  return attributions.map((a) => ({ source: map(a.source), cue: map(a.cue), content: map(a.content) }));
}

/** Reads a PolNeAR folder (with text/ and attributions/). */
export function readPolnear(folder: string): GoldDocument[] {
  const textDir = path.join(folder, 'text');
  const annDir = path.join(folder, 'attributions');
  if (!fs.existsSync(textDir) || !fs.existsSync(annDir)) throw new Error(`${folder}: expected text/ and attributions/ folders`);
  const articles = fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
  const chosen = pickAnnotations(articles, fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')));
  const documents: GoldDocument[] = [];
  for (const article of articles) {
    const annotation = chosen.get(article);
    if (!annotation) continue;
    const text = fs.readFileSync(path.join(textDir, `${article}.txt`), 'utf8');
    const attributions = parseBrat(fs.readFileSync(path.join(annDir, annotation), 'utf8'));
    documents.push({ id: article, text, attributions: toUtf16Offsets(text, attributions) });
  }
  return documents;
}
