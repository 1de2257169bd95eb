// The Claims view's arrangement of claims (grouping, order, labels), tested without VS Code.
import * as assert from 'assert';
import type { ClaimItem, DocumentClaims } from '../../protocol/requests';
import {
  countClaims,
  groupClaims,
  NO_SOURCE_LABEL,
  orderDocuments,
  shortText,
  sourceLabel,
  UNNAMED_SOURCE_LABEL,
} from '../../client/src/claimsModel';

let nextLine = 0;
function claim(fields: Partial<ClaimItem> & Pick<ClaimItem, 'kind' | 'sourced'>, line = nextLine++): ClaimItem {
  return {
    id: `c${line}`,
    text: `claim on line ${line}`,
    range: { start: { line, character: 0 }, end: { line, character: 10 } },
    figures: [],
    entities: [],
    ...fields,
  };
}

describe('Claims view model', () => {
  const robinsonQuote = claim({ kind: 'quote', sourced: true, speaker: 'Todd Robinson', sourceText: 'he' }, 3);
  const unsourcedFigure = claim({ kind: 'statistic', sourced: false }, 5);
  const officials = claim({ kind: 'statement', sourced: true, sourceText: 'officials', vague: true }, 7);
  const robinsonFigure = claim({ kind: 'statistic', sourced: true, speaker: 'Todd Robinson' }, 9);
  const firstQuote = claim({ kind: 'quote', sourced: true, speaker: 'Xi Jinping' }, 1);
  // Deliberately out of document order.
  const claims = [robinsonFigure, unsourcedFigure, officials, robinsonQuote, firstQuote];

  it('groups by kind in the order quotes, statistics, statements, each in document order', () => {
    const groups = groupClaims(claims, 'kind');
    assert.deepStrictEqual(
      groups.map((group) => [group.label, group.claims.map((item) => item.id)]),
      [
        ['Quotes', ['c1', 'c3']],
        ['Statistics', ['c5', 'c9']],
        ['Statements', ['c7']],
      ],
    );
  });

  it('leaves out empty kinds', () => {
    assert.deepStrictEqual(
      groupClaims([unsourcedFigure], 'kind').map((group) => group.label),
      ['Statistics'],
    );
  });

  it('groups by speaker in order of first appearance, unsourced claims last', () => {
    const groups = groupClaims(claims, 'speaker');
    assert.deepStrictEqual(
      groups.map((group) => [group.label, group.claims.map((item) => item.id)]),
      [
        ['Xi Jinping', ['c1']],
        ['Todd Robinson', ['c3', 'c9']],
        ['officials', ['c7']],
        [NO_SOURCE_LABEL, ['c5']],
      ],
    );
  });

  it('keeps every claim exactly once, whatever the grouping', () => {
    for (const grouping of ['kind', 'speaker'] as const) {
      const ids = groupClaims(claims, grouping).flatMap((group) => group.claims.map((item) => item.id));
      assert.deepStrictEqual([...ids].sort(), claims.map((item) => item.id).sort(), grouping);
    }
  });

  it('puts a sourced claim without a name under an unnamed source, not under "No source"', () => {
    const unnamed = claim({ kind: 'quote', sourced: true }, 2);
    const groups = groupClaims([unnamed, unsourcedFigure], 'speaker');
    assert.deepStrictEqual(groups.map((group) => group.label), [UNNAMED_SOURCE_LABEL, NO_SOURCE_LABEL]);
  });

  it('names the source by resolved speaker first, then as written', () => {
    assert.strictEqual(sourceLabel(robinsonQuote), 'Todd Robinson');
    assert.strictEqual(sourceLabel(officials), 'officials');
    assert.strictEqual(sourceLabel(unsourcedFigure), undefined);
    assert.strictEqual(sourceLabel(claim({ kind: 'quote', sourced: true, speaker: '  ', sourceText: 'she' })), 'she');
  });

  it('shortens long text at a word boundary and collapses whitespace', () => {
    assert.strictEqual(shortText('  one\n two\tthree  '), 'one two three');
    const long = 'Everything we have seen shows that in fact fentanyl is being produced in Mexico, he said on Tuesday.';
    const short = shortText(long, 40);
    assert.ok(short.length <= 41, short);
    assert.ok(short.endsWith('…'));
    assert.ok(long.startsWith(short.slice(0, -1)), 'a prefix of the text');
    assert.ok(!/\s…$/.test(short), 'no space before the ellipsis');
    // A single word longer than the limit is cut inside the word.
    assert.strictEqual(shortText('x'.repeat(100), 10), 'x'.repeat(10) + '…');
  });

  it('counts claims and unsourced claims across documents', () => {
    const documents: DocumentClaims[] = [
      { uri: 'file:///a.txt', claims },
      { uri: 'file:///b.txt', claims: [unsourcedFigure] },
      { uri: 'file:///c.txt', claims: [] },
    ];
    assert.deepStrictEqual(countClaims(documents), { claims: 6, unsourced: 2 });
  });

  it('orders documents by URI with the active one first', () => {
    const documents: DocumentClaims[] = ['file:///c.txt', 'file:///a.txt', 'file:///b.txt'].map((uri) => ({ uri, claims: [] }));
    assert.deepStrictEqual(orderDocuments(documents, 'file:///b.txt').map((d) => d.uri), ['file:///b.txt', 'file:///a.txt', 'file:///c.txt']);
    assert.deepStrictEqual(orderDocuments(documents).map((d) => d.uri), ['file:///a.txt', 'file:///b.txt', 'file:///c.txt']);
    assert.deepStrictEqual(documents.map((d) => d.uri), ['file:///c.txt', 'file:///a.txt', 'file:///b.txt'], 'input left alone');
  });
});
