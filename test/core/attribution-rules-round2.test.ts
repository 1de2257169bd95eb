// Attribution rules for issue 3, round 2 of session 11: each on a small text of our own,
// each checked with its switch in attributionSettings off as well.
import * as assert from 'assert';
import { analyze, slice, triples, withSwitch } from './helpers';

describe('attribution rules, session 11 round 2 (issue 3)', () => {
  it('gives a participle cue after a comma the noun phrase that opens the sentence when no named subject stands there', () => {
    const text = 'The ferry board filed an appeal on Monday.\n\nThe harbour union sued the board, claiming the new fares broke the contract.';
    const wanted = 'The harbour union | claiming | the new fares broke the contract';
    const on = withSwitch('participleOpening', true, () => triples(text));
    assert.ok(on.includes(wanted), on.join('\n'));
    const off = withSwitch('participleOpening', false, () => triples(text));
    assert.ok(!off.includes(wanted), off.join('\n'));
  });

  it('does not take a sentence-opening "And" as the start of that subject', () => {
    const text = 'And the harbour union sued the board, claiming the new fares broke the contract.';
    const on = withSwitch('participleOpening', true, () => triples(text));
    assert.ok(!on.some((t) => t.startsWith('And ')), on.join('\n'));
  });

  it('reads a past-tense verb right before a colon that opens a quotation as its cue', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater retorted: “The fares will not rise this year.”';
    const speaker = (on: boolean) => withSwitch('colonVerb', on, () => analyze(text).quotes.find((q) => q.kind === 'direct')?.source);
    const on = speaker(true);
    assert.strictEqual(on?.cueSpan ? slice(text, on.cueSpan) : '', 'retorted:');
    assert.strictEqual(on?.span ? slice(text, on.span) : '', 'Oscar Brightwater');
    const off = speaker(false);
    assert.notStrictEqual(off?.cueSpan ? slice(text, off.cueSpan) : '', 'retorted:');
  });

  it('takes the phrase after "according to" as the source even without a determiner or a capital', () => {
    const text = 'The ferry board met on Monday.\n\nThe harbour company registered its boats in Glenvale in 2010, according to state corporate records.';
    const wanted = 'state corporate records | according to | The harbour company registered its boats in Glenvale in 2010';
    const on = withSwitch('accordingToAny', true, () => triples(text));
    assert.ok(on.includes(wanted), on.join('\n'));
    const off = withSwitch('accordingToAny', false, () => triples(text));
    assert.ok(!off.includes(wanted), off.join('\n'));
  });

  it('reads a present-tense verb right before a colon that opens a quotation as its cue', () => {
    const text = 'The ferry board met on Monday.\n\nOscar Brightwater muses: “The fares will not rise this year.”';
    const speaker = (on: boolean) => withSwitch('colonPresent', on, () => analyze(text).quotes.find((q) => q.kind === 'direct')?.source);
    const on = speaker(true);
    assert.strictEqual(on?.cueSpan ? slice(text, on.cueSpan) : '', 'muses:');
    assert.strictEqual(on?.span ? slice(text, on.span) : '', 'Oscar Brightwater');
    const off = speaker(false);
    assert.notStrictEqual(off?.cueSpan ? slice(text, off.cueSpan) : '', 'muses:');
  });
});

