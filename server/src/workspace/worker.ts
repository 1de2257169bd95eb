// A worker thread of the indexing pool (bundled as dist/server/worker.js): reads a file
// itself, analyses it with the core and posts back only its compact summary, so the
// server's main loop never parses unopened files and never holds their texts.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyzeFile, type AnalyzeFileTask } from './analyzeFile';

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
  // One task at a time per worker: the pool only sends the next after an answer.
  port.on('message', (task: AnalyzeFileTask) => {
    void analyzeFile(task).then((result) => port.postMessage(result));
  });
}
