// Drives the real language server as `npm run bench` does for its edit row: opens the
// bench's 1 MB document, then sends insert/delete edits in the middle and times each
// didChange to the diagnostics of its version, with the server's main-thread CPU per edit.
// Several server builds alternate in one run, so they are compared on the same load.
// With --hovers N, then N hovers one after another on the edited document once its full
// analysis is in (idle hover latency: median, p99, max; the server's main-thread CPU).
//   npx tsx scripts/edit-driver.ts [--edits N] [--rounds R] [--hovers N] [--prof DIR] SERVER.js [SERVER2.js…]
import * as path from 'path';
import * as os from 'os';
import { generateLargeDocument } from '../bench/corpus';
import { BenchClient, fileUri } from '../bench/lsp';
import { benchEdit, editLine, hoverPositions } from '../bench/server';
import { median, percentile } from '../bench/stats';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface RunResult {
  latency: number[];
  mainCpu: number[];
  totalMainCpu: number;
  /** CPU of the server's other threads (workers, GC helpers) over the edits. */
  totalOtherCpu: number;
  hovers: number[];
  hoverMainCpu: number;
}

async function run(serverPath: string, document: string, edits: number, hovers: number, profDir?: string): Promise<RunResult> {
  const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : undefined;
  const client = new BenchClient({ serverPath, settings: {}, nodeArgs });
  const uri = fileUri(path.join(os.tmpdir(), 'large-document.txt'));
  const result: RunResult = { latency: [], mainCpu: [], totalMainCpu: 0, totalOtherCpu: 0, hovers: [], hoverMainCpu: 0 };
  try {
    await client.initialize();
    const first = client.waitForDiagnostics(uri, () => true, 120_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: document } });
    if ((await first) === undefined) throw new Error('no diagnostics on open');
    await sleep(500);
    const line = editLine(document);
    let version = 1;
    const startThreads = client.threadCpuMs()!;
    const startCpu = startThreads.mainMs;
    for (let i = 0; i < edits; i++) {
      version++;
      const change = benchEdit(i, line);
      const expected = version;
      const published = client.waitForDiagnostics(uri, (p) => p.version == null || p.version >= expected, 10_000);
      const before = client.threadCpuMs()!.mainMs;
      const sentAt = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const at = await published;
      if (at === undefined) throw new Error(`edit ${i} timed out`);
      result.latency.push(at - sentAt);
      result.mainCpu.push(client.threadCpuMs()!.mainMs - before);
      await sleep(20);
    }
    const endThreads = client.threadCpuMs()!;
    result.totalMainCpu = endThreads.mainMs - startCpu;
    result.totalOtherCpu = endThreads.otherMs - startThreads.otherMs;
    if (hovers > 0) {
      // The full analysis after the last edit: published (with its version) once it is in.
      await client.waitForDiagnostics(uri, (p) => p.version === version, 30_000);
      await sleep(1000);
      const positions = hoverPositions(document, 200);
      const before = client.threadCpuMs()!.mainMs;
      for (let i = 0; i < hovers; i++) {
        const start = performance.now();
        await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
        result.hovers.push(performance.now() - start);
      }
      result.hoverMainCpu = client.threadCpuMs()!.mainMs - before;
    }
  } finally {
    await client.stop();
  }
  return result;
}

function hoverLine(result: RunResult): string {
  const h = result.hovers;
  if (h.length === 0) return '';
  return `; hovers ${h.length}: median ${median(h).toFixed(2)} ms, p99 ${percentile(h, 99).toFixed(2)}, max ${Math.max(...h).toFixed(1)}, main-thread CPU ${result.hoverMainCpu} ms`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let edits = 60;
  let rounds = 2;
  let profDir: string | undefined;
  let hovers = 0;
  const servers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--edits') edits = Number(args[++i]);
    else if (args[i] === '--rounds') rounds = Number(args[++i]);
    else if (args[i] === '--prof') profDir = path.resolve(args[++i]);
    else if (args[i] === '--hovers') hovers = Number(args[++i]);
    else servers.push(path.resolve(args[i]));
  }
  const document = generateLargeDocument(1024 * 1024);
  const all = new Map<string, RunResult[]>();
  for (let r = 0; r < rounds; r++) {
    for (const server of servers) {
      const result = await run(server, document, edits, hovers, profDir);
      (all.get(server) ?? all.set(server, []).get(server)!).push(result);
      process.stdout.write(
        `round ${r + 1} ${server}: median ${median(result.latency).toFixed(1)} ms, main-thread CPU median ${median(result.mainCpu)} ms, mean ${(result.totalMainCpu / edits).toFixed(1)} ms/edit; other threads ${(result.totalOtherCpu / edits).toFixed(1)} ms/edit${hoverLine(result)}\n`,
      );
    }
  }
  for (const [server, results] of all) {
    const latency = results.flatMap((r) => r.latency);
    const cpu = results.flatMap((r) => r.mainCpu);
    const mean = results.reduce((sum, r) => sum + r.totalMainCpu, 0) / (edits * results.length);
    const other = results.reduce((sum, r) => sum + r.totalOtherCpu, 0) / (edits * results.length);
    const hovers = results.flatMap((r) => r.hovers);
    const hoverCpu = results.reduce((sum, r) => sum + r.hoverMainCpu, 0);
    process.stdout.write(
      `ALL ${server}: ${latency.length} edits, median ${median(latency).toFixed(1)} ms, main-thread CPU median ${median(cpu)} ms, mean ${mean.toFixed(1)} ms/edit; other threads ${other.toFixed(1)} ms/edit` +
        `${hoverLine({ ...results[0], hovers, hoverMainCpu: hoverCpu })}\n`,
    );
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
