// The server's edit path in one process, phase by phase: opens the bench's 1 MB document,
// then applies the bench's edits as the server does (pieces, minimal change, the splice's
// findings, diagnostics, message encoding: "published"; then the splice settled) and
// reports each phase's CPU per edit (lower decile, median, mean over the second half of the
// edits) and heap growth. For an A/B, bundle it in each worktree and alternate:
//   npx esbuild scripts/edit-phases.ts --bundle --platform=node --outfile=out/tmp/edit-phases.js && node out/tmp/edit-phases.js [--edits N]
import { generateLargeDocument } from '../bench/corpus';
import { benchEdit, editLine } from '../bench/server';
import { median } from '../bench/stats';
import { analyze } from '../server/src/analysis/index';
import { minimalChange, spliceFindingsFirst } from '../server/src/analysis/incremental';
import type { AnalysisEntry } from '../server/src/analysisStore';
import { makeEntry } from '../server/src/analysisStore';
import { encodeMessage } from '../server/src/common/messageEncoder';
import { EditorDocument } from '../server/src/editorDocument';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/settings';

const allocated: Record<string, number[]> = { update: [], splice: [], diagnostics: [], encode: [], settle: [] };
function heapKb(): number {
  return process.memoryUsage().heapUsed / 1024;
}
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function main(): void {
  const args = process.argv.slice(2);
  let edits = 200;
  for (let i = 0; i < args.length; i++) if (args[i] === '--edits') edits = Number(args[++i]);
  const text = generateLargeDocument(1024 * 1024);
  const uri = 'file:///tmp/large-document.txt';
  const document = new EditorDocument(uri, 'plaintext', 1, text);
  const analysis = analyze(text);
  const a = analysis;
  const mentions = a.entities.reduce((n, e) => n + e.mentions.length, 0);
  process.stdout.write(
    `items: paragraphs ${a.structure.paragraphs.length}, sentences ${a.sentences.length}, entities ${a.entities.length} (mentions ${mentions}), quotes ${a.quotes.length}, figures ${a.figures.length}, claims ${a.claims.length}, findings ${a.findings.length}\n`,
  );
  let entry: AnalysisEntry = makeEntry(uri, 1, 'plaintext', text, analysis, { lines: document.lines });
  const settings = DEFAULT_SETTINGS;
  const line = editLine(text);
  // As the server goes: the splice's findings, their diagnostics sent, then the splice settled
// (the rest of the analysis), before the next edit. "published" is the first three.
  const phases: Record<string, number[]> = { update: [], splice: [], diagnostics: [], encode: [], published: [], settle: [], total: [] };
  let bytes = 0;
  for (let i = 0; i < edits; i++) {
    const h0 = heapKb();
    const t0 = cpuMs();
    document.update([benchEdit(i, line)], i + 2);
    const edit = document.lastEdit!;
    const change = minimalChange(edit.before, document.text, edit.change)!;
    const t1 = cpuMs();
    const h1 = heapKb();
    const spliced = spliceFindingsFirst(entry.analysis, document.text, change, { reuse: true });
    if (!spliced) throw new Error(`edit ${i} not spliced`);
    const docText = document.text;
    entry = { uri, version: i + 2, languageId: 'plaintext', get text() { return docText.toString(); }, lines: document.lines, get analysis() { return spliced.settle(); }, exact: false };
    const t2 = cpuMs();
    const h2 = heapKb();
    const diagnostics = toDiagnostics(entry, settings, spliced.findings, change.start);
    const t3 = cpuMs();
    const h3 = heapKb();
    const message = encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: i + 2, diagnostics } });
    const t4 = cpuMs();
    const h4 = heapKb();
    spliced.settle();
    const t5 = cpuMs();
    allocated.settle.push(heapKb() - h4);
    phases.settle.push(t5 - t4);
    phases.published.push(t4 - t0);
    allocated.update.push(h1 - h0);
    allocated.splice.push(h2 - h1);
    allocated.diagnostics.push(h3 - h2);
    allocated.encode.push(h4 - h3);
    bytes = message.length;
    phases.update.push(t1 - t0);
    phases.splice.push(t2 - t1);
    phases.diagnostics.push(t3 - t2);
    phases.encode.push(t4 - t3);
    phases.total.push(t5 - t0);
  }
  // The first edits warm the code up: report the second half.
  const half = (xs: number[]) => xs.slice(xs.length >> 1);
  for (const [name, xs] of Object.entries(phases)) {
    const h = half(xs);
    // Under load a phase's CPU time swings too: the lower decile compares builds best.
    const p10 = [...h].sort((a, b) => a - b)[Math.floor(h.length / 10)];
    process.stdout.write(`${name.padEnd(12)} p10 ${p10.toFixed(2)} ms, median ${median(h).toFixed(2)} ms, mean ${(h.reduce((s, x) => s + x, 0) / h.length).toFixed(2)} ms\n`);
  }
  // Heap growth per phase (a collection inside a phase makes it negative: the median skips those).
  for (const [name, xs] of Object.entries(allocated)) process.stdout.write(`${name.padEnd(12)} allocates ~${median(half(xs)).toFixed(0)} kB\n`);
  process.stdout.write(`diagnostics message ${bytes} bytes\n`);
}

main();
