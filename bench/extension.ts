// The extension as shipped: size of the .vsix, and activation time when a VS Code
// harness has left an extension-host log that records it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface PackageResult {
  bytes?: number;
  file?: string;
  /** "built now" or "existing file from <date>". */
  note?: string;
  na?: string;
}

/** Measures root/claimlens.vsix, packaging it first (`npm run package`) when it does not exist. */
export function measurePackage(root: string, log: (message: string) => void): PackageResult {
  const file = path.join(root, 'claimlens.vsix');
  if (fs.existsSync(file)) {
    const stat = fs.statSync(file);
    return { bytes: stat.size, file, note: `existing file from ${stat.mtime.toISOString()}` };
  }
  log('packaging the extension (npm run package)…');
  const run = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (run.status !== 0 || !fs.existsSync(file)) {
    const output = `${run.stderr ?? ''}\n${run.stdout ?? ''}`;
    const reason = output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /error|ERROR|✘|not found|Could not|missing/i.test(l))
      .slice(0, 2)
      .join(' / ');
    return { na: `n/a (npm run package failed${run.error ? `: ${run.error.message}` : ''}${reason ? `: ${reason.slice(0, 300)}` : ''})` };
  }
  return { bytes: fs.statSync(file).size, file, note: 'built now by npm run package' };
}

export interface ActivationResult {
  ms?: number;
  source?: string;
  na?: string;
}

const LOG_ROOTS = ['test/vscode', '.vscode-test', 'test-results', '.cache'];
/** An extension-host log line naming our extension's activation with a duration. */
const ACTIVATION_LINE = /claimlens\.claimlens\b[^\n]{0,200}?\b(\d+(?:\.\d+)?)\s?ms\b/;

function* logFiles(dir: string, depth: number): Generator<string> {
  if (depth < 0) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'extensions') continue;
      yield* logFiles(full, depth - 1);
    } else if (/exthost.*\.log$|extensionHost.*\.log$|activation.*\.(log|json)$/i.test(entry.name)) {
      yield full;
    }
  }
}

/** Looks for the most recent activation time in the logs a VS Code test harness leaves behind. */
export function measureActivation(root: string): ActivationResult {
  let best: { ms: number; source: string; mtime: number } | undefined;
  let searched = 0;
  for (const base of LOG_ROOTS) {
    for (const file of logFiles(path.join(root, base), 8)) {
      searched++;
      let text: string;
      let mtime: number;
      try {
        const stat = fs.statSync(file);
        if (stat.size > 20 * 1024 * 1024) continue;
        mtime = stat.mtimeMs;
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      let ms: number | undefined;
      if (file.endsWith('.json')) {
        try {
          const value = (JSON.parse(text) as { activationMs?: unknown }).activationMs;
          if (typeof value === 'number') ms = value;
        } catch {
          // Not ours.
        }
      } else {
        const match = ACTIVATION_LINE.exec(text);
        if (match) ms = Number(match[1]);
      }
      if (ms !== undefined && (!best || mtime > best.mtime)) best = { ms, source: path.relative(root, file), mtime };
    }
  }
  if (best) return { ms: best.ms, source: best.source };
  return {
    na:
      searched === 0
        ? 'n/a (the VS Code harness leaves no activation record: no test-results/activation.json {"activationMs"} nor an extension-host log line with claimlens activation ms)'
        : `n/a (${searched} extension-host log(s) found, none records claimlens activation time)`,
  };
}
