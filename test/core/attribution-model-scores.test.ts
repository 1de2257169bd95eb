// The attribution tagger's runtime scoring (single-word features scored once per word)
// against the plain definition: every token's score is the sum of the weights of all its
// sentenceFeatures, the features training uses (small texts of our own).
import * as assert from 'assert';
import { tokenize } from '../../server/src/analysis/text';
import { FEATURES_PER_TOKEN, LABEL_COUNT, sentenceFeatures } from '../../server/src/analysis/attributionModel/features';
import { emissionScores, type AttributionModel } from '../../server/src/analysis/attributionModel/model';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';

function plainScores(model: AttributionModel, tokens: ReturnType<typeof tokenize>, inQuote: boolean[], mention?: Int8Array, rule?: Int8Array): number[] {
  const feats = sentenceFeatures(tokens, inQuote, model.cueWords, model.bits, mention, rule);
  const scores = new Array(tokens.length * LABEL_COUNT).fill(0);
  for (let k = 0; k < tokens.length; k++) {
    for (let j = 0; j < FEATURES_PER_TOKEN; j++) {
      for (let l = 0; l < LABEL_COUNT; l++) scores[k * LABEL_COUNT + l] += model.emissions[feats[k * FEATURES_PER_TOKEN + j] * LABEL_COUNT + l];
    }
  }
  return scores;
}

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
      const rule = Int8Array.from(tokens, (_, k) => k % 7);
      for (const [m, r] of [[undefined, undefined], [mention, rule]] as const) {
        const fast = [...emissionScores(model, tokens, inQuote, m, r)];
        assert.strictEqual(fast.length, n * LABEL_COUNT);
        assert.deepStrictEqual(fast, plainScores(model, tokens, inQuote, m, r), text);
      }
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
});
