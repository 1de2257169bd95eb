// How our analysis maps to the scored PolNeAR spans (eval/systems.ts), on texts we write ourselves.
import * as assert from 'assert';
import { analyze } from '../../server/src/analysis/index';
import { ours } from '../../eval/systems';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('eval systems: our analysis as PolNeAR spans', () => {
  it('keeps the reported clause and drops the partial quotation nested in it', () => {
    const text = 'Mayor Helen Brandt said the new bridge was “a gift to the whole valley” and would open in May.';
    const analysis = analyze(text);
    // The analysis reports both: the clause (indirect) and the partial quotation inside it.
    assert.ok(analysis.quotes.some((q) => q.kind === 'partial'));
    const clause = analysis.quotes.find((q) => q.kind === 'indirect');
    assert.ok(clause, 'the clause is reported');
    const contents = ours.run(text).attributions.map((a) => slice(text, a.content![0]));
    assert.deepStrictEqual(contents, [slice(text, clause.span)]);
    assert.ok(contents[0].includes('“a gift to the whole valley”'));
  });

  it('does not score a quoted phrase with no source as an attribution', () => {
    // No clause of ours holds it either: the phrase alone would have been a Content.
    const text = 'The report was labelled “deeply flawed” by reviewers at the harbour board.';
    const analysis = analyze(text);
    const partial = analysis.quotes.find((q) => q.kind === 'partial');
    assert.ok(partial && !partial.source, 'the analysis reports the phrase, with no source');
    assert.deepStrictEqual(ours.run(text).attributions, []);
  });

  it('scores only whole quotations as quotations in marks, with their speaker', () => {
    const text = '“We will rebuild the pier before winter,” said Oscar Lindqvist. The “temporary” closure lasted a year.';
    const out = ours.run(text);
    assert.deepStrictEqual(out.quotes.map((q) => slice(text, q.span)), ['“We will rebuild the pier before winter,”']);
    assert.strictEqual(slice(text, out.quotes[0].sourceSpan!), 'Oscar Lindqvist');
  });
});
