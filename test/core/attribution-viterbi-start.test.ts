// The unrolled Viterbi (model.ts) starts the I-* labels at an integer below every sum
// instead of -Infinity and lets each label's first allowed predecessor open its maximum:
// on long sentences of large (negative) scores it must still find the plain loop's labels,
// and never an I-* label first.
import * as assert from 'assert';
import { LABEL_COUNT } from '../../server/src/analysis/attributionModel/features';
import { allowedTransition, viterbi } from '../../server/src/analysis/attributionModel/model';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';

/** Viterbi label by label, -Infinity for what may not happen, first best on ties. */
function plainViterbi(scores: Int32Array, n: number, transitions: ArrayLike<number>): number[] {
  const L = LABEL_COUNT;
  const best = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let l = 0; l < L; l++) best[l] = allowedTransition(-1, l) ? scores[l] + transitions[L * L + l] : -Infinity;
  for (let k = 1; k < n; k++) {
    for (let l = 0; l < L; l++) {
      let m = -Infinity, arg = 0;
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
  let arg = 0;
  for (let l = 1; l < L; l++) if (best[(n - 1) * L + l] > best[(n - 1) * L + arg]) arg = l;
  const labels: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    labels[k] = arg;
    arg = back[k * L + arg];
  }
  return labels;
}

describe('attribution tagger: Viterbi at the sentence start and on large scores', () => {
  it('equals the plain loop on long sentences of scores near ±5,000', () => {
    let seed = 99;
    const next = (range: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % range;
    };
    const transitions = attributionModel().transitions;
    for (let trial = 0; trial < 40; trial++) {
      const n = trial < 10 ? 1 + trial : 200 + next(400);
      // Mostly very negative, so the running sums fall far below zero.
      const scores = Int32Array.from({ length: n * LABEL_COUNT }, () => next(10000) - (trial % 2 === 0 ? 9000 : 5000));
      const labels = [...viterbi(scores, n, transitions)];
      assert.deepStrictEqual(labels, plainViterbi(scores, n, transitions), `trial ${trial}`);
      assert.ok(labels[0] === 0 || labels[0] % 2 === 1, 'no I-* label first');
    }
  });

  it('never opens with an I-* label even when its score is by far the highest', () => {
    const n = 1;
    const scores = Int32Array.from([-5000, -5000, 9000, -5000, 9000, -5000, 9000]);
    const labels = viterbi(scores, n, new Int32Array((LABEL_COUNT + 1) * LABEL_COUNT));
    assert.strictEqual(labels[0], 0);
  });
});
