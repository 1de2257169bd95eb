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

  it('keeps a partial quotation that no clause holds as a Content of its own', () => {
    const text = 'The report was labelled “deeply flawed” by reviewers at the harbour board.';
    const analysis = analyze(text);
    const partial = analysis.quotes.find((q) => q.kind === 'partial');
    assert.ok(partial);
    assert.ok(!analysis.quotes.some((q) => q.kind === 'indirect' && q.span.start <= partial.span.start && partial.span.end <= q.span.end));
    const contents = ours.run(text).attributions.map((a) => slice(text, a.content![0]));
    assert.ok(contents.includes('“deeply flawed”'));
  });

  it('scores only whole quotations as quotations in marks, with their speaker', () => {
    const text = '“We will rebuild the pier before winter,” said Oscar Lindqvist. The “temporary” closure lasted a year.';
    const out = ours.run(text);
    assert.deepStrictEqual(out.quotes.map((q) => slice(text, q.span)), ['“We will rebuild the pier before winter,”']);
    assert.strictEqual(slice(text, out.quotes[0].sourceSpan!), 'Oscar Lindqvist');
  });
});
