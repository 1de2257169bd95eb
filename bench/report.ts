// Turns measured results into table rows with targets and pass/miss (pure, tested).
import type { EngineName, EngineResult } from './throughput';
import type { EditResult, HoverResult, IndexingResult } from './server';
import type { ActivationResult, PackageResult } from './extension';
import { formatBytes, formatNumber, ratio } from './stats';

export type Verdict = 'pass' | 'miss' | 'n/a' | '';

export interface Row {
  measure: string;
  ours: string;
  peers: string;
  ratios: string;
  target: string;
  verdict: Verdict;
}

export const TARGETS = {
  analysisMbPerSecond: 10,
  editToDiagnosticsMs: 50,
  hoverP99DuringIndexingMs: 5,
  indexingWallMs: 10_000,
  indexingPeakBytes: 500e6,
  vsixBytes: 1e6,
} as const;

export const HEADER = ['Measure', 'ClaimLens', 'Peer', 'Ratio', 'Target', 'Result'] as const;

export function rowCells(row: Row): string[] {
  return [row.measure, row.ours, row.peers, row.ratios, row.target, row.verdict];
}

/** pass when value satisfies the target, miss otherwise, n/a when there is no value. */
export function verdict(value: number | undefined, target: number, direction: 'atLeast' | 'atMost'): Verdict {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return (direction === 'atLeast' ? value >= target : value <= target) ? 'pass' : 'miss';
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${formatNumber(value)} ms`);
const mbs = (value: number | undefined) => (value === undefined ? 'n/a' : `${formatNumber(value)} MB/s`);
/** CPU-time throughput, with wall-clock throughput in brackets. */
const speed = (r: EngineResult | undefined) => (r ? `${mbs(r.cpuMbPerSecond)} (${mbs(r.mbPerSecond)})` : 'n/a');
const times = (value: number | undefined) => (value === undefined ? 'n/a' : `${formatNumber(value)}×`);

const ENGINE_LABEL: Record<EngineName, string> = {
  claimlens: 'ClaimLens',
  compromise: 'compromise',
  wink: 'wink-nlp',
  regex: 'regex',
};

export interface ReportInput {
  throughput: EngineResult[];
  edits: EditResult[];
  hoverIdle?: HoverResult;
  hoverIndexing?: HoverResult;
  indexing?: IndexingResult;
  packageResult?: PackageResult;
  activation?: ActivationResult;
  /** Why a whole section was not run (e.g. "server build failed: …"). */
  serverNa?: string;
  /** Files in the indexing workspace (10,000 unless --quick). */
  workspaceFiles: number;
}

function byEngine(results: EngineResult[]): Partial<Record<EngineName, EngineResult>> {
  const map: Partial<Record<EngineName, EngineResult>> = {};
  for (const result of results) map[result.engine] = result;
  return map;
}

function throughputRows(results: EngineResult[]): Row[] {
  if (results.length === 0) return [];
  const engines = byEngine(results);
  const ours = engines.claimlens;
  const memory = (r: EngineResult | undefined) =>
    r ? `${formatBytes(r.peakRssBytes)} RSS / ${formatBytes(r.peakHeapUsedBytes)} heap` : 'n/a';
  const rows: Row[] = [
    {
      measure: `Analysis throughput, one core (${ours ? formatBytes(ours.bytes) : 'n/a'} corpus, median of ${ours?.repetitions ?? 'n/a'}; CPU-time MB/s, wall in brackets)`,
      ours: speed(ours),
      peers: '',
      ratios: '',
      target: `≥ ${TARGETS.analysisMbPerSecond} MB/s`,
      verdict: verdict(ours?.cpuMbPerSecond, TARGETS.analysisMbPerSecond, 'atLeast'),
    },
  ];
  const peers: [EngineName, string][] = [
    ['compromise', 'vs compromise'],
    ['wink', 'vs wink-nlp'],
    ['regex', 'vs one regex pass (ceiling)'],
  ];
  for (const [engine, label] of peers) {
    const peer = engines[engine];
    const sample = engine === 'compromise' && peer ? ` (on a ${formatBytes(peer.bytes)} sample)` : '';
    rows.push({
      measure: `  throughput ${label}${sample}`,
      ours: speed(ours),
      peers: speed(peer),
      ratios: `ours ÷ ${ENGINE_LABEL[engine]} = ${times(ratio(ours?.cpuMbPerSecond, peer?.cpuMbPerSecond))} (wall ${times(ratio(ours?.mbPerSecond, peer?.mbPerSecond))})`,
      target: '',
      verdict: '',
    });
  }
  for (const [engine, label] of peers) {
    const peer = engines[engine];
    rows.push({
      measure: `  peak memory (RSS / heap) ${label}`,
      ours: memory(ours),
      peers: memory(peer),
      ratios: `RSS ours ÷ ${ENGINE_LABEL[engine]} = ${times(ratio(ours?.peakRssBytes, peer?.peakRssBytes))}`,
      target: '',
      verdict: '',
    });
  }
  return rows;
}

function editRows(edits: EditResult[], serverNa: string | undefined): Row[] {
  if (serverNa) {
    return [{ measure: 'Edit → diagnostics, 1 MB document', ours: serverNa, peers: '', ratios: '', target: `≤ ${TARGETS.editToDiagnosticsMs} ms`, verdict: 'n/a' }];
  }
  const rows: Row[] = [];
  for (const edit of edits) {
    const debounce = edit.debounceMs === undefined ? 'debounce unknown' : `debounce ${edit.debounceMs} ms`;
    rows.push({
      measure: `Edit → diagnostics, 1 MB, ${edit.setting} (${debounce}; median / p95)`,
      ours:
        edit.na ??
        `${ms(edit.medianMs)} / ${ms(edit.p95Ms)} (${edit.edits - edit.timeouts} edits${edit.timeouts ? `, ${edit.timeouts} timed out` : ''}${
          edit.serverCpuMedianMs !== undefined ? `; server CPU ${ms(edit.serverCpuMedianMs)} per edit` : ''
        }${edit.mainThreadCpuMedianMs !== undefined ? `, main thread ${ms(edit.mainThreadCpuMedianMs)}` : ''})`,
      peers: '',
      ratios: '',
      target: `≤ ${TARGETS.editToDiagnosticsMs} ms (median)`,
      verdict: edit.na ? 'n/a' : verdict(edit.medianMs, TARGETS.editToDiagnosticsMs, 'atMost'),
    });
  }
  const open = edits.find((e) => e.openToDiagnosticsMs !== undefined);
  if (open) {
    rows.push({ measure: 'Open → first diagnostics, 1 MB (full analysis via the server)', ours: ms(open.openToDiagnosticsMs), peers: '', ratios: '', target: '', verdict: '' });
  }
  return rows;
}

function hoverRow(measure: string, hover: HoverResult | undefined, serverNa: string | undefined, target: string, judged: boolean): Row {
  const na = serverNa ?? hover?.na ?? (hover ? undefined : 'not run');
  const ours =
    na ?? `${ms(hover!.medianMs)} / ${ms(hover!.p99Ms)} (${hover!.count} hovers, ${hover!.withContent} with content${hover!.note ? `; ${hover!.note}` : ''})`;
  return {
    measure,
    ours,
    peers: '',
    ratios: '',
    target,
    verdict: judged ? (na ? 'n/a' : verdict(hover!.p99Ms, TARGETS.hoverP99DuringIndexingMs, 'atMost')) : '',
  };
}

function indexingRows(indexing: IndexingResult | undefined, serverNa: string | undefined, files: number): Row[] {
  const na = serverNa ?? indexing?.na ?? (indexing ? undefined : 'not run');
  const label = `${files.toLocaleString('en-US')} articles${indexing?.bytes ? `, ${formatBytes(indexing.bytes)}` : ''}`;
  const full = files >= 10_000;
  return [
    {
      measure: `Indexing ${label}: wall time`,
      ours: na ?? `${ms(indexing!.wallMs)}${indexing!.cpu ? ` (server CPU: main thread ${ms(indexing!.cpu.mainMs)}, other threads ${ms(indexing!.cpu.otherMs)})` : ''}`,
      peers: '',
      ratios: '',
      target: full ? '≤ 10 s' : '≤ 10 s (for 10,000)',
      verdict: na ? 'n/a' : full ? verdict(indexing!.wallMs, TARGETS.indexingWallMs, 'atMost') : '',
    },
    {
      measure: `Indexing ${label}: server peak memory (VmHWM)`,
      ours: na ?? (indexing!.peakRssBytes === undefined ? 'n/a' : formatBytes(indexing!.peakRssBytes)),
      peers: '',
      ratios: '',
      target: full ? '≤ 500 MB' : '≤ 500 MB (for 10,000)',
      verdict: na ? 'n/a' : full ? verdict(indexing!.peakRssBytes, TARGETS.indexingPeakBytes, 'atMost') : '',
    },
  ];
}

export function buildRows(input: ReportInput): Row[] {
  const rows: Row[] = [...throughputRows(input.throughput)];
  rows.push(...editRows(input.edits, input.serverNa));
  rows.push(hoverRow('Hover latency, idle, 1 MB document (median / p99)', input.hoverIdle, input.serverNa, '', false));
  rows.push(
    hoverRow(
      `Hover latency while ${input.workspaceFiles.toLocaleString('en-US')} articles are indexed (median / p99)`,
      input.hoverIndexing,
      input.serverNa,
      `p99 ≤ ${TARGETS.hoverP99DuringIndexingMs} ms`,
      true,
    ),
  );
  rows.push(...indexingRows(input.indexing, input.serverNa, input.workspaceFiles));
  const pkg = input.packageResult;
  if (pkg) {
    rows.push({
      measure: '.vsix package size',
      ours: pkg.na ?? formatBytes(pkg.bytes!),
      peers: '',
      ratios: '',
      target: '≤ 1 MB',
      verdict: pkg.na ? 'n/a' : verdict(pkg.bytes, TARGETS.vsixBytes, 'atMost'),
    });
  }
  const activation = input.activation;
  if (activation) {
    rows.push({
      measure: 'Extension activation time',
      ours: activation.na ?? `${ms(activation.ms)} (${activation.source})`,
      peers: '',
      ratios: '',
      target: '',
      verdict: '',
    });
  }
  return rows;
}
