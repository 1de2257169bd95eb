// Whether analyze() has a fixed cost per call that short files pay: the same articles
// analysed one per call, and joined 20 to a text (blank lines between), warm, in
// alternation; MB/s of CPU each. An indexing worker calls it once per file.
//   npx esbuild scripts/analyze-per-call.ts --bundle --platform=node --outfile=out/prof/analyze-per-call.js --log-level=warning
//   node out/prof/analyze-per-call.js [files]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof-X out/prof/analyze-per-call.js [files] --only 'one per call'   (one variant, to profile)
// (the folder is the one scripts/index-ab.ts writes: run that first)
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeWithinLimit } from '../server/src/common/limits';

const folder = path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace');
const count = Number(process.argv[2] ?? 600);
const files: string[] = [];
for (const desk of readdirSync(folder).sort()) {
  if (!desk.startsWith('desk-')) continue;
  for (const name of readdirSync(path.join(folder, desk)).sort()) files.push(path.join(folder, desk, name));
}
const texts = files.slice(0, count).map((file) => readFileSync(file, 'utf8'));
const joined: string[] = [];
for (let at = 0; at < texts.length; at += 20) joined.push(texts.slice(at, at + 20).join('\n\n'));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const onlyAt = process.argv.indexOf('--only');
const all = { 'one per call': texts, '20 per call': joined };
const variants = onlyAt >= 0 ? { [process.argv[onlyAt + 1]]: all[process.argv[onlyAt + 1] as keyof typeof all] } : all;
for (const list of Object.values(variants)) for (let k = 0; k < 3; k++) for (const text of list) analyzeWithinLimit(text, 1 << 24);
const rates: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < 6; round++) {
  const names = Object.keys(variants) as (keyof typeof variants)[];
  for (const name of round % 2 === 0 ? names : names.reverse()) {
    const start = cpuMs();
    for (const text of variants[name]) analyzeWithinLimit(text, 1 << 24);
    rates[name].push(bytes / 1e6 / ((cpuMs() - start) / 1000));
  }
}
for (const [name, list] of Object.entries(rates)) console.log(`${name}: ${list.map((r) => r.toFixed(2)).join(' ')} MB/s`);
