// The attribution tagger's cheap cue word filter (issue 4): a sentence whose words all fail
// it is not looked up word by word. It may only rule out words that are no cue word.
import * as assert from 'assert';
import { CueWordFilter } from '../../server/src/analysis/attributionModel/features';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';
import { tokenize } from '../../server/src/analysis/text';

/** Cases of a word: as is, capitalised, all capitals. */
function casesOf(w: string): string[] {
  return [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()];
}

describe('attribution tagger: cue word filter', () => {
  const cueWords = attributionModel().cueWords;
  const filter = new CueWordFilter(cueWords);

  it('passes every cue word of the shipped model in any case', () => {
    assert.ok(cueWords.size > 20);
    for (const w of cueWords) for (const c of casesOf(w)) assert.ok(filter.mayBeCueWord(c), c);
  });

  it('rules out only words whose lower case is no cue word, and most words of plain news text', () => {
    const text =
      'The harbour board met on Tuesday after repairs to the old pier, which closed in March after a storm, ' +
      'ran over budget by 4.2 million dollars; Mayor Dana Quill and the ferry union argued about the timetable, ' +
      'the fares and the weather. Émile Zoë naïve café “quoted” KELVIN \u212Aelvin İstanbul';
    const words = tokenize(text, 0, text.length).filter((t) => t.word).map((t) => t.text);
    let ruledOut = 0;
    for (const w of words) {
      if (filter.mayBeCueWord(w)) continue;
      assert.ok(!cueWords.has(w.toLowerCase()), w);
      ruledOut++;
    }
    assert.ok(ruledOut > words.length / 2, `${ruledOut} of ${words.length}`);
  });

  it('passes everything for a lexicon it cannot describe, and passes words with a non-ASCII end', () => {
    const odd = new CueWordFilter(new Set(['said', 'déclaré']));
    assert.ok(odd.mayBeCueWord('harbour'));
    const ascii = new CueWordFilter(new Set(['said', 'kelvin']));
    assert.ok(!ascii.mayBeCueWord('harbour'));
    assert.ok(ascii.mayBeCueWord('SAID'));
    // The Kelvin sign lower-cases to "k": a word that opens with it must pass.
    assert.ok(ascii.mayBeCueWord('\u212Aelvin'));
    assert.ok(ascii.mayBeCueWord('KELVIN'));
  });
});
