// A worker thread that runs the full analysis of open documents (bundled into
// dist/server/server.js; main.ts starts it when workerData.kind is "open-document"), so the
// server's main loop keeps answering hovers and publishing spliced diagnostics meanwhile.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeWithinLimit } from './common/limits';
import { AnalysisCancelled } from './analysis';
import type { FullAnalysisRequest, FullAnalysisResponse } from './analysisWorker';

/** The main thread (typing, hovers, spliced diagnostics) goes first when cores are busy;
 * this worker still goes before the indexing workers (nice 10). On Linux a thread has its
 * own nice value, set through its thread id. */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 5);
  } catch {
    // Not Linux, or not allowed: run at normal priority.
  }
}

/** The id of a request the server no longer wants (a newer text came): its result is not
 * sent, which spares both threads copying a whole analysis for nothing. */
const staleRequest = (workerData as { stale?: Int32Array } | null)?.stale;

const port = parentPort;
if (port) {
  lowerThreadPriority();
  port.on('message', (request: FullAnalysisRequest) => {
    let response: FullAnalysisResponse;
    const isStale = (): boolean => staleRequest !== undefined && Atomics.load(staleRequest, 0) === request.id;
    try {
      const analysis = analyzeWithinLimit(request.text, request.maxFileSize, isStale);
      response = isStale() ? { id: request.id, stale: true } : { id: request.id, analysis };
    } catch (error) {
      if (error instanceof AnalysisCancelled) response = { id: request.id, stale: true, stopped: true };
      else response = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
    }
    port.postMessage(response);
  });
}
