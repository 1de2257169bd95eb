// Where an indexing worker's CPU goes per article beyond the analysis itself, on the
// bench's generated articles: reading the file, the analysis (warm), making the summary,
// storing it (JSON → UTF-8 bytes) and posting it to the main thread; plus the alternatives
// to JSON that were measured (not faster: the object walk, not the strings, is the cost).
// It also prints how per-article CPU falls while a fresh isolate warms up.
//   npx esbuild scripts/summary-bench.ts --bundle --platform=node --outfile=out/prof/summary-bench.js --log-level=warning
//   node out/prof/summary-bench.js [folder] [files]
// (the folder defaults to the one scripts/index-ab.ts writes: run that first)
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { ClaimItem } from '../protocol/requests';
import { makeEntry } from '../server/src/analysisStore';
import { analyzeWithinLimit } from '../server/src/common/limits';
import { maskSuppressionComments } from '../server/src/features/suppressions';
import { analyzeFileSync } from '../server/src/workspace/analyzeFile';
import { storeSummary, summarizeEntry, summaryTransferList, type FileSummary } from '../server/src/workspace/summary';

const folder = process.argv[2] ?? path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace');
const count = Number(process.argv[3] ?? 1000);
const allFiles: string[] = [];
for (const desk of readdirSync(folder).sort()) {
  if (!desk.startsWith('desk-')) continue;
  for (const name of readdirSync(path.join(folder, desk)).sort()) allFiles.push(path.join(folder, desk, name));
}
const files = allFiles.slice(0, count);

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function time(label: string, rounds: number, body: () => void): void {
  body();
  const start = cpuMs();
  for (let round = 0; round < rounds; round++) body();
  console.log(`${label}: ${(((cpuMs() - start) / rounds / files.length) * 1000).toFixed(1)} µs per file`);
}

/** A fresh isolate's CPU per article, per 250 articles, over the first `upTo` files. */
function warmUpCurve(upTo: number): void {
  const perChunk: string[] = [];
  const start = cpuMs();
  let chunkStart = start;
  allFiles.slice(0, upTo).forEach((file, k) => {
    analyzeFileSync({ id: k, uri: `file://${file}`, path: file, languageId: 'plaintext', maxFileSize: 1 << 20 });
    if ((k + 1) % 250 === 0) {
      const now = cpuMs();
      perChunk.push(((now - chunkStart) / 250).toFixed(2));
      chunkStart = now;
    }
  });
  console.log(`fresh isolate, ms CPU per article by 250: ${perChunk.join(' ')}; ${upTo} articles ${((cpuMs() - start) / 1000).toFixed(2)} s`);
}

/** Claims as JSON written by hand (same text as JSON.stringify): measured slower. */
function claimsJsonByHand(claims: ClaimItem[]): string {
  const q = JSON.stringify;
  const pos = (p: { line: number; character: number }) => `{"line":${p.line},"character":${p.character}}`;
  const one = (c: ClaimItem): string => {
    let out = `{"id":${q(c.id)},"kind":${q(c.kind)},"text":${q(c.text)},"range":{"start":${pos(c.range.start)},"end":${pos(c.range.end)}},"sourced":${c.sourced},"figures":[`;
    c.figures.forEach((f, k) => {
      out += `${k > 0 ? ',' : ''}{"text":${q(f.text)},"kind":${q(f.kind)}`;
      if (f.value !== undefined) out += `,"value":${q(f.value)}`;
      if (f.unit !== undefined) out += `,"unit":${q(f.unit)}`;
      if (f.qualifier !== undefined) out += `,"qualifier":${q(f.qualifier)}`;
      out += '}';
    });
    out += `],"entities":${q(c.entities)}`;
    if (c.speaker !== undefined) out += `,"speaker":${q(c.speaker)}`;
    if (c.sourceText !== undefined) out += `,"sourceText":${q(c.sourceText)}`;
    if (c.sourceHow !== undefined) out += `,"sourceHow":${q(c.sourceHow)}`;
    if (c.vague !== undefined) out += `,"vague":${c.vague}`;
    return out + '}';
  };
  return `[${claims.map(one).join(',')}]`;
}

/** The summary as arrays without keys: 37 % fewer bytes, measured no faster to make. */
function asTuples(s: FileSummary): unknown {
  return [
    s.claims.map((c) => [
      c.id, c.kind, c.text, c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character, c.sourced ? 1 : 0,
      c.figures.map((f) => [f.text, f.kind, f.value ?? null, f.unit ?? null, f.qualifier ?? null]),
      c.entities, c.speaker ?? null, c.sourceText ?? null, c.sourceHow ?? null, c.vague === undefined ? null : c.vague ? 1 : 0,
    ]),
    s.findings,
    s.entities.map((e) => [e.kind, e.name, e.aliases, e.role ?? null, e.mentions, e.defining]),
  ];
}

async function main(): Promise<void> {
  if (process.argv.includes('--warm-up')) {
    warmUpCurve(Math.min(allFiles.length, 3000));
    return;
  }
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  time('read file', 3, () => {
    for (const file of files) readFileSync(file, 'utf8');
  });
  time('analyze (warm)', 3, () => {
    for (const text of texts) analyzeWithinLimit(maskSuppressionComments(text), 1 << 20);
  });
  const analyses = texts.map((text) => analyzeWithinLimit(text, 1 << 20));
  const entries = texts.map((text, k) => makeEntry(`file://${files[k]}`, null, 'plaintext', text, analyses[k]));
  time('summarizeEntry', 10, () => {
    for (const entry of entries) summarizeEntry(entry);
  });
  const summaries = entries.map(summarizeEntry);
  const stored = summaries.map(storeSummary);
  const bytes = stored.reduce((sum, s) => sum + s.bytes.byteLength, 0);
  const tupleChars = summaries.reduce((sum, s) => sum + JSON.stringify(asTuples(s)).length, 0);
  console.log(`${files.length} files: summary ${(bytes / files.length).toFixed(0)} bytes each as stored; keyless arrays ${(tupleChars / files.length).toFixed(0)} chars`);
  time('storeSummary', 10, () => {
    for (const s of summaries) storeSummary(s);
  });
  time('JSON.stringify claims, findings, entities', 10, () => {
    for (const s of summaries) {
      JSON.stringify(s.claims);
      JSON.stringify(s.findings);
      JSON.stringify(s.entities);
    }
  });
  time('keyless arrays + JSON.stringify', 10, () => {
    for (const s of summaries) JSON.stringify(asTuples(s));
  });
  time('JSON.stringify claims', 10, () => {
    for (const s of summaries) JSON.stringify(s.claims);
  });
  time('claims JSON by hand', 10, () => {
    for (const s of summaries) claimsJsonByHand(s.claims);
  });
  time('JSON.stringify claim texts only', 10, () => {
    for (const s of summaries) JSON.stringify(s.claims.map((c) => c.text));
  });
  const channel = new MessageChannel();
  let received = 0;
  channel.port2.on('message', (message: { results: unknown[] }) => (received += message.results.length));
  for (const [label, batch, transfer] of [['8 per message, transferred', 8, true], ['8 per message, copied', 8, false], ['1 per message, transferred', 1, true]] as const) {
    const copies = summaries.map(storeSummary);
    const start = cpuMs();
    for (let at = 0; at < copies.length; at += batch) {
      const results = copies.slice(at, at + batch).map((summary, k) => ({ id: at + k, summary, mtimeMs: 1, size: 2 }));
      channel.port1.postMessage({ results }, transfer ? summaryTransferList(results.map((r) => r.summary)) : []);
    }
    const posted = cpuMs() - start;
    while (received < copies.length) await new Promise((resolve) => setImmediate(resolve));
    received = 0;
    console.log(`post ${label}: ${((posted / files.length) * 1000).toFixed(1)} µs per file to send, ${(((cpuMs() - start) / files.length) * 1000).toFixed(1)} µs with receiving`);
  }
  channel.port1.close();
  void stored;
}

void main();
