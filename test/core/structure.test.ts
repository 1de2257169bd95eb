// Structure and sentences: headers, datelines, Markdown, boilerplate, abbreviations.
import * as assert from 'assert';
import { analyze, slice } from './helpers';

describe('structure', () => {
  it('reads a Markdown article: heading, emphasis, links', () => {
    const text = [
      '# Port strike ends after **nine days**',
      '',
      '*By Lena Ortiz and Tomas Vidal*',
      '',
      'LISBON (Reuters) - Dock workers at the [Port of Lisbon](https://example.com/port) returned to work on Friday, the union said.',
      '',
      'The strike cost exporters about €40 million, the *Lisbon Chamber of Commerce* estimated.',
    ].join('\n');
    const a = analyze(text);
    assert.strictEqual(slice(text, a.structure.headline!), 'Port strike ends after **nine days**');
    assert.deepStrictEqual(a.structure.byline?.authors, ['Lena Ortiz', 'Tomas Vidal']);
    assert.strictEqual(a.structure.dateline?.place, 'LISBON');
    assert.strictEqual(a.structure.dateline?.agency, 'Reuters');
    assert.ok(a.entities.some((e) => e.name === 'Lena Ortiz' && e.kind === 'person'));
    assert.ok(a.entities.some((e) => e.name === 'Lisbon Chamber of Commerce' && e.kind === 'organization'));
    assert.ok(!a.entities.some((e) => /https|example/.test(e.name)), 'no entity from a link target');
    assert.deepStrictEqual(a.findings, []);
  });

  it('reads plain text with one paragraph per line (no blank lines)', () => {
    const text = 'Storm closes schools\nBy Ana Lima\nThe storm closed 40 schools, the ministry said.\nClasses resume on Monday.';
    const a = analyze(text);
    assert.deepStrictEqual(a.structure.paragraphs.map((p) => p.kind), ['headline', 'byline', 'body', 'body']);
  });

  it('reads datelines in several styles', () => {
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['Washington, Aug 8 (EFE).- The talks resumed.', 'Washington', 'Aug 8', 'EFE'],
      ['MEXICO CITY (Reuters) - The talks resumed.', 'MEXICO CITY', undefined, 'Reuters'],
      ['LONDON — The talks resumed.', 'LONDON', undefined, undefined],
      ['Paris, March 3, 2024 — The talks resumed.', 'Paris', 'March 3, 2024', undefined],
    ];
    for (const [text, place, date, agency] of cases) {
      const d = analyze(text).structure.dateline;
      assert.deepStrictEqual({ place: d?.place, date: d?.date, agency: d?.agency }, { place, date, agency }, text);
    }
    assert.strictEqual(analyze('The talks resumed - slowly.').structure.dateline, undefined);
  });

  it('puts trailing page furniture into boilerplate', () => {
    const text = 'The talks resumed on Monday.\n\nShare this article\n\nRelated Articles\n\nBack to top button';
    const a = analyze(text);
    assert.deepStrictEqual(a.structure.boilerplate.map((s) => slice(text, s)), ['Share this article', 'Related Articles', 'Back to top button']);
    assert.strictEqual(a.structure.paragraphs[0].kind, 'body');
  });
});

describe('sentences', () => {
  const split = (text: string) => analyze(text).sentences.map((s) => slice(text, s.span));

  it('does not split at abbreviations, initials or decimals', () => {
    assert.deepStrictEqual(split('Mr. Smith met Dr. Jones on Aug. 8 in the U.S. capital. Growth was 3.5 percent.'), [
      'Mr. Smith met Dr. Jones on Aug. 8 in the U.S. capital.',
      'Growth was 3.5 percent.',
    ]);
    assert.deepStrictEqual(split('The novel by J. R. R. Tolkien sold well. It was reprinted.'), [
      'The novel by J. R. R. Tolkien sold well.',
      'It was reprinted.',
    ]);
  });

  it('splits after a dotted abbreviation that ends a sentence', () => {
    assert.deepStrictEqual(split('The plant moved to the U.S. The workers stayed.'), ['The plant moved to the U.S.', 'The workers stayed.']);
  });

  it('keeps closing quotes with their sentence and handles ellipses', () => {
    assert.deepStrictEqual(split('He said: “We are done.” Then he left... The end came later… Nobody knew.'), [
      'He said: “We are done.”',
      'Then he left...',
      'The end came later…',
      'Nobody knew.',
    ]);
    assert.deepStrictEqual(split('“Are we safe?” she asked. “Yes.”'), ['“Are we safe?” she asked.', '“Yes.”']);
  });

  it('does not split inside “…,” he said', () => {
    assert.deepStrictEqual(split('“It is over!” he said. Then silence.'), ['“It is over!” he said.', 'Then silence.']);
  });
});
