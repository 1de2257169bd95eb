// When each step of workspace indexing happens, from the initialize request: the answer,
// the progress begin, the first file done, the end (the bench's generated folder).
//   npx tsx scripts/index-timeline.ts path/to/server.js [files]
// (the folder is the one scripts/index-ab.ts writes: run that first with the same --files)
import * as os from 'os';
import * as path from 'path';
import { BenchClient } from '../bench/lsp';

async function main(): Promise<void> {
  const serverPath = path.resolve(process.argv[2]);
  const files = Number(process.argv[3] ?? 10_000);
  const folder = path.join(os.tmpdir(), `claimlens-index-ab-${files}`, 'workspace');
  const client = new BenchClient({ serverPath, settings: {}, workspaceFolder: folder });
  const start = performance.now();
  const marks: string[] = [];
  const mark = (what: string) => marks.push(`${what} ${(performance.now() - start).toFixed(0)} ms`);
  await client.initialize();
  mark('initialized');
  let firstDone = false;
  while (performance.now() - start < 300_000) {
    const status = client.indexStatus;
    if (!firstDone && status && status.done > 0) {
      firstDone = true;
      mark(`first status with files done (${status.done} of ${status.files})`);
    }
    if (status && !status.indexing && client.indexingSeen && status.files > 0) {
      mark(`idle (${status.done} of ${status.files})`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const progress = client.progress[0];
  if (progress) marks.push(`progress begun ${(progress.begunAt - start).toFixed(0)} ms`);
  console.log(marks.join('\n'), `\nthreads CPU ${JSON.stringify(client.threadCpuMs())}`);
  await client.stop();
}

void main();
