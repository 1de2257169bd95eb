// The structure stage's cheap pre-checks must never turn away a paragraph that the
// regular expressions after them would accept, and word counts must match split(/\s+/).
import * as assert from 'assert';
import { countWords, parseDateline, structureChecks } from '../../server/src/analysis/structure';

/** Deterministic pseudo-random numbers (a small LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const DATELINE_HEADS = [
  'Washington, Aug 8 (EFE).- The talks resumed.',
  'MEXICO CITY (Reuters) - The talks resumed.',
  'LONDON — The talks resumed.',
  'Paris, March 3, 2024 — The talks resumed.',
  'GENEVA: Talks resumed.',
  'Ürümqi – Talks resumed.',
  'São Paulo, 3 March (AFP) – Talks resumed.',
  'london — lower case place.',
  '— LONDON no place first.',
  'The talks resumed on Friday without a separator.',
  'Headline about talks',
  '𝐀𝐁𝐂 – astral capitals.',
  '"LONDON" - quoted.',
  '1 March - a number first.',
];

/** Random short heads from the characters a dateline is made of, and a few others. */
function randomHeads(count: number): string[] {
  const alphabet = ['A', 'Z', 'a', 'z', 'É', 'é', ' ', ',', '.', '(', ')', '-', '–', '—', ':', '1', '9', '’', '\'', '&', '"', '“', 'Ω'];
  const random = rng(3);
  const heads: string[] = [];
  for (let k = 0; k < count; k++) {
    let head = '';
    const length = 1 + Math.floor(random() * 24);
    for (let i = 0; i < length; i++) head += alphabet[Math.floor(random() * alphabet.length)];
    heads.push(head);
  }
  return heads;
}

describe('structure fast paths', () => {
  it('the dateline pre-check passes every head the dateline expression matches', () => {
    let matched = 0;
    for (const head of [...DATELINE_HEADS, ...randomHeads(20000)]) {
      if (structureChecks.datelineRegexMatches(head)) {
        matched++;
        assert.ok(structureChecks.mayBeDateline(head), `pre-check drops ${JSON.stringify(head)}`);
      }
    }
    assert.ok(matched > 50, `${matched} heads matched`);
    assert.strictEqual(structureChecks.mayBeDateline('The talks resumed on Friday.'), false);
    assert.strictEqual(structureChecks.mayBeDateline('london — lower case place.'), false);
  });

  it('parses the same datelines as before the pre-check', () => {
    const text = 'LONDON (Reuters) - Talks resumed.';
    assert.deepStrictEqual(parseDateline(text, 0, text.length), { span: { start: 0, end: 18 }, place: 'LONDON', agency: 'Reuters' });
    const plain = 'Talks resumed in London on Friday.';
    assert.strictEqual(parseDateline(plain, 0, plain.length), undefined);
  });

  it('the byline pre-check passes every line the byline expression matches', () => {
    const lines = ['By Ana Lima', '*By Ana Lima*', '**By Ana Lima**', '_By Ana Lima_', '*_By Ana Lima', '***By Ana Lima', ' By Ana Lima', 'Byline', 'By', 'by Ana Lima', 'BY ANA LIMA', 'The By Ana'];
    const random = rng(5);
    const alphabet = ['*', '_', 'B', 'y', ' ', 'A', 'n', 'a', 'b'];
    for (let k = 0; k < 20000; k++) {
      // Half the lines open like a byline, so the expression matches some of them.
      let line = random() < 0.5 ? ['', '*', '_', '**', '*_', '***', ' '][Math.floor(random() * 7)] + 'By ' : '';
      const length = 1 + Math.floor(random() * 10);
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      lines.push(line);
    }
    let matched = 0;
    for (const line of lines) {
      if (structureChecks.bylineRegexMatches(line)) {
        matched++;
        assert.ok(structureChecks.mayBeByline(line), `pre-check drops ${JSON.stringify(line)}`);
      }
    }
    assert.ok(matched > 200, `${matched} lines matched`);
    assert.strictEqual(structureChecks.mayBeByline('The talks resumed.'), false);
    assert.strictEqual(structureChecks.mayBeByline('***By Ana Lima'), false);
  });

  it('counts words as split(/\\s+/) does, empty pieces aside', () => {
    const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u180e'];
    const others = ['a', 'Z', '1', '.', 'é', '—', '😀'];
    const random = rng(9);
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let i = 0; i < length; i++) text += random() < 0.4 ? spaces[Math.floor(random() * spaces.length)] : others[Math.floor(random() * others.length)];
      const expected = text.split(/\s+/).filter((w) => w.length > 0).length;
      assert.strictEqual(countWords(text, { start: 0, end: text.length }), expected, JSON.stringify(text));
    }
  });
});
