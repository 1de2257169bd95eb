// Entry of the server bundle. Worker threads run this same file, so the analysis core and
// its tagger model ship once in the package instead of once per entry: the open-document
// analysis worker when workerData says so, else an indexing worker.
import { isMainThread, workerData } from 'node:worker_threads';

if (isMainThread) require('./server');
else if ((workerData as { kind?: string } | null | undefined)?.kind === 'open-document') require('./openDocumentWorker');
else require('./workspace/worker');
