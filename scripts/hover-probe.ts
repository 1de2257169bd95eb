// Where slow hovers come from: opens the bench's 1 MB document in the real server, waits
// for its full analysis, then sends hovers one after another (the bench's 200 positions,
// cycled) and reports each slow one: its number, its position index (the same positions
// each cycle = a deterministic cost; scattered = GC or timers), and the measuring
// process's own garbage collections that overlapped it, and when the first bytes of the
// answer reached it. Server builds alternate per round; main-thread CPU per round.
//   npx tsx scripts/hover-probe.ts [--hovers N] [--rounds R] [--slow MS] SERVER.js[@--v8-flag,…] [SERVER2.js…]
//   npx tsx scripts/hover-probe.ts --during-indexing FOLDER [--rounds R] SERVER.js …
// The second form runs the bench's own measure (measureHoverDuringIndexing) while FOLDER is
// indexed, e.g. index-ab's /tmp/claimlens-index-ab-10000/workspace. Lines a (temporarily
// instrumented) server writes to stderr starting with "hover-trace " are printed per round.
// Copy each build to a folder of its own as server.js (dist/ab/NAME/server.js): the
// indexing pool looks for its worker script by that name next to the bundle.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PerformanceObserver, type PerformanceEntry } from 'perf_hooks';
import { generateLargeDocument } from '../bench/corpus';
import { BenchClient, fileUri } from '../bench/lsp';
import { hoverPositions, measureHoverDuringIndexing } from '../bench/server';
import { median, percentile } from '../bench/stats';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Round {
  samples: number[];
  slow: { i: number; position: number; ms: number; clientGcMs: number; at: number; arrivedAfter: number }[];
  mainCpuMs: number;
  traces: string[];
}

async function run(server: string, document: string, hovers: number, slowMs: number): Promise<Round> {
  // SERVER.js@--flag,--flag: node options for that server alone.
  const [serverPath, flags] = server.split('@');
  const client = new BenchClient({ serverPath, settings: {}, nodeArgs: flags ? flags.split(',') : undefined });
  const traces: string[] = [];
  let pending = '';
  client.process.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('hover-trace ')) traces.push(line.slice('hover-trace '.length));
  });
  const arrivals: number[] = [];
  client.process.stdout!.on('data', () => arrivals.push(performance.timeOrigin + performance.now()));
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const uri = fileUri(path.join(os.tmpdir(), 'large-document.txt'));
  const round: Round = { samples: [], slow: [], mainCpuMs: 0, traces };
  try {
    await client.initialize();
    const first = client.waitForDiagnostics(uri, () => true, 120_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: document } });
    if ((await first) === undefined) throw new Error('no diagnostics on open');
    await sleep(1000);
    const positions = hoverPositions(document, 200);
    const starts: number[] = [];
    const before = client.threadCpuMs()!.mainMs;
    for (let i = 0; i < hovers; i++) {
      const start = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
      starts.push(start);
      round.samples.push(performance.now() - start);
    }
    round.mainCpuMs = client.threadCpuMs()!.mainMs - before;
    await sleep(50); // GC entries are delivered asynchronously.
    for (let i = 0; i < round.samples.length; i++) {
      if (round.samples[i] < slowMs) continue;
      const from = starts[i];
      const to = from + round.samples[i];
      const clientGcMs = gcs.filter((gc) => gc.startTime < to && gc.startTime + gc.duration > from).reduce((sum, gc) => sum + gc.duration, 0);
      const at = performance.timeOrigin + from;
      const arrived = arrivals.find((t) => t > at) ?? NaN;
      round.slow.push({ i, position: i % positions.length, ms: round.samples[i], clientGcMs, at, arrivedAfter: arrived - at });
    }
  } finally {
    observer.disconnect();
    await client.stop();
  }
  return round;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let hovers = 1000;
  let rounds = 2;
  let slowMs = 3;
  let indexFolder: string | undefined;
  const servers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--hovers') hovers = Number(args[++i]);
    else if (args[i] === '--rounds') rounds = Number(args[++i]);
    else if (args[i] === '--slow') slowMs = Number(args[++i]);
    else if (args[i] === '--during-indexing') indexFolder = path.resolve(args[++i]);
    else servers.push(path.resolve(args[i].split('@')[0]) + (args[i].includes('@') ? args[i].slice(args[i].indexOf('@')) : ''));
  }
  const document = generateLargeDocument(1024 * 1024);
  if (indexFolder) return duringIndexing(indexFolder, servers, document, hovers, rounds);
  const all = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const server of servers) {
      const round = await run(server, document, hovers, slowMs);
      (all.get(server) ?? all.set(server, []).get(server)!).push(...round.samples);
      const s = round.samples;
      process.stdout.write(
        `round ${r + 1} ${server}: median ${median(s).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)}, max ${Math.max(...s).toFixed(1)}, main-thread CPU ${round.mainCpuMs} ms; ${round.slow.length} ≥ ${slowMs} ms\n`,
      );
      for (const slow of round.slow) {
        process.stdout.write(`  hover ${slow.i} (position ${slow.position}): ${slow.ms.toFixed(2)} ms, client GC ${slow.clientGcMs.toFixed(2)} ms, sent at ${slow.at.toFixed(2)}, first bytes back after ${slow.arrivedAfter.toFixed(2)}\n`);
      }
      for (const trace of round.traces) process.stdout.write(`  server: ${trace}\n`);
    }
  }
  for (const [server, samples] of all) {
    process.stdout.write(`ALL ${server}: ${samples.length} hovers, median ${median(samples).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)}, max ${Math.max(...samples).toFixed(1)}\n`);
  }
}

/** The bench's measure of hovers while the folder (e.g. index-ab's 10,000 articles) is
 * indexed, servers alternating; medians and p99s per run. */
async function duringIndexing(folder: string, servers: string[], document: string, hovers: number, rounds: number): Promise<void> {
  const files = (fs.readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith('.txt') || name.endsWith('.md')).length;
  for (let r = 0; r < rounds; r++) {
    for (const server of r % 2 === 0 ? servers : [...servers].reverse()) {
      const [serverPath, flags] = server.split('@');
      if (flags) process.env.CLAIMLENS_BENCH_NODE_ARGS = flags.split(',').join(' ');
      else delete process.env.CLAIMLENS_BENCH_NODE_ARGS;
      const load = os.loadavg()[0];
      const h = await measureHoverDuringIndexing({
        serverPath, document, edits: 0, hovers, workspaceFolder: folder, workspaceFiles: files, workspaceBytes: 0,
        indexingTimeoutMs: 300_000, log: () => undefined,
      });
      process.stdout.write(
        `round ${r + 1} ${server}: during indexing n=${h.count} median ${h.medianMs?.toFixed(2)} ms, p99 ${h.p99Ms?.toFixed(2)}, max ${h.maxMs?.toFixed(1)}, load ${load.toFixed(1)}${h.na ? ' ' + h.na : ''}${h.note ? ' (' + h.note + ')' : ''}\n`,
      );
    }
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
