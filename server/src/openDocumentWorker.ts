// A worker thread that runs the full analysis of open documents (bundled into
// dist/server/server.js; main.ts starts it when workerData.kind is "open-document"), so the
// server's main loop keeps answering hovers and publishing spliced diagnostics meanwhile.
import { parentPort } from 'node:worker_threads';
import { analyzeWithinLimit } from './common/limits';
import type { FullAnalysisRequest, FullAnalysisResponse } from './analysisWorker';

const port = parentPort;
if (port) {
  port.on('message', (request: FullAnalysisRequest) => {
    let response: FullAnalysisResponse;
    try {
      response = { id: request.id, analysis: analyzeWithinLimit(request.text, request.maxFileSize) };
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
    }
    port.postMessage(response);
  });
}
