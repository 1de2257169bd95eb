// Entry of the server bundle. The indexing workers run this same file, so the analysis
// core and its tagger model ship once in the package instead of once per entry.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) require('./server');
else require('./workspace/worker');
