// storeSummary as it was (three JSON strings, Buffer.byteLength of each, then encodeInto)
// against the current one (encodeInto a scratch buffer that reports the bytes written, one
// copy out), in alternation on the summaries of the bench's generated articles; checks that
// both give the same bytes and offsets.
//   npx esbuild scripts/store-summary-ab.ts --bundle --platform=node --outfile=out/prof/store-summary-ab.js --log-level=warning
//   node out/prof/store-summary-ab.js [files]
// (the folder is the one scripts/index-ab.ts writes: run that first)
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeEntry } from '../server/src/analysisStore';
import { analyzeWithinLimit } from '../server/src/common/limits';
import { storeSummary, summarizeEntry, type FileSummary, type StoredSummary } from '../server/src/workspace/summary';

const folder = path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace');
const count = Number(process.argv[2] ?? 500);
const files: string[] = [];
for (const desk of readdirSync(folder).sort()) {
  if (!desk.startsWith('desk-')) continue;
  for (const name of readdirSync(path.join(folder, desk)).sort()) files.push(path.join(folder, desk, name));
}
const encoder = new TextEncoder();

function storeSummaryBefore(summary: FileSummary): StoredSummary {
  const parts = [JSON.stringify(summary.claims), JSON.stringify(summary.findings), JSON.stringify(summary.entities)];
  const lengths = parts.map((part) => Buffer.byteLength(part, 'utf8'));
  const bytes = new Uint8Array(lengths[0] + lengths[1] + lengths[2]);
  let at = 0;
  for (let k = 0; k < parts.length; k++) {
    encoder.encodeInto(parts[k], bytes.subarray(at, at + lengths[k]));
    at += lengths[k];
  }
  return { uri: summary.uri, claimCount: summary.claims.length, findingCount: summary.findings.length, bytes, findingsAt: lengths[0], entitiesAt: lengths[0] + lengths[1] };
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const summaries = files.slice(0, count).map((file) => {
  const text = readFileSync(file, 'utf8');
  return summarizeEntry(makeEntry(`file://${file}`, null, 'plaintext', text, analyzeWithinLimit(text, 1 << 20)));
});
for (const summary of summaries) {
  const a = storeSummaryBefore(summary);
  const b = storeSummary(summary);
  if (a.findingsAt !== b.findingsAt || a.entitiesAt !== b.entitiesAt || Buffer.compare(a.bytes, b.bytes) !== 0 || b.bytes.buffer.byteLength !== b.bytes.byteLength) {
    throw new Error(`different bytes for ${summary.uri}`);
  }
}
const times: Record<string, number[]> = { before: [], after: [] };
for (let round = 0; round < 8; round++) {
  for (const [name, store] of round % 2 === 0 ? ([['before', storeSummaryBefore], ['after', storeSummary]] as const) : ([['after', storeSummary], ['before', storeSummaryBefore]] as const)) {
    const start = cpuMs();
    for (let k = 0; k < 4; k++) for (const summary of summaries) store(summary);
    times[name].push(((cpuMs() - start) / 4 / summaries.length) * 1000);
  }
}
for (const [name, list] of Object.entries(times)) {
  const sorted = list.slice(2).sort((a, b) => a - b);
  console.log(`${name}: ${sorted.map((t) => t.toFixed(1)).join(' ')} µs per file (same bytes: checked)`);
}
