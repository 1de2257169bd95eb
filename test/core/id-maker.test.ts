// IdMaker counts repeats by the text's hash as a number (not its hex string): the ids
// must be the definition's, "prefix-" + FNV-1a (hex) of normalizeForId(text), "-n" for
// the n-th repeat of a normalised text.
import * as assert from 'assert';
import { IdMaker, normalizeForId } from '../../server/src/analysis/text';

/** FNV-1a of a string's code units, as 8 hex digits. */
function fnvHex(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The ids by the definition, with the repeat counter kept by hex string. */
function referenceIds(prefix: string, texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const h = fnvHex(normalizeForId(t));
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return n > 0 ? `${prefix}-${h}-${n}` : `${prefix}-${h}`;
  });
}

describe('IdMaker', () => {
  const texts = [
    'We will rebuild.',
    '  We   WILL rebuild. ',
    '“Prices rose,” she said.',
    '"Prices rose," she said.',
    'Ärzte warnten',
    'ärzte warnten',
    'costs ‘soared’',
    "costs 'soared'",
    '',
    'a',
    'b',
    'We will rebuild.',
  ];

  it('make gives the ids of the definition, repeats numbered', () => {
    const ids = new IdMaker('q');
    assert.deepStrictEqual(texts.map((t) => ids.make(t)), referenceIds('q', texts));
  });

  it('makeJoined and makeJoinedRange hash the kind and the text joined by U+0000', () => {
    const joined = new IdMaker('c');
    const ranged = new IdMaker('c');
    const doc = texts.join('|');
    const got: string[] = [];
    const gotRanged: string[] = [];
    let at = 0;
    for (const t of texts) {
      got.push(joined.makeJoined('quote', t));
      gotRanged.push(ranged.makeJoinedRange('quote', doc, at, at + t.length));
      at += t.length + 1;
    }
    const expected = referenceIds('c', texts.map((t) => `quote\u0000${t}`));
    assert.deepStrictEqual(got, expected);
    assert.deepStrictEqual(gotRanged, expected);
  });
});
