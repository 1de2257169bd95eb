// A worker thread of the indexing pool (bundled as dist/server/worker.js): reads files
// itself, analyses them with the core and posts back only their compact summaries, so the
// server's main loop never parses unopened files and never holds their texts.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyzeWithinLimit } from '../common/limits';
import { analyzeFileSync, type AnalyzeFileResult, type AnalyzeFileTask } from './analyzeFile';
import { packResults } from './resultMessage';

/** The pool sends a batch of tasks per message, the worker answers with results as they
 * come, a few at a time. */
export interface WorkerBatch {
  tasks: AnalyzeFileTask[];
}

/** Sent to a fresh worker while the server still lists the files: it loads the core's
 * models and compiles its hot paths on a short text, so the first batch does not wait. */
export interface WorkerWarmUp {
  warmUp: true;
}

const WARM_UP_TEXT =
  'Harbour plan approved\n\nBy A. Writer\n\nThe council approved the $24 million plan on Monday, said Maria Keller, the mayor.\n\n' +
  '“We cannot wait another decade,” Keller said. About 40% of the 1,200 jobs are seasonal, officials said.\n';

/** Results are sent at least this often: the main thread handles them in small slices, and
 * sees progress, while a long batch runs. */
const POST_INTERVAL_MS = 15;

/** Background work yields the CPU to the server's main thread (hovers, typing) when cores
 * are busy: on Linux a thread has its own nice value, set through its thread id. */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: run at normal priority.
  }
}

const port = parentPort;
if (port) {
  lowerThreadPriority();
  // Batches queue in the port while one runs; each task is answered exactly once.
  port.on('message', (message: WorkerBatch | WorkerWarmUp) => {
    if ('warmUp' in message) {
      try {
        analyzeWithinLimit(WARM_UP_TEXT, WARM_UP_TEXT.length * 4);
      } catch {
        // Each file's analysis meets the same error and reports it; a throw here would end
        // the worker, and fail the files of its first batch with a vaguer message.
      }
      return;
    }
    const { tasks } = message;
    let results: AnalyzeFileResult[] = [];
    let postedAt = performance.now();
    for (const task of tasks) {
      results.push(analyzeFileSync(task));
      const now = performance.now();
      if (now - postedAt >= POST_INTERVAL_MS) {
        post(port, results);
        results = [];
        postedAt = now;
      }
    }
    if (results.length > 0) post(port, results);
  });
}

/** Posts results packed (resultMessage.ts), their summaries' bytes moved, not copied, to the main thread. */
function post(to: NonNullable<typeof parentPort>, results: AnalyzeFileResult[]): void {
  const { message, transfer } = packResults(results);
  to.postMessage(message, transfer);
}
