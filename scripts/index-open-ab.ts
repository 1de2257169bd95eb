// A/B of workspace indexing while a document is open (what VS Code does at start when it
// restores an editor): each run starts a server with indexing on startup off, opens a
// generated document of --open-kb KB and waits for its diagnostics (its analysis warms the
// open-document worker), then asks for the workspace analysis and waits for the answer.
// Prints the indexing's wall time, its CPU (main thread, other threads) and the peak RSS,
// alternating bundles run by run. The folder is the one scripts/index-ab.ts writes.
//   npx tsx scripts/index-open-ab.ts [--runs N] [--files N] [--open-kb 1024] A=base/server.js B=new/server.js
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generateLargeDocument } from '../bench/corpus';
import { BenchClient } from '../bench/lsp';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** CPU ms of each thread of a process, by thread id. */
function threadCpu(pid: number): Map<string, number> {
  const byThread = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread.set(String(Number(tid) - pid), (Number(rest[11]) + Number(rest[12])) * 10);
    } catch {
      // Gone.
    }
  }
  return byThread;
}

async function oneRun(serverPath: string, folder: string, document: string): Promise<string> {
  const client = new BenchClient({ serverPath, settings: { workspace: { analyzeOnStartup: false } }, workspaceFolder: folder });
  try {
    await client.initialize();
    const uri = pathToFileURL(path.join(path.dirname(folder), 'open-document.txt')).href;
    const diagnostics = client.waitForDiagnostics(uri, () => true, 120_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: document } });
    if ((await diagnostics) === undefined) return 'no diagnostics for the open document';
    // Let the open-document worker finish what follows its first answer (lookups, GC).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = client.threadCpuMs();
    const threadsBefore = threadCpu(client.pid);
    client.requestWorkspaceAnalysis();
    const deadline = performance.now() + 300_000;
    while (!client.analyzeWorkspaceAnswer && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const answer = client.analyzeWorkspaceAnswer;
    if (!answer || answer.error) return `no answer: ${answer?.error ?? 'timeout'}`;
    const after = client.threadCpuMs();
    const busy = [...threadCpu(client.pid)]
      .map(([tid, ms]) => [tid, ms - (threadsBefore.get(tid) ?? 0)] as const)
      .filter(([, ms]) => ms >= 500)
      .sort((a, b) => b[1] - a[1])
      .map(([tid, ms]) => `+${tid}:${(ms / 1000).toFixed(1)}`);
    const wall = (answer.receivedAt - client.analyzeWorkspaceRequestedAt!) / 1000;
    const main = before && after ? (after.mainMs - before.mainMs) / 1000 : NaN;
    const other = before && after ? (after.otherMs - before.otherMs) / 1000 : NaN;
    return (
      `wall ${wall.toFixed(2)} s, main CPU ${main.toFixed(2)} s, other CPU ${other.toFixed(2)} s, ` +
      `peak ${((client.peakRssBytes() ?? NaN) / 1e6).toFixed(0)} MB, ${answer.result?.analysed} of ${answer.result?.files} analysed, threads ≥ 0.5 s: ${busy.join(' ')}`
    );
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const runs = option('--runs', 2);
  const files = option('--files', 10_000);
  const openKb = option('--open-kb', 1024);
  const servers = process.argv.slice(2).filter((arg) => /^\w+=/.test(arg)).map((arg) => ({ name: arg.slice(0, arg.indexOf('=')), file: path.resolve(arg.slice(arg.indexOf('=') + 1)) }));
  const folder = path.join(os.tmpdir(), `claimlens-index-ab-${files}`, 'workspace');
  const document = generateLargeDocument(openKb * 1024);
  for (let run = 0; run < runs; run++) {
    for (const server of run % 2 === 0 ? servers : [...servers].reverse()) {
      const loadBefore = os.loadavg()[0];
      const line = await oneRun(server.file, folder, document);
      console.log(`${server.name} run ${run} (open ${openKb} KB): ${line}, load ${loadBefore.toFixed(2)}→${os.loadavg()[0].toFixed(2)}`);
    }
  }
}

void main();
