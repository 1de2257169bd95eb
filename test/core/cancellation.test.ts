// A long analysis can be stopped between its stages when a newer text makes it useless.
import * as assert from 'assert';
import { AnalysisCancelled, analyze } from '../../server/src/analysis';
import { article } from './incrementalFixture';

describe('cancelling an analysis', () => {
  it('asks between the stages and stops at the first "yes" with AnalysisCancelled', () => {
    const text = article();
    let asked = 0;
    const stopAt = 3;
    assert.throws(
      () => analyze(text, { isCancelled: () => ++asked >= stopAt }),
      (error: unknown) => error instanceof AnalysisCancelled,
    );
    assert.strictEqual(asked, stopAt, 'no stage ran after the analysis was cancelled');
  });

  it('gives the same analysis when it is never cancelled', () => {
    const text = article();
    let asked = 0;
    const checked = analyze(text, { isCancelled: () => (asked++, false) });
    assert.ok(asked >= 4, `asked ${asked} times`);
    assert.deepStrictEqual(checked, analyze(text));
  });
});
