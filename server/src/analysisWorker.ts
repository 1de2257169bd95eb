// Full analyses of open documents, one at a time on a worker thread (in-process when no
// worker script exists, e.g. the server run from TypeScript sources). Per document only the
// latest request waits: a newer one replaces it, and the caller drops a result that is no
// longer for the document's current version.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentAnalysis } from './analysis/types';
import { analyzeWithinLimit } from './common/limits';
import { AnalysisCancelled } from './analysis';

export interface FullAnalysisRequest {
  id: number;
  text: string;
  maxFileSize: number;
}

export interface FullAnalysisResponse {
  id: number;
  analysis?: DocumentAnalysis;
  /** The request went stale while it ran: no analysis sent. */
  stale?: boolean;
  /** It went stale early enough to stop between two stages instead of running to the end. */
  stopped?: boolean;
  error?: string;
}

/** Resolves with the analysis, or undefined when a newer request for the key replaced it. */
interface Job {
  key: string;
  request: FullAnalysisRequest;
  resolve: (analysis: DocumentAnalysis | undefined) => void;
  reject: (error: Error) => void;
}

/** The script a worker runs: the server bundle (its entry, main.ts, turns into this worker
 * when workerData says so) or main.js next to this module when compiled by tsc. */
export function findOpenDocumentWorkerScript(): string | undefined {
  const candidates = [path.join(__dirname, 'main.js'), __filename];
  return candidates.find((candidate) => candidate.endsWith('.js') && existsSync(candidate) && path.basename(candidate) !== 'analysisWorker.js');
}

export class FullAnalysisWorker {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly waiting = new Map<string, Job>();
  private nextId = 1;
  private disposed = false;
  private crashes = 0;
  /** Shared with the worker: the id of the running request when it went stale. */
  private readonly stale = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private script: string | undefined = findOpenDocumentWorkerScript(),
    private readonly onError: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  /** Starts the worker ahead of the first request (it loads the core and its model). */
  warmUp(): void {
    if (this.script && !this.worker && !this.disposed) this.spawn();
  }

  analyze(key: string, text: string, maxFileSize: number): Promise<DocumentAnalysis | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.waiting.get(key)?.resolve(undefined);
      // The running analysis of an older text is not wanted any more: its caller hears so
      // now, and the worker skips sending it.
      if (this.running?.key === key) {
        Atomics.store(this.stale, 0, this.running.request.id);
        this.running.resolve(undefined);
      }
      this.waiting.set(key, { key, request: { id: this.nextId++, text, maxFileSize }, resolve, reject });
      this.pump();
    });
  }

  /**
   * The document changed and its newer text is already served (a spliced analysis): the
   * analysis running or waiting for the key is of no use any more. Its caller hears so now
   * and the worker sends nothing back (sparing the main thread a large copy). A running one
   * stops at the core's next stage boundary: the worker, its compiled code warm, stays for
   * the next analysis (a fresh one would compile the core again, seconds on a 1 MB text).
   */
  supersede(key: string): void {
    const waiting = this.waiting.get(key);
    if (waiting) {
      this.waiting.delete(key);
      waiting.resolve(undefined);
    }
    const running = this.running;
    if (running?.key !== key) return;
    Atomics.store(this.stale, 0, running.request.id);
    running.resolve(undefined);
  }

  /** Whether a request for the key waits or runs (one superseded and stopping does not count). */
  busyWith(key: string): boolean {
    const running = this.running;
    return this.waiting.has(key) || (running?.key === key && Atomics.load(this.stale, 0) !== running.request.id);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.waiting.values()) job.resolve(undefined);
    this.waiting.clear();
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.key);
    this.running = job;
    if (!this.script) {
      // No worker script: run in-process, on a later tick so that callers see the same order.
      setImmediate(() => {
        try {
          const isCancelled = (): boolean => Atomics.load(this.stale, 0) === job.request.id;
          this.finish(job, { id: job.request.id, analysis: analyzeWithinLimit(job.request.text, job.request.maxFileSize, isCancelled) });
        } catch (error) {
          if (error instanceof AnalysisCancelled) {
            this.finish(job, { id: job.request.id, stale: true, stopped: true });
            return;
          }
          this.finish(job, { id: job.request.id, error: error instanceof Error ? error.message : String(error) });
        }
      });
      return;
    }
    (this.worker ?? this.spawn()).postMessage(job.request);
  }

  /** Worker threads started so far (a crash starts another). */
  get workersStarted(): number {
    return this.started;
  }
  private started = 0;

  /** Analyses that went stale while running and stopped before their end. */
  get analysesStopped(): number {
    return this.stopped;
  }
  private stopped = 0;

  private spawn(): Worker {
    this.started++;
    const worker = new Worker(this.script!, { workerData: { kind: 'open-document', stale: this.stale } });
    worker.on('message', (response: FullAnalysisResponse) => {
      if (this.running && response.id === this.running.request.id) this.finish(this.running, response);
    });
    worker.on('error', (error) => {
      this.onError('the analysis worker failed', error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      // A worker that died mid-job: run that job again in a fresh one.
      const job = this.running;
      this.running = undefined;
      // Twice dead: analyse in-process from now on rather than respawn forever.
      if (++this.crashes >= 2) this.script = undefined;
      if (job && !this.disposed) {
        if (!this.waiting.has(job.key)) this.waiting.set(job.key, job);
        else job.resolve(undefined);
        this.pump();
      }
    });
    this.worker = worker;
    return worker;
  }

  private finish(job: Job, response: FullAnalysisResponse): void {
    this.running = undefined;
    if (response.stopped) this.stopped++;
    if (response.analysis) job.resolve(response.analysis);
    else if (response.stale) job.resolve(undefined);
    else job.reject(new Error(response.error ?? 'analysis failed'));
    this.pump();
  }
}
