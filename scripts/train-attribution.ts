// Trains the attribution tagger shipped in models/attribution-model.json: an averaged
// structured perceptron over the hashed features of
// server/src/analysis/attributionModel/features.ts, BIO tags for Source / Cue / Content
// with first-order transitions, on the PolNeAR train part (brat standoff). Sentences and
// tokens come from the analysis core itself, so training sees what the runtime sees.
// Rare features are pruned and weights quantised to int8. Deterministic for a seed.
//
//   npx tsx scripts/train-attribution.ts --train /work/shared/eval/polnear/train \
//     --out models/attribution-model.json [--dev /work/shared/eval/polnear/dev] \
//     [--epochs 12] [--bits 16] [--min-count 2] [--seed 3] [--prune 11] \
//     [--cue-min-count 3] [--cue-min-rate 0.3] [--cache DIR] \
//     [--clause-words FILE [--clause-max-count 20] [--clause-min-rate 0.05]] \
//     [--word-dropout P [--dropout-max-count N]] [--runtime-features] [--ensemble K]
//
// The defaults are the options of the shipped model. Takes ~1-6 min of CPU (the rules run
// on every training article first: their spans are features; ~35 s CPU at 742e0f5).
//
// --cache DIR keeps what the rules found per article (the slow part) in DIR and reuses it:
// for trying feature or training changes only; stale once the rules change (delete DIR).
//
// --clause-words (a list from scripts/build-clause-words.ts) and --word-dropout are
// experiments for cue words the training text never marks; off by default (neither
// changed PolNeAR dev beyond the spread between seeds, about ±0.5 F1).
//
// --runtime-features trains on the rule spans exactly as attribution.ts hands them to the
// tagger at run time (recorded by scripts/attribution-runtime-features.ts), not on the
// final analysis's quotations (which later passes have changed: ~2% of the rule-coded
// tokens differ). --ensemble K averages K perceptrons (seeds seed … seed+K-1) into one
// model of the same format. --outer-wins labels a nested report's words as its outer
// clause's Content. Measured at 742e0f5 (full system, PolNeAR dev exact S/C/Q): none of
// the three moved dev beyond the spread of the default options over seeds 1-6
// (71.6-72.0 / 66.6-67.3 / 59.0-59.9); nor did --epochs 20 (train, which the model has
// seen, rises ~3 points: fit, not accuracy), --epochs 8, --bits 17 or --cue-min-rate 0.2;
// --cue-min-rate 0.4 lost ~1.5 Source. --prune 14 keeps dev within that spread (seeds 1, 3,
// 6) with ~18% fewer rows (~40 kB less in the .vsix).
//
// --dev scores the model alone (exact spans per role) after training; the full system is
// scored with `npm run eval -- polnear DEV`.
import * as fs from 'node:fs';
// First: it patches the tagger module before attribution.ts loads it (see its header).
import { recordRuntimeFeatures, type RuntimeSentenceFeatures } from './attribution-runtime-features';
import { analyze } from '../server/src/analysis/index';
import { attributionSettings } from '../server/src/analysis/attribution';
import { tokenizeSentences } from '../server/src/analysis/sentences';
import { findQuoteMarks } from '../server/src/analysis/quotes';
import { findByOffset, type Token } from '../server/src/analysis/text';
import type { RuleSpan } from '../server/src/analysis/attributionModel/index';
import { FEATURES_PER_TOKEN, LABEL_COUNT, ROLE_LABELS, sentenceFeatures, tokensInSpans, mentionCodes, ruleCodes, MENTION_KINDS } from '../server/src/analysis/attributionModel/features';
import { writeModelBytesBeside } from '../server/src/analysis/modelFiles';
import { allowedTransition, loadAttributionModel, tagSentence, type AttributionModelArtifact } from '../server/src/analysis/attributionModel/model';
import { readPolnear } from '../eval/readers/polnear';
import { normalizeFragments, type GoldDocument } from '../eval/spans';
import { quantise, trainAveragedPerceptron, type PerceptronExample } from './perceptron';
import { createRng } from '../bench/corpus';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const trainPath = arg('train');
const devPath = arg('dev');
const outPath = arg('out', 'models/attribution-model.json')!;
const epochs = Number(arg('epochs', '12'));
const bits = Number(arg('bits', '16'));
const minCount = Number(arg('min-count', '2'));
const seed = Number(arg('seed', '3'));
const prune = Number(arg('prune', '11'));
const cueMinCount = Number(arg('cue-min-count', '3'));
const cueMinRate = Number(arg('cue-min-rate', '0.3'));
const cacheDir = arg('cache');
// Train on the rule spans (and quote flags, mention codes) exactly as attribution.ts shows
// them to the tagger at run time, instead of on the final analysis's quotations.
const runtimeFeatures = process.argv.includes('--runtime-features');
const ensemble = Number(arg('ensemble', '1'));
// Words that take a clause in another corpus (scripts/build-clause-words.ts): cue-like too,
// unless this corpus has seen them at least --clause-max-count times at a cue rate below
// --clause-min-rate.
const clauseWordsPath = arg('clause-words');
const clauseMaxCount = Number(arg('clause-max-count', '20'));
const clauseMinRate = Number(arg('clause-min-rate', '0.05'));
// Word dropout: this share of the training words (longer than three letters) stand for a
// word never seen — same shape and last three letters, no identity, not in the cue
// lexicon — so that the weights learn what an unseen cue looks like.
const wordDropout = Number(arg('word-dropout', '0'));
// Only words seen at most this many times in the training text (rare words stand for unseen ones best).
const dropoutMaxCount = Number(arg('dropout-max-count', '1000000000'));
if (!trainPath) {
  console.error('usage: train-attribution.ts --train POLNEAR_TRAIN_DIR [--dev POLNEAR_DEV_DIR] --out FILE');
  process.exit(2);
}

const L = LABEL_COUNT;
const ROLE_INDEX: Record<string, number> = { Source: 0, Cue: 1, Content: 2 };
// Inner roles win where spans nest (a cue inside a reported clause); with --outer-wins the
// reported clause keeps its words (the runtime drops nested reports: dropNestedClauses).
const PRIORITY = process.argv.includes('--outer-wins') ? [2, 1, 3] : [2, 3, 1]; // Source, Cue, Content

interface PreparedSentence {
  tokens: Token[];
  inQuote: boolean[];
  mention: Int8Array;
  rule: Int8Array;
}
interface PreparedDocument {
  doc: GoldDocument;
  sentences: PreparedSentence[];
}

function prepare(doc: GoldDocument): PreparedDocument {
  const text = doc.text;
  // What the rules find on their own: the tagger sees it as features, as it does at run time.
  let analysis!: ReturnType<typeof analyze>;
  let runtime: Map<number, RuntimeSentenceFeatures> | undefined;
  if (runtimeFeatures) {
    // The tagger's slot records its inputs and proposes nothing: the rules run on their own.
    runtime = recordRuntimeFeatures(() => (analysis = analyze(text)));
  } else {
    attributionSettings.tagger = false;
    analysis = analyze(text);
    attributionSettings.tagger = true;
  }
  const sentences = analysis.sentences;
  const tokens = tokenizeSentences(text, sentences);
  const marks = findQuoteMarks(text, analysis.structure, sentences).quotes.map((q) => q.span);
  const mentions = analysis.entities
    .flatMap((e) => e.mentions.map((span) => ({ span, kind: MENTION_KINDS[e.kind] ?? 0 })))
    .sort((a, b) => a.span.start - b.span.start);
  const ruleSpans: Array<RuleSpan & { sentence: number }> = [];
  const sentenceOf = (pos: number) => findByOffset(sentences, pos);
  for (const q of analysis.quotes) {
    ruleSpans.push({ span: q.span, role: 'Content', sentence: sentenceOf(q.span.end - 1) });
    if (q.source?.span) ruleSpans.push({ span: q.source.span, role: 'Source', sentence: sentenceOf(q.source.span.start) });
    if (q.source?.cueSpan) ruleSpans.push({ span: q.source.cueSpan, role: 'Cue', sentence: sentenceOf(q.source.cueSpan.start) });
  }
  return {
    doc,
    sentences: tokens.map((t, si) => {
      const seen = runtime?.get(si);
      if (seen && sameTokens(seen.tokens, t)) return { tokens: t, inQuote: seen.inQuote, mention: seen.mention, rule: seen.rule };
      if (seen) mismatchedSentences++;
      return {
      tokens: t,
      inQuote: tokensInSpans(t, marks),
      mention: mentionCodes(t, mentions),
      rule: ruleCodes(t, ruleSpans.filter((r) => r.sentence === si)),
      };
    }),
  };
}

/** Sentences whose runtime tokens differ from tokenizeSentences' (their features fall back to the final analysis's). */
let mismatchedSentences = 0;

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].start !== b[k].start || a[k].end !== b[k].end) return false;
  return true;
}

/** Gold labels per token: the role of the fragment holding the token's first character. */
function goldLabels(doc: GoldDocument, sentence: PreparedSentence): Uint8Array {
  const n = doc.text.length;
  const role = new Int8Array(n).fill(-1);
  const fragment = new Int32Array(n).fill(-1);
  let id = 0;
  for (const a of doc.attributions ?? []) {
    for (const [key, r] of [['source', 0], ['cue', 1], ['content', 2]] as const) {
      for (const f of normalizeFragments(doc.text, a[key] ?? [])) {
        id++;
        for (let i = f.start; i < f.end && i < n; i++) {
          if (role[i] < 0 || PRIORITY[r] > PRIORITY[role[i]]) {
            role[i] = r;
            fragment[i] = id;
          }
        }
      }
    }
  }
  const labels = new Uint8Array(sentence.tokens.length);
  let prevFragment = -1;
  for (let k = 0; k < sentence.tokens.length; k++) {
    const at = sentence.tokens[k].start;
    const r = role[at];
    if (r < 0) {
      prevFragment = -1;
      continue;
    }
    labels[k] = 1 + 2 * r + (fragment[at] === prevFragment ? 1 : 0);
    prevFragment = fragment[at];
  }
  return labels;
}

/** prepare() for every article of a folder, through the cache when there is one. */
function prepareFolder(folder: string): PreparedDocument[] {
  const docs = readPolnear(folder);
  if (!cacheDir) return docs.map(prepare);
  const file = `${cacheDir}/${folder.replace(/[^A-Za-z0-9]+/g, '_')}${runtimeFeatures ? '.runtime' : ''}.json`;
  if (fs.existsSync(file)) {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Array<{ tokens: Token[]; inQuote: boolean[]; mention: number[]; rule: number[] }>>;
    return docs.map((doc, i) => ({
      doc,
      sentences: cached[i].map((s) => ({ tokens: s.tokens, inQuote: s.inQuote, mention: Int8Array.from(s.mention), rule: Int8Array.from(s.rule) })),
    }));
  }
  const prepared = docs.map(prepare);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(prepared.map((d) => d.sentences.map((s) => ({ tokens: s.tokens, inQuote: s.inQuote, mention: [...s.mention], rule: [...s.rule] })))));
  return prepared;
}

console.error(`reading ${trainPath}`);
const trainDocs = prepareFolder(trainPath);
if (mismatchedSentences > 0) console.error(`${mismatchedSentences} sentences: runtime tokens differ, features from the final analysis`);

// Cue-like words: lower-case words inside gold cues often enough.
const cueCount = new Map<string, number>();
const allCount = new Map<string, number>();
const trainLabels: Uint8Array[][] = trainDocs.map((d) => d.sentences.map((s) => goldLabels(d.doc, s)));
trainDocs.forEach((d, di) =>
  d.sentences.forEach((s, si) => {
    const labels = trainLabels[di][si];
    s.tokens.forEach((t, k) => {
      if (!t.word || s.inQuote[k]) return;
      const w = t.text.toLowerCase();
      allCount.set(w, (allCount.get(w) ?? 0) + 1);
      if (labels[k] === 3 || labels[k] === 4) cueCount.set(w, (cueCount.get(w) ?? 0) + 1);
    });
  }),
);
const cueWords = [...cueCount]
  .filter(([w, c]) => c >= cueMinCount && c / (allCount.get(w) ?? 1) >= cueMinRate && /^[a-z]+$/.test(w))
  .map(([w]) => w)
  .sort();
if (clauseWordsPath) {
  const clauseWords = (JSON.parse(fs.readFileSync(clauseWordsPath, 'utf8')) as { words: string[] }).words;
  const learnt = new Set(cueWords);
  let added = 0;
  for (const w of clauseWords) {
    if (learnt.has(w) || !/^[a-z]+$/.test(w)) continue;
    const n = allCount.get(w) ?? 0;
    if (n >= clauseMaxCount && (cueCount.get(w) ?? 0) / n < clauseMinRate) continue;
    cueWords.push(w);
    added++;
  }
  cueWords.sort();
  console.error(`${added} cue-like words from ${clauseWordsPath}`);
}
const cueSet = new Set(cueWords);
console.error(`${cueWords.length} cue-like words`);
/** A made-up word with w's case pattern and last three letters (the digit makes it no real word). */
function unseenWord(w: string): string {
  const upper = (c: string | undefined) => c !== undefined && c.toUpperCase() === c && c.toLowerCase() !== c;
  return (upper(w[0]) ? 'X' : 'x') + (upper(w[1]) ? 'Q' : 'q') + '0' + w.slice(-3);
}
// The training sentences' tokens, some words made unseen (a fixed draw for the seed).
const trainTokens: Token[][][] = trainDocs.map((d) => d.sentences.map((s) => s.tokens));
if (wordDropout > 0) {
  const random = createRng(seed * 7919 + 1);
  const seen = new Map<string, number>();
  for (const doc of trainTokens) for (const tokens of doc) for (const t of tokens) if (t.word) seen.set(t.text.toLowerCase(), (seen.get(t.text.toLowerCase()) ?? 0) + 1);
  let dropped = 0;
  for (const doc of trainTokens) {
    doc.forEach((tokens, si) => {
      doc[si] = tokens.map((t) => {
        if (!t.word || t.text.length <= 3 || !/^[A-Za-z]/.test(t.text) || (seen.get(t.text.toLowerCase()) ?? 0) > dropoutMaxCount || random() >= wordDropout) return t;
        dropped++;
        return { ...t, text: unseenWord(t.text) };
      });
    });
  }
  console.error(`word dropout: ${dropped} tokens made unseen`);
}

const examples: PerceptronExample[] = [];
trainDocs.forEach((d, di) =>
  d.sentences.forEach((s, si) => {
    if (s.tokens.length === 0) return;
    examples.push({ feats: sentenceFeatures(trainTokens[di][si], s.inQuote, cueSet, bits, s.mention, s.rule), gold: trainLabels[di][si] });
  }),
);
const tokenCount = examples.reduce((n, e) => n + e.gold.length, 0);
console.error(`training on ${examples.length} sentences, ${tokenCount} tokens`);

const buckets = 1 << bits;
const counts = new Uint32Array(buckets);
for (const e of examples) for (const f of e.feats) counts[f]++;
const active = new Uint8Array(buckets);
for (let f = 0; f < buckets; f++) if (counts[f] >= minCount) active[f] = 1;

// B- labels (odd) or O open a sentence.
const allowed = (prev: number, cur: number) => (prev === L ? cur === 0 || cur % 2 === 1 : allowedTransition(prev, cur));
// --ensemble K: the mean of K perceptrons trained on K shuffles (seeds seed … seed+K-1),
// one model of the same size (the mean of averaged perceptrons, as in bagging without resampling).
const averaged = trainAveragedPerceptron(examples, { labelCount: L, featuresPerToken: FEATURES_PER_TOKEN, buckets, active, allowed, epochs, seed });
for (let k = 1; k < ensemble; k++) {
  const more = trainAveragedPerceptron(examples, { labelCount: L, featuresPerToken: FEATURES_PER_TOKEN, buckets, active, allowed, epochs, seed: seed + k });
  for (let i = 0; i < averaged.weights.length; i++) averaged.weights[i] += more.weights[i];
  for (let i = 0; i < averaged.transitions.length; i++) averaged.transitions[i] += more.transitions[i];
}
if (ensemble > 1) {
  for (let i = 0; i < averaged.weights.length; i++) averaged.weights[i] /= ensemble;
  for (let i = 0; i < averaged.transitions.length; i++) averaged.transitions[i] /= ensemble;
}
const quantised = quantise(averaged, L, prune);

// The byte arrays go to models/attribution-model.bin beside the JSON (raw bytes compress well in the .vsix).
const modelBytes = { rows: quantised.rows, weights: quantised.weights };
const artifact: AttributionModelArtifact = {
  format: 'claimlens-attribution/1',
  bits,
  labels: [...ROLE_LABELS],
  scale: Number(quantised.scale.toFixed(6)),
  transitions: quantised.transitions,
  binary: writeModelBytesBeside(outPath, modelBytes),
  cueWords,
  trainedOn: `PolNeAR train (${trainDocs.length} articles); ${epochs} epochs, seed ${seed}, min count ${minCount}, 2^${bits} buckets, prune ±${prune}, cue words: count ≥ ${cueMinCount}, rate ≥ ${cueMinRate}${clauseWordsPath ? `; plus the clause-taking words of ${clauseWordsPath.split('/').pop()} (GUM) not seen ≥ ${clauseMaxCount} times at a cue rate < ${clauseMinRate}` : ''}${wordDropout > 0 ? `; word dropout ${wordDropout} (words seen ≤ ${dropoutMaxCount} times)` : ''}${runtimeFeatures ? '; rule spans as shown at run time' : ''}${process.argv.includes('--outer-wins') ? '; nested reports labelled as their outer clause' : ''}${ensemble > 1 ? `; mean of ${ensemble} perceptrons (seeds ${seed}-${seed + ensemble - 1})` : ''}`,
};
const json = JSON.stringify(artifact);
fs.writeFileSync(outPath, json + '\n');
console.error(`wrote ${outPath} and ${artifact.binary.file}: ${quantised.keptRows} rows, ${(json.length / 1024).toFixed(0)} KB + ${((artifact.binary.rowBytes + artifact.binary.weightBytes) / 1024).toFixed(0)} KB`);

if (devPath) {
  const model = loadAttributionModel(artifact, modelBytes);
  const tp = [0, 0, 0], fp = [0, 0, 0], fn = [0, 0, 0];
  for (const d of prepareFolder(devPath)) {
    const gold = [new Set<string>(), new Set<string>(), new Set<string>()];
    for (const a of d.doc.attributions ?? []) {
      for (const [key, r] of [['source', 0], ['cue', 1], ['content', 2]] as const) {
        for (const f of normalizeFragments(d.doc.text, a[key] ?? [])) gold[r].add(`${f.start}:${f.end}`);
      }
    }
    const predicted = [new Set<string>(), new Set<string>(), new Set<string>()];
    for (const s of d.sentences) {
      for (const span of tagSentence(model, s.tokens, s.inQuote, s.mention, s.rule)) predicted[ROLE_INDEX[span.role]].add(`${s.tokens[span.first].start}:${s.tokens[span.last].end}`);
    }
    for (let r = 0; r < 3; r++) {
      for (const k of predicted[r]) if (gold[r].has(k)) tp[r]++;
      else fp[r]++;
      for (const k of gold[r]) if (!predicted[r].has(k)) fn[r]++;
    }
  }
  ['Source', 'Cue', 'Content'].forEach((name, r) => {
    const p = tp[r] / Math.max(1, tp[r] + fp[r]);
    const rec = tp[r] / Math.max(1, tp[r] + fn[r]);
    console.error(`dev ${name}: P ${(100 * p).toFixed(1)} R ${(100 * rec).toFixed(1)} F1 ${((200 * p * rec) / Math.max(1e-9, p + rec)).toFixed(1)}`);
  });
}

