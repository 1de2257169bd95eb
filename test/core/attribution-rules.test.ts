// Attribution rules added for issue 3 (PolNeAR error classes), each on a small text of our own.
import * as assert from 'assert';
import { analyze, slice } from './helpers';

describe('attribution rules (issue 3 error classes)', () => {
  it('takes a plain noun phrase between a comma and a sentence-final cue as the source', () => {
    const text = 'The harbour fee will rise to $40 next spring, lawyers for the ferry company said.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect');
    assert.ok(q, 'an indirect attribution');
    assert.strictEqual(slice(text, q!.source!.span!), 'lawyers for the ferry company');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), 'said');
    assert.strictEqual(q!.text, 'The harbour fee will rise to $40 next spring');
  });
});
