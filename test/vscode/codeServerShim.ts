// Stands in for the VS Code executable that `runTests` of @vscode/test-electron launches:
// takes the same command-line arguments, runs the extension's tests in code-server's
// real workbench through headless Chromium, relays their output, and exits with their
// exit code. Started through test/vscode/bin/code-server-as-vscode.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import {
  defaultCodeServerPath,
  isWorkspaceFile,
  launchChromium,
  repoRoot,
  RunningCodeServer,
  scratchDir,
  startCodeServer,
  workbenchUrl,
  Browser,
} from './codeServer';

interface VsCodeArgs {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

const valueFlags: Record<string, keyof VsCodeArgs> = {
  '--extensionDevelopmentPath': 'extensionDevelopmentPath',
  '--extensionTestsPath': 'extensionTestsPath',
  '--user-data-dir': 'userDataDir',
  '--extensions-dir': 'extensionsDir',
};

export function parseVsCodeArgs(argv: string[]): VsCodeArgs {
  const parsed: VsCodeArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const key = valueFlags[flag];
    if (key) {
      parsed[key] = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    } else if (!arg.startsWith('-')) {
      parsed.folder = arg;
    }
    // Other flags (--no-sandbox, --disable-updates, --disable-extensions, …) concern the
    // desktop app only.
  }
  return parsed;
}

const timeoutMs = Number(process.env.CLAIMLENS_VSCODE_TIMEOUT_MS || 10 * 60_000);
const verbose = process.env.CLAIMLENS_VSCODE_VERBOSE === '1';

/** The workbench's own chatter, which would bury the tests' output (shown when verbose). */
const workbenchNoise = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Creation of workbench contribution/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /ENOTFOUND open-vsx\.org/, // the marketplace: unreachable by design
  /vsda/,
];

/** Where logs go when the tests fail (CI can keep this folder as an artifact). */
function logDir(): string {
  return path.resolve(process.env.CLAIMLENS_VSCODE_LOG_DIR || path.join(repoRoot, 'test-results', 'vscode-logs'));
}

function isWorkbenchNoise(line: string): boolean {
  return workbenchNoise.some((pattern) => pattern.test(line));
}

async function main(): Promise<number> {
  const args = parseVsCodeArgs(process.argv.slice(2));
  if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
    console.error('code-server shim: --extensionDevelopmentPath and --extensionTestsPath are required');
    return 2;
  }
  fs.rmSync(logDir(), { recursive: true, force: true }); // only this run's logs
  const scratch = scratchDir('claimlens-code-server-');
  const userDataDir = args.userDataDir ?? path.join(scratch.dir, 'user-data');
  const extensionsDir = args.extensionsDir ?? path.join(scratch.dir, 'extensions');
  const folder = args.folder ?? path.join(scratch.dir, 'empty-folder');
  if (!isWorkspaceFile(folder)) fs.mkdirSync(folder, { recursive: true });
  const logFile = path.join(scratch.dir, 'code-server.log');
  const codeServerPath = process.env.CLAIMLENS_CODE_SERVER || defaultCodeServerPath();

  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let finished = false;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`code-server shim: ${signal}, stopping`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const started = Date.now();
    server = await startCodeServer({ codeServerPath, userDataDir, extensionsDir, logFile });
    const serverUp = Date.now();
    browser = await launchChromium();
    if (verbose) {
      console.error(`code-server shim: code-server up in ${serverUp - started} ms, Chromium in ${Date.now() - serverUp} ms`);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    const exitCode = new Promise<number>((resolve) => {
      // The workbench calls these in automation runs; they must exist before it loads.
      void page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
        // Arguments as console.log took them: mocha's reporter passes printf-style formats.
        const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
        if (verbose || !isWorkbenchNoise(line)) {
          (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
        }
      });
      void page.exposeFunction(
        'codeAutomationExit',
        (code: number, logs?: { relativePath: string; contents: string }[]) => {
          if (code !== 0 && Array.isArray(logs)) {
            for (const entry of logs) {
              const target = path.join(logDir(), path.normalize(entry.relativePath).replace(/^(\.\.[/\\])+/, ''));
              fs.mkdirSync(path.dirname(target), { recursive: true });
              fs.writeFileSync(target, entry.contents);
            }
            console.error(`code-server shim: workbench logs written to ${logDir()}`);
          }
          resolve(code);
        },
      );
    });
    if (verbose) {
      page.on('console', (message) => console.error(`[workbench ${message.type()}] ${message.text()}`));
    }
    page.on('pageerror', (error) => {
      if (verbose || !isWorkbenchNoise(error.message)) {
        console.error(`[workbench page error] ${error.message}`);
      }
    });

    const url = workbenchUrl(server, folder, args.extensionDevelopmentPath, args.extensionTestsPath);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    if (verbose) {
      console.error(`code-server shim: workbench opened in ${Date.now() - started} ms: ${url}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`code-server shim: no exit code from the workbench within ${timeoutMs} ms`);
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
        console.error(`code-server log (last lines):\n${tail}`);
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exitCode, timedOut]);
    clearTimeout(timer);
    finished = true;
    if (code !== 0) {
      // The extension host and its output channels (the language server's too) log on the server side.
      const serverLogs = path.join(logDir(), 'server');
      fs.mkdirSync(serverLogs, { recursive: true });
      fs.cpSync(path.join(userDataDir, 'logs'), serverLogs, { recursive: true });
      fs.copyFileSync(logFile, path.join(serverLogs, 'code-server.log'));
      console.error(`code-server shim: extension host logs written to ${serverLogs}`);
    }
    return code;
  } catch (error) {
    console.error(`code-server shim: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanup();
    if (finished || !verbose) {
      scratch.remove();
    }
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
