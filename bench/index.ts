// `npm run bench`: throughput against peers, the real server over stdio, the package;
// one run, one table. Flags: --quick (smaller run), --json (machine-readable on stdout),
// --markdown (the table as Markdown), --skip-throughput, --skip-server, --skip-package,
// --no-build (use the existing dist/server/server.js), --skip-edits (server: idle hovers,
// indexing and hovers while indexing only). CLAIMLENS_BENCH_NODE_ARGS="--cpu-prof …" passes
// Node options to the server processes (profiles are written to the current directory).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateLargeDocument, writeArticleFolder } from './corpus';
import { measureActivation, measurePackage, type ActivationResult, type PackageResult } from './extension';
import { machineInfo, type MachineInfo } from './machine';
import { buildRows, HEADER, rowCells, type ReportInput } from './report';
import {
  defaultDebounce,
  measureEdits,
  measureHoverDuringIndexing,
  measureIndexing,
  type EditResult,
  type HoverResult,
  type IndexingResult,
  type ServerConfig,
} from './server';
import { formatBytes, formatMarkdownTable, formatTable } from './stats';
import { ENGINES, measureEngineInChild, type EngineResult, type ThroughputConfig } from './throughput';

interface Options {
  quick: boolean;
  json: boolean;
  markdown: boolean;
  throughput: boolean;
  server: boolean;
  package: boolean;
  build: boolean;
  edits: boolean;
}

function parseArgs(argv: string[]): Options {
  const known = ['--quick', '--json', '--markdown', '--skip-throughput', '--skip-server', '--skip-package', '--no-build', '--skip-edits'];
  for (const arg of argv) {
    if (!known.includes(arg)) {
      process.stderr.write(`unknown option ${arg}; known: ${known.join(' ')}\n`);
      process.exit(2);
    }
  }
  return {
    quick: argv.includes('--quick'),
    json: argv.includes('--json'),
    markdown: argv.includes('--markdown'),
    throughput: !argv.includes('--skip-throughput'),
    server: !argv.includes('--skip-server'),
    package: !argv.includes('--skip-package'),
    build: !argv.includes('--no-build'),
    edits: !argv.includes('--skip-edits'),
  };
}

const ROOT = path.resolve(__dirname, ...(path.basename(path.dirname(__dirname)) === 'out' ? ['..', '..'] : ['..']));

function sizes(quick: boolean) {
  return quick
    ? { corpusBytes: 1e6, compromiseBytes: 1e5, repetitions: 3, documentBytes: 1024 * 1024, edits: 10, hovers: 200, workspaceFiles: 1000, indexingTimeoutMs: 60_000 }
    : { corpusBytes: 5e6, compromiseBytes: 5e5, repetitions: 5, documentBytes: 1024 * 1024, edits: 30, hovers: 1000, workspaceFiles: 10_000, indexingTimeoutMs: 180_000 };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

async function runThroughput(size: ReturnType<typeof sizes>): Promise<EngineResult[]> {
  const results: EngineResult[] = [];
  for (const engine of ENGINES) {
    const config: ThroughputConfig = {
      corpusBytes: size.corpusBytes,
      compromiseBytes: size.compromiseBytes,
      // compromise runs ~0.2 MB/s: three repetitions of its sample are enough for a median.
      repetitions: engine === 'compromise' ? Math.min(3, size.repetitions) : size.repetitions,
      seed: 1,
    };
    log(`throughput: ${engine}…`);
    try {
      const result = await measureEngineInChild(engine, config);
      log(`  ${engine}: ${result.cpuMbPerSecond.toFixed(2)} MB/s CPU time, ${result.mbPerSecond.toFixed(2)} MB/s wall on ${formatBytes(result.bytes)}, ${result.items} items`);
      results.push(result);
    } catch (error) {
      log(`  ${engine} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return results;
}

interface ServerResults {
  na?: string;
  debounce: { ms?: number; source: string };
  edits: EditResult[];
  hoverIdle?: HoverResult;
  hoverIndexing?: HoverResult;
  indexing?: IndexingResult;
}

function buildServer(): string | undefined {
  log('building the server (node scripts/build.mjs)…');
  const run = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  if (run.status === 0) return undefined;
  const firstError = `${run.stderr}\n${run.stdout}`.split('\n').find((l) => /error/i.test(l))?.trim();
  return `build failed${firstError ? `: ${firstError.slice(0, 200)}` : ''}`;
}

async function runServer(options: Options, size: ReturnType<typeof sizes>, tempDir: string): Promise<ServerResults> {
  const debounce = defaultDebounce(ROOT);
  const results: ServerResults = { debounce, edits: [] };
  const serverPath = path.join(ROOT, 'dist', 'server', 'server.js');
  if (options.build) {
    const failure = buildServer();
    if (failure) return { ...results, na: `n/a (${failure})` };
  }
  if (!fs.existsSync(serverPath)) return { ...results, na: 'n/a (no dist/server/server.js)' };

  const document = generateLargeDocument(size.documentBytes);
  const workspaceFolder = path.join(tempDir, 'workspace');
  log(`writing ${size.workspaceFiles} articles to ${workspaceFolder}…`);
  const folder = writeArticleFolder(workspaceFolder, size.workspaceFiles);
  const config: ServerConfig = {
    serverPath,
    document,
    edits: size.edits,
    hovers: size.hovers,
    workspaceFolder,
    workspaceFiles: folder.files,
    workspaceBytes: folder.bytes,
    indexingTimeoutMs: size.indexingTimeoutMs,
    log,
  };

  if (options.edits) {
    log(`edit → diagnostics on ${formatBytes(Buffer.byteLength(document))}, server default debounce (${debounce.ms ?? '?'} ms), then idle hovers…`);
    const defaults = await measureEdits(config, 'server default', {}, debounce.ms, size.hovers);
    results.edits.push(defaults.edit);
    results.hoverIdle = defaults.hover;
    log('edit → diagnostics with claimlens.debounceMs = 0…');
    const zero = await measureEdits(config, 'claimlens.debounceMs = 0', { debounceMs: 0 }, 0, 0);
    results.edits.push(zero.edit);
  } else {
    log('idle hovers (no edits)…');
    results.hoverIdle = (await measureEdits({ ...config, edits: 0 }, 'server default', {}, debounce.ms, size.hovers)).hover;
  }

  log(`indexing ${folder.files} articles…`);
  results.indexing = await measureIndexing(config);
  if (results.indexing.na) log(`  ${results.indexing.na}`);
  log('hover latency while indexing…');
  results.hoverIndexing = await measureHoverDuringIndexing(config);
  return results;
}

interface BenchOutput {
  machine: MachineInfo;
  mode: 'quick' | 'full';
  command: string;
  throughput: EngineResult[];
  server?: ServerResults;
  package?: PackageResult;
  activation?: ActivationResult;
  rows: ReturnType<typeof buildRows>;
}

function describeMachine(machine: MachineInfo): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.toFixed(2)} at start; ${machine.date}${machine.commit ? `; commit ${machine.commit}` : ''}`;
}

function notes(output: BenchOutput): string[] {
  const lines: string[] = [];
  const compromise = output.throughput.find((r) => r.engine === 'compromise');
  const ours = output.throughput.find((r) => r.engine === 'claimlens');
  if (ours) lines.push(`Throughput corpus: ${formatBytes(ours.bytes)} of generated news articles (${ours.articles} articles, seed 1); MB = 10^6 bytes of UTF-8.`);
  if (compromise) lines.push(`compromise is measured on the first ${formatBytes(compromise.bytes)} of that corpus only (it is slow); its MB/s is on that sample.`);
  for (const r of output.throughput) lines.push(`${r.engine}: ${r.workload}; ${r.items} items per pass; module load ${r.loadMs.toFixed(0)} ms.`);
  if (output.throughput.length > 0) {
    lines.push('Each engine runs in its own Node process with --single-threaded-gc (one core); warm-up pass, then timed repetitions, median.');
    lines.push('Throughput is judged on CPU time (user + system of that one process): the machine is shared, and wall time counts waiting for the CPU.');
  }
  if (output.server) {
    const d = output.server.debounce;
    lines.push(`Server debounce default: ${d.ms ?? 'unknown'} ms (from ${d.source}). Edit → diagnostics is judged on the median.`);
    if (output.server.indexing?.detectedBy) lines.push(`Indexing end detected by: ${output.server.indexing.detectedBy}.`);
  }
  if (output.package?.note) lines.push(`.vsix: ${output.package.note}.`);
  if (output.mode === 'quick') lines.push('QUICK run: smaller corpus, fewer repetitions/edits/hovers and a 1,000-article workspace; not the figures of record.');
  return lines;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const size = sizes(options.quick);
  const machine = machineInfo(gitCommit());
  log(describeMachine(machine));
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlens-bench-'));
  const output: BenchOutput = {
    machine,
    mode: options.quick ? 'quick' : 'full',
    command: `npm run bench --${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`.replace(/ --$/, ''),
    throughput: [],
    rows: [],
  };
  try {
    if (options.throughput) output.throughput = await runThroughput(size);
    if (options.server) output.server = await runServer(options, size, tempDir);
    if (options.package) {
      output.package = measurePackage(ROOT, log);
      output.activation = measureActivation(ROOT);
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }

  const input: ReportInput = {
    throughput: output.throughput,
    edits: output.server?.edits ?? [],
    hoverIdle: output.server?.hoverIdle,
    hoverIndexing: output.server?.hoverIndexing,
    indexing: output.server?.indexing,
    packageResult: output.package,
    activation: output.activation,
    serverNa: options.server ? output.server?.na : 'skipped (--skip-server)',
    workspaceFiles: size.workspaceFiles,
  };
  output.rows = buildRows(input);

  if (options.json) {
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
    return;
  }
  const cells = output.rows.map(rowCells);
  const table = options.markdown ? formatMarkdownTable(HEADER, cells) : formatTable(HEADER, cells);
  const text = [
    `ClaimLens benchmark (${output.mode})`,
    `Machine: ${describeMachine(machine)}`,
    '',
    table,
    '',
    ...notes(output).map((line) => (options.markdown ? `- ${line}` : `  ${line}`)),
  ];
  process.stdout.write(text.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
