// CPU profile of analyze() over the bench's generated corpus (short news articles, the
// same texts scripts/ab-core.ts times): warm-up rounds first, then timed rounds.
//
//   npx esbuild scripts/profile-bench.ts --bundle --platform=node --outfile=out/prof/profile-bench.js --log-level=warning
//   node --cpu-prof --cpu-prof-dir=/tmp/prof-X out/prof/profile-bench.js [--mb 2] [--rounds 5]
import { generateCorpus } from '../bench/corpus';
import { analyze } from '../server/src/analysis/index';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const corpus = generateCorpus(option('mb', 2) * 1024 * 1024);
const cpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
for (const text of corpus.articles) analyze(text);
const rounds = option('rounds', 5);
for (let r = 0; r < rounds; r++) {
  const start = cpuMs();
  for (const text of corpus.articles) analyze(text);
  const ms = cpuMs() - start;
  console.log(`round ${r + 1}: ${ms.toFixed(0)} ms CPU, ${(corpus.bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)} MB/s, ${corpus.articles.length} articles`);
}
