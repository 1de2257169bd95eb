// analyzeFile and analyzeFileSync tell a file that is gone (dropped without a word) from one
// that cannot be read (EISDIR, EACCES: one finding says so) and from one whose analysis
// throws (one finding, and the error with its stack for the log). The analysis failure is
// real: the compiled modules run, in a child process, from a copy of out/ whose models/
// holds the JSON metadata but not the model bytes, as an incomplete installation would.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ANALYSIS_FAILED } from '../../server/src/common/limits';
import { analyzeFile, analyzeFileSync, isGone, type AnalyzeFileResult, type AnalyzeFileTask } from '../../server/src/workspace/analyzeFile';
import { IndexFailures } from '../../server/src/workspace/failures';
import { storedFindings } from '../../server/src/workspace/summary';
import { REPO_ROOT } from './lspClient';

const ARTICLE = 'Harbour jobs\n\nAbout 40% of the 1,200 jobs are seasonal.\n';

function taskFor(file: string, id = 1): AnalyzeFileTask {
  return { id, uri: pathToFileURL(file).href, path: file, languageId: 'plaintext', maxFileSize: 1_000_000 };
}

/** The result with its summary's findings decoded. */
function readable(result: AnalyzeFileResult) {
  const { summary, ...rest } = result;
  return { ...rest, findings: summary ? storedFindings(summary) : undefined };
}

describe('analyzeFile: gone, unreadable, analysis failed', function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'claimlens-analyze-file-'));
    writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
    mkdirSync(path.join(dir, 'folder.txt'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, run] of [
    ['analyzeFile', analyzeFile],
    ['analyzeFileSync', (task: AnalyzeFileTask) => Promise.resolve(analyzeFileSync(task))],
  ] as const) {
    it(`${name}: a readable article is analysed; a missing file is gone, with no summary and no failure`, async () => {
      const ok = readable(await run(taskFor(path.join(dir, 'article.txt'))));
      assert.equal(ok.failure, undefined);
      assert.equal(ok.error, undefined);
      assert.ok(ok.findings!.every((finding) => finding.code !== ANALYSIS_FAILED));
      assert.equal(ok.size, Buffer.byteLength(ARTICLE));
      const gone = await run(taskFor(path.join(dir, 'missing.txt')));
      assert.equal(gone.summary, undefined);
      assert.equal(gone.failure, undefined);
      assert.match(gone.error ?? '', /ENOENT/);
      const underAFile = await run(taskFor(path.join(dir, 'article.txt', 'below.txt')));
      assert.equal(underAFile.summary, undefined, 'ENOTDIR: a path component is no longer a folder');
      assert.equal(underAFile.failure, undefined);
    });

    it(`${name}: a path it cannot read keeps one finding that says so`, async () => {
      const result = readable(await run(taskFor(path.join(dir, 'folder.txt'))));
      assert.equal(result.error, undefined);
      assert.deepEqual(result.failure, { stage: 'read', message: 'is a directory', code: 'EISDIR' });
      assert.deepEqual(result.findings, [
        {
          code: ANALYSIS_FAILED,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: 'ClaimLens could not read this file (is a directory), so it did not analyse it.',
          severity: 'warning',
          data: { stage: 'read' },
        },
      ]);
    });
  }

  it('isGone: ENOENT and ENOTDIR only', () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    assert.equal(isGone(withCode('ENOENT')), true);
    assert.equal(isGone(withCode('ENOTDIR')), true);
    assert.equal(isGone(withCode('EACCES')), false);
    assert.equal(isGone(withCode('EISDIR')), false);
    assert.equal(isGone(new Error('boom')), false);
  });

  it('an analysis that throws keeps one finding and the error with its stack: both functions and the pool’s in-process path', () => {
    // out/ without the model bytes (models/*.bin): the core throws when it first needs them.
    const copy = path.join(dir, 'install');
    const compiled = path.join(REPO_ROOT, 'out');
    for (const part of ['server', 'protocol']) cpSync(path.join(compiled, part), path.join(copy, 'out', part), { recursive: true });
    mkdirSync(path.join(copy, 'out', 'models'));
    for (const file of readdirSync(path.join(compiled, 'models')).filter((name) => name.endsWith('.json'))) {
      cpSync(path.join(compiled, 'models', file), path.join(copy, 'out', 'models', file));
    }
    const workspace = path.join(copy, 'out', 'server', 'src', 'workspace');
    const script = path.join(copy, 'run.js');
    writeFileSync(
      script,
      `const { analyzeFile, analyzeFileSync } = require(${JSON.stringify(path.join(workspace, 'analyzeFile.js'))});
const { WorkerPool } = require(${JSON.stringify(path.join(workspace, 'pool.js'))});
const { storedFindings } = require(${JSON.stringify(path.join(workspace, 'summary.js'))});
const task = JSON.parse(process.argv[2]);
const shown = ({ summary, ...rest }) => ({ ...rest, findings: summary && storedFindings(summary) });
(async () => {
  // No worker script (''): the pool analyses in-process, as the server run from sources does.
  const pool = new WorkerPool(1, '', () => undefined, () => undefined);
  const results = [await analyzeFile(task), analyzeFileSync(task), await pool.run(task)];
  pool.dispose();
  process.stdout.write(JSON.stringify(results.map(shown)));
})();
`,
    );
    const task = taskFor(path.join(dir, 'article.txt'));
    const output = execFileSync(process.execPath, [script, JSON.stringify(task)], {
      env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
      encoding: 'utf8',
    });
    const results = JSON.parse(output) as ReturnType<typeof readable>[];
    assert.equal(results.length, 3);
    for (const result of results) {
      assert.equal(result.error, undefined);
      assert.equal(result.failure?.stage, 'analysis');
      assert.match(result.failure!.message, /^ClaimLens model file models\/\S+\.bin was not found/);
      assert.match(result.failure!.stack ?? '', /\n\s+at /);
      assert.equal(result.size, Buffer.byteLength(ARTICLE), 'the file was read');
      assert.equal(result.findings?.length, 1);
      assert.equal(result.findings![0].code, ANALYSIS_FAILED);
      assert.equal(result.findings![0].severity, 'warning');
      assert.match(result.findings![0].message, /^ClaimLens could not analyse this file: ClaimLens model file .* \(rebuild, or reinstall the extension\)\. This is a bug/);
    }
  });
});

describe('IndexFailures: told once per run', () => {
  it('counts both kinds, and keeps the first failure of each for the log', () => {
    const failures = new IndexFailures();
    assert.equal(failures.logMessage(10), undefined);
    assert.equal(failures.warningMessage(10), undefined);
    failures.add('file:///a.txt', { stage: 'read', message: 'permission denied', code: 'EACCES' });
    failures.add('file:///b.txt', { stage: 'analysis', message: 'boom', stack: 'Error: boom\n    at here' });
    failures.add('file:///c.txt', { stage: 'analysis', message: 'second', stack: 'Error: second\n    at there' });
    assert.equal(failures.count, 3);
    assert.equal(failures.warningMessage(1200), 'ClaimLens could not analyse 3 of 1,200 files; see the ClaimLens output for details.');
    assert.equal(
      failures.logMessage(1200),
      'indexing: could not analyse 3 of 1,200 files (2 failed to analyse, 1 could not be read).\n' +
        'First analysis failure, file:///b.txt: Error: boom\n    at here\n' +
        'First read failure, file:///a.txt: permission denied (EACCES)',
    );
  });
});
