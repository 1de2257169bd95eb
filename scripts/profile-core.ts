// Core micro-benchmark: CPU time (process.cpuUsage, robust on a shared machine) per
// analysis stage over a ≥2 MB corpus of news-sized articles (~4–5 KB) built from
// samples/*.{txt,md} and the seed fixture, shuffled and varied deterministically.
//
//   npx tsx scripts/profile-core.ts [--mb 2] [--rounds 3] [--tagger] [--only analyze]
//   npx tsx scripts/profile-core.ts --stage figures [--rounds 5]
//
// Prints MB/s per stage (stage CPU time only) and for the whole analyze() call. With
// --stage, the earlier stages' outputs are computed once, untimed, and only that stage
// runs in the timed rounds: steadier figures, and a clean profile under node --cpu-prof.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/analysis/index';
import { analyzeStructure } from '../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../server/src/analysis/sentences';
import { extractEntities } from '../server/src/analysis/entities';
import { findQuoteMarks } from '../server/src/analysis/quotes';
import { attribute } from '../server/src/analysis/attribution';
import { findFigures } from '../server/src/analysis/figures';
import { buildClaims } from '../server/src/analysis/claims';
import { createRng as rng } from '../bench/corpus';
import { runRules } from '../server/src/analysis/findings';
import { tagNames, getDefaultModel } from '../server/src/analysis/tagger';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const root = process.env.CLAIMLENS_ROOT ?? path.resolve(__dirname, '..');


/** Articles of ~4–5 KB: paragraphs of the sample texts, shuffled, digits and some names varied. */
export function buildCorpus(targetBytes: number): string[] {
  const files = [
    ...fs.readdirSync(path.join(root, 'samples')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(root, 'samples', f)),
    path.join(root, 'test/fixtures/seed-fentanyl.txt'),
  ].sort();
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/).filter((p) => p.trim()));
  const random = rng(42);
  const suffixes = ['', '', 'son', 'ez', 'ova', 'berg'];
  const articles: string[] = [];
  let total = 0;
  let k = 0;
  while (total < targetBytes) {
    // Every other article keeps a real header (first paragraphs of a source file).
    const parts: string[] = [];
    let size = 0;
    if (k % 2 === 0) {
      const t = texts[k % texts.length];
      parts.push(t.slice(0, Math.min(t.length, 1200)));
      size += parts[0].length;
    }
    while (size < 4000 + random() * 1000) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      parts.push(p);
      size += p.length + 2;
    }
    let article = parts.join('\n\n');
    article = article.replace(/\d/g, () => String(Math.floor(random() * 10)));
    article = article.replace(/\b([A-Z][a-z]{3,})\b/g, (m) => (random() < 0.15 ? m + suffixes[Math.floor(random() * suffixes.length)] : m));
    articles.push(article);
    total += article.length;
    k++;
  }
  return articles;
}

const STAGES = ['structure', 'sentences', 'entities', 'quotes', 'attribution', 'figures', 'claims', 'findings'] as const;
type Stage = (typeof STAGES)[number];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function stagesOnce(text: string, acc: Record<Stage, number>): void {
  let t = cpuMs();
  const lap = (s: Stage) => { const now = cpuMs(); acc[s] += now - t; t = now; };
  const structure = analyzeStructure(text); lap('structure');
  const sentences = splitSentences(text, structure);
  const tokens = tokenizeSentences(text, sentences); lap('sentences');
  const ents = extractEntities(text, structure, sentences, tokens); lap('entities');
  const qs = findQuoteMarks(text, structure, sentences); lap('quotes');
  const attr = attribute(text, structure, sentences, ents, qs, tokens); lap('attribution');
  const figures = findFigures(text); lap('figures');
  buildClaims(text, structure, sentences, ents.mentions, ents.entities, attr.quotes, figures, attr.sentenceSources); lap('claims');
  runRules({ text, structure, sentences, quotes: attr.quotes, figures, unbalanced: qs.unbalanced }); lap('findings');
}

type StageInputs = {
  text: string;
  structure: ReturnType<typeof analyzeStructure>;
  sentences: ReturnType<typeof splitSentences>;
  tokens: ReturnType<typeof tokenizeSentences>;
  ents: ReturnType<typeof extractEntities>;
  qs: ReturnType<typeof findQuoteMarks>;
  attr: ReturnType<typeof attribute>;
  figures: ReturnType<typeof findFigures>;
};

function inputsOf(text: string): StageInputs {
  const structure = analyzeStructure(text);
  const sentences = splitSentences(text, structure);
  const tokens = tokenizeSentences(text, sentences);
  const ents = extractEntities(text, structure, sentences, tokens);
  const qs = findQuoteMarks(text, structure, sentences);
  const attr = attribute(text, structure, sentences, ents, qs, tokens);
  const figures = findFigures(text);
  return { text, structure, sentences, tokens, ents, qs, attr, figures };
}

function runStage(stage: Stage, d: StageInputs): unknown {
  const { text, structure, sentences, tokens, ents, qs, attr, figures } = d;
  switch (stage) {
    case 'structure': return analyzeStructure(text);
    case 'sentences': return tokenizeSentences(text, splitSentences(text, structure));
    case 'entities': return extractEntities(text, structure, sentences, tokens);
    case 'quotes': return findQuoteMarks(text, structure, sentences);
    case 'attribution': return attribute(text, structure, sentences, ents, qs, tokens);
    case 'figures': return findFigures(text);
    case 'claims': return buildClaims(text, structure, sentences, ents.mentions, ents.entities, attr.quotes, figures, attr.sentenceSources);
    case 'findings': return runRules({ text, structure, sentences, quotes: attr.quotes, figures, unbalanced: qs.unbalanced });
  }
}

/**
 * One stage alone, its inputs precomputed: best CPU time over the rounds. Inputs are made
 * 40 articles at a time and dropped after, so a full GC never has to mark the whole
 * corpus's analyses and charge that to the stage.
 */
function profileStage(stage: Stage, articles: string[], rounds: number, MB: number): void {
  if (!(STAGES as readonly string[]).includes(stage)) throw new Error(`--stage: one of ${STAGES.join(', ')}`);
  for (const a of articles.slice(0, 50)) runStage(stage, inputsOf(a));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let ms = 0;
    for (let from = 0; from < articles.length; from += 40) {
      const inputs = articles.slice(from, from + 40).map(inputsOf);
      const t0 = cpuMs();
      for (const d of inputs) runStage(stage, d);
      ms += cpuMs() - t0;
    }
    best = Math.min(best, ms);
  }
  console.log(`${stage.padEnd(12)} ${best.toFixed(0).padStart(7)} ms CPU  ${(MB / (best / 1000)).toFixed(2).padStart(8)} MB/s  (alone, best of ${rounds})`);
}

function main(): void {
  const mb = Number(arg('mb', '2'));
  const rounds = Number(arg('rounds', '3'));
  const only = arg('only', '');
  const articles = buildCorpus(mb * 1024 * 1024);
  const bytes = articles.reduce((s, a) => s + a.length, 0);
  const MB = bytes / 1e6;
  console.log(`corpus: ${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB (UTF-16 chars), mean ${(bytes / articles.length / 1000).toFixed(1)} K chars`);
  getDefaultModel();
  const stage = arg('stage', '');
  if (stage) {
    for (const name of stage.split(',')) profileStage(name as Stage, articles, rounds, MB);
    return;
  }
  // Warm-up.
  for (const a of articles.slice(0, 50)) analyze(a);
  const best: Record<string, number> = {};
  const note = (name: string, ms: number) => { best[name] = Math.min(best[name] ?? Infinity, ms); };
  for (let r = 0; r < rounds; r++) {
    if (!only || only === 'analyze') {
      const t0 = cpuMs();
      for (const a of articles) analyze(a);
      note('analyze', cpuMs() - t0);
    }
    if (!only || only === 'stages') {
      const acc = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
      for (const a of articles) stagesOnce(a, acc);
      for (const s of STAGES) note(s, acc[s]);
    }
    if (!only || only === 'tagger' || process.argv.includes('--tagger')) {
      const t0 = cpuMs();
      for (const a of articles) tagNames(a);
      note('tagNames', cpuMs() - t0);
    }
  }
  for (const [name, ms] of Object.entries(best)) {
    console.log(`${name.padEnd(12)} ${ms.toFixed(0).padStart(7)} ms CPU  ${(MB / (ms / 1000)).toFixed(2).padStart(8)} MB/s`);
  }
}

if (require.main === module) main();
