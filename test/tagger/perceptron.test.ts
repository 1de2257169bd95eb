import * as assert from 'assert';
import { quantise, trainAveragedPerceptron, type PerceptronExample } from '../../scripts/perceptron';

describe('training perceptron (scripts/perceptron.ts)', () => {
  // Two labels, one feature per token: feature 1 marks label 1, feature 2 label 0.
  const example = (features: number[]): PerceptronExample => ({
    feats: Int32Array.from(features),
    gold: Uint8Array.from(features.map((f) => (f === 1 ? 1 : 0))),
  });
  const examples = [example([1, 2, 2]), example([2, 1]), example([2, 2, 1, 1])];
  const options = { labelCount: 2, featuresPerToken: 1, buckets: 4, active: Uint8Array.of(0, 1, 1, 0), allowed: () => true, epochs: 3, seed: 1, log: () => undefined };

  it('learns weights that separate the labels', () => {
    const { weights } = trainAveragedPerceptron(examples, options);
    assert.ok(weights[1 * 2 + 1] > weights[1 * 2 + 0], 'feature 1 favours label 1');
    assert.ok(weights[2 * 2 + 0] > weights[2 * 2 + 1], 'feature 2 favours label 0');
    assert.deepStrictEqual([weights[0], weights[1], weights[6], weights[7]], [0, 0, 0, 0], 'inactive features keep no weight');
  });

  it('is deterministic for a seed', () => {
    const a = trainAveragedPerceptron(examples, options);
    const b = trainAveragedPerceptron(examples, options);
    assert.deepStrictEqual(a, b);
  });

  it('never decodes a transition that is not allowed', () => {
    // Gold opens with label 1. Allowed, it is learnt at once; forbidden at the start, the
    // decoder can never produce it, so every epoch keeps its error.
    const lastEpochErrors = (allowed: (prev: number, cur: number) => boolean) => {
      const lines: string[] = [];
      trainAveragedPerceptron([example([1, 2])], { ...options, allowed, epochs: 4, log: (line) => lines.push(line) });
      return Number(/: (\d+) token errors/.exec(lines[lines.length - 1])?.[1]);
    };
    assert.strictEqual(lastEpochErrors(() => true), 0);
    assert.strictEqual(lastEpochErrors((prev, cur) => !(prev === 2 && cur === 1)), 1);
  });

  it('quantises to int8 with delta-coded rows and drops rows within ±prune', () => {
    const weights = new Float32Array(2 * 300);
    weights[3 * 2] = 0.5;
    weights[3 * 2 + 1] = -1;
    weights[200 * 2] = 0.25;
    weights[250 * 2 + 1] = 0.01; // quantises to 1: kept at prune 0, dropped at prune 1
    const transitions = Float64Array.of(0.5, -0.5, 1, 0, 0, 2);
    const kept = quantise({ weights, transitions }, 2, 0);
    assert.strictEqual(kept.scale, 127);
    assert.strictEqual(kept.keptRows, 3);
    assert.deepStrictEqual([...kept.rows], [3, 197 | 0x80, 1, 50]);
    assert.deepStrictEqual([...kept.weights], [64, (-127) & 0xff, 32, 0, 0, 1]);
    assert.deepStrictEqual(kept.transitions, [64, -63, 127, 0, 0, 254]);
    const pruned = quantise({ weights, transitions }, 2, 1);
    assert.strictEqual(pruned.keptRows, 2);
    assert.deepStrictEqual([...pruned.rows], [3, 197 | 0x80, 1]);
  });
});
