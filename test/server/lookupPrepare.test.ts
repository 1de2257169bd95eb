import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { itemAt, offsetIndex, prepareLookups, quoteCounts } from '../../server/src/features/lookup';

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
