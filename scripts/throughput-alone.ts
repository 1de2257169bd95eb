// The bench's analysis-throughput part alone, in this process, as the bench's child runs it:
//   npx tsx --single-threaded-gc scripts/throughput-alone.ts [--mb 5] [--reps 5] [--seed 1]
// or bundled (no TypeScript loader in the process):
//   npx esbuild scripts/throughput-alone.ts --bundle --platform=node --external:esbuild --outfile=out/prof/throughput-alone.js --log-level=warning
//   node --single-threaded-gc out/prof/throughput-alone.js
// Prints one JSON line (the EngineResult, with its gc summary). Add node flags such as
// --trace-gc or --trace-pretenuring-statistics before the script; CLAIMLENS_V8_PRETENURING=1
// keeps V8's allocation-site pretenuring on (the old slow mode, see server/src/analysis/heapTuning.ts).
import { measureEngine } from '../bench/throughput';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const mb = option('--mb', 5);
const result = measureEngine('claimlens', { corpusBytes: mb * 1e6, compromiseBytes: 5e5, repetitions: option('--reps', 5), seed: option('--seed', 1) });
console.log(JSON.stringify(result));
