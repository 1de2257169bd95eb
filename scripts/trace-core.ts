// Bundles the analysis core of a commit (or of the work tree) unminified, so V8's traces
// name its functions, and prints the command that runs it over the bench corpus under
// node flags: where the engine deoptimises, what TurboFan inlines and refuses ("budget",
// "too big"), bytecode sizes.
//
//   npx tsx scripts/trace-core.ts [<rev>] [--mb 1] [--rounds 3]      # bundles, prints the run command
//   node --trace-deopt out/trace/<rev>/run.js                        # then any V8 flags
//   node --trace-turbo-inlining out/trace/<rev>/run.js | grep -E 'budget|too big|Inlining'
//
// run.js runs analyze() over the corpus `rounds` times and prints the CPU time of each round.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rev = positional[0];
const name = rev ? rev.replace(/[^\w.-]/g, '_') : 'worktree';
const outDir = path.join(root, 'out', 'trace', name);
let tree = root;
if (rev) {
  // A checkout of its own under out/trace, beside its models/ (the core finds them by walking up).
  tree = path.join(outDir, 'tree');
  fs.rmSync(tree, { recursive: true, force: true });
  fs.mkdirSync(tree, { recursive: true });
  const archive = execFileSync('git', ['-C', root, 'archive', rev], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
}
fs.mkdirSync(outDir, { recursive: true });
// eslint-disable-next-line @typescript-eslint/no-var-requires
const esbuild = require('esbuild') as typeof import('esbuild');
const corePath = path.join(tree, 'out', 'trace-core.js');
esbuild.buildSync({
  entryPoints: [path.join(tree, 'server', 'src', 'analysis', 'index.ts')],
  outfile: corePath,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: false,
  keepNames: false,
  logLevel: 'warning',
  nodePaths: [path.join(root, 'node_modules')],
});
const corpusPath = path.join(outDir, 'corpus.json');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generateCorpus } = require('../bench/corpus') as typeof import('../bench/corpus');
fs.writeFileSync(corpusPath, JSON.stringify(generateCorpus(option('mb', 1) * 1_000_000, 1).articles));
const runPath = path.join(outDir, 'run.js');
fs.writeFileSync(
  runPath,
  `const core = require(${JSON.stringify(corePath)});
const articles = JSON.parse(require('fs').readFileSync(${JSON.stringify(corpusPath)}, 'utf8'));
for (let round = 0; round < ${option('rounds', 3)}; round++) {
  const before = process.cpuUsage();
  for (const a of articles) core.analyze(a);
  const used = process.cpuUsage(before);
  console.error('round ' + round + ': ' + ((used.user + used.system) / 1000).toFixed(0) + ' ms CPU');
}
`,
);
console.log(`node ${path.relative(process.cwd(), runPath)}`);
