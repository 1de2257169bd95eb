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

  it('ends a reported clause before "and proposed …", a second report by the same source', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater said the fares were far too high and proposed a cheaper pass for islanders.';
    const check = (on: boolean) => withSwitch('coordinatedCue', on, () => triples(text));
    const on = check(true);
    assert.ok(on.includes('Oscar Brightwater | said | the fares were far too high'), on.join('\n'));
    assert.ok(on.some((t) => t.endsWith('| proposed | a cheaper pass for islanders')), on.join('\n'));
    const off = check(false);
    assert.ok(!off.includes('Oscar Brightwater | said | the fares were far too high'), off.join('\n'));
  });

  it('keeps the second report, which the first clause held nested, as an attribution of its own', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater told reporters that the fares were far too high and insisted the board should resign.';
    const check = (on: boolean) => withSwitch('coordinatedCue', on, () => triples(text));
    const on = check(true);
    assert.ok(on.some((t) => t.endsWith('| insisted | the board should resign')), on.join('\n'));
    assert.ok(on.some((t) => t.endsWith('| that the fares were far too high')), on.join('\n'));
    const off = check(false);
    assert.ok(!off.some((t) => t.endsWith('| insisted | the board should resign')), off.join('\n'));
  });
});
