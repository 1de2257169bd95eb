// Attribution span boundaries for issue 3 (PolNeAR Content / Source extents): each rule on
// a small text of our own, each checked with its switch in attributionSettings off as well.
import * as assert from 'assert';
import { triples, withSwitch } from './helpers';

describe('attribution span boundaries (issue 3)', () => {
  it('runs a reported clause on to the closing mark of a quotation it opens that spans sentences', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater said that the new fares “are a disgrace. They hurt every family on the island.”\n\nThe board did not reply.';
    const wanted = 'Oscar Brightwater | said | that the new fares “are a disgrace. They hurt every family on the island.”';
    const on = withSwitch('clauseToQuoteEnd', true, () => triples(text));
    assert.ok(on.includes(wanted), on.join('\n'));
    const off = withSwitch('clauseToQuoteEnd', false, () => triples(text));
    assert.ok(!off.includes(wanted), off.join('\n'));
  });

  it('reports the words between a cue and the quotation it takes as part of the content', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater called the plan “a betrayal of the island.” The board did not reply.';
    const wanted = 'Oscar Brightwater | called | the plan “a betrayal of the island.”';
    const on = withSwitch('objectThenQuote', true, () => triples(text));
    assert.ok(on.includes(wanted), on.join('\n'));
    const off = withSwitch('objectThenQuote', false, () => triples(text));
    assert.ok(!off.includes(wanted), off.join('\n'));
  });
});
