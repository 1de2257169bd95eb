// The attribution tagger adds its emission weights two labels per int32 word (packed
// lanes, model.ts): the sums must be the plain label-by-label sums for any int8 weights,
// including the extremes, where a lane that carried or lost its sign would show.
import * as assert from 'assert';
import { tokenize } from '../../server/src/analysis/text';
import { LABEL_COUNT } from '../../server/src/analysis/attributionModel/features';
import { emissionScores, type AttributionModel } from '../../server/src/analysis/attributionModel/model';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';
import { plainScores } from './attributionPlainScores';

/** The shipped model with every weight replaced by `weight(row, label)` (a model object of its own: fresh caches). */
function withWeights(weight: (row: number, label: number) => number): AttributionModel {
  const shipped = attributionModel();
  const emissions = new Int8Array(shipped.emissions.length);
  for (let i = 0; i < emissions.length; i++) emissions[i] = weight(Math.floor(i / LABEL_COUNT), i % LABEL_COUNT);
  return { bits: shipped.bits, emissions, transitions: shipped.transitions, cueWords: shipped.cueWords };
}


const TEXT = '“We will rebuild,” Mayor Dana Quill told reporters on Tuesday, adding that costs had risen, officials said.';

describe('attribution tagger: packed emission sums', () => {
  const weightings: Array<[string, (row: number, label: number) => number]> = [
    ['all -128', () => -128],
    ['all 127', () => 127],
    ['-128 and 127 alternating by label', (_, l) => (l % 2 === 0 ? -128 : 127)],
    ['127 and -128 alternating by label', (_, l) => (l % 2 === 0 ? 127 : -128)],
    ['pseudo-random extremes and small values', (row, l) => [-128, 127, -1, 0, 1, -127][(row * 7 + l * 13) % 6]],
  ];
  for (const [name, weight] of weightings) {
    it(`equal the plain sums with weights ${name}`, () => {
      const model = withWeights(weight);
      const tokens = tokenize(TEXT, 0, TEXT.length);
      const open = tokens.findIndex((t) => t.text === '“');
      const close = tokens.findIndex((t) => t.text === '”');
      const inQuote = tokens.map((_, k) => k >= open && k <= close);
      const mention = Int8Array.from(tokens, (t, k) => (/^[A-Z]/.test(t.text) && k > 0 ? 2 + (k % 2) : 0));
      // Codes 7 and 8 are scored outside the memoised groups, directly from the table.
      const rule = Int8Array.from(tokens, (_, k) => k % 9);
      for (const [m, r] of [[undefined, undefined], [mention, rule]] as const) {
        const fast = [...emissionScores(model, tokens, inQuote, m, r)];
        assert.deepStrictEqual(fast, plainScores(model, tokens, inQuote, m, r), name);
      }
    });
  }
});
