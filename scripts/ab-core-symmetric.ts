// scripts/ab-core.ts in both orders, several times. In one ab-core process the core loaded
// and warmed second ("head") is sometimes several percent slower for no reason of its own:
// two commits with the same analysis code (43d0390, 742e0f5) read 0.903, 1.003 and 0.964.
// c61b387 as head read 0.881× and 0.902× of 742e0f5, 742e0f5 as head 0.969× and 0.984×
// of c61b387. Each pair of runs here has each revision once as base and once as head; the
// geometric mean of the two readings (head ÷ base, and the inverse of base ÷ head) cancels
// the order (742e0f5 ÷ c61b387: 1.044×, 1.049×).
//
//   npx tsx scripts/ab-core-symmetric.ts <base rev> <head rev> [--pairs 2] [--rounds 6]
//
// Prints every run and, per pair and over all, head ÷ base throughput.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const [baseRev, headRev] = positional;
if (!baseRev || !headRev) {
  console.error('usage: tsx scripts/ab-core-symmetric.ts <base rev> <head rev> [--pairs 2] [--rounds 6]');
  process.exit(2);
}
const abCore = path.join(__dirname, 'ab-core.ts');
const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');

/** head ÷ base throughput of one ab-core run. */
function run(base: string, head: string): number {
  const out = execFileSync(tsx, [abCore, base, head, '--rounds', String(option('rounds', 6))], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const m = /head ÷ base throughput: ([0-9.]+)/.exec(out);
  if (!m) throw new Error(`no ratio in ab-core's output:\n${out}`);
  return Number(m[1]);
}

const pairs: number[] = [];
for (let p = 0; p < option('pairs', 2); p++) {
  const forward = run(baseRev, headRev);
  const reverse = run(headRev, baseRev);
  const symmetric = Math.sqrt(forward / reverse);
  pairs.push(symmetric);
  console.log(`pair ${p + 1}: ${headRev} as head ${forward.toFixed(3)}×, as base ${reverse.toFixed(3)}× → ${headRev} ÷ ${baseRev} ${symmetric.toFixed(3)}×`);
}
const mean = Math.exp(pairs.reduce((s, r) => s + Math.log(r), 0) / pairs.length);
console.log(`${headRev} ÷ ${baseRev} throughput over ${pairs.length} pairs: ${mean.toFixed(3)}× (pairs ${Math.min(...pairs).toFixed(3)}-${Math.max(...pairs).toFixed(3)})`);
