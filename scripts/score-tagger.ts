// Scores the name tagger on raw text rebuilt from annotated corpora: exact span and type
// micro-F1 over PER/ORG/LOC (MISC and 'other' ignored), plus load time and throughput.
//
//   npx tsx scripts/score-tagger.ts --conll /work/shared/eval/conll2003/dev.txt \
//     --gum /work/shared/eval/gum/dep --gum-dev /work/shared/eval/gum/dev-docs.txt \
//     [--model models/ner-model.json] [--errors 30]
import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tagNames, loadModel, type ModelArtifact, type TaggerModel } from '../server/src/analysis/tagger';
import { readModelBytesBeside } from '../server/src/analysis/modelFiles';
import { readConll, readGum, readLines, type GoldDocument } from './tagger-corpora';

const KIND_TO_TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'];

export interface Scores { tp: Record<string, number>; fp: Record<string, number>; fn: Record<string, number>; errors: string[]; }

export function scoreDocuments(docs: GoldDocument[], model: TaggerModel): Scores {
  const s: Scores = { tp: {}, fp: {}, fn: {}, errors: [] };
  for (const t of [...TYPES, 'ALL']) { s.tp[t] = 0; s.fp[t] = 0; s.fn[t] = 0; }
  for (const doc of docs) {
    const gold = new Map<string, string>();
    for (const g of doc.spans) if (TYPES.includes(g.type)) gold.set(`${g.start}:${g.end}`, g.type);
    const predicted = new Map<string, string>();
    for (const p of tagNames(doc.text, model)) {
      const type = KIND_TO_TYPE[p.kind];
      if (type) predicted.set(`${p.start}:${p.end}`, type);
    }
    for (const [key, type] of predicted) {
      if (gold.get(key) === type) { s.tp[type]++; s.tp.ALL++; }
      else {
        s.fp[type]++; s.fp.ALL++;
        const [a, b] = key.split(':').map(Number);
        s.errors.push(`FP ${type} «${doc.text.slice(a, b)}» gold=${gold.get(key) ?? '-'}`);
      }
    }
    for (const [key, type] of gold) {
      if (predicted.get(key) !== type) {
        s.fn[type]++; s.fn.ALL++;
        const [a, b] = key.split(':').map(Number);
        s.errors.push(`FN ${type} «${doc.text.slice(a, b)}» predicted=${predicted.get(key) ?? '-'}`);
      }
    }
  }
  return s;
}

export function formatScores(title: string, s: Scores): string {
  const rows = [`${title}: type  precision  recall  F1  (tp/fp/fn)`];
  for (const t of [...TYPES, 'ALL']) {
    const p = s.tp[t] / Math.max(1, s.tp[t] + s.fp[t]);
    const r = s.tp[t] / Math.max(1, s.tp[t] + s.fn[t]);
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    rows.push(`  ${t.padEnd(4)} ${p.toFixed(4)}  ${r.toFixed(4)}  ${f.toFixed(4)}  (${s.tp[t]}/${s.fp[t]}/${s.fn[t]})`);
  }
  return rows.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const modelPath = arg('model') ?? 'models/ner-model.json';
  const raw = fs.readFileSync(modelPath);
  const artifact = JSON.parse(raw.toString('utf8')) as ModelArtifact;
  const t0 = process.cpuUsage();
  const bytes = readModelBytesBeside(modelPath, artifact.binary);
  const model = loadModel(artifact, bytes);
  const spent = process.cpuUsage(t0);
  const loadMs = (spent.user + spent.system) / 1000;
  const binary = Buffer.concat([bytes.rows, bytes.weights]);
  const gzipped = gzipSync(raw, { level: 9 }).length + gzipSync(binary, { level: 9 }).length;
  console.log(`model ${modelPath} + ${artifact.binary.file}: ${raw.length} + ${binary.length} bytes, ${gzipped} gzipped; read and decode ${loadMs.toFixed(1)} ms CPU`);
  const showErrors = Number(arg('errors') ?? '0');
  const sets: [string, GoldDocument[]][] = [];
  if (process.argv.includes('--official')) {
    // The project's evaluation readers (eval/readers), so these figures match `npm run eval`.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const toMine = (docs: { id: string; text: string; entities?: { start: number; end: number; type: string }[] }[]): GoldDocument[] =>
      docs.map((d) => ({ id: d.id, text: d.text, sentences: [], spans: (d.entities ?? []).map((e) => ({ start: e.start, end: e.end, type: e.type as 'PER' })) }));
    const conllFile = arg('conll');
    if (conllFile) sets.push(['CoNLL-2003 dev (eval/readers)', toMine(require('../eval/readers/conll-file').readConll(conllFile))]);
    const gumDir = arg('gum');
    if (gumDir) sets.push(['GUM dev (eval/readers)', toMine(require('../eval/readers/gum').readGum(gumDir, 'dev'))]);
  }
  const conll = process.argv.includes('--official') ? undefined : arg('conll');
  if (conll) sets.push(['CoNLL-2003 dev', readConll(conll)]);
  const gum = process.argv.includes('--official') ? undefined : arg('gum');
  if (gum) {
    const devList = arg('gum-dev');
    const dev = devList ? readLines(devList) : undefined;
    sets.push(['GUM dev', readGum(gum, (n) => (dev ? dev.has(n) : true) && !n.startsWith('GUM_reddit'))]);
  }
  for (const [title, docs] of sets) {
    const s = scoreDocuments(docs, model);
    console.log(formatScores(title, s));
    for (const e of s.errors.slice(0, showErrors)) console.log('   ', e);
    // Throughput on one core over the same texts, after the scoring pass warmed it up.
    // CPU time of this process (user + system) as well as wall time: on a shared, loaded
    // machine wall time mostly measures waiting.
    const texts = docs.map((d) => d.text);
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
    const wallStart = performance.now();
    const cpuStart = cpu();
    let rounds = 0;
    while (cpu() - cpuStart < 3 || rounds < 2) { for (const t of texts) tagNames(t, model); rounds++; }
    const cpuSeconds = cpu() - cpuStart;
    const wallSeconds = (performance.now() - wallStart) / 1000;
    console.log(`  throughput: ${((bytes * rounds) / cpuSeconds / 1e6).toFixed(2)} MB/s of CPU time (${((bytes * rounds) / wallSeconds / 1e6).toFixed(2)} MB/s wall) over ${(bytes / 1e6).toFixed(2)} MB x ${rounds}`);
  }
}
