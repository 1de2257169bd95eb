// Measures the real language server over stdio: edit → diagnostics on a 1 MB document,
// hover latency idle and while a workspace is indexed, and indexing wall time and memory.
import * as fs from 'fs';
import * as path from 'path';
import type { Position } from 'vscode-languageserver-protocol';
import { LineIndex } from '../server/src/common/positions';
import { BenchClient, fileUri } from './lsp';
import { median, percentile } from './stats';

/** A measure that could not be taken says why instead of giving a number. */
export interface NotAvailable {
  na: string;
}

export interface EditResult {
  /** "server default" or "claimlens.debounceMs = 0". */
  setting: string;
  debounceMs?: number;
  /** didOpen → first diagnostics (a full analysis of the document through the server). */
  openToDiagnosticsMs?: number;
  edits: number;
  timeouts: number;
  medianMs?: number;
  p95Ms?: number;
  /** Median CPU time the server spent per edit (10 ms resolution): the work, without waiting for a busy machine. */
  serverCpuMedianMs?: number;
  /** The same for the server's main thread alone (workers and GC helper threads left out): what an edit holds the server's event loop for. */
  mainThreadCpuMedianMs?: number;
  na?: string;
}

export interface HoverResult {
  count: number;
  withContent: number;
  medianMs?: number;
  p99Ms?: number;
  maxMs?: number;
  na?: string;
  note?: string;
}

export interface IndexingResult {
  files: number;
  bytes: number;
  wallMs?: number;
  peakRssBytes?: number;
  /** How the end of indexing was seen: a progress end, or every file's diagnostics. */
  detectedBy?: string;
  /** Server CPU time from initialize to the end of indexing: main thread, and the other
   * threads (indexing workers, GC and libuv helpers). */
  cpu?: { mainMs: number; otherMs: number };
  na?: string;
}

export interface ServerConfig {
  serverPath: string;
  document: string;
  edits: number;
  hovers: number;
  workspaceFolder: string;
  workspaceFiles: number;
  workspaceBytes: number;
  indexingTimeoutMs: number;
  /** How long to wait for signs of indexing before saying there is none (default 5 s). */
  indexingStartTimeoutMs?: number;
  log: (message: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The text inserted and removed again by each pair of edits: it holds an unsourced figure. */
const EDIT_TEXT = 'Officials said 40 per cent of the 12,000 households were affected. ';

/** Hover targets spread over the document: inside names and just inside opening quotes. */
export function hoverPositions(text: string, count: number): Position[] {
  const lines = new LineIndex(text);
  const offsets: number[] = [];
  const pattern = /[A-Z][a-z]+ [A-Z][a-z]+|“/g;
  for (const match of text.matchAll(pattern)) offsets.push((match.index ?? 0) + Math.min(2, match[0].length));
  if (offsets.length === 0) return [{ line: 0, character: 0 }];
  const step = Math.max(1, Math.floor(offsets.length / count));
  const positions: Position[] = [];
  for (let i = 0; i < offsets.length && positions.length < count; i += step) positions.push(lines.positionAt(offsets[i]));
  return positions;
}

/** A body line near the middle of the document, where edits are made. */
export function editLine(text: string): number {
  const lines = text.split('\n');
  for (let i = lines.length >> 1; i < lines.length; i++) if (lines[i].length > 40) return i;
  return 0;
}

/** Edit `i` of the series at the start of `line`: even ones insert EDIT_TEXT, odd ones remove it again. */
export function benchEdit(i: number, line: number): { range: { start: Position; end: Position }; text: string } {
  return i % 2 === 0
    ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: EDIT_TEXT }
    : { range: { start: { line, character: 0 }, end: { line, character: EDIT_TEXT.length } }, text: '' };
}

async function openDocument(client: BenchClient, uri: string, text: string): Promise<number | undefined> {
  const sentAt = performance.now();
  const first = client.waitForDiagnostics(uri, () => true, 120_000);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plaintext', version: 1, text },
  });
  const receivedAt = await first;
  return receivedAt === undefined ? undefined : receivedAt - sentAt;
}

async function hoverLoop(
  client: BenchClient,
  uri: string,
  positions: Position[],
  count: number,
  keepGoing: () => boolean = () => true,
): Promise<{ samples: number[]; withContent: number }> {
  const samples: number[] = [];
  let withContent = 0;
  for (let i = 0; i < count && keepGoing(); i++) {
    const position = positions[i % positions.length];
    const start = performance.now();
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    const elapsed = performance.now() - start;
    if (!keepGoing()) break; // Finished after indexing ended: not a sample "during indexing".
    samples.push(elapsed);
    if (hover) withContent++;
  }
  return { samples, withContent };
}

function hoverResult(samples: number[], withContent: number): HoverResult {
  if (samples.length === 0) return { count: 0, withContent: 0, na: 'no hover samples' };
  return {
    count: samples.length,
    withContent,
    medianMs: median(samples),
    p99Ms: percentile(samples, 99),
    maxMs: Math.max(...samples),
  };
}

/**
 * Edits the 1 MB document `edits` times (insert, then delete the same text, alternately)
 * and times each didChange to the diagnostics of that version. With `hovers` > 0, then
 * measures idle hover latency on the same document.
 */
export async function measureEdits(
  config: ServerConfig,
  setting: string,
  settings: Record<string, unknown>,
  debounceMs: number | undefined,
  hovers: number,
): Promise<{ edit: EditResult; hover?: HoverResult }> {
  const client = new BenchClient({ serverPath: config.serverPath, settings });
  const uri = fileUri(path.join(path.dirname(config.workspaceFolder), 'large-document.txt'));
  const edit: EditResult = { setting, debounceMs, edits: 0, timeouts: 0 };
  try {
    await client.initialize();
    edit.openToDiagnosticsMs = await openDocument(client, uri, config.document);
    if (edit.openToDiagnosticsMs === undefined) {
      return { edit: { ...edit, na: `no diagnostics for the 1 MB document within 120 s${client.hasExited ? ' (server exited)' : ''}${stderrHint(client)}` } };
    }
    const line = editLine(config.document);
    // Full analyses published so far (the server notifies claimlens/analysisChanged for
    // each; a spliced edit's diagnostics come without one, and a full analysis is published
    // only while the document is still at the version it analysed).
    const fullAnalysesBefore = () => client.notificationCounts.get('claimlens/analysisChanged') ?? 0;
    let fullAnalysesAtLastEdit = fullAnalysesBefore();
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    const mainThreadSamples: number[] = [];
    let version = 1;
    for (let i = 0; i < config.edits; i++) {
      version++;
      const change = benchEdit(i, line);
      const expected = version;
      // A slow analysis must not be counted as a miss: wait up to 3× the first full analysis.
      const timeoutMs = Math.max(10_000, 3 * edit.openToDiagnosticsMs);
      const published = client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version >= expected, timeoutMs);
      const cpuBefore = client.cpuMs();
      const threadsBefore = client.threadCpuMs();
      // A full analysis published after this is of this version or a later one.
      fullAnalysesAtLastEdit = fullAnalysesBefore();
      const sentAt = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
      const receivedAt = await published;
      edit.edits++;
      if (receivedAt === undefined) edit.timeouts++;
      else {
        samples.push(receivedAt - sentAt);
        const cpuAfter = client.cpuMs();
        if (cpuBefore !== undefined && cpuAfter !== undefined) cpuSamples.push(cpuAfter - cpuBefore);
        const threadsAfter = client.threadCpuMs();
        if (threadsBefore && threadsAfter) mainThreadSamples.push(threadsAfter.mainMs - threadsBefore.mainMs);
      }
      await sleep(20);
    }
    if (samples.length > 0) {
      edit.medianMs = median(samples);
      edit.p95Ms = percentile(samples, 95);
      if (cpuSamples.length > 0) edit.serverCpuMedianMs = median(cpuSamples);
      if (mainThreadSamples.length > 0) edit.mainThreadCpuMedianMs = median(mainThreadSamples);
    } else {
      edit.na = 'no diagnostics after any edit';
    }
    let hover: HoverResult | undefined;
    if (hovers > 0) {
      // The idle measure: after the edits, the server still runs the full analysis of the
      // last version (debounced, then a second or so in its worker) and then takes it in.
      // Hovers measured meanwhile share the cores with that analysis: wait for it first.
      // (Only from a server that announces its full analyses: ClaimLens does, for the open too.)
      let settled = true;
      if (config.edits > 0 && fullAnalysesBefore() > 0) settled = await waitForFullAnalysis(client, fullAnalysesAtLastEdit, Math.max(10_000, 3 * edit.openToDiagnosticsMs));
      await sleep(300); // Let the last analysis settle: this is the idle measure.
      const { samples: hoverSamples, withContent } = await hoverLoop(client, uri, hoverPositions(config.document, 200), hovers);
      hover = hoverResult(hoverSamples, withContent);
      if (!settled) hover.note = 'the full analysis after the last edit was not seen (no claimlens/analysisChanged): hovers may overlap it';
    }
    return { edit, hover };
  } catch (error) {
    return { edit: { ...edit, na: `server error: ${describe(error)}${stderrHint(client)}` } };
  } finally {
    await client.stop();
  }
}

/** Waits until the server has published a full analysis beyond the `seen` ones; false on timeout. */
async function waitForFullAnalysis(client: BenchClient, seen: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while ((client.notificationCounts.get('claimlens/analysisChanged') ?? 0) <= seen) {
    if (performance.now() > deadline || client.hasExited) return false;
    await sleep(10);
  }
  return true;
}

const NO_INDEXING = 'n/a (no workspace indexing yet)';

/** Waits until the server shows it is indexing the workspace: an index status, a progress,
 * diagnostics for a workspace file, or the answer to claimlens/analyzeWorkspace. */
async function waitForIndexingStart(client: BenchClient, folderUri: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (
      client.indexingSeen ||
      (client.indexStatus?.done ?? 0) > 0 ||
      client.progress.length > 0 ||
      workspaceFilesSeen(client, folderUri) > 0 ||
      (client.analyzeWorkspaceAnswer !== undefined && client.analyzeWorkspaceAnswer.error === undefined)
    ) {
      return true;
    }
    if (client.analyzeWorkspaceAnswer?.error !== undefined) return false;
    await sleep(25);
  }
  return false;
}

function workspaceFilesSeen(client: BenchClient, folderUri: string): number {
  let count = 0;
  for (const uri of client.analysedUris) if (uri.startsWith(folderUri + '/')) count++;
  return count;
}

/** Starts indexing: automatically on initialize (issue 4 §1: "on start"), or by asking with
 * claimlens/analyzeWorkspace, or through a "…workspace…" command the server offers. */
async function startIndexing(client: BenchClient, folderUri: string, waitMs = 5000): Promise<boolean> {
  if (await waitForIndexingStart(client, folderUri, waitMs)) return true;
  client.requestWorkspaceAnalysis();
  if (await waitForIndexingStart(client, folderUri, waitMs)) return true;
  const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  const command = commands.find((c) => /workspace/i.test(c));
  if (!command) return false;
  void client.connection.sendRequest('workspace/executeCommand', { command, arguments: [] }).catch(() => undefined);
  return waitForIndexingStart(client, folderUri, waitMs);
}

/** The progress that stands for workspace indexing: one titled so, else the first one. */
function indexingProgress(client: BenchClient) {
  return client.progress.find((p) => /index|workspace|analy[sz]/i.test(p.title ?? '')) ?? client.progress[0];
}

/** When and how the end of indexing was seen, or undefined while it runs. */
function indexingEnd(client: BenchClient, folderUri: string, files: number): { at: number; how: string } | undefined {
  const answer = client.analyzeWorkspaceAnswer;
  if (answer && answer.error === undefined) {
    return { at: answer.receivedAt, how: `claimlens/analyzeWorkspace answered (${answer.result?.analysed ?? '?'} of ${answer.result?.files ?? '?'} files analysed${answer.result?.cancelled ? ', cancelled' : ''})` };
  }
  const status = client.indexStatus;
  if (status && !status.indexing && (client.indexingSeen || status.done >= files) && status.files > 0) {
    return { at: status.receivedAt, how: `claimlens/indexStatus idle (${status.done} of ${status.files} files)` };
  }
  const progress = indexingProgress(client);
  if (progress?.endedAt !== undefined) return { at: progress.endedAt, how: `progress "${progress.title ?? progress.token}" ended` };
  // Only for a server that reports no progress and no status: one that does is done when it says so.
  if (!progress && !status && workspaceFilesSeen(client, folderUri) >= files) return { at: performance.now(), how: 'diagnostics for every workspace file' };
  return undefined;
}

function indexingDone(client: BenchClient, folderUri: string, files: number): string | undefined {
  return indexingEnd(client, folderUri, files)?.how;
}

/** How many files the server says it indexed once the run ended: its answer to
 * claimlens/analyzeWorkspace, else its last idle index status (which may follow the end of
 * the progress by a moment), else the files it published diagnostics for. A run that ends
 * early because every file failed (say, its models were not found) must not pass for fast. */
async function filesIndexed(client: BenchClient, folderUri: string, waitMs = 1000): Promise<number> {
  const answer = client.analyzeWorkspaceAnswer?.result;
  if (answer && typeof answer.analysed === 'number') return answer.analysed;
  const until = performance.now() + waitMs;
  while (client.indexStatus?.indexing && performance.now() < until) await sleep(10);
  if (client.indexStatus) return client.indexStatus.files;
  return workspaceFilesSeen(client, folderUri);
}

/** Indexing of the generated workspace alone: wall time from initialize to its end, and VmHWM. */
export async function measureIndexing(config: ServerConfig): Promise<IndexingResult> {
  const result: IndexingResult = { files: config.workspaceFiles, bytes: config.workspaceBytes };
  const folderUri = fileUri(config.workspaceFolder);
  const client = new BenchClient({ serverPath: config.serverPath, settings: {}, workspaceFolder: config.workspaceFolder });
  try {
    const start = performance.now();
    await client.initialize();
    if (!(await startIndexing(client, folderUri, config.indexingStartTimeoutMs))) return { ...result, na: NO_INDEXING };
    const deadline = start + config.indexingTimeoutMs;
    let detectedBy: string | undefined;
    while (!(detectedBy = indexingDone(client, folderUri, config.workspaceFiles)) && performance.now() < deadline) {
      if (client.hasExited) return { ...result, na: `server exited while indexing${stderrHint(client)}` };
      await sleep(10);
    }
    if (!detectedBy) {
      return { ...result, na: `indexing did not finish within ${config.indexingTimeoutMs / 1000} s (${workspaceFilesSeen(client, folderUri)} files seen)` };
    }
    const end = indexingEnd(client, folderUri, config.workspaceFiles)?.at ?? performance.now();
    const indexed = await filesIndexed(client, folderUri);
    if (indexed < config.workspaceFiles) {
      return { ...result, na: `indexing ended with ${indexed} of ${config.workspaceFiles} files indexed${stderrHint(client)}` };
    }
    // Indexing the bench had to ask for runs from the request, not from the wait before it.
    const begin = client.analyzeWorkspaceRequestedAt ?? start;
    const cpu = client.threadCpuMs();
    return { ...result, wallMs: end - begin, peakRssBytes: client.peakRssBytes(), detectedBy, ...(cpu ? { cpu } : {}) };
  } catch (error) {
    return { ...result, na: `server error: ${describe(error)}${stderrHint(client)}` };
  } finally {
    await client.stop();
  }
}

/** Hover latency on the open 1 MB document while the workspace is being indexed. */
export async function measureHoverDuringIndexing(config: ServerConfig): Promise<HoverResult> {
  const folderUri = fileUri(config.workspaceFolder);
  const client = new BenchClient({ serverPath: config.serverPath, settings: {}, workspaceFolder: config.workspaceFolder });
  const uri = fileUri(path.join(path.dirname(config.workspaceFolder), 'large-document.txt'));
  try {
    await client.initialize();
    if (!(await startIndexing(client, folderUri, config.indexingStartTimeoutMs))) return { count: 0, withContent: 0, na: NO_INDEXING };
    if ((await openDocument(client, uri, config.document)) === undefined) {
      return { count: 0, withContent: 0, na: 'the open document got no diagnostics while indexing' };
    }
    const indexing = () => indexingDone(client, folderUri, config.workspaceFiles) === undefined;
    if (!indexing()) return { count: 0, withContent: 0, na: 'indexing finished before the open document was analysed' };
    const { samples, withContent } = await hoverLoop(client, uri, hoverPositions(config.document, 200), config.hovers, indexing);
    const result = hoverResult(samples, withContent);
    if (samples.length < config.hovers) result.note = `indexing ended after ${samples.length} of ${config.hovers} hovers`;
    return result;
  } catch (error) {
    return { count: 0, withContent: 0, na: `server error: ${describe(error)}${stderrHint(client)}` };
  } finally {
    await client.stop();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stderrHint(client: BenchClient): string {
  const tail = client.stderr.trim().split('\n').slice(-2).join(' / ');
  return tail ? ` (stderr: ${tail.slice(0, 300)})` : '';
}

/** The debounce the server uses by default: package.json's contributed default, else the server's settings module. */
export function defaultDebounce(root: string): { ms?: number; source: string } {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } | { properties?: Record<string, { default?: unknown }> }[] };
    };
    const configuration = manifest.contributes?.configuration;
    const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
    for (const section of sections) {
      const value = section.properties?.['claimlens.debounceMs']?.default;
      if (typeof value === 'number') return { ms: value, source: 'package.json contributes.configuration' };
    }
  } catch {
    // Fall through to the server's own default.
  }
  const settingsFile = path.join(root, 'server', 'src', 'settings.ts');
  try {
    const match = /debounceMs:\s*(\d+)/.exec(fs.readFileSync(settingsFile, 'utf8'));
    if (match) return { ms: Number(match[1]), source: 'server/src/settings.ts DEFAULT_SETTINGS' };
  } catch {
    // No settings module.
  }
  return { source: 'unknown' };
}
