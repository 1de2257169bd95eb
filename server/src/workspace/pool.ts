// A small pool of worker threads that analyse files off the server's main loop. Tasks
// queue; a cancelled task that has not started is dropped. Without a worker script (the
// server run from TypeScript sources) tasks run in-process, one per tick.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeFile, type AnalyzeFileResult, type AnalyzeFileTask } from './analyzeFile';

export type FileTask = Omit<AnalyzeFileTask, 'id'>;

interface Pending {
  task: AnalyzeFileTask;
  resolve: (result: AnalyzeFileResult | undefined) => void;
  cancelled: () => boolean;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

export function defaultPoolSize(): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, cores - 1);
}

/** worker.js next to this module when compiled by tsc, or the server bundle itself
 * (dist/server/server.js, whose entry turns into the worker off the main thread);
 * undefined when neither exists. */
export function findWorkerScript(): string | undefined {
  const candidates = [
    path.join(__dirname, 'worker.js'),
    path.join(__dirname, 'workspace', 'worker.js'),
    path.join(__dirname, 'server.js'),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly size = defaultPoolSize(),
    private readonly script = findWorkerScript(),
    private readonly onError: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  /** Analyses one file; resolves with undefined when cancelled before it started. */
  run(task: FileTask, cancelled: () => boolean = () => false): Promise<AnalyzeFileResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, cancelled });
      this.pump();
    });
  }

  /** How many tasks keep the pool busy without queueing everything at once. */
  get concurrency(): number {
    return Math.max(1, this.size) * 4;
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((slot) => slot.busy).length;
  }

  /** Drops every queued task that has not started (they resolve with undefined). */
  dropQueued(predicate: (task: AnalyzeFileTask) => boolean = () => true): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (predicate(this.queue[i].task)) this.queue.splice(i, 1)[0].resolve(undefined);
    }
  }

  private nextTask(): Pending | undefined {
    for (;;) {
      const pending = this.queue.shift();
      if (!pending) return undefined;
      if (!pending.cancelled()) return pending;
      pending.resolve(undefined);
    }
  }

  private pump(): void {
    if (!this.script) {
      this.pumpInProcess();
      return;
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.nextTask();
      if (!pending) return;
      slot.busy = pending;
      slot.worker.postMessage(pending.task);
    }
  }

  private inProcessRunning = false;

  private pumpInProcess(): void {
    if (this.inProcessRunning) return;
    const pending = this.nextTask();
    if (!pending) return;
    this.inProcessRunning = true;
    // setImmediate: let requests in between files be answered.
    setImmediate(() => {
      void analyzeFile(pending.task).then((result) => {
        this.inProcessRunning = false;
        pending.resolve(result);
        this.pump();
      });
    });
  }

  private spawn(): Slot {
    const worker = new Worker(this.script!);
    // Workers must not keep the process alive once the connection ends.
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (result: AnalyzeFileResult) => {
      const pending = slot.busy;
      slot.busy = undefined;
      if (pending && pending.task.id === result.id) pending.resolve(result);
      this.pump();
    });
    worker.on('error', (error) => {
      this.onError('indexing worker failed', error);
      const pending = slot.busy;
      slot.busy = undefined;
      this.slots.splice(this.slots.indexOf(slot), 1);
      pending?.resolve({ id: pending.task.id, error: error instanceof Error ? error.message : String(error) });
      this.pump();
    });
    this.slots.push(slot);
    return slot;
  }

  dispose(): void {
    this.disposed = true;
    this.dropQueued();
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.length = 0;
  }
}
