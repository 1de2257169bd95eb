// Runs a real VS Code workbench without a desktop VS Code: code-server (VS Code for the
// browser, same workbench and Node extension host) driven by headless Debian Chromium
// through playwright-core. Shared by the test shim and the screenshot script.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
/** The repository: found by walking up, so that this works compiled (out/test/vscode) and under tsx. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'setup-code-server.sh'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ClaimLens repository above ${from}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

/** Where scripts/setup-code-server.sh installs code-server. */
export function defaultCodeServerPath(): string {
  const cacheRoot = process.env.CLAIMLENS_CACHE || path.join(repoRoot, '.cache');
  return path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
}

export function chromiumPath(): string {
  return process.env.CLAIMLENS_CHROMIUM || '/usr/bin/chromium';
}

export interface CodeServerOptions {
  codeServerPath: string;
  userDataDir: string;
  extensionsDir: string;
  /** Written to when code-server prints something; its output is noisy, so kept apart. */
  logFile: string;
}

export interface RunningCodeServer {
  origin: string;
  authority: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function healthy(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Signals a whole process group; the file watcher outlives code-server's main process otherwise. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0 as unknown as NodeJS.Signals);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  if (!fs.existsSync(options.codeServerPath)) {
    throw new Error(
      `code-server not found at ${options.codeServerPath}; run scripts/setup-code-server.sh first`,
    );
  }
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const origin = `http://${authority}`;
  fs.mkdirSync(options.userDataDir, { recursive: true });
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  // Our own config file: without --config code-server writes one into the home folder.
  const configFile = path.join(options.userDataDir, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(
    options.codeServerPath,
    [
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', authority,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', options.extensionsDir,
    ],
    // Its own process group, so that stop() can end its children too.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, PORT: String(port) } },
  );
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${options.codeServerPath}`);
  }
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async (): Promise<void> => {
    signalGroup(pid, 'SIGTERM');
    for (let waited = 0; waited < 3000 && groupAlive(pid); waited += 100) {
      await sleep(100);
    }
    signalGroup(pid, 'SIGKILL');
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(origin))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`code-server did not become healthy at ${origin}:\n${tail}`);
    }
    await sleep(200);
  }
  return { origin, authority, process: child, stop };
}

/** The workbench URL that opens `folder` (or a `.code-workspace` file: a multi-root
 * workspace) with an extension under development and, optionally, its tests:
 * code-server takes these from the URL, not its command line. */
export function workbenchUrl(
  server: RunningCodeServer,
  folder: string,
  extensionDevelopmentPath: string,
  extensionTestsPath?: string,
): string {
  const remote = (p: string) => `vscode-remote://${server.authority}${encodeURI(path.resolve(p))}`;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  const opened = isWorkspaceFile(folder) ? 'workspace' : 'folder';
  const query = new URLSearchParams({ [opened]: path.resolve(folder), payload: JSON.stringify(payload) });
  return `${server.origin}/?${query.toString()}`;
}

/** A multi-root workspace file, as VS Code opens it from its command line. */
export function isWorkspaceFile(target: string): boolean {
  return target.endsWith('.code-workspace');
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install --no-install-recommends chromium)`);
  }
  // Required lazily: playwright-core is a dev dependency used only by these tools.
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A scratch folder under the OS temp dir, removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The fixture workspace (test/vscode/workspace plus the seed article) in a scratch copy:
 * tests change its settings and write exports there. Returns the copy's path. */
export function prepareWorkspace(into: string): string {
  const workspace = path.join(into, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  fs.copyFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'seed-fentanyl.txt'),
    path.join(workspace, 'seed-fentanyl.txt'),
  );
  return workspace;
}

/** The multi-root fixture (test/vscode/multiroot: a `.code-workspace` file and its two
 * folders) in a scratch copy: tests remove and add folders, which rewrites the file.
 * Returns the copied workspace file's path. */
export function prepareMultiRootWorkspace(into: string): string {
  const root = path.join(into, 'multiroot');
  fs.cpSync(path.join(repoRoot, 'test', 'vscode', 'multiroot'), root, { recursive: true });
  return path.join(root, MULTI_ROOT_WORKSPACE_FILE);
}

export const MULTI_ROOT_WORKSPACE_FILE = 'newsdesk.code-workspace';

export type { Browser, Page };
