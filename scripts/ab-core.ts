// Compares the analysis core of two commits on the bench's generated corpus, on a noisy
// shared host: both cores are bundled as they ship (esbuild, minified) and loaded into one
// process, then run alternately on chunks of 20 articles, each chunk many times; each
// version's time is the sum of its chunks' best CPU times. Separate processes, or whole
// passes, swing by up to 2× here when the host changes pace; short alternating chunks
// see the same host, and the best of many runs drops the slow moments.
//
//   npx tsx scripts/ab-core.ts <base rev> [<head rev, default: the work tree>] [--mb 2] [--rounds 10]
//
// Prints both throughputs and head ÷ base. Output must be identical for the comparison to
// mean anything: check with scripts/snapshot-analysis.ts.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/corpus';
import { bundleCoreOf } from '../bench/throughput';

const root = path.resolve(__dirname, '..');
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const [baseRev, headRev] = positional;
if (!baseRev) {
  console.error('usage: tsx scripts/ab-core.ts <base rev> [<head rev>] [--mb 2] [--rounds 10]');
  process.exit(2);
}

/** The core of `rev` (or of the work tree) bundled under a checkout of its own, so it finds its models/. */
function bundleCore(rev: string | undefined, scratch: string): string {
  let tree = root;
  if (rev) {
    tree = path.join(scratch, rev.replace(/[^\w.-]/g, '_'));
    fs.mkdirSync(tree, { recursive: true });
    const archive = execFileSync('git', ['-C', root, 'archive', rev], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', tree], { input: archive });
  }
  // Beside the tree's models/, which the core finds by walking up from its own file.
  return bundleCoreOf(tree, path.join(tree, 'out', 'ab', rev ? 'core.js' : 'worktree-core.js'), [path.join(root, 'node_modules')]);
}

type Core = { analyze(text: string): unknown };

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlens-ab-'));
try {
  const headPath = bundleCore(headRev, scratch);
  const basePath = bundleCore(baseRev, scratch);
  const cores: Core[] = [require(basePath) as Core, require(headPath) as Core];
  const { articles } = generateCorpus(option('mb', 2) * 1_000_000, 1);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  const chunks: string[][] = [];
  for (let i = 0; i < articles.length; i += 20) chunks.push(articles.slice(i, i + 20));
  for (const core of cores) for (const a of articles) core.analyze(a);
  const best = cores.map(() => chunks.map(() => Infinity));
  const rounds = option('rounds', 10);
  for (let round = 0; round < rounds; round++) {
    chunks.forEach((chunk, c) => {
      for (const k of (round + c) % 2 ? [1, 0] : [0, 1]) {
        const before = process.cpuUsage();
        for (const a of chunk) cores[k].analyze(a);
        const used = process.cpuUsage(before);
        best[k][c] = Math.min(best[k][c], (used.user + used.system) / 1000);
      }
    });
  }
  const [baseMs, headMs] = best.map((b) => b.reduce((s, x) => s + x, 0));
  const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  console.log(`${(bytes / 1e6).toFixed(2)} MB, ${articles.length} articles, ${chunks.length} chunks × ${rounds} rounds (sum of each chunk's best CPU time)`);
  console.log(`base ${baseRev}: ${baseMs.toFixed(0)} ms, ${mbs(baseMs)} MB/s`);
  console.log(`head ${headRev ?? 'work tree'}: ${headMs.toFixed(0)} ms, ${mbs(headMs)} MB/s`);
  console.log(`head ÷ base throughput: ${(baseMs / headMs).toFixed(3)}×`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
