// What stands at an offset: entity mention, figure or quote. Built once per analysis
// (cached), answered by binary search so hovers stay fast on large documents. Pure.
//
// The spans are kept in typed arrays (start, end, index of the item), not as one object per
// span: a large document has tens of thousands of them, made right after its analysis
// arrives. As objects they were megabytes of young objects that the next scavenge had to
// copy and promote, and that scavenge came during the next hovers (tens of ms). Typed
// arrays live outside the JavaScript heap: nothing for the collector to copy or scan.
import type { DocumentAnalysis, Entity, Figure, Quote, Span } from '../analysis/types';

export interface Located<T> {
  span: Span;
  item: T;
}

/** Spans of one kind of item, by start (the longer first at the same start), each with the
 * index of its item in `items`. */
export interface SpanTable<T> {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly itemIndexes: Int32Array;
  readonly items: readonly T[];
}

export interface OffsetIndex {
  mentions: SpanTable<Entity>;
  figures: SpanTable<Figure>;
  quotes: SpanTable<Quote>;
  /** Where a quote's source is written ("he", "the diplomat", "Robinson"). */
  sources: SpanTable<Quote>;
  entitiesById: Map<string, Entity>;
}

/** Collects spans in any order, then sorts them into a SpanTable. */
class SpanTableBuilder<T> {
  private starts: Int32Array;
  private ends: Int32Array;
  private itemIndexes: Int32Array;
  private length = 0;

  constructor(
    private readonly items: readonly T[],
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.itemIndexes = new Int32Array(capacity);
  }

  add(span: Span, itemIndex: number): void {
    const at = this.length++;
    this.starts[at] = span.start;
    this.ends[at] = span.end;
    this.itemIndexes[at] = itemIndex;
  }

  build(): SpanTable<T> {
    const n = this.length;
    const starts = this.starts.subarray(0, n);
    const ends = this.ends.subarray(0, n);
    const itemIndexes = this.itemIndexes.subarray(0, n);
    const before = (a: number, b: number) => starts[a] - starts[b] || ends[b] - ends[a];
    let inOrder = true;
    for (let i = 1; i < n && inOrder; i++) inOrder = before(i - 1, i) <= 0;
    // Figures and quotes come in text order, mentions entity by entity: sort only if needed.
    if (inOrder) return { starts, ends, itemIndexes, items: this.items };
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Equal spans keep the order they were added in.
    order.sort((a, b) => before(a, b) || a - b);
    const sorted = { starts: new Int32Array(n), ends: new Int32Array(n), itemIndexes: new Int32Array(n), items: this.items };
    for (let i = 0; i < n; i++) {
      const from = order[i];
      sorted.starts[i] = starts[from];
      sorted.ends[i] = ends[from];
      sorted.itemIndexes[i] = itemIndexes[from];
    }
    return sorted;
  }
}

const cache = new WeakMap<DocumentAnalysis, OffsetIndex>();

export function offsetIndex(analysis: DocumentAnalysis): OffsetIndex {
  let index = cache.get(analysis);
  if (!index) {
    const { entities, figures, quotes } = analysis;
    let mentionCount = 0;
    for (const entity of entities) mentionCount += entity.mentions.length;
    const mentions = new SpanTableBuilder(entities, mentionCount);
    entities.forEach((entity, i) => {
      for (const span of entity.mentions) mentions.add(span, i);
    });
    const figureSpans = new SpanTableBuilder(figures, figures.length);
    figures.forEach((figure, i) => figureSpans.add(figure.span, i));
    const quoteSpans = new SpanTableBuilder(quotes, quotes.length);
    let sourceCount = 0;
    quotes.forEach((quote, i) => {
      quoteSpans.add(quote.span, i);
      if (quote.source?.span) sourceCount++;
    });
    const sources = new SpanTableBuilder(quotes, sourceCount);
    quotes.forEach((quote, i) => {
      if (quote.source?.span) sources.add(quote.source.span, i);
    });
    index = {
      mentions: mentions.build(),
      figures: figureSpans.build(),
      quotes: quoteSpans.build(),
      sources: sources.build(),
      entitiesById: new Map(entities.map((entity) => [entity.id, entity])),
    };
    cache.set(analysis, index);
  }
  return index;
}

const idMapsCache = new WeakMap<DocumentAnalysis, { entitiesById: Map<string, Entity>; figuresById: Map<string, Figure> }>();

/** Entities and figures by id, without the offset tables (claims need only these: an
 * indexed file's summary is made once and never hovered). */
export function idMaps(analysis: DocumentAnalysis): { entitiesById: Map<string, Entity>; figuresById: Map<string, Figure> } {
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
export function itemAt<T>(table: SpanTable<T>, offset: number): Located<T> | undefined {
  const { starts, ends } = table;
  let low = 0;
  let high = starts.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  let best = -1;
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (offset < ends[i] && (best < 0 || ends[i] - starts[i] < ends[best] - starts[best])) best = i;
  }
  if (best < 0) return undefined;
  return { span: { start: starts[best], end: ends[best] }, item: table.items[table.itemIndexes[best]] };
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
