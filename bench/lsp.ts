// A minimal LSP client for the benchmark: starts the real server over stdio and speaks
// JSON-RPC to it, answering the server's own requests (configuration, progress) itself.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_V8_FLAGS } from '../protocol/serverProcess';

export interface ClientOptions {
  serverPath: string;
  /** The `claimlens` settings section the client reports. */
  settings: Record<string, unknown>;
  /** Workspace folder (absolute path) to open, if any. */
  workspaceFolder?: string;
  /** Node options for the server process (e.g. --cpu-prof), from CLAIMLENS_BENCH_NODE_ARGS by default. */
  nodeArgs?: string[];
}

export interface ProgressState {
  token: string | number;
  title?: string;
  begunAt: number;
  endedAt?: number;
  reports: number;
  lastMessage?: string;
  lastPercentage?: number;
}

type ProgressParams = { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } };

type DiagnosticsListener = (params: PublishDiagnosticsParams, receivedAt: number) => void;

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Every work-done progress the server started, in order. */
  readonly progress: ProgressState[] = [];
  /** Distinct URIs the server published diagnostics or analysisChanged for. */
  readonly analysedUris = new Set<string>();
  /** Method names of every notification received, with counts (to see what a server reports). */
  readonly notificationCounts = new Map<string, number>();
  /** The last claimlens/indexStatus, when it arrived, and whether any said `indexing: true`. */
  indexStatus?: { indexing: boolean; files: number; done: number; receivedAt: number };
  indexingSeen = false;
  /** The answer to claimlens/analyzeWorkspace, when the bench had to ask for indexing. */
  analyzeWorkspaceAnswer?: { receivedAt: number; result?: { files?: number; analysed?: number; cancelled?: boolean }; error?: string };
  analyzeWorkspaceRequestedAt?: number;
  private readonly diagnosticsListeners = new Set<DiagnosticsListener>();
  private stderrTail = '';
  private exited = false;
  initializeResult?: InitializeResult;

  constructor(private readonly options: ClientOptions) {
    const nodeArgs = options.nodeArgs ?? (process.env.CLAIMLENS_BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
    // Started as the extension starts it: with the V8 flags the client gives the server.
    this.process = spawn(process.execPath, [...SERVER_V8_FLAGS, ...nodeArgs, options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    this.process.on('exit', () => {
      this.exited = true;
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.installHandlers();
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  private settingFor(section: string | undefined): unknown {
    if (!section) return { claimlens: this.options.settings };
    if (section === 'claimlens') return this.options.settings;
    if (section.startsWith('claimlens.')) return this.options.settings[section.slice('claimlens.'.length)] ?? null;
    return null;
  }

  private installHandlers(): void {
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => this.settingFor(item.section)),
    );
    c.onRequest('workspace/workspaceFolders', () => this.workspaceFolders() ?? null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/showMessageRequest', () => null);
    c.onRequest('workspace/applyEdit', () => ({ applied: false }));
    const count = (method: string) => this.notificationCounts.set(method, (this.notificationCounts.get(method) ?? 0) + 1);
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const now = performance.now();
      count('textDocument/publishDiagnostics');
      this.analysedUris.add(p.uri);
      for (const listener of this.diagnosticsListeners) listener(p, now);
    });
    c.onNotification('claimlens/analysisChanged', (p: { uri?: unknown }) => {
      count('claimlens/analysisChanged');
      if (typeof p?.uri === 'string') this.analysedUris.add(p.uri);
    });
    c.onNotification('$/progress', (p: ProgressParams) => {
      count('$/progress');
      this.onProgress(p, performance.now());
    });
    c.onNotification('claimlens/indexStatus', (p: { indexing?: unknown; files?: unknown; done?: unknown }) => {
      count('claimlens/indexStatus');
      const status = { indexing: p?.indexing === true, files: Number(p?.files) || 0, done: Number(p?.done) || 0, receivedAt: performance.now() };
      if (status.indexing) this.indexingSeen = true;
      this.indexStatus = status;
    });
    c.onNotification('window/logMessage', () => count('window/logMessage'));
    c.onNotification('window/showMessage', () => count('window/showMessage'));
    c.onNotification('telemetry/event', () => count('telemetry/event'));
    // Anything else (a custom indexing notification, say) is still counted.
    c.onUnhandledNotification((message) => count(message.method));
  }

  private onProgress(params: ProgressParams, now: number): void {
    const { token, value } = params;
    if (value?.kind === 'begin') {
      this.progress.push({ token, title: value.title, begunAt: now, reports: 0, lastMessage: value.message, lastPercentage: value.percentage });
      return;
    }
    const state = [...this.progress].reverse().find((p) => p.token === token && p.endedAt === undefined);
    if (!state) return;
    if (value?.kind === 'report') {
      state.reports++;
      state.lastMessage = value.message ?? state.lastMessage;
      state.lastPercentage = value.percentage ?? state.lastPercentage;
    } else if (value?.kind === 'end') {
      state.endedAt = now;
      state.lastMessage = value.message ?? state.lastMessage;
    }
  }

  private workspaceFolders(): { uri: string; name: string }[] | undefined {
    const folder = this.options.workspaceFolder;
    return folder ? [{ uri: fileUri(folder), name: 'bench-workspace' }] : undefined;
  }

  async initialize(): Promise<InitializeResult> {
    const folders = this.workspaceFolders();
    this.initializeResult = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'claimlens-bench' },
      rootUri: folders ? folders[0].uri : null,
      workspaceFolders: folders ?? null,
      initializationOptions: { settings: this.options.settings },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimlens: this.options.settings } });
    return this.initializeResult;
  }

  /** Asks the server to index its workspace (claimlens/analyzeWorkspace); the answer comes when the run ends. */
  requestWorkspaceAnalysis(): void {
    this.analyzeWorkspaceRequestedAt = performance.now();
    this.connection.sendRequest('claimlens/analyzeWorkspace', {}).then(
      (result) => {
        this.analyzeWorkspaceAnswer = { receivedAt: performance.now(), result: result as { files?: number; analysed?: number; cancelled?: boolean } };
      },
      (error: unknown) => {
        this.analyzeWorkspaceAnswer = { receivedAt: performance.now(), error: error instanceof Error ? error.message : String(error) };
      },
    );
  }

  /** Resolves with the receive time of the first diagnostics for `uri` that match `accept`. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const listener: DiagnosticsListener = (params, receivedAt) => {
        if (params.uri !== uri || !accept(params)) return;
        done(receivedAt);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (value: number | undefined) => {
        clearTimeout(timer);
        this.diagnosticsListeners.delete(listener);
        resolve(value);
      };
      this.diagnosticsListeners.add(listener);
    });
  }

  /** Peak resident set size of the server process so far (VmHWM), in bytes; undefined off Linux. */
  peakRssBytes(): number | undefined {
    return readProcStatusKb(this.pid, 'VmHWM');
  }

  /** CPU time (user + system) the server process has used so far, ms (10 ms resolution); undefined off Linux. */
  cpuMs(): number | undefined {
    return readProcCpuMs(this.pid);
  }

  /** CPU time of the server's main thread and of all its other threads (indexing workers,
   * GC and libuv helpers), ms; undefined off Linux. Threads that already ended are not counted. */
  threadCpuMs(): { mainMs: number; otherMs: number } | undefined {
    try {
      let mainMs = 0;
      let otherMs = 0;
      for (const tid of fs.readdirSync(`/proc/${this.pid}/task`)) {
        const ms = parseProcStatCpuMs(fs.readFileSync(`/proc/${this.pid}/task/${tid}/stat`, 'utf8')) ?? 0;
        if (Number(tid) === this.pid) mainMs += ms;
        else otherMs += ms;
      }
      return { mainMs, otherMs };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 3000);
        await this.connection.sendNotification('exit');
      } catch {
        // A server that does not answer is killed below.
      }
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function fileUri(fsPath: string): string {
  return 'file://' + fsPath.split('/').map(encodeURIComponent).join('/');
}

export function readProcStatusKb(pid: number, field: string): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process from /proc/<pid>/stat, in ms (clock ticks of 10 ms). */
export function readProcCpuMs(pid: number): number | undefined {
  try {
    return parseProcStatCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export function parseProcStatCpuMs(stat: string): number | undefined {
  // Fields after the command name, which may hold spaces and parentheses: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
