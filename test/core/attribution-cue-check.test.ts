// proposeForSentence looks up only the words that pass the cue word filter before it knows
// the sentence has a cue word: a sentence without one adds no other word to the word
// table, and a cue word outside quotation marks still gets the sentence tagged.
import * as assert from 'assert';
import { attributionModel, proposeForSentence } from '../../server/src/analysis/attributionModel/index';
import { wordTable } from '../../server/src/analysis/attributionModel/features';
import { tokenize } from '../../server/src/analysis/text';
import type { Sentence } from '../../server/src/analysis/types';

function propose(text: string, quoted: (k: number, n: number) => boolean) {
  const tokens = tokenize(text, 0, text.length);
  const sentence = { span: { start: 0, end: text.length } } as Sentence;
  const flags = tokens.map((_, k) => quoted(k, tokens.length));
  return proposeForSentence(0, sentence, tokens, [], [], [], attributionModel(), flags);
}

describe('attribution tagger: cue word check before tagging', () => {
  const model = attributionModel();

  it('adds no word to the table for a sentence without a cue word', () => {
    propose('Warm-up words so the table exists.', () => false);
    const table = wordTable(model.cueWords, model.bits);
    const before = table.size;
    const fresh = 'Zqxvw blorft grinthaxel mmmpfh 7731 quorbly.';
    assert.deepStrictEqual(propose(fresh, () => false), []);
    // At most the words the cheap filter let through were looked up (none are cue words).
    const passed = tokenize(fresh, 0, fresh.length).filter((t) => t.word).length;
    assert.ok(table.size - before < passed, `${table.size - before} of ${passed} words looked up`);
  });

  it('tags a sentence whose cue word stands outside quotation marks, not one whose cue word is quoted', () => {
    const text = 'Mayor Dana Quill said the pier would reopen in May.';
    const open = propose(text, () => false);
    assert.ok(open.length > 0, 'a cue outside quotation marks');
    assert.deepStrictEqual(propose(text, () => true), [], 'every word quoted');
  });
});
