// The main thread's cost of receiving an indexing worker's answers, per file: the old
// message ({ results: [{ id, summary: { uri, … }, mtimeMs, size }] }, every object, property
// name and URI deserialized) against the packed one (server/src/workspace/resultMessage.ts:
// numbers in one Float64Array, the summaries' bytes transferred, the URI taken from the
// task), and an experiment not adopted ('onebuffer': every summary of a message in one
// transferred buffer, views on receipt: about as fast as 'packed', less allocation, but a
// re-indexed file's old view would keep its whole batch's buffer alive). Posts every
// message first, then times only their receipt and unpacking, in
// alternating rounds; then V8's sampling heap profiler counts what the receipt allocates
// (young objects included).
//   npx esbuild scripts/result-unpack-bench.ts --bundle --platform=node --outfile=out/prof/result-unpack-bench.js --log-level=warning
//   node out/prof/result-unpack-bench.js [--files 10000] [--batch 12] [--rounds 5]
import { Session } from 'node:inspector';
import { MessageChannel } from 'node:worker_threads';
import type { AnalyzeFileResult } from '../server/src/workspace/analyzeFile';
import { packResults, unpackResults, type WorkerResults } from '../server/src/workspace/resultMessage';
import { summaryTransferList, type StoredSummary } from '../server/src/workspace/summary';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const files = option('files', 10_000);
const batch = option('batch', 12);
const rounds = option('rounds', 5);

interface Task {
  id: number;
  uri: string;
}

/** Summaries shaped like the bench's: a URI like the index-ab folder's, about 2 KB of bytes. */
function makeResults(tasks: Task[]): AnalyzeFileResult[] {
  return tasks.map((task, k) => {
    const bytes = new Uint8Array(1800 + (k % 500));
    bytes.fill(0x61);
    const summary: StoredSummary = { uri: task.uri, claimCount: 7, findingCount: 2, bytes, findingsAt: 900, entitiesAt: 1200 + (k % 300) };
    return { id: task.id, summary, mtimeMs: 1732840000000.123 + k, size: 3000 + k };
  });
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

type Format = 'objects' | 'packed' | 'onebuffer';

/** Posts every answer in `format`, then returns a promise of the receipt (the pool's work
 * per answer: find the task by id, forget it, queue the answer) and the CPU it took. */
async function roundTrip(format: Format, during?: { start(): Promise<void>; stop(): Promise<number> }): Promise<{ ms: number; allocated?: number }> {
  const tasks: Task[] = [];
  for (let i = 0; i < files; i++) tasks.push({ id: i + 1, uri: `file:///tmp/claimlens-index-ab-10000/workspace/desk-${String(i % 40).padStart(2, '0')}/article-${String(i).padStart(5, '0')}.txt` });
  const running = new Map<number, Task>(tasks.map((task) => [task.id, task]));
  const answers: { task: Task; result: AnalyzeFileResult }[] = [];
  const results = makeResults(tasks);
  const channel = new MessageChannel();
  let received = 0;
  channel.port2.on('message', (message: WorkerResults | { results: AnalyzeFileResult[] } | { numbers: Float64Array; all: Uint8Array; ends: Float64Array; others: [] }) => {
    if ('all' in message) {
      const bytes: Uint8Array[] = [];
      let from = 0;
      for (const end of message.ends) {
        bytes.push(message.all.subarray(from, end));
        from = end;
      }
      unpackResults(
        { numbers: message.numbers, bytes, others: [] },
        (id) => {
          const task = running.get(id);
          if (task) running.delete(id);
          return task;
        },
        (task) => task.uri,
        (task, result) => answers.push({ task, result }),
      );
      received += bytes.length;
    } else if ('results' in message) {
      for (const result of message.results) {
        const task = running.get(result.id);
        if (!task) continue;
        running.delete(result.id);
        answers.push({ task, result });
      }
      received += message.results.length;
    } else {
      unpackResults(
        message,
        (id) => {
          const task = running.get(id);
          if (task) running.delete(id);
          return task;
        },
        (task) => task.uri,
        (task, result) => answers.push({ task, result }),
      );
      received += message.bytes.length + message.others.length;
    }
  });
  channel.port2.unref();
  for (let at = 0; at < results.length; at += batch) {
    const slice = results.slice(at, at + batch);
    if (format === 'objects') channel.port1.postMessage({ results: slice }, summaryTransferList(slice.map((r) => r.summary)));
    else if (format === 'onebuffer') {
      // Experiment: every summary's bytes in one buffer, views on receipt.
      const { message, transfer } = packResults(slice);
      let total = 0;
      for (const b of message.bytes) total += b.length;
      const all = new Uint8Array(total);
      const ends = new Float64Array(message.bytes.length);
      let at = 0;
      message.bytes.forEach((b, k) => {
        all.set(b, at);
        at += b.length;
        ends[k] = at;
      });
      channel.port1.postMessage({ numbers: message.numbers, all, ends, others: [] }, [transfer[0], all.buffer, ends.buffer]);
    } else {
      const { message, transfer } = packResults(slice);
      channel.port1.postMessage(message, transfer);
    }
  }
  await during?.start();
  const start = cpuMs();
  channel.port2.ref();
  while (received < files) await new Promise((resolve) => setImmediate(resolve));
  const ms = cpuMs() - start;
  const allocated = await during?.stop();
  channel.port1.close();
  if (answers.length !== files || answers.some(({ task, result }) => result.summary!.uri !== task.uri)) throw new Error('lost answers');
  return { ms, allocated };
}

async function main(): Promise<void> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<any> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  const profiler = {
    start: async () => {
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    },
    stop: async () => {
      const { profile } = await post('HeapProfiler.stopSampling');
      let total = 0;
      const bySite = new Map<string, number>();
      const walk = (node: { selfSize: number; children: unknown[]; callFrame: { functionName: string; lineNumber: number } }): void => {
        total += node.selfSize;
        const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
        bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
        for (const child of node.children) walk(child as typeof node);
      };
      walk(profile.head);
      if (process.argv.includes('--sites')) {
        for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${(bytes / 1e6).toFixed(2)} MB ${site}`);
      }
      return total;
    },
  };
  // Warm both paths.
  await roundTrip('objects');
  await roundTrip('packed');
  await roundTrip('onebuffer');
  const cpu: Record<Format, number[]> = { objects: [], packed: [], onebuffer: [] };
  const order: Format[] = ['objects', 'packed', 'onebuffer'];
  for (let round = 0; round < rounds; round++) {
    for (const format of round % 2 === 0 ? order : [...order].reverse()) cpu[format].push((await roundTrip(format)).ms);
  }
  console.log(`${files} files, ${batch} per message, ${rounds} rounds (CPU of the receipt, ms; the sampling profiler's allocation, MB):`);
  for (const format of ['objects', 'packed', 'onebuffer'] as Format[]) {
    const sorted = [...cpu[format]].sort((a, b) => a - b);
    const allocated = (await roundTrip(format, profiler)).allocated ?? 0;
    console.log(`  ${format.padEnd(8)} median ${sorted[sorted.length >> 1].toFixed(1)} ms (${sorted.map((ms) => ms.toFixed(0)).join(' ')}), ${(allocated / 1e6).toFixed(2)} MB allocated`);
  }
  session.disconnect();
}

void main();
