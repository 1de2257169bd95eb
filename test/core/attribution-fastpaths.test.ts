// Cheap tests in front of the attribution rules' lookups: they may only rule out what the
// full lookup would rule out (texts of our own).
import * as assert from 'assert';
import { MORE_CUE_VERBS, mayBeCueVerb } from '../../server/src/analysis/attribution';
import { SPEECH_VERBS } from '../../server/src/analysis/lexicon';
import { tokenize } from '../../server/src/analysis/text';

describe('attribution: cue verb prefilter', () => {
  it('passes every cue verb', () => {
    for (const w of [...SPEECH_VERBS, ...MORE_CUE_VERBS]) assert.ok(mayBeCueVerb(w), w);
  });

  it('rules out only words that are no cue verb, and most of them', () => {
    const text =
      'The harbour board said on Tuesday that repairs to the old pier, which closed in March after a storm, ' +
      'would cost 4.2 million dollars; Mayor Dana Quill told reporters she expects the work to finish by May, ' +
      'though critics argue the estimate is optimistic and warned of delays. Émile Zoë naïve café “quoted” ' +
      'saidx xsaid sai d says tells claimed believes callers shows showed';
    let ruledOut = 0;
    const words = tokenize(text, 0, text.length).filter((t) => t.word).map((t) => t.text.toLowerCase());
    for (const w of words) {
      const isCue = SPEECH_VERBS.has(w) || MORE_CUE_VERBS.has(w);
      if (!mayBeCueVerb(w)) {
        assert.ok(!isCue, w);
        ruledOut++;
      }
    }
    assert.ok(ruledOut > words.length / 2, `${ruledOut} of ${words.length}`);
    // By first two, last code unit and length: four in five of the other words here (the rest: accented words, 'closed', 'repairs', …).
    const others = words.filter((w) => !(SPEECH_VERBS.has(w) || MORE_CUE_VERBS.has(w)));
    assert.ok(ruledOut >= others.length * 0.8, `${ruledOut} of ${others.length} other words`);
  });
});
