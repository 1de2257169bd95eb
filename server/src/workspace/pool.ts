// A small pool of worker threads that analyse files off the server's main loop. Tasks
// queue; a cancelled task that has not started is dropped. Tasks go to a worker in
// batches (a message per file costs more than analysing a short article), and each worker
// keeps about two batches in hand so that it never waits for the main thread. Without a
// worker script (the server run from TypeScript sources) tasks run in-process, one per tick.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeFile, failedResult, type AnalyzeFileResult, type AnalyzeFileTask } from './analyzeFile';
import { unpackResults, type WorkerResults } from './resultMessage';
import type { WorkerBatch, WorkerWarmUp } from './worker';

export type FileTask = Omit<AnalyzeFileTask, 'id'>;

interface Pending {
  task: AnalyzeFileTask;
  resolve: (result: AnalyzeFileResult | undefined) => void;
  cancelled: () => boolean;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not answered yet, by id. */
  running: Map<number, Pending>;
}

/** Most tasks in one message to a worker (≈ 20 ms of analysis for news articles). */
export const MAX_BATCH = 16;

/** Answers handed to callers per turn of the main event loop. */
const ANSWERS_PER_TURN = 4;

/** A worker's young generation: an article's analysis is short-lived garbage, and V8's
 * default (48 MB on a large machine) only adds resident memory per worker, not speed. */
const WORKER_YOUNG_GENERATION_MB = 12;

/** Workers at a low thread priority: on two cores both work (the main thread still comes
 * first when it has something to do) when the second core is idle; on more, one core is
 * left to the editor.
 * CLAIMLENS_INDEX_WORKERS=n overrides it (measurements, constrained machines). */
export function defaultPoolSize(): number {
  const override = Number(process.env.CLAIMLENS_INDEX_WORKERS);
  if (Number.isInteger(override) && override > 0) return override;
  const cores = cpuCount();
  return cores <= 2 ? Math.max(1, cores) : cores - 1;
}

/** Idle CPU (in cores) needed to start another worker: about half a core that nobody uses. */
export const GROW_IDLE_CORES = 0.5;

/** Files left to index, per worker already started, for which one more is started: a fresh
 * worker's warm-up (loading the models, then running the core slowly while V8 compiles its
 * hot paths on helper threads) costs about 3 s of CPU, what a warm one spends on ~3,000
 * short articles (scripts/index-worker-threads.ts, summary-bench.ts --warm-up). With k warm
 * workers, one more finishes R seconds of work in (R + warm-up) / (k + 1) instead of R / k:
 * sooner only when R exceeds k warm-ups. */
export const FILES_PER_STARTED_WORKER = 3000;

/** Shortest interval over which CPU use is measured (the kernel counts in 10 ms ticks). */
const CPU_WINDOW_MS = 250;

/** A longer interval since the last reading starts a new one: the pool may sit unused for
 * hours, and an average over them says nothing about now. */
const CPU_WINDOW_MAX_MS = 2000;

/** CPU over the last interval, in cores: the machine's idle time, and this process's use
 * (main thread, workers, GC helpers). */
export interface CpuReading {
  idleCores: number;
  ownCores: number;
}

/** Idle and own CPU over the last quarter second or so, from the kernel's per-core idle
 * times and this process's CPU time (read at most once per interval); undefined until an
 * interval has passed. The one-minute load average lags by tens of seconds and counts the
 * waiting threads of every process, so it said "busy" long after a core had freed up. */
export function cpuMeter(
  read: () => { idleMs: number; ownMs: number } = readCpuTimes,
  clock: () => number = () => performance.now(),
): () => CpuReading | undefined {
  let fromAt = clock();
  let from = read();
  let reading: CpuReading | undefined;
  return () => {
    const at = clock();
    const elapsed = at - fromAt;
    if (elapsed < CPU_WINDOW_MS) return reading;
    const now = read();
    reading =
      elapsed > CPU_WINDOW_MAX_MS
        ? undefined
        : { idleCores: Math.max(0, (now.idleMs - from.idleMs) / elapsed), ownCores: Math.max(0, (now.ownMs - from.ownMs) / elapsed) };
    fromAt = at;
    from = now;
    return reading;
  };
}

/** Idle time of every core since boot, and this process's CPU time, ms. */
function readCpuTimes(): { idleMs: number; ownMs: number } {
  let idleMs = 0;
  for (const cpu of cpus()) idleMs += cpu.times.idle;
  const own = process.cpuUsage();
  return { idleMs, ownMs: (own.user + own.system) / 1000 };
}

function cpuCount(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
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

/** First in, first out, in a ring that only grows: Array.prototype.shift trims an array's
 * start, so that the next push reallocates and copies it, on the main thread, per file. */
export class Fifo<T> {
  private slots: (T | undefined)[] = new Array<T | undefined>(64).fill(undefined);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & (this.slots.length - 1)] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
    return item;
  }

  /** Removes the items that `remove` picks, keeping the others in order; returns the removed ones in order. */
  removeWhere(remove: (item: T) => boolean): T[] {
    const removed: T[] = [];
    const kept: T[] = [];
    for (let item = this.shift(); item !== undefined; item = this.shift()) (remove(item) ? removed : kept).push(item);
    for (const item of kept) this.push(item);
    return removed;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) slots[i] = old[(this.head + i) & (old.length - 1)];
    this.slots = slots;
    this.head = 0;
  }
}

const taskUri = (pending: Pending): string => pending.task.uri;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new Fifo<Pending>();
  private nextId = 1;
  private disposed = false;

  private readonly size: number;
  /** The size is the machine's default: workers beyond the first work only while they get a core. */
  private readonly adaptive: boolean;
  /** How many workers take new batches now (the others finish theirs and wait, warm). */
  private active = 1;
  /** Files the caller will hand over beyond those queued (the rest of an indexing run). */
  private backlog: () => number = () => 0;

  constructor(
    size?: number,
    private readonly script = findWorkerScript(),
    private readonly onError: (message: string, error?: unknown) => void = () => undefined,
    /** CPU lately, or undefined while not measured yet (tests inject it). */
    private readonly cpu: () => CpuReading | undefined = cpuMeter(),
  ) {
    this.adaptive = size === undefined && !(Number(process.env.CLAIMLENS_INDEX_WORKERS) > 0);
    this.size = size ?? defaultPoolSize();
    if (!this.adaptive) this.active = this.size;
  }

  /** Workers beyond the first help only while they get a core of their own: on a machine
   * already busy, a second isolate costs more CPU (its own JIT warm-up and GC, cache
   * contention) than it saves, and the kernel's fair share between sessions gives this
   * process no more CPU for it. So one more works when a core is idle, and one fewer when
   * this process gets less CPU than its workers need (others took it); asked at every
   * batch, with a reading at most every quarter second. */
  private activeWorkers(): number {
    if (!this.adaptive) return this.size;
    const reading = this.cpu();
    if (reading) {
      if (reading.idleCores >= GROW_IDLE_CORES && this.worthAnotherWorker()) this.active = Math.min(this.size, this.active + 1);
      else if (this.active > 1 && this.active === this.slots.length && reading.idleCores + reading.ownCores < this.active - 0.5) this.active--;
    }
    return this.active;
  }

  /** A worker started already (and idle) costs nothing more to use; a new one pays its
   * warm-up, worth it only for enough files left (FILES_PER_STARTED_WORKER). */
  private worthAnotherWorker(): boolean {
    if (this.active < this.slots.length) return true;
    return this.queue.length + Math.max(0, this.backlog()) >= FILES_PER_STARTED_WORKER * Math.max(1, this.slots.length);
  }

  /** Tells the pool how many more files an indexing run will hand over than are queued
   * (undefined: none), so that it starts another worker only when that pays. */
  expectBacklog(count: (() => number) | undefined): void {
    this.backlog = count ?? (() => 0);
  }

  /** Starts the first worker ahead of the first task (it loads the core and its models
   * while the server still lists the files to index). */
  warmUp(): void {
    if (this.disposed || !this.script || this.slots.length > 0) return;
    this.spawn().worker.postMessage({ warmUp: true } satisfies WorkerWarmUp);
  }

  /** Analyses one file; resolves with undefined when cancelled before it started. */
  run(task: FileTask, cancelled: () => boolean = () => false): Promise<AnalyzeFileResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, cancelled });
      this.schedulePump();
    });
  }

  /** How many tasks keep the pool busy without queueing everything at once. */
  get concurrency(): number {
    return Math.max(1, this.size) * MAX_BATCH * 3;
  }

  /** Workers that take new batches now. */
  get activeCount(): number {
    return Math.min(this.active, this.slots.length);
  }

  /** Worker threads started so far. */
  get workers(): number {
    return this.slots.length;
  }

  get pending(): number {
    let running = 0;
    for (const slot of this.slots) running += slot.running.size;
    return this.queue.length + running + this.answers.length;
  }

  /** Drops every queued task that has not started (they resolve with undefined). */
  dropQueued(predicate: (task: AnalyzeFileTask) => boolean = () => true): void {
    // Resolved last first, as before.
    const dropped = this.queue.removeWhere((pending) => predicate(pending.task));
    for (let i = dropped.length - 1; i >= 0; i--) dropped[i].resolve(undefined);
  }

  private nextTask(): Pending | undefined {
    for (;;) {
      const pending = this.queue.shift();
      if (!pending) return undefined;
      if (!pending.cancelled()) return pending;
      pending.resolve(undefined);
    }
  }

  private pumpScheduled = false;

  /** Answers not yet handed to their callers. */
  private readonly answers = new Fifo<{ pending: Pending; result: AnalyzeFileResult }>();
  private delivering = false;

  /** Hands answers to their callers a few per turn of the event loop: what a caller does
   * with one (store it, publish, queue the next file) then never holds a request such as a
   * hover for more than a fraction of a millisecond. */
  private readonly deliverAnswers = (): void => {
    for (let n = 0; n < ANSWERS_PER_TURN; n++) {
      const answer = this.answers.shift();
      if (!answer) break;
      answer.pending.resolve(answer.result);
    }
    if (this.answers.length > 0) setImmediate(this.deliverAnswers);
    else this.delivering = false;
  };

  /** Pumps once the current burst of run() calls is queued, so that they go out together. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** The worker to give the next batch: an idle one, a new one while the pool may grow, else
   * the least loaded that has at most one batch left; among the active workers only. */
  private slotForBatch(): Slot | undefined {
    const active = this.slots.length === 0 ? 1 : this.activeWorkers();
    let best: Slot | undefined;
    for (const slot of this.slots.slice(0, active)) {
      if (slot.running.size === 0) return slot;
      if (slot.running.size <= MAX_BATCH && (!best || slot.running.size < best.running.size)) best = slot;
    }
    if (this.slots.length < active) return this.spawn();
    return best;
  }

  private pump(): void {
    if (this.disposed) return;
    if (!this.script) {
      this.pumpInProcess();
      return;
    }
    while (this.queue.length > 0) {
      const slot = this.slotForBatch();
      if (!slot) return;
      // Spread what is queued over the workers rather than fill the first one.
      const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(this.queue.length / Math.max(1, this.size))));
      const tasks: AnalyzeFileTask[] = [];
      while (tasks.length < size) {
        const pending = this.nextTask();
        if (!pending) break;
        slot.running.set(pending.task.id, pending);
        tasks.push(pending.task);
      }
      if (tasks.length === 0) return;
      slot.worker.postMessage({ tasks } satisfies WorkerBatch);
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
    const worker = new Worker(this.script!, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    // Workers must not keep the process alive once the connection ends.
    worker.unref();
    const slot: Slot = { worker, running: new Map() };
    const take = (id: number): Pending | undefined => {
      const pending = slot.running.get(id);
      if (pending) slot.running.delete(id);
      return pending;
    };
    const deliver = (pending: Pending, result: AnalyzeFileResult): void => this.answers.push({ pending, result });
    worker.on('message', (message: WorkerResults) => {
      unpackResults(message, take, taskUri, deliver);
      if (!this.delivering && this.answers.length > 0) {
        this.delivering = true;
        setImmediate(this.deliverAnswers);
      }
      this.schedulePump();
    });
    worker.on('error', (error) => {
      this.onError('indexing worker failed', error);
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      // Its files are not dropped in silence: each keeps one finding that says why.
      const failure = new Error(`the indexing worker failed (${error instanceof Error ? error.message : String(error)})`);
      if (error instanceof Error) failure.stack = error.stack;
      for (const pending of slot.running.values()) pending.resolve(failedResult(pending.task.id, pending.task.uri, 'analysis', failure));
      slot.running.clear();
      this.schedulePump();
    });
    this.slots.push(slot);
    return slot;
  }

  dispose(): void {
    this.disposed = true;
    this.dropQueued();
    for (const slot of this.slots) {
      for (const pending of slot.running.values()) pending.resolve(undefined);
      slot.running.clear();
      void slot.worker.terminate();
    }
    this.slots.length = 0;
  }
}
