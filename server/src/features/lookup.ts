// What stands at an offset: entity mention, figure or quote. Built once per analysis
// (cached), answered by binary search so hovers stay fast on large documents. Pure.
import type { DocumentAnalysis, Entity, Figure, Quote, Span } from '../analysis/types';

export interface Located<T> {
  span: Span;
  item: T;
}

export interface OffsetIndex {
  mentions: Located<Entity>[];
  figures: Located<Figure>[];
  quotes: Located<Quote>[];
  /** Where a quote's source is written ("he", "the diplomat", "Robinson"). */
  sources: Located<Quote>[];
  entitiesById: Map<string, Entity>;
  figuresById: Map<string, Figure>;
}

const cache = new WeakMap<DocumentAnalysis, OffsetIndex>();

function sorted<T>(items: Located<T>[]): Located<T>[] {
  return items.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

export function offsetIndex(analysis: DocumentAnalysis): OffsetIndex {
  let index = cache.get(analysis);
  if (!index) {
    const mentions: Located<Entity>[] = [];
    for (const entity of analysis.entities) {
      for (const span of entity.mentions) mentions.push({ span, item: entity });
    }
    index = {
      mentions: sorted(mentions),
      figures: sorted(analysis.figures.map((figure) => ({ span: figure.span, item: figure }))),
      quotes: sorted(analysis.quotes.map((quote) => ({ span: quote.span, item: quote }))),
      sources: sorted(
        analysis.quotes.flatMap((quote) => (quote.source?.span ? [{ span: quote.source.span, item: quote }] : [])),
      ),
      ...idMaps(analysis),
    };
    cache.set(analysis, index);
  }
  return index;
}

const idMapsCache = new WeakMap<DocumentAnalysis, Pick<OffsetIndex, 'entitiesById' | 'figuresById'>>();

/** Entities and figures by id, without the sorted offset lists (claims need only these: an
 * indexed file's summary is made once and never hovered). */
export function idMaps(analysis: DocumentAnalysis): Pick<OffsetIndex, 'entitiesById' | 'figuresById'> {
  let maps = idMapsCache.get(analysis);
  if (!maps) {
    maps = {
      entitiesById: new Map(analysis.entities.map((entity) => [entity.id, entity])),
      figuresById: new Map(analysis.figures.map((figure) => [figure.id, figure])),
    };
    idMapsCache.set(analysis, maps);
  }
  return maps;
}

/** The innermost item whose span holds `offset` (start ≤ offset < end). Items may nest
 * (a partial quote inside a sentence) but rarely do; a short backward walk finds the holder. */
export function itemAt<T>(items: Located<T>[], offset: number): Located<T> | undefined {
  let low = 0;
  let high = items.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].span.start <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  let best: Located<T> | undefined;
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    const { span } = items[i];
    if (span.start <= offset && offset < span.end) {
      if (!best || span.end - span.start < best.span.end - best.span.start) best = items[i];
    }
  }
  return best;
}

const quoteCountsCache = new WeakMap<DocumentAnalysis, Map<string, { all: number; direct: number }>>();

/** Number of quotes (all kinds, and direct ones) attributed to each entity id; counted once
 * per analysis (every entity hover asks, and a large document has thousands of quotes). */
export function quoteCounts(analysis: DocumentAnalysis): Map<string, { all: number; direct: number }> {
  let counts = quoteCountsCache.get(analysis);
  if (!counts) {
    counts = countQuotes(analysis);
    quoteCountsCache.set(analysis, counts);
  }
  return counts;
}

function countQuotes(analysis: DocumentAnalysis): Map<string, { all: number; direct: number }> {
  const counts = new Map<string, { all: number; direct: number }>();
  for (const quote of analysis.quotes) {
    const id = quote.source?.entity;
    if (!id) continue;
    const count = counts.get(id) ?? { all: 0, direct: 0 };
    count.all++;
    if (quote.kind === 'direct') count.direct++;
    counts.set(id, count);
  }
  return counts;
}

/** Makes what hovers read of an analysis (offset index, quote counts) ahead of the first. */
export function prepareLookups(analysis: DocumentAnalysis): void {
  offsetIndex(analysis);
  quoteCounts(analysis);
}
