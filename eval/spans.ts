// Character spans and the small helpers every reader, aligner and metric shares.
// Offsets are UTF-16 code units into the rebuilt (or given) document text; `end` is exclusive.

export interface CharSpan {
  start: number;
  end: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC'];

export interface TypedSpan extends CharSpan {
  type: EntityType;
}

/** One attribution component; split annotations keep several fragments, in text order. */
export type Fragments = CharSpan[];

export type AttributionRole = 'Source' | 'Cue' | 'Content';
export const ATTRIBUTION_ROLES: readonly AttributionRole[] = ['Source', 'Cue', 'Content'];

export interface Attribution {
  source?: Fragments;
  cue?: Fragments;
  content?: Fragments;
}

/** A gold document: its text plus whatever gold the corpus carries. */
export interface GoldDocument {
  id: string;
  text: string;
  entities?: TypedSpan[];
  attributions?: Attribution[];
}

export function spanKey(span: CharSpan): string {
  return `${span.start}:${span.end}`;
}

export function overlaps(a: CharSpan, b: CharSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

export function fragmentsOverlap(a: Fragments, b: Fragments): boolean {
  return a.some((x) => b.some((y) => overlaps(x, y)));
}

/**
 * Normalises a fragment list so equal coverage compares equal: sorted, empty fragments
 * dropped, and neighbours merged when only whitespace separates them (brat splits a
 * span around a line break; a system that returns one span over it means the same).
 */
export function normalizeFragments(text: string, fragments: Fragments): Fragments {
  const sorted = fragments.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: CharSpan[] = [];
  for (const fragment of sorted) {
    const last = merged[merged.length - 1];
    if (last && (fragment.start <= last.end || text.slice(last.end, fragment.start).trim() === '')) {
      last.end = Math.max(last.end, fragment.end);
    } else {
      merged.push({ start: fragment.start, end: fragment.end });
    }
  }
  return merged;
}

export function fragmentsKey(fragments: Fragments): string {
  return fragments.map(spanKey).join(';');
}

/** Quote marks we recognise at the edges of a quotation (straight, curly, guillemets, doubled). */
const QUOTE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', "'", '\u2018', '\u2019', '`']);
/** Punctuation and spaces ignored at the edges when comparing quotations. */
const EDGE_NOISE = /[\s.,;:!?\u2014\u2013\-()]/;

/** Trims whitespace and edge punctuation (not quote marks). */
export function trimEdgeNoise(text: string, span: CharSpan): CharSpan {
  let { start, end } = span;
  while (start < end && EDGE_NOISE.test(text[start])) start++;
  while (end > start && EDGE_NOISE.test(text[end - 1])) end--;
  return { start, end };
}

/** True when the span, modulo edge whitespace/punctuation, begins and ends with a quote mark. */
export function isInQuotationMarks(text: string, span: CharSpan): boolean {
  const trimmed = trimEdgeNoise(text, span);
  if (trimmed.end - trimmed.start < 2) return false;
  return QUOTE_MARKS.has(text[trimmed.start]) && QUOTE_MARKS.has(text[trimmed.end - 1]);
}

/**
 * The comparison key of a quotation: the span with edge whitespace, punctuation and quote
 * marks all trimmed, so `"We will win," she said` and `“We will win,”` compare equal.
 */
export function quotationKey(text: string, span: CharSpan): string {
  let { start, end } = span;
  const noise = (ch: string) => EDGE_NOISE.test(ch) || QUOTE_MARKS.has(ch);
  while (start < end && noise(text[start])) start++;
  while (end > start && noise(text[end - 1])) end--;
  return `${start}:${end}`;
}

/** Word tokens (letters/digits runs) and single punctuation marks, as spans; linear scan. */
export function wordTokens(text: string): CharSpan[] {
  const tokens: CharSpan[] = [];
  const pattern = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    tokens.push({ start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Marks, in a per-token bitmap, the tokens any fragment touches. */
export function coverTokens(tokens: CharSpan[], fragments: Fragments, into: Uint8Array): void {
  for (const fragment of fragments) {
    // Binary search for the first token ending after fragment.start.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= fragment.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.length && tokens[i].start < fragment.end; i++) into[i] = 1;
  }
}
