// Cheap first tests in front of the attribution rules' regexes (issue 4): each may only
// rule out what the regex would rule out (texts of our own).
import * as assert from 'assert';
import { withClosingWeekday } from '../../server/src/analysis/attribution';
import { findHeadlineVerbAttribution } from '../../server/src/analysis/headlineAttribution';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { triples, withSwitch } from './helpers';

/** withClosingWeekday as the regex alone reads it (no pre-check). */
function closingWeekdayByRegex(text: string, cue: { start: number; end: number }): { start: number; end: number } {
  const m = /^ (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\./.exec(text.slice(cue.end, cue.end + 11));
  return m ? { start: cue.start, end: cue.end + m[0].length - 1 } : cue;
}

describe('attribution: pre-checks before the rules\' regexes', () => {
  it('extends a cue by a closing weekday exactly where the regex alone does', () => {
    const tails = ['', ' ', '.', ' Monday.', ' Monday', ' monday.', ' Mon.', ' Tuesday.', ' Wednesday.', ' Thursday.', ' Friday.', ' Saturday.', ' Sunday.',
      '  Friday.', ' Friday,', ' Fridays.', ' Sunday. More', ' Tomorrow.', ' May.', ' Wed.', ' Saturday', '\tFriday.', ' Sunday!'];
    let extended = 0;
    for (const tail of tails) {
      const text = `Quill said${tail}`;
      const cue = { start: 6, end: 10 };
      const expected = closingWeekdayByRegex(text, cue);
      assert.deepStrictEqual(withClosingWeekday(text, cue), expected, JSON.stringify(tail));
      if (expected !== cue) extended++;
    }
    assert.strictEqual(extended, 8);
  });

  it('finds a title-case headline verb of every kind and length, with or without the closing full stop', () => {
    for (const verb of ['Say', 'Says', 'Shows', 'Showed', 'Predicts', 'Believes', 'Suggests', 'Urges', 'Insists']) {
      for (const text of [`Harbour Board ${verb} Pier Will Open In May\n\nThe board met.`, `Pier Will Open In May, Harbour Chief ${verb}.\n\nThe board met.`]) {
        const found = findHeadlineVerbAttribution(text, analyzeStructure(text));
        assert.ok(found, text);
        assert.strictEqual(text.slice(found.cue.start, found.cue.end), verb, text);
      }
    }
    const none = 'Harbour Board Said-ish Pier Will Open\n\nThe board met.';
    assert.strictEqual(findHeadlineVerbAttribution(none, analyzeStructure(none)), undefined);
  });

  it('takes a carrier phrase before the source with any preposition and any spaces before the name, as the regex does', () => {
    for (const carrier of ['A 2019 study by', 'A new ad from', 'The report released by', 'An analysis of', 'A memo for', 'A 2019 study by\u00a0', 'A 2019 study by\u2009']) {
      const text = `${carrier} the Glenvale Institute found that the pier had paid for itself.`;
      const on = withSwitch('carrier', true, () => triples(text));
      assert.ok(on.some((t) => t.startsWith(`${carrier} the Glenvale Institute | found`)), `${carrier}: ${on.join('\n')}`);
    }
    // (Without the rule the tagger finds some of these; not this one.)
    const text = 'A 2019 study by\u00a0the Glenvale Institute found that the pier had paid for itself.';
    const off = withSwitch('carrier', false, () => triples(text));
    assert.ok(!off.some((t) => t.startsWith('A 2019 study')), off.join('\n'));
  });

  it('gives a contracted auxiliary to the cue with either apostrophe and a suffix of one or two letters', () => {
    for (const [text, cue] of [
      ['Quill spoke on Monday. He’s claiming the pier is safe.', '’s claiming'],
      ["Quill spoke on Monday. He's claiming the pier is safe.", "'s claiming"],
      ['The unions met on Monday. They’ve said the pier is safe.', '’ve said'],
      ["The unions met on Monday. They'd said the pier was safe.", "'d said"],
    ]) {
      const on = withSwitch('contraction', true, () => triples(text));
      assert.ok(on.some((t) => t.includes(` | ${cue} | `)), `${text}: ${on.join('\n')}`);
      const off = withSwitch('contraction', false, () => triples(text));
      assert.ok(!off.some((t) => t.includes(` | ${cue} | `)), `${text}: ${off.join('\n')}`);
    }
  });
});
