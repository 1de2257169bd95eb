// The attribution tagger's runtime scoring (single-word features scored once per word)
// against the plain definition: every token's score is the sum of the weights of all its
// sentenceFeatures, the features training uses (small texts of our own).
import * as assert from 'assert';
import { tokenize } from '../../server/src/analysis/text';
import { LABEL_COUNT, WordTable, cueSlotsOf, sentenceFeatures, wordFacts } from '../../server/src/analysis/attributionModel/features';
import { allowedTransition, emissionScores, viterbi } from '../../server/src/analysis/attributionModel/model';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';
import { plainScores } from './attributionPlainScores';


const SENTENCES = [
  'Quill said the pier would open in May.',
  '“We will rebuild,” Mayor Dana Quill told reporters on Tuesday, adding that costs had risen.',
  'Said.',
  'He said',
  'According to the harbour board, repairs SHOULD finish by 2027 — or sooner.',
  'The pier reopened.',
];

describe('attribution tagger: runtime scores', () => {
  it('equal the sum of the weights of every feature, with quotes, mentions and rule spans', () => {
    const model = attributionModel();
    for (const text of SENTENCES) {
      const tokens = tokenize(text, 0, text.length);
      const n = tokens.length;
      // Quotation marks: the tokens between the first two curly quotes, if any.
      const open = tokens.findIndex((t) => t.text === '“');
      const close = tokens.findIndex((t) => t.text === '”');
      const inQuote = tokens.map((_, k) => open >= 0 && k >= open && k <= close);
      const mention = Int8Array.from(tokens, (t, k) => (/^[A-Z]/.test(t.text) && k > 0 ? 2 + (k % 2) : 0));
      // Codes 7 and 8 lie outside what ruleCodes makes: scored directly, not per word.
      const rule = Int8Array.from(tokens, (_, k) => k % 9);
      for (const [m, r] of [[undefined, undefined], [mention, rule]] as const) {
        const fast = [...emissionScores(model, tokens, inQuote, m, r)];
        assert.strictEqual(fast.length, n * LABEL_COUNT);
        assert.deepStrictEqual(fast, plainScores(model, tokens, inQuote, m, r), text);
      }
    }
  });

  it('equal the plain sums for mention and rule codes outside the memoised groups', () => {
    const model = attributionModel();
    const text = 'Mayor Dana Quill said on Tuesday that “the pier” would reopen, officials added.';
    const tokens = tokenize(text, 0, text.length);
    const inQuote = tokens.map((t, k) => k >= 8 && k <= 11);
    // Codes 15 (the groups' "none"), 16 and more, and negative ones, next to ordinary codes.
    const odd = [15, 16, 0, 3, 31, -1, 15, 2, 100, 0, 15];
    const mention = Int8Array.from(tokens, (_, k) => odd[k % odd.length]);
    const rule = Int8Array.from(tokens, (_, k) => odd[(k + 3) % odd.length]);
    for (const [m, r] of [[mention, undefined], [undefined, rule], [mention, rule], [rule, mention]] as const) {
      assert.deepStrictEqual([...emissionScores(model, tokens, inQuote, m, r)], plainScores(model, tokens, inQuote, m, r));
    }
  });

  it('equal the plain sums when a text comes as a word and as a mark (the record keeps one of the two)', () => {
    const model = attributionModel();
    const text = 'Quill said the pier , said Quill , would open .';
    const tokens = tokenize(text, 0, text.length);
    const inQuote = tokens.map(() => false);
    // The same texts flipped between word and mark, in both orders, inside and outside quotes.
    const flipped = tokens.map((t, k) => (k % 2 === 1 ? { ...t, word: !t.word } : t));
    for (const [toks, quoted] of [[tokens, inQuote], [flipped, inQuote], [tokens, tokens.map((_, k) => k > 3)], [flipped, tokens.map((_, k) => k % 3 === 0)]] as const) {
      assert.deepStrictEqual([...emissionScores(model, toks, quoted)], plainScores(model, toks, quoted));
    }
  });

  it('do not depend on what was scored before (the per-word cache)', () => {
    const model = attributionModel();
    const text = 'Officials said the bridge, which closed in March, would reopen.';
    const tokens = tokenize(text, 0, text.length);
    const inQuote = tokens.map(() => false);
    const first = [...emissionScores(model, tokens, inQuote)];
    for (const other of SENTENCES) emissionScores(model, tokenize(other, 0, other.length), tokenize(other, 0, other.length).map(() => true));
    assert.deepStrictEqual([...emissionScores(model, tokens, inQuote)], first);
    assert.deepStrictEqual(first, plainScores(model, tokens, inQuote));
  });

  it('stay the same after the word table has filled up and started afresh', () => {
    const model = attributionModel();
    const text = 'Officials said the bridge would reopen.';
    const tokens = tokenize(text, 0, text.length);
    const inQuote = tokens.map(() => false);
    const first = [...emissionScores(model, tokens, inQuote)];
    // More distinct words than the table keeps, and long ones (kept as copies).
    const many = Array.from({ length: 40000 }, (_, i) => `word${i}xxxxxxxxxxxx`).join(' ');
    emissionScores(model, tokenize(many, 0, many.length), new Array(40000).fill(false));
    assert.deepStrictEqual([...emissionScores(model, tokens, inQuote)], first);
    assert.deepStrictEqual([...emissionScores(model, tokenize(many, 0, 200), new Array(200).fill(false))], plainScores(model, tokenize(many, 0, 200), new Array(200).fill(false)));
  });
});

describe('attribution tagger: word table', () => {
  it('holds for each text the facts of its definition (one pass for ASCII and caseless punctuation, lower-casing otherwise)', () => {
    const model = attributionModel();
    const cueWords = [...model.cueWords];
    const texts = [
      'said', 'Said', 'SAID', 'that', 'That', 'THAT', 'tHaT', 'thaT', 'than', ',', '.', '"', "'", '“', '”', '‘', '’', '«', '»', '@', '[', '`', '{',
      'U.S.', '2027', '3.5', '70,000', 'x', 'X', 'ab', 'AB', 'abc', 'abcd', 'ABCD', 'McDonald', 'I', 'A1', '1a', 'don’t', "don't",
      'Ünal', 'İstanbul', 'ΣΟΦΟΣ', 'naïve', 'Straße', 'ǅ', '😀', 'café', 'CAFÉ',
      'DON’T', 'Don’t', '’s', 'O’Neill', '—', '–', '…', '‹', '›', '„', '‚', '\u2071', '\u2070', 'AB’', 'A’', 'that’', 'said—',
      ...cueWords.slice(0, 40), ...cueWords.slice(0, 40).map((w) => w.toUpperCase()), ...cueWords.slice(0, 40).map((w) => w[0].toUpperCase() + w.slice(1)),
    ];
    const table = new WordTable(model.cueWords, model.bits);
    const slots = cueSlotsOf(model.cueWords);
    for (const text of texts) {
      const id = table.idOf(text);
      const facts = wordFacts(text, slots);
      const held = {
        hash: table.hash[id], suffix: table.suffix[id], wordShape: table.wordShape[id], markShape: table.markShape[id],
        cueSlot: table.cueSlot[id], comma: table.comma[id], that: table.that[id],
      };
      assert.deepStrictEqual(held, facts, text);
      assert.strictEqual(table.cue[id], facts.cueSlot > 0 ? 1 : 0, text);
      assert.strictEqual(table.idOf(text), id, text);
    }
    // Cue words are found as cues, in any case; different facts never share an id.
    assert.ok(cueWords.slice(0, 40).every((w) => table.cueSlot[table.idOf(w.toUpperCase())] > 0));
    assert.notStrictEqual(table.idOf('said'), table.idOf('Said'));
  });

  it('finds every cue word in any case by its hash and code units, and nothing that only looks like one', () => {
    const model = attributionModel();
    const table = new WordTable(model.cueWords, model.bits);
    const slots = cueSlotsOf(model.cueWords);
    for (const w of model.cueWords) {
      const capitalised = w[0].toUpperCase() + w.slice(1);
      for (const text of [w, w.toUpperCase(), capitalised, `${w}s`, w.slice(0, -1), `${w}’`, `’${w}`, `${w}-`]) {
        if (text.length === 0) continue;
        const id = table.idOf(text); // before reading the arrays, which it may grow
        assert.strictEqual(table.cueSlot[id], wordFacts(text, slots).cueSlot, text);
      }
    }
  });

  it('tells apart cue words and other words with the same hash', () => {
    // Two lower-case words whose hashes agree (a birthday search over 32 bits; the hash is
    // FNV-1a seeded with 1, as wordFacts confirms below).
    const fnv = (w: string): number => {
      let h = Math.imul(0x811c9dc5 ^ 1, 0x01000193);
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
      return h;
    };
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      let w = '';
      for (let x = i; w.length === 0 || x > 0; x = Math.floor(x / 26)) w += String.fromCharCode(97 + (x % 26));
      const h = fnv(w);
      const other = seen.get(h);
      if (other !== undefined && h !== 0) pair = [other, w];
      else seen.set(h, w);
    }
    const noCues = new Map<string, number>();
    assert.strictEqual(wordFacts(pair[0], noCues).hash, wordFacts(pair[1], noCues).hash);
    const [a, b] = pair;
    const one = new WordTable(new Set([a]), 16);
    assert.strictEqual(one.cueSlot[one.idOf(b)], 0, b);
    assert.strictEqual(one.cueSlot[one.idOf(b.toUpperCase())], 0, b);
    assert.strictEqual(one.cueSlot[one.idOf(a.toUpperCase())], 1, a);
    const both = new WordTable(new Set([a, b]), 16);
    assert.strictEqual(both.cueSlot[both.idOf(a)], 1, a);
    assert.strictEqual(both.cueSlot[both.idOf(b)], 2, b);
  });

  it('keeps its facts right as it grows', () => {
    const model = attributionModel();
    const table = new WordTable(model.cueWords, model.bits);
    const slots = cueSlotsOf(model.cueWords);
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `W${i}` : i % 3 === 1 ? `w${i}x` : `${i}`));
    const ids = texts.map((t) => table.idOf(t));
    texts.forEach((t, i) => {
      assert.strictEqual(table.idOf(t), ids[i]);
      assert.strictEqual(table.hash[ids[i]], wordFacts(t, slots).hash);
      assert.strictEqual(table.wordShape[ids[i]], wordFacts(t, slots).wordShape);
    });
    assert.strictEqual(new Set(ids).size, texts.length);
  });
});

/** Viterbi as a plain loop over every allowed predecessor (ascending, strict >). */
function viterbiReference(scores: ArrayLike<number>, n: number, transitions: ArrayLike<number>): number[] {
  const L = LABEL_COUNT;
  const best: number[] = [];
  const back: number[] = [];
  for (let l = 0; l < L; l++) best[l] = l === 0 || l % 2 === 1 ? scores[l] + transitions[L * L + l] : -Infinity;
  for (let k = 1; k < n; k++) {
    for (let l = 0; l < L; l++) {
      let m = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowedTransition(p, l)) continue;
        const v = best[(k - 1) * L + p] + transitions[p * L + l];
        if (v > m) {
          m = v;
          arg = p;
        }
      }
      best[k * L + l] = m + scores[k * L + l];
      back[k * L + l] = arg;
    }
  }
  const labels: number[] = [];
  if (n === 0) return labels;
  let arg = 0;
  for (let l = 1; l < L; l++) if (best[(n - 1) * L + l] > best[(n - 1) * L + arg]) arg = l;
  for (let k = n - 1; k >= 0; k--) {
    labels[k] = arg;
    arg = back[k * L + arg];
  }
  return labels;
}

describe('attribution tagger: Viterbi', () => {
  it('finds the labels of the plain loop, ties included', () => {
    // A small deterministic generator; a narrow range of values makes ties common.
    let seed = 12345;
    const next = (range: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % range;
    };
    const model = attributionModel();
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + next(12);
      const range = trial % 2 === 0 ? 3 : 200;
      const scores = Int32Array.from({ length: n * LABEL_COUNT }, () => next(range) - (range >> 1));
      const transitions = trial % 3 === 0 ? model.transitions : Int32Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, () => next(range) - (range >> 1));
      assert.deepStrictEqual([...viterbi(scores, n, transitions)], viterbiReference(scores, n, transitions), `trial ${trial}`);
    }
  });
});
