// A/B of workspace indexing between server bundles, alternating runs on one generated
// folder (the bench's 10,000 articles): wall time, main-thread and other-thread CPU, peak
// RSS, and the load average around each run. Optionally hover latency while indexing.
//   npx tsx scripts/index-ab.ts [--runs N] [--files N] [--hovers N] A=path/to/server.js B=other.js?CLAIMLENS_INDEX_WORKERS=2 …
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateLargeDocument, writeArticleFolder } from '../bench/corpus';
import { measureHoverDuringIndexing, measureIndexing, type ServerConfig } from '../bench/server';

/** CPU of each thread of this process's child processes (the server), by thread name,
 * sampled while it runs: how many indexing workers did the work shows as threads with
 * seconds of CPU, and V8's helper threads (background compilation, concurrent GC) apart. */
function watchThreads(): { stop: () => string[] } {
  const cpuByThread = new Map<string, { name: string; ms: number }>();
  const sample = () => {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
        for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
          const fields = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
          const name = fields.slice(fields.indexOf('(') + 1, fields.lastIndexOf(')')).replace(/\s+/g, '_');
          cpuByThread.set(`${pid}/${tid}`, { name: `${name}+${Number(tid) - Number(pid)}`, ms: ((Number(rest[11]) + Number(rest[12])) * 1000) / 100 });
        }
      } catch {
        // Gone.
      }
    }
  };
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      clearInterval(timer);
      return [...cpuByThread.values()]
        .filter(({ ms }) => ms >= 500)
        .sort((a, b) => b.ms - a.ms)
        .map(({ name, ms }) => `${name}:${(ms / 1000).toFixed(1)}`);
    },
  };
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = option('--runs', 3);
  const files = option('--files', 10_000);
  const hovers = option('--hovers', 0);
  const servers = process.argv.slice(2).filter((arg) => /^\w+=/.test(arg)).map((arg) => {
    // NAME=server.js[?ENV=value&ENV=value]: environment variables for that server only.
    const [name, rest] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const [file, query] = rest.split('?');
    const env = Object.fromEntries(new URLSearchParams(query ?? ''));
    return { name, file: path.resolve(file), env };
  });
  const folder = path.join(os.tmpdir(), `claimlens-index-ab-${files}`, 'workspace');
  if (!fs.existsSync(path.join(folder, 'done'))) {
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    writeArticleFolder(folder, files);
    fs.writeFileSync(path.join(folder, 'done'), '');
  }
  let bytes = 0;
  const document = generateLargeDocument(1024 * 1024);
  for (let run = 0; run < runs; run++) {
    for (const server of run % 2 === 0 ? servers : [...servers].reverse()) {
      const config: ServerConfig = {
        serverPath: server.file, document, edits: 0, hovers, workspaceFolder: folder, workspaceFiles: files,
        workspaceBytes: bytes, indexingTimeoutMs: 180_000, log: () => undefined,
      };
      const saved = { ...process.env };
      Object.assign(process.env, server.env);
      const loadBefore = os.loadavg()[0];
      const threads = watchThreads();
      const result = await measureIndexing(config);
      const busyThreads = threads.stop();
      const loadAfter = os.loadavg()[0];
      let hover = '';
      if (hovers > 0) {
        const h = await measureHoverDuringIndexing(config);
        hover = ` hover n=${h.count} median ${h.medianMs?.toFixed(2)} p99 ${h.p99Ms?.toFixed(2)} max ${h.maxMs?.toFixed(1)}${h.na ? ' ' + h.na : ''}`;
      }
      for (const key of Object.keys(server.env)) if (saved[key] === undefined) delete process.env[key]; else process.env[key] = saved[key];
      console.log(
        `${server.name} run ${run}: wall ${((result.wallMs ?? NaN) / 1000).toFixed(2)} s, main CPU ${((result.cpu?.mainMs ?? NaN) / 1000).toFixed(2)} s, ` +
          `other CPU ${((result.cpu?.otherMs ?? NaN) / 1000).toFixed(2)} s, peak ${((result.peakRssBytes ?? NaN) / 1e6).toFixed(0)} MB, ` +
          `load ${loadBefore.toFixed(2)}→${loadAfter.toFixed(2)}, threads ≥ 0.5 s CPU: ${busyThreads.join(' ')}${result.na ? ' ' + result.na : ''}${hover}`,
      );
    }
  }
}

void main();
