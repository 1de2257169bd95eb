// The bench's analysis-throughput part alone, in this process, as the bench's child runs it:
//   npx tsx --single-threaded-gc scripts/throughput-alone.ts [--mb 5] [--reps 5] [--seed 1]
// Prints one JSON line (the EngineResult). Add node flags such as --trace-gc before the script.
import { measureEngine } from '../bench/throughput';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const mb = option('--mb', 5);
const result = measureEngine('claimlens', { corpusBytes: mb * 1e6, compromiseBytes: 5e5, repetitions: option('--reps', 5), seed: option('--seed', 1) });
console.log(JSON.stringify(result));
