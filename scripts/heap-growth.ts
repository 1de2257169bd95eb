// Does the analysis core retain anything across documents? Analyses fresh generated corpora
// (a new seed each round, so new names and numbers) and prints the heap after a full GC.
//   npx esbuild scripts/heap-growth.ts --bundle --platform=node --external:esbuild --outfile=out/prof/heap-growth.js --log-level=warning
//   node --expose-gc out/prof/heap-growth.js [--mb 1] [--rounds 6] [--dir DIR]
// --dir: real articles instead (every .txt under DIR, recursively; read, never copied), in as many rounds.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { generateCorpus } from '../bench/corpus';
import { bundleAnalysisCore } from '../bench/throughput';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { analyze } = require(bundleAnalysisCore()) as typeof import('../server/src/analysis');
const mb = option('--mb', 1);
const rounds = option('--rounds', 6);

function heapAfterGc(): string {
  gc!();
  gc!();
  const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space', '')} ${(s.space_used_size / 1e6).toFixed(1)}`);
  return `used ${(v8.getHeapStatistics().used_heap_size / 1e6).toFixed(2)} MB (${spaces.join(', ')})`;
}

function textFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...textFiles(full));
    else if (entry.name.endsWith('.txt')) files.push(full);
  }
  return files.sort();
}

const dirAt = process.argv.indexOf('--dir');
const realFiles = dirAt >= 0 ? textFiles(process.argv[dirAt + 1]) : undefined;

function articlesOfRound(round: number): { articles: string[] } {
  if (!realFiles) return generateCorpus(mb * 1e6, round);
  const perRound = Math.ceil(realFiles.length / rounds);
  return { articles: realFiles.slice((round - 1) * perRound, round * perRound).map((file) => fs.readFileSync(file, 'utf8')) };
}

console.log(`before: ${heapAfterGc()}`);
for (let round = 1; round <= rounds; round++) {
  const corpus = articlesOfRound(round);
  for (const article of corpus.articles) analyze(article);
  console.log(`after seed ${round} (${corpus.articles.length} articles): ${heapAfterGc()}`);
}
