// Runs the extension's tests (test/vscode/suite) inside a real VS Code with `runTests` of
// @vscode/test-electron. Where desktop VS Code can be downloaded it runs as usual; where
// it cannot (no network but the npm registry), `runTests` gets our executable instead,
// which runs the same tests in code-server's workbench through headless Chromium.
//
// CLAIMLENS_VSCODE=desktop | code-server forces one; unset, desktop is used only when
// its download service answers and there is a display to show it on.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { chromiumPath, prepareWorkspace, repoRoot, scratchDir } from './codeServer';

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

async function main(): Promise<number> {
  const extensionDevelopmentPath = repoRoot;
  const extensionTestsPath = path.join(__dirname, 'suite', 'index');
  const bundle = path.join(repoRoot, 'dist', 'client', 'extension.js');
  if (!fs.existsSync(bundle)) {
    console.error(`ERROR: ${bundle} is missing; run "node scripts/build.mjs" first`);
    return 1;
  }
  const mode = await chooseMode();
  const scratch = scratchDir('claimlens-vscode-test-');
  try {
    const workspace = prepareWorkspace(scratch.dir);
    const launchArgs = [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way
      `--user-data-dir=${path.join(scratch.dir, 'user-data')}`,
      `--extensions-dir=${path.join(scratch.dir, 'extensions')}`,
    ];
    const extensionTestsEnv = { CLAIMLENS_TEST_WORKSPACE: workspace };
    if (mode === 'desktop') {
      console.log('Real VS Code tests: desktop VS Code (downloaded by @vscode/test-electron)');
      return await runTests({ extensionDevelopmentPath, extensionTestsPath, launchArgs, extensionTestsEnv });
    }

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
    console.log(`Real VS Code tests: code-server at ${codeServer.path} + ${chromiumPath()}`);
    return await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'test', 'vscode', 'bin', 'code-server-as-vscode'),
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
      extensionTestsEnv: { ...extensionTestsEnv, CLAIMLENS_CODE_SERVER: codeServer.path },
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
