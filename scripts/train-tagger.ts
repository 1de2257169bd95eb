// Trains the name tagger shipped in models/: an averaged structured perceptron over the
// hashed features of server/src/analysis/tagger/features.ts, with first-order BIO
// transitions, on CoNLL-2003 train and the GUM train documents. Rare features are pruned
// and weights quantised to int8. Deterministic for a given seed.
//
//   npx tsx scripts/train-tagger.ts --conll /work/shared/eval/conll2003/train.txt \
//     --gum /work/shared/eval/gum/dep --gum-dev /work/shared/eval/gum/dev-docs.txt \
//     --out models/ner-model.json [--conll-dev /work/shared/eval/conll2003/dev.txt] \
//     [--epochs 10] [--bits 18] [--min-count 2] [--seed 1] [--gum-weight 1] [--gum-genres news,bio,...]
//
// The shipped model: --gum-genres news,interview,academic,court,bio,voyage --gum-weight 3
// (see NOTICE). The features read the word lists of models/gazetteer.json
// (scripts/build-gazetteer.ts): rebuild those first if they change.
//
// --gum-dev lists the GUM dev documents: they are left out of training and, with
// --conll-dev, scored after training.
import * as fs from 'node:fs';
import { FEATURES_PER_TOKEN, sentenceFeatures } from '../server/src/analysis/tagger/features';
import { LABELS, loadModel, type ModelArtifact } from '../server/src/analysis/tagger/model';
import { writeModelBytesBeside } from '../server/src/analysis/modelFiles';
import { readConll, readGum, readLines, type GoldSentence } from './tagger-corpora';
import { scoreDocuments, formatScores } from './score-tagger';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const conllPath = arg('conll');
const gumDir = arg('gum');
const gumDevList = arg('gum-dev');
const outPath = arg('out', 'models/ner-model.json')!;
const conllDevPath = arg('conll-dev');
const epochs = Number(arg('epochs', '10'));
const bits = Number(arg('bits', '18'));
const minCount = Number(arg('min-count', '2'));
const seed = Number(arg('seed', '1'));
const gumWeight = Number(arg('gum-weight', '1'));
// Comma-separated GUM genres to train on (file names GUM_<genre>_*), e.g. to keep to
// texts under CC BY / CC BY-SA: news,interview,academic,court,bio,voyage. Default: all.
const gumGenres = arg('gum-genres')?.split(',').map((g) => g.trim()).filter(Boolean);
if (!conllPath && !gumDir) {
  console.error('usage: train-tagger.ts --conll TRAIN.txt --gum GUM_DEP_DIR [--gum-dev dev-docs.txt] --out FILE');
  process.exit(2);
}

const L = LABELS.length;
const labelIndex = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const gumDev = gumDevList ? readLines(gumDevList) : new Set<string>();

interface Example { feats: Int32Array; gold: Uint8Array; }

const sentences: GoldSentence[] = [];
const sources: string[] = [];
if (conllPath) {
  for (const d of readConll(conllPath)) sentences.push(...d.sentences);
  sources.push('CoNLL-2003 train');
}
if (gumDir) {
  const genreOf = (n: string) => n.split('_')[1] ?? '';
  const gumDocs = readGum(gumDir, (n) => !gumDev.has(n) && genreOf(n) !== 'reddit' && (!gumGenres || gumGenres.includes(genreOf(n))));
  for (let r = 0; r < gumWeight; r++) for (const d of gumDocs) sentences.push(...d.sentences);
  const genres = [...new Set(gumDocs.map((d) => genreOf(d.id)))].sort();
  sources.push(`GUM train (${gumDocs.length} documents: ${genres.join(', ')})${gumWeight > 1 ? ` x${gumWeight}` : ''}`);
}

const examples: Example[] = sentences.map((s) => {
  const feats = new Int32Array(s.tokens.length * FEATURES_PER_TOKEN);
  sentenceFeatures(s.tokens, bits, feats);
  return { feats, gold: Uint8Array.from(s.labels.map((l) => labelIndex.get(l) ?? 0)) };
});
const tokenCount = examples.reduce((n, e) => n + e.gold.length, 0);
console.error(`training on ${examples.length} sentences, ${tokenCount} tokens (${sources.join(' + ')})`);

// Prune features seen fewer than minCount times.
const buckets = 1 << bits;
const counts = new Uint32Array(buckets);
for (const e of examples) for (const f of e.feats) counts[f]++;
const active = new Uint8Array(buckets);
let activeCount = 0;
for (let f = 0; f < buckets; f++) if (counts[f] >= minCount) { active[f] = 1; activeCount++; }
console.error(`${activeCount} of ${buckets} feature buckets active (min count ${minCount})`);

const inside = LABELS.map((l) => l.startsWith('I-'));
const typeOf = LABELS.map((l) => (l === 'O' ? '' : l.slice(2)));
const allowed = (prev: number, cur: number) => !inside[cur] || (prev < L && typeOf[prev] === typeOf[cur]);

// Averaged perceptron with the lazy-sum trick: avg = w - acc / c.
const w = new Float32Array(buckets * L);
const acc = new Float64Array(buckets * L);
const tw = new Float64Array((L + 1) * L);
const tacc = new Float64Array((L + 1) * L);
let c = 1;

function viterbi(e: Example): Uint8Array {
  const n = e.gold.length;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  const emit = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    emit.fill(0);
    for (let k = 0; k < FEATURES_PER_TOKEN; k++) {
      const f = e.feats[i * FEATURES_PER_TOKEN + k];
      if (!active[f]) continue;
      for (let l = 0; l < L; l++) emit[l] += w[f * L + l];
    }
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity, arg = 0;
      if (i === 0) { if (allowed(L, cur)) best = tw[L * L + cur]; }
      else for (let prev = 0; prev < L; prev++) {
        if (!allowed(prev, cur)) continue;
        const s = score[(i - 1) * L + prev] + tw[prev * L + cur];
        if (s > best) { best = s; arg = prev; }
      }
      score[i * L + cur] = best + emit[cur];
      back[i * L + cur] = arg;
    }
  }
  const out = new Uint8Array(n);
  let best = -Infinity, arg = 0;
  for (let l = 0; l < L; l++) if (score[(n - 1) * L + l] > best) { best = score[(n - 1) * L + l]; arg = l; }
  for (let i = n - 1; i >= 0; i--) { out[i] = arg; arg = back[i * L + arg]; }
  return out;
}

function update(e: Example, labels: Uint8Array, delta: number) {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    for (let k = 0; k < FEATURES_PER_TOKEN; k++) {
      const f = e.feats[i * FEATURES_PER_TOKEN + k];
      if (!active[f]) continue;
      w[f * L + l] += delta;
      acc[f * L + l] += c * delta;
    }
    const prev = i === 0 ? L : labels[i - 1];
    tw[prev * L + l] += delta;
    tacc[prev * L + l] += c * delta;
  }
}

// Deterministic shuffling (mulberry32).
let rngState = seed >>> 0;
function random(): number {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const order = examples.map((_, i) => i);
for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let errors = 0;
  for (const idx of order) {
    const e = examples[idx];
    const guess = viterbi(e);
    let same = true;
    for (let i = 0; i < guess.length; i++) if (guess[i] !== e.gold[i]) { same = false; errors++; }
    if (!same) { update(e, e.gold, 1); update(e, guess, -1); }
    c++;
  }
  console.error(`epoch ${epoch}: ${errors} token errors (${(100 * errors / tokenCount).toFixed(2)}%)`);
}

// Average, quantise to int8 with a scale that maps the 99.99th percentile weight to 127.
const avg = new Float32Array(buckets * L);
const mags: number[] = [];
for (let i = 0; i < avg.length; i++) {
  avg[i] = w[i] - acc[i] / c;
  if (avg[i] !== 0) mags.push(Math.abs(avg[i]));
}
mags.sort((a, b) => a - b);
const clip = mags[Math.floor(mags.length * 0.9999)] || 1;
const scale = 127 / clip;
const rowDeltas: number[] = [];
const weightBytes: number[] = [];
let lastRow = 0;
for (let f = 0; f < buckets; f++) {
  const q: number[] = [];
  let nonzero = false;
  for (let l = 0; l < L; l++) {
    const v = Math.max(-127, Math.min(127, Math.round(avg[f * L + l] * scale)));
    q.push(v);
    if (v !== 0) nonzero = true;
  }
  if (!nonzero) continue;
  let delta = f - lastRow;
  lastRow = f;
  do { const b = delta & 0x7f; delta >>>= 7; rowDeltas.push(delta ? b | 0x80 : b); } while (delta);
  for (const v of q) weightBytes.push(v & 0xff);
}
const transitions: number[] = [];
for (let i = 0; i < tw.length; i++) transitions.push(Math.round((tw[i] - tacc[i] / c) * scale));

// The byte arrays go to models/ner-model.bin beside the JSON (raw bytes compress well in the .vsix).
const modelBytes = { rows: Uint8Array.from(rowDeltas), weights: Uint8Array.from(weightBytes) };
const artifact: ModelArtifact = {
  format: 'claimlens-ner/1',
  bits,
  labels: [...LABELS],
  scale: Number(scale.toFixed(6)),
  transitions,
  binary: writeModelBytesBeside(outPath, modelBytes),
  trainedOn: `${sources.join(' + ')}; ${epochs} epochs, seed ${seed}, min count ${minCount}, 2^${bits} buckets`,
};
const json = JSON.stringify(artifact);
fs.writeFileSync(outPath, json + '\n');
console.error(`wrote ${outPath} and ${artifact.binary.file}: ${weightBytes.length / L} rows, ${json.length} + ${artifact.binary.rowBytes + artifact.binary.weightBytes} bytes`);

if (conllDevPath || gumDevList) {
  const model = loadModel(artifact, modelBytes);
  if (conllDevPath) console.log(formatScores('CoNLL-2003 dev', scoreDocuments(readConll(conllDevPath), model)));
  if (gumDir && gumDevList) console.log(formatScores('GUM dev', scoreDocuments(readGum(gumDir, (n) => gumDev.has(n)), model)));
}
