// Where an indexing worker's process CPU goes, by thread: one worker from a server bundle
// indexes the bench's generated articles (as scripts/index-worker-ab.ts feeds it), then
// this process's threads' CPU is read from /proc (Linux): the worker's JavaScript thread,
// V8's platform helpers (background compilation, concurrent marking, sweeping), the main
// thread. Add --cpu-prof to profile the worker's JavaScript thread too
// (node writes one .cpuprofile per thread; summarise with scripts/cpu-hotspots.mjs).
//   npx esbuild scripts/index-worker-threads.ts --bundle --platform=node --outfile=out/prof/index-worker-threads.js --log-level=warning
//   node [--cpu-prof --cpu-prof-dir=/tmp/prof-X] out/prof/index-worker-threads.js dist/server/server.js [files]
// (the folder is the one scripts/index-ab.ts writes: run that first)
// Measured at 04:30 on 9ca2cfd, load 10-13 (CPU times inflated by contention):
//   10,000 files: process 12.7 s = worker thread 9.8 s + four V8 helper threads 2.5 s + idle main 0.3 s
//   2,000 files:  process 5.0-5.9 s = worker thread 2.8-3.6 s + helpers 2.0-2.4 s
// The helpers are TurboFan's concurrent compiles, not GC: --single-threaded-gc leaves them
// at ~2 s, --no-concurrent-recompilation moves them onto the worker thread (4.75 s), same
// total; ~350 optimised compiles and 25 deoptimisations (--trace-opt --trace-deopt) over
// 2,000 files, and they grow little after (2.1 s at 2,000 files, 2.5 s at 10,000): a fixed
// warm-up per isolate. --maglev, --always-sparkplug, --no-lazy-feedback-allocation and
// --interrupt-budget=40000 changed nothing beyond the noise (±10 %).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

const script = path.resolve(process.argv[2] ?? 'dist/server/server.js');
const fileCount = Number(process.argv[3] ?? 2000);
const folder = path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace');

function listFiles(limit: number): string[] {
  const files: string[] = [];
  for (const desk of fs.readdirSync(folder).sort()) {
    const dir = path.join(folder, desk);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) files.push(path.join(dir, name));
    if (files.length >= limit) break;
  }
  return files.slice(0, limit);
}

/** CPU ms of each thread (clock ticks of 10 ms) of this process, by "name+tid offset". */
function threadCpu(): Map<string, number> {
  const byThread = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\s+/g, '_');
      byThread.set(`${name}+${Number(tid) - process.pid}`, (Number(rest[11]) + Number(rest[12])) * 10);
    } catch {
      // Gone.
    }
  }
  return byThread;
}

async function main(): Promise<void> {
  const files = listFiles(fileCount);
  const before = threadCpu();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  worker.postMessage({ warmUp: true });
  let next = 0;
  let done = 0;
  let inFlight = 0;
  const BATCH = 16;
  let firstAt = 0;
  let failed = 0;
  await new Promise<void>((resolve) => {
    const send = () => {
      while (inFlight < BATCH * 2 && next < files.length) {
        const tasks = files.slice(next, next + BATCH).map((file, k) => ({
          id: next + k + 1, uri: `file://${file}`, path: file, languageId: 'plaintext', maxFileSize: 1 << 20,
        }));
        next += tasks.length;
        inFlight += tasks.length;
        worker.postMessage({ tasks });
      }
    };
    worker.on('message', (message: { numbers?: Float64Array; others?: unknown[] }) => {
      const count = (message.numbers?.length ?? 0) / 7 + (message.others?.length ?? 0);
      if (count > 0 && firstAt === 0) firstAt = performance.now() - start;
      failed += message.others?.length ?? 0;
      done += count;
      inFlight -= count;
      if (done >= files.length) resolve();
      else send();
    });
    send();
  });
  const wallMs = performance.now() - start;
  const after = threadCpu();
  const cpu = process.cpuUsage(cpuStart);
  const rows = [...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)] as const).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  console.log(
    `${files.length} files: process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, wall ${wallMs.toFixed(0)} ms, first results ${firstAt.toFixed(0)} ms, not plain ${failed}; ` +
      `threads: ${rows.map(([name, ms]) => `${name}:${ms.toFixed(0)}`).join(' ')}`,
  );
  await worker.terminate();
}

void main();
