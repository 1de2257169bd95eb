// A worker thread of the indexing pool (bundled as dist/server/worker.js): reads a file
// itself, analyses it with the core and posts back only its compact summary, so the
// server's main loop never parses unopened files and never holds their texts.
import { parentPort } from 'node:worker_threads';
import { analyzeFile, type AnalyzeFileTask } from './analyzeFile';

const port = parentPort;
if (port) {
  // One task at a time per worker: the pool only sends the next after an answer.
  port.on('message', (task: AnalyzeFileTask) => {
    void analyzeFile(task).then((result) => port.postMessage(result));
  });
}
