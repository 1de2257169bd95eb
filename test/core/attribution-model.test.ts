// The trained attribution tagger: its decoding, its artifact, and the attributions it adds
// to the rules' (small texts of our own).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, slice, REPO_ROOT } from './helpers';
import { tokenize } from '../../server/src/analysis/text';
import { LABEL_COUNT, ROLE_LABELS, mentionCodes, ruleCodes, sentenceFeatures, FEATURES_PER_TOKEN } from '../../server/src/analysis/attributionModel/features';
import { allowedTransition, labelSpans, tagSentence, viterbi } from '../../server/src/analysis/attributionModel/model';
import { attributionModel } from '../../server/src/analysis/attributionModel/index';
import { attributionSettings } from '../../server/src/analysis/attribution';

const label = (l: string) => ROLE_LABELS.indexOf(l as (typeof ROLE_LABELS)[number]);

function tagged(sentence: string): Record<string, string[]> {
  const tokens = tokenize(sentence, 0, sentence.length);
  const spans = tagSentence(attributionModel(), tokens, tokens.map(() => false));
  const out: Record<string, string[]> = { Source: [], Cue: [], Content: [] };
  for (const s of spans) out[s.role].push(sentence.slice(tokens[s.first].start, tokens[s.last].end));
  return out;
}

describe('attribution tagger: decoding', () => {
  it('an inside label only continues its own role', () => {
    assert.ok(allowedTransition(label('B-S'), label('I-S')));
    assert.ok(allowedTransition(label('I-Q'), label('I-Q')));
    assert.ok(!allowedTransition(label('O'), label('I-C')));
    assert.ok(!allowedTransition(label('B-S'), label('I-Q')));
    assert.ok(allowedTransition(label('I-S'), label('B-C')));
  });

  it('Viterbi never starts a sentence inside a span, whatever the scores', () => {
    const n = 3;
    const scores = new Int32Array(n * LABEL_COUNT);
    // Emissions favour I-Q everywhere; the start may only take O or a B label.
    for (let k = 0; k < n; k++) scores[k * LABEL_COUNT + label('I-Q')] = 50;
    const labels = viterbi(scores, n, new Int32Array((LABEL_COUNT + 1) * LABEL_COUNT));
    assert.notStrictEqual(labels[0], label('I-Q'));
    assert.strictEqual(labels[1], label('I-Q'));
    assert.deepStrictEqual(labelSpans(labels).map((s) => [s.role, s.first, s.last]), [['Content', 0, 2]]);
  });

  it('labelSpans starts a new span at each B, even right after a span of the same role', () => {
    const spans = labelSpans([label('B-S'), label('I-S'), label('B-S'), label('O'), label('B-C')]);
    assert.deepStrictEqual(spans.map((s) => [s.role, s.first, s.last]), [['Source', 0, 1], ['Source', 2, 2], ['Cue', 4, 4]]);
  });

  it('features: a fixed number per token, all within the hashed table', () => {
    const text = 'Quill said the pier would open.';
    const tokens = tokenize(text, 0, text.length);
    const feats = sentenceFeatures(tokens, tokens.map(() => false), new Set(['said']), 12);
    assert.strictEqual(feats.length, tokens.length * FEATURES_PER_TOKEN);
    assert.ok(feats.every((f) => f >= 0 && f < 1 << 12));
    // The cue word changes the features of the words after it.
    const without = sentenceFeatures(tokens, tokens.map(() => false), new Set(), 12);
    assert.notDeepStrictEqual([...feats.slice(3 * FEATURES_PER_TOKEN, 4 * FEATURES_PER_TOKEN)], [...without.slice(3 * FEATURES_PER_TOKEN, 4 * FEATURES_PER_TOKEN)]);
  });

  it('rule codes give a cue inside a clause priority, and start a span at its first token', () => {
    const text = 'Quill said the pier would open.';
    const tokens = tokenize(text, 0, text.length);
    const codes = ruleCodes(tokens, [
      { span: { start: 0, end: 30 }, role: 'Content' },
      { span: { start: 6, end: 10 }, role: 'Cue' },
      { span: { start: 0, end: 5 }, role: 'Source' },
    ]);
    assert.deepStrictEqual([...codes].map((c) => ROLE_LABELS[c]), ['B-S', 'B-C', 'I-Q', 'I-Q', 'I-Q', 'I-Q', 'O']);
  });

  it('mention codes mark a mention’s first token and the tokens that continue it', () => {
    const text = 'Ada Quill of Glenvale spoke.';
    const tokens = tokenize(text, 0, text.length);
    const codes = mentionCodes(tokens, [{ span: { start: 0, end: 9 }, kind: 1 }, { span: { start: 13, end: 21 }, kind: 3 }]);
    assert.deepStrictEqual([...codes], [2, 3, 0, 6, 0, 0]);
  });
});

describe('attribution tagger: the shipped model', () => {
  it('is small and names its training data', () => {
    const file = path.join(REPO_ROOT, 'models', 'attribution-model.json');
    assert.ok(fs.statSync(file).size < 1.6 * 1024 * 1024);
    const artifact = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.strictEqual(artifact.format, 'claimlens-attribution/1');
    assert.match(artifact.trainedOn, /PolNeAR train/);
    assert.ok(artifact.cueWords.includes('said'));
  });

  it('tags source, cue and content of a plain reported clause', () => {
    const t = tagged('Ada Quill said that the pier would reopen in May.');
    assert.deepStrictEqual(t.Source, ['Ada Quill']);
    assert.deepStrictEqual(t.Cue, ['said']);
    assert.deepStrictEqual(t.Content, ['that the pier would reopen in May']);
  });

  it('tags nothing in a sentence that reports no one', () => {
    const t = tagged('The pier reopened in May after a long winter of repairs.');
    assert.deepStrictEqual(t, { Source: [], Cue: [], Content: [] });
  });
});

describe('attribution tagger: merged with the rules', () => {
  function withAndWithout(text: string) {
    attributionSettings.tagger = false;
    const rules = analyze(text);
    attributionSettings.tagger = true;
    const merged = analyze(text);
    const view = (a: ReturnType<typeof analyze>) =>
      a.quotes.map((q) => ({ content: slice(text, q.span), source: q.source?.span ? slice(text, q.source.span) : undefined, cue: q.source?.cueSpan ? slice(text, q.source.cueSpan) : undefined, entity: q.source?.entity }));
    return { rules: view(rules), merged: view(merged) };
  }

  it('adds a stance construction the rules have no cue for ("reserved his praise for")', () => {
    const text = 'Senator Oscar Lindqvist reserved his praise for the county clerk, who he said had worked through the night.';
    const { rules, merged } = withAndWithout(text);
    assert.ok(!rules.some((q) => q.cue === 'reserved his praise for'));
    const praise = merged.find((q) => q.cue === 'reserved his praise for');
    assert.ok(praise, JSON.stringify(merged));
    assert.strictEqual(praise.source, 'Senator Oscar Lindqvist');
    assert.strictEqual(praise.content, 'the county clerk');
    assert.strictEqual(praise.entity, 'person:oscar-lindqvist');
    // The rules' own attribution in the relative clause stays.
    assert.ok(merged.some((q) => q.cue === 'said' && q.content === 'had worked through the night'));
  });

  it('replaces the rules’ clause on the same cue with the tagged one', () => {
    const text = 'Mayor Ada Quill mocked the proposal as a gimmick that would never pass.';
    const { rules, merged } = withAndWithout(text);
    assert.deepStrictEqual(rules.map((q) => q.content), ['that would never pass']);
    assert.deepStrictEqual(merged.map((q) => [q.source, q.cue, q.content]), [['Mayor Ada Quill', 'mocked', 'the proposal as a gimmick that would never pass']]);
  });

  it('stops a clause at the comma before another attribution of the same sentence', () => {
    const text = 'Most voters in Glenvale believe the bridge should be rebuilt, according to a poll released on Monday.';
    const { merged } = withAndWithout(text);
    const believe = merged.find((q) => q.cue === 'believe');
    assert.strictEqual(believe?.content, 'the bridge should be rebuilt');
    assert.strictEqual(believe?.source, 'Most voters in Glenvale');
  });

  it('leaves a text with no attribution without one', () => {
    const { merged } = withAndWithout('The pier reopened in May. Repairs took most of the winter, and the cost rose twice.');
    assert.deepStrictEqual(merged, []);
  });
});
