// WordTable keeps each word's whole key (hash, suffix, facts) in its slot: across the
// table's growths every word must keep its id, its facts, and words with different keys
// (case, shape, suffix) different ids.
import * as assert from 'assert';
import { WordTable, cueSlotsOf, wordFacts } from '../../server/src/analysis/attributionModel/features';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';

describe('attribution tagger: word table slots', () => {
  it('keeps ids and facts through growth, one id per key', () => {
    const model = attributionModel();
    const table = new WordTable(model.cueWords, model.bits);
    const slots = cueSlotsOf(model.cueWords);
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const base = `w${i.toString(36)}x`;
      texts.push(base, base.toUpperCase(), base[0].toUpperCase() + base.slice(1), `${i}`, `${base}ing`);
    }
    texts.push('said', 'Said', 'SAID', 'that', 'That', ',', '“', '”', 'Straße', 'café');
    const ids = texts.map((t) => table.idOf(t));
    texts.forEach((t, k) => {
      assert.strictEqual(table.idOf(t), ids[k], t);
      const f = wordFacts(t, slots);
      assert.deepStrictEqual(
        [table.hash[ids[k]], table.suffix[ids[k]], table.wordShape[ids[k]], table.markShape[ids[k]], table.cueSlot[ids[k]], table.comma[ids[k]], table.that[ids[k]]],
        [f.hash, f.suffix, f.wordShape, f.markShape, f.cueSlot, f.comma, f.that],
        t,
      );
    });
    // Distinct keys, distinct ids (the texts above differ in their lower case or in their shape).
    const keyOf = (t: string) => JSON.stringify(wordFacts(t, slots));
    const idByKey = new Map<string, number>();
    texts.forEach((t, k) => {
      const key = keyOf(t);
      const seen = idByKey.get(key);
      if (seen === undefined) idByKey.set(key, ids[k]);
      else assert.strictEqual(ids[k], seen, t);
    });
    assert.strictEqual(new Set(ids).size, idByKey.size);
    assert.strictEqual(table.size, idByKey.size);
  });
});
