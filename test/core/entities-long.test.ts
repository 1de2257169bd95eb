// Entities in long documents: the answers must not depend on a document's length (the
// candidate filter switches from searching the text to collecting its words).
import * as assert from 'assert';
import { combineCandidates } from '../../server/src/analysis/entities';
import type { NameSpan } from '../../server/src/analysis/tagger';
import type { Sentence } from '../../server/src/analysis/types';

/** Invented one-word names "Korab", "Korac", …: none is a known name or a common word. */
function inventedNames(count: number): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; out.length < count; i++) out.push(`Kor${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`);
  return out;
}

/**
 * A document whose sentences each open with an invented name the "tagger" marks; every
 * other name is also written in lower case later ("the korab came"), the rest only inside
 * a longer word ("the korabs came"), which does not count.
 */
function documentOf(names: readonly string[]): { text: string; sentences: Sentence[]; tagged: NameSpan[]; lowerWritten: Set<string> } {
  let text = '';
  const sentences: Sentence[] = [];
  const tagged: NameSpan[] = [];
  const lowerWritten = new Set<string>();
  const add = (sentence: string, name?: string) => {
    if (text) text += ' ';
    const start = text.length;
    text += sentence;
    sentences.push({ span: { start, end: text.length }, paragraph: 0 });
    if (name) tagged.push({ start, end: start + name.length, kind: 'person' });
  };
  names.forEach((name) => add(`${name} arrived on the morning ferry with two bags.`, name));
  names.forEach((name, i) => {
    if (i % 2 === 0) lowerWritten.add(name);
    add(`Later the ${name.toLowerCase()}${i % 2 === 0 ? '' : 's'} came back.`);
  });
  return { text, sentences, tagged, lowerWritten };
}

describe('entities: long documents', () => {
  for (const count of [4, 600]) {
    it(`drops a sentence-initial word written elsewhere in lower case, in ${count === 4 ? 'a short' : 'a long'} document`, () => {
      const names = inventedNames(count);
      const { text, sentences, tagged, lowerWritten } = documentOf(names);
      if (count > 4) assert.ok(text.length * count > 1 << 20, 'the long document is long enough to collect its words');
      const kept = combineCandidates(text, sentences, tagged, []).map((c) => c.text);
      assert.deepStrictEqual(kept, names.filter((n) => !lowerWritten.has(n)));
    });
  }
});
