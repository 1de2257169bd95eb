// Throughput of the analysis core against compromise, wink-nlp and a single regular
// expression pass, on the same generated text. Each engine runs in its own child process
// (one JS thread, V8 GC on the same thread) so that its peak RSS is its own.
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { generateCorpus } from './corpus';
import { mbPerSecond, median } from './stats';

export type EngineName = 'claimlens' | 'compromise' | 'wink' | 'regex';
export const ENGINES: readonly EngineName[] = ['claimlens', 'compromise', 'wink', 'regex'];

export interface ThroughputConfig {
  /** Size of the generated corpus (UTF-8 bytes). */
  corpusBytes: number;
  /** compromise is slow: it gets only the first articles up to this many bytes. */
  compromiseBytes: number;
  repetitions: number;
  seed: number;
}

export interface EngineResult {
  engine: EngineName;
  /** What one unit of work is, e.g. "analyze(article) per article". */
  workload: string;
  /** Bytes processed per repetition. */
  bytes: number;
  articles: number;
  repetitions: number;
  /** Median wall time of one repetition, ms. */
  medianMs: number;
  mbPerSecond: number;
  /** Median CPU time (user + system) of one repetition, ms: what one dedicated core would take. */
  cpuMedianMs: number;
  /** Throughput by CPU time: insensitive to other processes on a shared machine. */
  cpuMbPerSecond: number;
  /** Items found in one repetition (sentences + entities + quotes + figures …), a sanity check. */
  items: number;
  loadMs: number;
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  /** Garbage collection during the timed repetitions (all of them), where node has v8.GCProfiler. */
  gc?: GcSummary;
}

/**
 * What V8's collector did: a healthy run has ~0.5 ms scavenges that promote next to nothing;
 * when V8 pretenures the analysis' allocation sites (the bench's old "slow mode"), scavenges
 * take 20-80 ms and old space gains several MB at each.
 */
export interface GcSummary {
  scavenges: number;
  markCompacts: number;
  /** Total pause time of all collections, ms (incremental marking steps included). */
  gcMs: number;
  /** Bytes old space gained across all scavenges: what they promoted. */
  promotedBytes: number;
}

type GcStatistic = {
  gcType: string;
  cost: number;
  beforeGC: { heapSpaceStatistics: Array<{ spaceName: string; spaceUsedSize: number }> };
  afterGC: { heapSpaceStatistics: Array<{ spaceName: string; spaceUsedSize: number }> };
};

function oldSpaceUsed(spaces: Array<{ spaceName: string; spaceUsedSize: number }>): number {
  return spaces.find((space) => space.spaceName === 'old_space')?.spaceUsedSize ?? 0;
}

/** Starts V8's GC profiler; the returned function stops it and sums up (undefined on node without it). */
function startGcProfile(): () => GcSummary | undefined {
  const Profiler = (v8 as unknown as { GCProfiler?: new () => { start(): void; stop(): { statistics: GcStatistic[] } | undefined } }).GCProfiler;
  if (typeof Profiler !== 'function') return () => undefined;
  const profiler = new Profiler();
  profiler.start();
  return () => {
    const statistics = profiler.stop()?.statistics ?? [];
    const summary: GcSummary = { scavenges: 0, markCompacts: 0, gcMs: 0, promotedBytes: 0 };
    for (const gc of statistics) {
      summary.gcMs += gc.cost / 1000; // cost is in microseconds
      if (gc.gcType === 'Scavenge') {
        summary.scavenges++;
        summary.promotedBytes += Math.max(0, oldSpaceUsed(gc.afterGC.heapSpaceStatistics) - oldSpaceUsed(gc.beforeGC.heapSpaceStatistics));
      } else if (gc.gcType === 'MarkSweepCompact') summary.markCompacts++;
    }
    return summary;
  };
}

/** Runs one unit of work over one article (or the whole text) and returns how many items it found. */
type Runner = (text: string) => number;

interface LoadedEngine {
  workload: string;
  run: Runner;
  /** Whole text in one call (regex) or one call per article. */
  wholeText: boolean;
}

/**
 * The analysis core bundled as it ships (esbuild, minified, as scripts/build.mjs --production
 * builds the server), not run from TypeScript: under a TypeScript loader every read of an
 * imported binding is a getter call, which cost the core a third of its speed. Written
 * under out/ so the core finds models/ by walking up from it. Returns the bundle's path.
 */
let bundledCore: string | undefined;

export function bundleAnalysisCore(): string {
  if (bundledCore) return bundledCore;
  // From bench/ under tsx, or from out/bench/ when compiled.
  let root = path.resolve(__dirname, '..');
  if (!fs.existsSync(path.join(root, 'server', 'src', 'analysis', 'index.ts'))) root = path.resolve(root, '..');
  bundledCore = bundleCoreOf(root, path.join(root, 'out', 'bench', 'claimlens-core.js'));
  return bundledCore;
}

/** Bundles the analysis core of the source tree `tree` as it ships, to `outfile`; returns `outfile`. */
export function bundleCoreOf(tree: string, outfile: string, nodePaths: string[] = []): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [path.join(tree, 'server', 'src', 'analysis', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    logLevel: 'warning',
    nodePaths,
  });
  return outfile;
}

function loadEngine(engine: EngineName): LoadedEngine {
  switch (engine) {
    case 'claimlens': {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { analyze } = require(bundleAnalysisCore()) as typeof import('../server/src/analysis');
      return {
        workload: 'analyze(article) per article: structure, sentences, entities, quotes, figures, claims, findings',
        wholeText: false,
        run: (text) => {
          const a = analyze(text);
          return a.sentences.length + a.entities.length + a.quotes.length + a.figures.length + a.claims.length + a.findings.length;
        },
      };
    }
    case 'compromise': {
      // compromise ships ESM with a CommonJS build; its types need ESM resolution, so it is typed here.
      type View = { out(format: 'array'): string[] };
      type Doc = View & { sentences(): View; people(): View; places(): View; organizations(): View; numbers(): View };
      const nlp = require('compromise') as (text: string) => Doc;
      return {
        workload: 'nlp(article) + sentences, people, places, organizations, numbers per article',
        wholeText: false,
        run: (text) => {
          const doc = nlp(text);
          return (
            doc.sentences().out('array').length +
            doc.people().out('array').length +
            doc.places().out('array').length +
            doc.organizations().out('array').length +
            doc.numbers().out('array').length
          );
        },
      };
    }
    case 'wink': {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return {
        workload: 'readDoc(article) + sentences, entities, number tokens per article',
        wholeText: false,
        run: (text) => {
          const doc = nlp.readDoc(text);
          const sentences = doc.sentences().out().length;
          const entities = doc.entities().out(its.detail).length;
          const numbers = doc.tokens().filter((t) => t.out(its.type) === 'number').length();
          return sentences + entities + numbers;
        },
      };
    }
    case 'regex': {
      // One pass, one combined, bounded pattern: quotations | numbers with a unit | capitalised runs.
      const pattern = /[“"][^”"\n]{1,400}[”"]|\d[\d,.]*(?: ?(?:per cent|%|million|billion|bn))?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,4}/g;
      return {
        workload: 'one combined regex (quotes | numbers | capitalised runs), matchAll count over the whole text',
        wholeText: true,
        run: (text) => {
          let count = 0;
          for (const _match of text.matchAll(pattern)) count++;
          return count;
        },
      };
    }
  }
}

function inputFor(engine: EngineName, config: ThroughputConfig): { articles: string[]; text: string; bytes: number } {
  const corpus = generateCorpus(config.corpusBytes, config.seed);
  if (engine !== 'compromise') return corpus;
  const articles: string[] = [];
  let bytes = 0;
  for (const article of corpus.articles) {
    if (bytes >= config.compromiseBytes) break;
    articles.push(article);
    bytes += Buffer.byteLength(article, 'utf8');
  }
  return { articles, text: articles.join('\n'), bytes };
}

/** Measures one engine in this process: load, one warm-up pass (also sampling heap), timed repetitions. */
export function measureEngine(engine: EngineName, config: ThroughputConfig): EngineResult {
  const input = inputFor(engine, config);
  if (engine === 'claimlens') bundleAnalysisCore(); // built before the load is timed
  const loadStart = performance.now();
  const loaded = loadEngine(engine);
  const loadMs = performance.now() - loadStart;

  const units = loaded.wholeText ? [input.text] : input.articles;
  let peakHeap = v8.getHeapStatistics().used_heap_size;
  // Warm-up pass; heap is sampled here, outside the timed repetitions.
  for (let i = 0; i < units.length; i++) {
    loaded.run(units[i]);
    if ((i & 15) === 0) peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
  }
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);

  const times: number[] = [];
  const cpuTimes: number[] = [];
  let items = 0;
  const stopGcProfile = startGcProfile();
  for (let rep = 0; rep < config.repetitions; rep++) {
    items = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const unit of units) items += loaded.run(unit);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
  }
  const gc = stopGcProfile();
  const medianMs = median(times);
  const cpuMedianMs = median(cpuTimes);
  return {
    engine,
    workload: loaded.workload,
    bytes: input.bytes,
    articles: input.articles.length,
    repetitions: config.repetitions,
    medianMs,
    mbPerSecond: mbPerSecond(input.bytes, medianMs),
    cpuMedianMs,
    cpuMbPerSecond: mbPerSecond(input.bytes, cpuMedianMs),
    items,
    loadMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapUsedBytes: peakHeap,
    gc,
  };
}

/** Runs one engine in a fresh child process (this file as its entry point). */
export function measureEngineInChild(engine: EngineName, config: ThroughputConfig): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', engine, JSON.stringify(config)], {
      // Inherit tsx's loader flags when run from TypeScript; keep GC on the JS thread (one core).
      execArgv: [...process.execArgv, '--single-threaded-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: EngineResult | undefined;
    child.on('message', (message) => {
      result = message as EngineResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`${engine} benchmark exited with code ${code} and no result`));
    });
  });
}

if (require.main === module && process.argv[2] === '--child') {
  const engine = process.argv[3] as EngineName;
  const config = JSON.parse(process.argv[4]) as ThroughputConfig;
  const result = measureEngine(engine, config);
  process.send?.(result, () => process.exit(0));
}
