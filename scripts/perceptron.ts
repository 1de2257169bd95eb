// The averaged structured perceptron both shipped taggers are trained with (names:
// train-tagger.ts; attributions: train-attribution.ts): hashed features per token,
// first-order label transitions, Viterbi decoding, then averaging and int8 quantisation
// into the row format that server/src/analysis/modelFiles.ts reads. Deterministic for a
// given seed.
import { createRng } from '../bench/corpus';

export interface PerceptronExample {
  /** featuresPerToken hashed feature ids per token, token after token. */
  feats: Int32Array;
  /** Gold label per token. */
  gold: Uint8Array;
}

export interface PerceptronOptions {
  labelCount: number;
  featuresPerToken: number;
  /** Number of feature buckets (2^bits). */
  buckets: number;
  /** 1 for features that take part; rare features are left out. */
  active: Uint8Array;
  /** Whether label `cur` may follow `prev`; `prev === labelCount` is the sentence start. */
  allowed(prev: number, cur: number): boolean;
  epochs: number;
  seed: number;
  /** Where the per-epoch error counts go; stderr by default. */
  log?: (line: string) => void;
}

export interface AveragedWeights {
  /** Averaged emission weights, feature-major: weights[f * labelCount + label]. */
  weights: Float32Array;
  /** Averaged transition weights: transitions[prev * labelCount + cur], prev = labelCount at the start. */
  transitions: Float64Array;
}

export function trainAveragedPerceptron(examples: readonly PerceptronExample[], options: PerceptronOptions): AveragedWeights {
  const { labelCount: L, featuresPerToken, buckets, active, allowed, epochs } = options;
  const tokenCount = examples.reduce((n, e) => n + e.gold.length, 0);
  // Averaged perceptron with the lazy-sum trick: average = w - acc / c.
  const w = new Float32Array(buckets * L);
  const acc = new Float64Array(buckets * L);
  const tw = new Float64Array((L + 1) * L);
  const tacc = new Float64Array((L + 1) * L);
  let c = 1;
  const allowedPair = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) for (let cur = 0; cur < L; cur++) allowedPair[prev * L + cur] = allowed(prev, cur) ? 1 : 0;

  function decode(e: PerceptronExample): Uint8Array {
    const n = e.gold.length;
    const score = new Float64Array(n * L);
    const back = new Uint8Array(n * L);
    const emit = new Float64Array(L);
    for (let i = 0; i < n; i++) {
      emit.fill(0);
      for (let k = 0; k < featuresPerToken; k++) {
        const f = e.feats[i * featuresPerToken + k];
        if (!active[f]) continue;
        for (let l = 0; l < L; l++) emit[l] += w[f * L + l];
      }
      for (let cur = 0; cur < L; cur++) {
        let best = -Infinity;
        let arg = 0;
        if (i === 0) {
          if (allowedPair[L * L + cur]) best = tw[L * L + cur];
        } else {
          for (let prev = 0; prev < L; prev++) {
            if (!allowedPair[prev * L + cur]) continue;
            const s = score[(i - 1) * L + prev] + tw[prev * L + cur];
            if (s > best) {
              best = s;
              arg = prev;
            }
          }
        }
        score[i * L + cur] = best + emit[cur];
        back[i * L + cur] = arg;
      }
    }
    const out = new Uint8Array(n);
    let arg = 0;
    for (let l = 1; l < L; l++) if (score[(n - 1) * L + l] > score[(n - 1) * L + arg]) arg = l;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * L + arg];
    }
    return out;
  }

  function update(e: PerceptronExample, labels: Uint8Array, delta: number): void {
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i];
      for (let k = 0; k < featuresPerToken; k++) {
        const f = e.feats[i * featuresPerToken + k];
        if (!active[f]) continue;
        w[f * L + l] += delta;
        acc[f * L + l] += c * delta;
      }
      const prev = i === 0 ? L : labels[i - 1];
      tw[prev * L + l] += delta;
      tacc[prev * L + l] += c * delta;
    }
  }

  // Deterministic shuffling.
  const random = createRng(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const idx of order) {
      const e = examples[idx];
      const guess = decode(e);
      let same = true;
      for (let i = 0; i < guess.length; i++) {
        if (guess[i] !== e.gold[i]) {
          same = false;
          errors++;
        }
      }
      if (!same) {
        update(e, e.gold, 1);
        update(e, guess, -1);
      }
      c++;
    }
    (options.log ?? console.error)(`epoch ${epoch}: ${errors} token errors (${((100 * errors) / tokenCount).toFixed(2)}%)`);
  }

  const weights = new Float32Array(buckets * L);
  for (let i = 0; i < weights.length; i++) weights[i] = w[i] - acc[i] / c;
  const transitions = new Float64Array(tw.length);
  for (let i = 0; i < tw.length; i++) transitions[i] = tw[i] - tacc[i] / c;
  return { weights, transitions };
}

export interface QuantisedModel {
  /** Maps averaged weights to int8: the 99.99th percentile magnitude becomes 127. */
  scale: number;
  /** Feature ids of the kept rows, as LEB128 deltas from the previous kept row. */
  rows: Uint8Array;
  /** labelCount int8 weights (as bytes) per kept row. */
  weights: Uint8Array;
  transitions: number[];
  keptRows: number;
}

/** Quantises to int8 and drops the rows whose quantised weights are all within ±prune. */
export function quantise(averaged: AveragedWeights, labelCount: number, prune: number): QuantisedModel {
  const L = labelCount;
  const avg = averaged.weights;
  const buckets = avg.length / L;
  const mags: number[] = [];
  for (let i = 0; i < avg.length; i++) if (avg[i] !== 0) mags.push(Math.abs(avg[i]));
  mags.sort((a, b) => a - b);
  const clip = mags[Math.floor(mags.length * 0.9999)] || 1;
  const scale = 127 / clip;
  const rowDeltas: number[] = [];
  const weightBytes: number[] = [];
  let lastRow = 0;
  let keptRows = 0;
  const row = new Array<number>(L);
  for (let f = 0; f < buckets; f++) {
    let big = false;
    for (let l = 0; l < L; l++) {
      const v = Math.max(-127, Math.min(127, Math.round(avg[f * L + l] * scale)));
      row[l] = v;
      if (Math.abs(v) > prune) big = true;
    }
    if (!big) continue;
    keptRows++;
    let delta = f - lastRow;
    lastRow = f;
    do {
      const b = delta & 0x7f;
      delta >>>= 7;
      rowDeltas.push(delta ? b | 0x80 : b);
    } while (delta);
    for (const v of row) weightBytes.push(v & 0xff);
  }
  const transitions = Array.from(averaged.transitions, (t) => Math.round(t * scale));
  return { scale, rows: Uint8Array.from(rowDeltas), weights: Uint8Array.from(weightBytes), transitions, keptRows };
}
