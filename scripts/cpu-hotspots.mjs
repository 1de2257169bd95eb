// Summarises a V8 .cpuprofile (node --cpu-prof) of an esbuild bundle: self time per
// function and per source module (from esbuild's "// path/to/file.ts" module markers).
//
//   node scripts/cpu-hotspots.mjs PROFILE.cpuprofile BUNDLE.js [--top 40]
import * as fs from 'node:fs';

const [profileFile, bundleFile] = process.argv.slice(2);
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 40;
const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
const bundleLines = fs.readFileSync(bundleFile, 'utf8').split('\n');
// Line (0-based) → module path, from esbuild's module marker comments.
const moduleStarts = [];
bundleLines.forEach((line, i) => {
  const m = /^\/\/ ((?:server|bench|eval|scripts|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(line);
  if (m) moduleStarts.push([i, m[1]]);
});
function moduleOf(line) {
  let lo = 0, hi = moduleStarts.length - 1, found = '?';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (moduleStarts[mid][0] <= line) { found = moduleStarts[mid][1]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const deltas = profile.timeDeltas;
const totalMs = deltas.reduce((s, d) => s + d, 0) / 1000;
const totalSamples = profile.samples.length;
const perFunction = new Map();
const perModule = new Map();
for (const [id, count] of selfSamples) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const mod = cf.url.endsWith(bundleFile.split('/').pop()) ? moduleOf(cf.lineNumber) : (cf.url ? cf.url.split('/').slice(-2).join('/') : `(${cf.functionName || 'program'})`);
  const key = `${cf.functionName || '(anonymous)'}  ${mod}:${cf.lineNumber + 1}`;
  perFunction.set(key, (perFunction.get(key) ?? 0) + count);
  perModule.set(mod, (perModule.get(mod) ?? 0) + count);
}
const pct = (c) => ((100 * c) / totalSamples).toFixed(1).padStart(5) + '%';
console.log(`${totalSamples} samples, ${totalMs.toFixed(0)} ms`);
console.log('\nself time by module:');
for (const [k, c] of [...perModule].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(c)}  ${k}`);
console.log('\nself time by function:');
for (const [k, c] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(c)}  ${k}`);

// --lines NAME: per-line self samples inside functions called NAME, with the bundle's line.
const linesIndex = process.argv.indexOf('--lines');
if (linesIndex >= 0) {
  const wanted = process.argv[linesIndex + 1];
  const ticks = new Map();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== wanted || !n.positionTicks) continue;
    for (const t of n.positionTicks) ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
  }
  console.log(`\nlines of ${wanted}:`);
  for (const [line, c] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${pct(c)}  ${String(line).padStart(6)}  ${bundleLines[line - 1].trim().slice(0, 140)}`);
  }
}
