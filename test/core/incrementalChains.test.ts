import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { changedRange, spliceAnalysis, spliceFindingsFirst } from '../../server/src/analysis/incremental';
import { createRng, generateLargeDocument } from '../../bench/corpus';
import { article, windowIndependent } from './incrementalFixture';

// The server splices each edit into the result of the last splice, taking it apart (its
// lists become the new lists, later items move in place): a chain of such splices must give
// what copying splices give, and agree with a fresh analysis of each text.
describe('incremental analysis: chains of splices (seeded random edits)', () => {
  const snippets = ['', ' 40 per cent of the 12,000 households', '\n\n', '“We will', ' he said.', 'Keller said ', '. The', '”', 'x', ' about $3.5 billion', '🚢'];
  const texts = [article(), generateLargeDocument(40_000, 5)];

  it('give the same analysis reusing or copying, equal to a fresh analysis of every text', function () {
    this.timeout(180_000);
    const rng = createRng(77);
    let chained = 0;
    for (const start of texts) {
      let text = start;
      let reused = analyze(text);
      let copied = analyze(text);
      for (let step = 0; step < 30; step++) {
        // Edits cluster (typing moves on a little), with now and then a jump elsewhere.
        const at = Math.floor(text.length * (0.3 + 0.5 * rng()));
        const end = Math.min(text.length, at + (rng() < 0.6 ? 0 : Math.floor(rng() * 60)));
        const insert = snippets[Math.floor(rng() * snippets.length)];
        const next = text.slice(0, at) + insert + text.slice(end);
        const change = changedRange(text, next);
        if (!change) continue;
        const what = `step ${step}: [${at}, ${end}) ← ${JSON.stringify(insert)}`;
        const byCopy = spliceAnalysis(copied, next, change);
        const byReuse = spliceAnalysis(reused, next, change, { reuse: true });
        text = next;
        if (!byCopy || !byReuse) {
          assert.equal(byReuse, byCopy, `${what}: both splice or neither`);
          reused = analyze(text);
          copied = analyze(text);
          continue;
        }
        assert.deepEqual(byReuse, byCopy, `${what}: reuse gives the same splice`);
        assert.deepEqual(windowIndependent(byReuse), windowIndependent(analyze(text)), `${what}: as a fresh analysis`);
        reused = byReuse;
        copied = byCopy;
        chained++;
      }
    }
    assert.ok(chained >= 30, `most edits were spliced onto a splice (${chained})`);
  });
});

describe('incremental analysis: findings first', () => {
  it('gives the final findings before settling, and settles once into what spliceAnalysis gives', () => {
    const text = generateLargeDocument(40_000, 5);
    const at = text.indexOf('\n', text.length >> 1) + 1;
    const next = text.slice(0, at) + 'Officials said 40 per cent of the 12,000 households were affected. ' + text.slice(at);
    const change = changedRange(text, next)!;
    const expected = spliceAnalysis(analyze(text), next, change);
    assert.ok(expected, 'the edit is spliced');
    const previous = analyze(text);
    const spliced = spliceFindingsFirst(previous, next, change, { reuse: true });
    assert.ok(spliced);
    // The findings are complete before anything else moves: the previous sentences still
    // have their old offsets.
    assert.deepEqual(spliced.findings, expected.findings);
    const lastSentence = previous.sentences[previous.sentences.length - 1].span.start;
    assert.equal(lastSentence, analyze(text).sentences[previous.sentences.length - 1].span.start);
    const settled = spliced.settle();
    assert.equal(spliced.settle(), settled, 'settles once');
    assert.equal(settled.findings, spliced.findings);
    assert.deepEqual(settled, expected);
  });
});
