// Runs the extension's tests (test/vscode/suite) inside a real VS Code with `runTests` of
// @vscode/test-electron. Where desktop VS Code can be downloaded it runs as usual; where
// it cannot (no network but the npm registry), `runTests` gets our executable instead,
// which runs the same tests in code-server's workbench through headless Chromium.
//
// CLAIMLENS_VSCODE=desktop | code-server forces one; unset, desktop is used only when
// its download service answers and there is a display to show it on.
//
// Two runs, each in a fresh VS Code: the single-folder fixture (test/vscode/workspace,
// suite/*.test.ts) and the multi-root workspace (test/vscode/multiroot,
// suite/multiroot/*.test.ts). CLAIMLENS_VSCODE_RUNS=single or =multiroot runs one.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { chromiumPath, prepareMultiRootWorkspace, prepareWorkspace, repoRoot, scratchDir } from './codeServer';

const underCi = /^(1|true)$/i.test(process.env.CI ?? '');

function canReachDesktopDownload(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = https.request(
      'https://update.code.visualstudio.com/api/releases/stable',
      { method: 'HEAD', timeout: 5000 },
      (response) => {
        response.resume();
        resolve((response.statusCode ?? 500) < 400);
      },
    );
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
    request.end();
  });
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function chooseMode(): Promise<'desktop' | 'code-server'> {
  const forced = process.env.CLAIMLENS_VSCODE;
  if (forced === 'desktop' || forced === 'code-server') {
    return forced;
  }
  if (forced) {
    throw new Error(`CLAIMLENS_VSCODE must be "desktop" or "code-server", not "${forced}"`);
  }
  return hasDisplay() && (await canReachDesktopDownload()) ? 'desktop' : 'code-server';
}

/** Installs code-server into its cache when needed; returns its path, or why it is missing. */
function setUpCodeServer(): { path?: string; problem?: string } {
  const executable = path.join(repoRoot, 'scripts', 'setup-code-server.sh');
  try {
    const output = execFileSync('bash', [executable], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = output.trim().split('\n');
    return { path: lines[lines.length - 1] };
  } catch (error) {
    return { problem: `scripts/setup-code-server.sh failed: ${(error as Error).message}` };
  }
}

interface SuiteRun {
  name: 'single' | 'multiroot';
  /** What VS Code opens: a folder, or a `.code-workspace` file. */
  prepare(scratch: string): string;
  /** The mocha runner (index.js) of the run's tests. */
  testsPath: string;
}

const RUNS: SuiteRun[] = [
  { name: 'single', prepare: prepareWorkspace, testsPath: path.join(__dirname, 'suite', 'index') },
  { name: 'multiroot', prepare: prepareMultiRootWorkspace, testsPath: path.join(__dirname, 'suite', 'multiroot', 'index') },
];

function selectedRuns(): SuiteRun[] {
  const wanted = process.env.CLAIMLENS_VSCODE_RUNS;
  if (!wanted) return RUNS;
  const names = wanted.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !RUNS.some((run) => run.name === name));
  if (unknown.length) throw new Error(`CLAIMLENS_VSCODE_RUNS: unknown run(s) ${unknown.join(', ')}; runs are ${RUNS.map((run) => run.name).join(', ')}`);
  return RUNS.filter((run) => names.includes(run.name));
}

/** Where a run's workbench logs go when it fails (the shim writes them). */
function logDirFor(run: SuiteRun): string {
  const base = path.resolve(process.env.CLAIMLENS_VSCODE_LOG_DIR || path.join(repoRoot, 'test-results', 'vscode-logs'));
  return run.name === 'single' ? base : path.join(base, run.name);
}

async function main(): Promise<number> {
  const extensionDevelopmentPath = repoRoot;
  const bundle = path.join(repoRoot, 'dist', 'client', 'extension.js');
  if (!fs.existsSync(bundle)) {
    console.error(`ERROR: ${bundle} is missing; run "node scripts/build.mjs" first`);
    return 1;
  }
  const runs = selectedRuns();
  const mode = await chooseMode();
  let codeServerPath: string | undefined;
  if (mode === 'desktop') {
    console.log('Real VS Code tests: desktop VS Code (downloaded by @vscode/test-electron)');
  } else {
    const problems: string[] = [];
    if (!fs.existsSync(chromiumPath())) {
      problems.push(`Chromium not found at ${chromiumPath()} (apt-get install --no-install-recommends chromium)`);
    }
    const codeServer = problems.length ? {} : setUpCodeServer();
    if (codeServer.problem) {
      problems.push(codeServer.problem);
    }
    if (problems.length || !codeServer.path) {
      const reason = problems.join('; ');
      if (underCi) {
        console.error(`ERROR: the real VS Code tests cannot run under CI: ${reason}`);
        return 1;
      }
      console.warn(`WARNING: real VS Code tests SKIPPED (not under CI): ${reason}`);
      return 0;
    }
    codeServerPath = codeServer.path;
    console.log(`Real VS Code tests: code-server at ${codeServerPath} + ${chromiumPath()}`);
  }
  let failed = 0;
  for (const run of runs) {
    console.log(`\nReal VS Code run "${run.name}"`);
    const code = await runOne(run, extensionDevelopmentPath, codeServerPath);
    if (code !== 0) {
      console.error(`Real VS Code run "${run.name}" failed (exit ${code})`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

/** One run in a fresh VS Code (desktop when `codeServerPath` is undefined); its exit code. */
async function runOne(run: SuiteRun, extensionDevelopmentPath: string, codeServerPath: string | undefined): Promise<number> {
  const scratch = scratchDir(`claimlens-vscode-test-${run.name}-`);
  try {
    const workspace = run.prepare(scratch.dir);
    const launchArgs = [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way
      `--user-data-dir=${path.join(scratch.dir, 'user-data')}`,
      `--extensions-dir=${path.join(scratch.dir, 'extensions')}`,
    ];
    const extensionTestsEnv: Record<string, string> = { CLAIMLENS_TEST_WORKSPACE: workspace };
    const extensionTestsPath = run.testsPath;
    if (codeServerPath === undefined) {
      return await runTests({ extensionDevelopmentPath, extensionTestsPath, launchArgs, extensionTestsEnv });
    }
    return await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'test', 'vscode', 'bin', 'code-server-as-vscode'),
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
      extensionTestsEnv: { ...extensionTestsEnv, CLAIMLENS_CODE_SERVER: codeServerPath, CLAIMLENS_VSCODE_LOG_DIR: logDirFor(run) },
    });
  } catch (error) {
    // runTests rejects when the tests fail; its exit code is already printed.
    console.error(`Real VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    scratch.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
