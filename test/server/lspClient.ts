// A small LSP client for tests: starts the built server over stdio and speaks JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  analysisChangedNotification,
  indexStatusNotification,
  type AnalysisChangedParams,
  type IndexStatusParams,
} from '../../protocol/requests';

/** A server-initiated work-done progress as the client saw it. */
export interface SeenProgress {
  token: string | number;
  title?: string;
  messages: string[];
  cancellable?: boolean;
  ended: boolean;
}

/** The repository root, from out/test/server or test/server. */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') dir = path.dirname(dir);
  return dir;
})();

export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server', 'server.js');

export function ensureBuilt(): void {
  if (!existsSync(SERVER_JS)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  /** What the client answers to workspace/configuration for the `claimlens` section. */
  settings: Record<string, unknown> = {};
  /** What the client answers for other sections (`files`, …); null when absent. */
  sections: Record<string, unknown> = {};
  readonly progress: SeenProgress[] = [];
  readonly indexStatus: IndexStatusParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  configurationRequests = 0;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly analysisChanged: AnalysisChangedParams[] = [];
  readonly logs: string[] = [];
  /** window/showMessage notifications (type 1 error, 2 warning, 3 info). */
  readonly shownMessages: { type: number; message: string }[] = [];
  stderr = '';
  private readonly waiters: (() => void)[] = [];

  /** Initialize and initialized, with no workspace folder: a client that answers configuration
   * requests and shows hovers as Markdown. */
  async initializeWithoutFolder(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** `preload`: a script the server process loads first (`node --require`), to watch it from inside.
   * `serverJs`: another copy of the server bundle (e.g. one without models/ beside it).
   * `nodeFlags`: flags for node and V8 before the script (as the client's execArgv). */
  constructor(args: string[] = ['--stdio'], options: { preload?: string; serverJs?: string; nodeFlags?: readonly string[] } = {}) {
    const node = [...(options.nodeFlags ?? []), ...(options.preload ? ['--require', options.preload] : [])];
    this.process = spawn(process.execPath, [...node, options.serverJs ?? SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.notify();
    });
    this.connection.onNotification(analysisChangedNotification, (params) => {
      this.analysisChanged.push(params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.notify();
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) =>
        item.section === 'claimlens' ? this.settings : item.section !== undefined ? (this.sections[item.section] ?? null) : null,
      );
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.notify();
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progress.push({ token: params.token, messages: [], ended: false });
      this.notify();
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; title?: string; message?: string; cancellable?: boolean } }) => {
      const progress = this.progress.find((p) => p.token === params.token);
      if (!progress) return;
      if (params.value.kind === 'begin') {
        progress.title = params.value.title;
        progress.cancellable = params.value.cancellable;
      }
      if (params.value.message) progress.messages.push(params.value.message);
      if (params.value.kind === 'end') progress.ended = true;
      this.notify();
    });
    this.connection.onNotification(indexStatusNotification, (params) => {
      this.indexStatus.push(params);
      this.notify();
    });
    this.connection.listen();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves with the latest diagnostics for `uri` once `accept` holds for them. */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const latest = this.diagnostics.get(uri);
        reject(new Error(`timed out waiting for diagnostics on ${uri}; latest: ${JSON.stringify(latest?.diagnostics.map((d) => [d.code, d.message]))}\n${this.logs.join('\n')}`));
      }, timeoutMs);
      const check = (): void => {
        const latest = this.diagnostics.get(uri);
        if (latest && accept(latest.diagnostics, latest)) {
          clearTimeout(timer);
          resolve(latest.diagnostics);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Resolves once `condition` holds, re-checked after each notification. */
  waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = (): void => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  waitForExit(timeoutMs = 5000): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (this.process.exitCode !== null) return resolve(this.process.exitCode);
      const timer = setTimeout(() => reject(new Error('server did not exit')), timeoutMs);
      this.process.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
