// Where analyze() allocates, as scripts/profile-alloc.ts, but builtins (push, sort, Map,
// set, slice, split…) are charged to the bundle function that called them, so "push:0"
// reads "push:0 < emitRun:2860". Line numbers are the bundle's (out/prof/profile-alloc-callers.js).
//
//   npx esbuild scripts/profile-alloc-callers.ts --bundle --platform=node --outfile=out/prof/profile-alloc-callers.js --log-level=warning
//   node out/prof/profile-alloc-callers.js [--mb 1] [--top 60] [--parent tokenize,tagSpans]
import { Session } from 'node:inspector';
import { generateCorpus } from '../bench/corpus';
import { analyze } from '../server/src/analysis/index';

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
// --parent tokenize,slice: these functions are also shown per caller.
const withParent = new Set((process.argv[process.argv.indexOf('--parent') + 1] ?? '').split(','));
const corpus = generateCorpus(option('mb', 1) * 1024 * 1024);
for (const text of corpus.articles) analyze(text);
const session = new Session();
session.connect();
const post = (method: string, params?: object): Promise<any> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (const text of corpus.articles) analyze(text);
  const { profile } = await post('HeapProfiler.stopSampling');
  const bySite = new Map<string, number>();
  let total = 0;
  // Builtins (push, sort, Map, set, slice…) are charged to their caller: "push:0 < emitRun:2860".
  const walk = (node: SampleNode, parent = ''): void => {
    const f = node.callFrame;
    const site = `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
    const key = f.lineNumber < 0 || f.url === '' || withParent.has(f.functionName) ? `${site} < ${parent}` : site;
    bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children) walk(c, f.lineNumber < 0 || f.url === '' ? parent : site);
  };
  walk(profile.head);
  console.log(`${(total / 1024 / 1024).toFixed(1)} MB sampled over ${corpus.articles.length} articles`);
  for (const [site, size] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, option('top', 40))) {
    console.log(`${((100 * size) / total).toFixed(1).padStart(5)}%  ${site}`);
  }
})();
