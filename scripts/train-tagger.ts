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
import { quantise, trainAveragedPerceptron, type PerceptronExample } from './perceptron';

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

const examples: PerceptronExample[] = sentences.map((s) => {
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

const averaged = trainAveragedPerceptron(examples, { labelCount: L, featuresPerToken: FEATURES_PER_TOKEN, buckets, active, allowed, epochs, seed });
// Every row with a non-zero weight is kept.
const quantised = quantise(averaged, L, 0);

// The byte arrays go to models/ner-model.bin beside the JSON (raw bytes compress well in the .vsix).
const modelBytes = { rows: quantised.rows, weights: quantised.weights };
const artifact: ModelArtifact = {
  format: 'claimlens-ner/1',
  bits,
  labels: [...LABELS],
  scale: Number(quantised.scale.toFixed(6)),
  transitions: quantised.transitions,
  binary: writeModelBytesBeside(outPath, modelBytes),
  trainedOn: `${sources.join(' + ')}; ${epochs} epochs, seed ${seed}, min count ${minCount}, 2^${bits} buckets`,
};
const json = JSON.stringify(artifact);
fs.writeFileSync(outPath, json + '\n');
console.error(`wrote ${outPath} and ${artifact.binary.file}: ${quantised.keptRows} rows, ${json.length} + ${artifact.binary.rowBytes + artifact.binary.weightBytes} bytes`);

if (conllDevPath || gumDevList) {
  const model = loadModel(artifact, modelBytes);
  if (conllDevPath) console.log(formatScores('CoNLL-2003 dev', scoreDocuments(readConll(conllDevPath), model)));
  if (gumDir && gumDevList) console.log(formatScores('GUM dev', scoreDocuments(readGum(gumDir, (n) => gumDev.has(n)), model)));
}
