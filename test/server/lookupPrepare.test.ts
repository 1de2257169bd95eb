import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { itemAt, offsetIndex, prepareLookups, quoteCounts, type SpanTable } from '../../server/src/features/lookup';
import type { MarkupContent } from 'vscode-languageserver';
import { makeEntry } from '../../server/src/analysisStore';
import { prepareHovers } from '../../server/src/features/hover';
import { article } from '../core/incrementalFixture';

describe('hover lookups made ahead', () => {
  it('are the ones hovers then read (made once per analysis)', () => {
    const text = 'Maria Keller, the mayor, said the plan would cost $24 million.\n\n“We cannot wait,” Keller said.\n';
    const analysis = analyze(text);
    prepareLookups(analysis);
    const index = offsetIndex(analysis);
    assert.equal(offsetIndex(analysis), index);
    assert.equal(quoteCounts(analysis), quoteCounts(analysis));
    const figure = itemAt(index.figures, text.indexOf('$24') + 1);
    assert.equal(figure?.item.text, '$24 million');
    // Another analysis of the same text has its own.
    assert.notEqual(offsetIndex(analyze(text)), index);
  });
});

describe('hover lookups: the span tables', () => {
  /** The innermost item holding the offset, by looking at every span (of equal spans, the
   * last: two quotes may share the words that name their source). */
  function naive<T>(spans: { span: { start: number; end: number }; item: T }[], offset: number): T | undefined {
    let best: { span: { start: number; end: number }; item: T } | undefined;
    for (const candidate of spans) {
      const { start, end } = candidate.span;
      if (start <= offset && offset < end && (!best || end - start <= best.span.end - best.span.start)) best = candidate;
    }
    return best?.item;
  }

  it('answer every offset of an article as a scan of the analysis does', () => {
    const text = article();
    const analysis = analyze(text);
    const index = offsetIndex(analysis);
    const mentions = analysis.entities.flatMap((entity) => entity.mentions.map((span) => ({ span, item: entity })));
    const figures = analysis.figures.map((figure) => ({ span: figure.span, item: figure }));
    const quotes = analysis.quotes.map((quote) => ({ span: quote.span, item: quote }));
    const sources = analysis.quotes.flatMap((quote) => (quote.source?.span ? [{ span: quote.source.span, item: quote }] : []));
    assert.ok(mentions.length > 5 && figures.length > 2 && quotes.length > 2 && sources.length > 1, 'the fixture has items of each kind');
    // Mentions are collected entity by entity: out of text order, so the table is sorted.
    assert.ok(mentions.some((m, i) => i > 0 && m.span.start < mentions[i - 1].span.start));
    for (let offset = 0; offset <= text.length; offset++) {
      for (const [table, spans] of [
        [index.mentions, mentions],
        [index.figures, figures],
        [index.quotes, quotes],
        [index.sources, sources],
      ] as const) {
        const found = itemAt(table as SpanTable<unknown>, offset);
        assert.equal(found?.item, naive(spans as { span: { start: number; end: number }; item: unknown }[], offset), `offset ${offset}`);
        if (found) assert.ok(found.span.start <= offset && offset < found.span.end);
      }
    }
  });

  it('take the innermost of nested spans', () => {
    const analysis = analyze('Maria Keller said the plan would cost $24 million.\n');
    const outer = { ...analysis.figures[0], id: 'outer', span: { start: 0, end: 50 } };
    const inner = { ...analysis.figures[0], id: 'inner', span: { start: 10, end: 20 } };
    const index = offsetIndex({ ...analysis, figures: [outer, inner] });
    assert.equal(itemAt(index.figures, 5)?.item.id, 'outer');
    assert.equal(itemAt(index.figures, 15)?.item.id, 'inner');
    assert.deepEqual(itemAt(index.figures, 15)?.span, { start: 10, end: 20 });
    assert.equal(itemAt(index.figures, 25)?.item.id, 'outer');
    assert.equal(itemAt(index.figures, 50), undefined);
  });
});

describe('prepareHovers (on a full analysis’ arrival)', () => {
  it('makes the lookups and hovers once on the first item of each kind', () => {
    const text = article();
    const entry = makeEntry('file:///tmp/prepare-hovers.txt', 1, 'plaintext', text, analyze(text));
    const [figure, mention, source, quote] = prepareHovers(entry).map((hover) => (hover?.contents as MarkupContent | undefined)?.value ?? '');
    const index = offsetIndex(entry.analysis);
    assert.match(figure, /^\*\*Figure\*\*/);
    assert.match(mention, new RegExp(`^\\*\\*${index.mentions.items[index.mentions.itemIndexes[0]].name}\\*\\*`));
    assert.match(source, /^\*\*Source\*\* of/);
    assert.match(quote, /quote\*\*|Reported speech\*\*/);
    // The lookups it made are the ones later hovers read.
    assert.equal(offsetIndex(entry.analysis), index);
  });

  it('hovers nothing where a document has nothing', () => {
    const entry = makeEntry('file:///tmp/empty.txt', 1, 'plaintext', '\n', analyze('\n'));
    assert.deepEqual(prepareHovers(entry), [null, null, null, null]);
  });
});
