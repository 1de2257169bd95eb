// A/B of the indexing worker alone (no language server, no LSP traffic): each run starts a
// fresh process that spawns one worker from a server bundle, as the pool does, feeds it the
// bench's generated articles in batches, and reports the process's CPU (worker, V8's helper
// threads, the idle main thread) and wall time. Variants run in alternation.
//   npx tsx scripts/index-worker-ab.ts [--runs N] [--files N] [--young MB] A=dist/server/server.js B=other/server.js?YOUNG=32
// (the folder is the one scripts/index-ab.ts writes: run that first)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function listFiles(folder: string, limit: number): string[] {
  const files: string[] = [];
  for (const desk of fs.readdirSync(folder).sort()) {
    const dir = path.join(folder, desk);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) files.push(path.join(dir, name));
    if (files.length >= limit) break;
  }
  return files.slice(0, limit);
}

/** One run in this process: spawn the worker, index, print one JSON line. */
async function child(script: string, files: string[], youngMb: number): Promise<void> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
  worker.postMessage({ warmUp: true });
  let next = 0;
  let done = 0;
  let inFlight = 0;
  const BATCH = 16;
  let firstAt = 0;
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
    // Results come packed (server/src/workspace/resultMessage.ts); older bundles posted
    // { results } whole.
    worker.on('message', (message: { results?: unknown[]; bytes?: unknown[]; others?: unknown[] }) => {
      const count = message.results?.length ?? (message.bytes?.length ?? 0) + (message.others?.length ?? 0);
      if (count > 0 && firstAt === 0) firstAt = performance.now() - start;
      done += count;
      inFlight -= count;
      if (done >= files.length) resolve();
      else send();
    });
    send();
  });
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - start;
  await worker.terminate();
  console.log(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, firstAt, rssMb: process.memoryUsage.rss() / 1e6 }));
}

async function main(): Promise<void> {
  const runs = option('--runs', 3);
  const fileCount = option('--files', 2000);
  const young = option('--young', 12);
  const folder = path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace');
  if (process.env.INDEX_WORKER_AB_CHILD) {
    const files = listFiles(folder, fileCount);
    await child(process.env.INDEX_WORKER_AB_CHILD, files, Number(process.env.YOUNG ?? young));
    return;
  }
  const variants = process.argv.slice(2).filter((arg) => /^\w+=/.test(arg)).map((arg) => {
    const [name, rest] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const [file, query] = rest.split('?');
    return { name, file: path.resolve(file), env: Object.fromEntries(new URLSearchParams(query ?? '')) as Record<string, string> };
  });
  const results = new Map<string, { wallMs: number; cpuMs: number }[]>();
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
      const nodeArgs = (variant.env.NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
      const out = spawnSync(process.execPath, [...nodeArgs, ...process.execArgv, __filename, ...process.argv.slice(2)], {
        env: { ...process.env, ...variant.env, INDEX_WORKER_AB_CHILD: variant.file },
        encoding: 'utf8',
      });
      const line = out.stdout.trim().split('\n').pop() ?? '';
      try {
        const result = JSON.parse(line) as { wallMs: number; cpuMs: number; firstAt: number; rssMb: number };
        (results.get(variant.name) ?? results.set(variant.name, []).get(variant.name)!).push(result);
        console.log(
          `${variant.name} run ${run}: ${fileCount} files, CPU ${(result.cpuMs / 1000).toFixed(2)} s, wall ${(result.wallMs / 1000).toFixed(2)} s, ` +
            `first results ${result.firstAt.toFixed(0)} ms, rss ${result.rssMb.toFixed(0)} MB, load ${os.loadavg()[0].toFixed(1)}`,
        );
      } catch {
        console.log(`${variant.name} run ${run}: failed: ${out.stderr.slice(-500)}`);
      }
    }
  }
  for (const [name, list] of results) {
    const cpus = list.map((r) => r.cpuMs / 1000).sort((a, b) => a - b);
    console.log(`${name}: CPU ${cpus[0].toFixed(2)}–${cpus[cpus.length - 1].toFixed(2)} s (median ${cpus[cpus.length >> 1].toFixed(2)})`);
  }
}

void main();
