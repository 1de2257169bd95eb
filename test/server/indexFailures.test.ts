// Files that cannot be analysed during workspace indexing (issue 4: bad input gets a clear
// message and loses nothing). The failure is real, not simulated: a copy of the built
// server bundle in a folder without models/ beside or above it, as when dist/server is
// copied on its own, so that every analysis throws. Each file stays in the index with one
// finding that says why; the run logs the count and the first error with its stack, and
// shows one warning, not one per file.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol/node';
import { analyzeWorkspaceRequest } from '../../protocol/requests';
import { ensureBuilt, SERVER_JS, TestClient } from './lspClient';

const uriOf = (file: string): string => pathToFileURL(file).href;

const ARTICLE = 'Harbour plan approved\n\nThe council approved the $24 million plan on Monday, said Maria Keller, the mayor.\n';

/** The folder of a server bundle copied without models/: no folder above tmpdir() has them. */
function bundleWithoutModels(root: string): string {
  const dir = path.join(root, 'server-without-models');
  mkdirSync(dir);
  const copy = path.join(dir, 'server.js');
  copyFileSync(SERVER_JS, copy);
  for (let at = dir; path.dirname(at) !== at; at = path.dirname(at)) {
    assert.equal(existsSync(path.join(at, 'models')), false, `models/ found above the copy at ${at}`);
  }
  return copy;
}

async function start(folder: string, settings: Record<string, unknown>, serverJs?: string): Promise<TestClient> {
  const client = new TestClient(['--stdio'], { serverJs });
  client.settings = settings;
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
    workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

const failureLogs = (client: TestClient): string[] => client.logs.filter((line) => /could not analyse/.test(line));

describe('workspace indexing: files that cannot be analysed', function () {
  this.timeout(60_000);
  let root: string;
  let articles: string;
  let serverJs: string;
  const names = ['budget.txt', 'ferry.md', 'harbour.txt'];

  before(() => {
    ensureBuilt();
    root = mkdtempSync(path.join(tmpdir(), 'claimlens-fail-'));
    serverJs = bundleWithoutModels(root);
    articles = path.join(root, 'articles');
    mkdirSync(articles);
    for (const name of names) writeFileSync(path.join(articles, name), ARTICLE);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('keeps every file with one finding that says why, logs the count and the first error with its stack, and warns once per run', async () => {
    const client = await start(articles, { workspace: { diagnostics: 'workspace' } }, serverJs);
    try {
      for (const name of names) {
        const diagnostics = await client.waitForDiagnostics(uriOf(path.join(articles, name)), (d) => d.length > 0);
        assert.equal(diagnostics.length, 1, name);
        assert.equal(diagnostics[0].code, 'analysis-failed');
        assert.equal(diagnostics[0].severity, 2, 'a warning');
        assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
        assert.match(diagnostics[0].message, /^ClaimLens could not analyse this file: ClaimLens model file models\/\S+ was not found/);
      }
      await client.waitFor(() => client.shownMessages.length > 0 && failureLogs(client).length > 0, 'the warning and the log line');
      assert.deepEqual(client.shownMessages, [{ type: 2, message: 'ClaimLens could not analyse 3 of 3 files; see the ClaimLens output for details.' }]);
      const [logged] = failureLogs(client);
      assert.match(logged, /indexing: could not analyse 3 of 3 files \(3 failed to analyse\)/);
      assert.match(logged, /First analysis failure, file:\/\/\S+\.(txt|md): Error: ClaimLens model file models\//);
      assert.match(logged, /\n\s+at /, 'with the stack');
      await client.waitFor(() => client.indexStatus.at(-1)?.indexing === false, 'the index idle');
      const status = client.indexStatus.at(-1)!;
      assert.equal(status.files, 3, 'all three stay in the index');
      assert.equal(status.findings, 3);

      // A second run tries them again (the cause may be gone) and tells it once more: one warning per run.
      const again = await client.connection.sendRequest(analyzeWorkspaceRequest, {});
      assert.deepEqual({ files: again.files, analysed: again.analysed, failed: again.failed }, { files: 3, analysed: 0, failed: 3 });
      await client.waitFor(() => client.shownMessages.length === 2, 'the second run’s warning');
      assert.equal(failureLogs(client).length, 2);

      // A changed file that fails is logged, not shown; a deleted one leaves without a word.
      writeFileSync(path.join(articles, 'new.txt'), ARTICLE);
      rmSync(path.join(articles, 'ferry.md'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: uriOf(path.join(articles, 'new.txt')), type: FileChangeType.Created },
          { uri: uriOf(path.join(articles, 'ferry.md')), type: FileChangeType.Deleted },
        ],
      });
      await client.waitForDiagnostics(uriOf(path.join(articles, 'new.txt')), (d) => d.length === 1 && d[0].code === 'analysis-failed');
      await client.waitForDiagnostics(uriOf(path.join(articles, 'ferry.md')), (d) => d.length === 0);
      await client.waitFor(() => failureLogs(client).length === 3, 'the changed file’s log line');
      assert.match(failureLogs(client)[2], /indexing changed files: could not analyse 1 of 1 file \(1 failed to analyse\)/);
      assert.equal(client.shownMessages.length, 2);

      // Opened in the editor, its analysis fails too: the editor says so, with the document's version.
      const harbour = uriOf(path.join(articles, 'harbour.txt'));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: harbour, languageId: 'plaintext', version: 7, text: ARTICLE },
      });
      const open = await client.waitForDiagnostics(harbour, (_d, params) => params.version === 7);
      assert.deepEqual(open.map((d) => d.code), ['analysis-failed']);
      assert.match(open[0].message, /^ClaimLens could not analyse this file: .*model file/);
    } finally {
      client.kill();
    }
  });

  it('takes the finding’s severity from claimlens.severity, like every other code', async () => {
    const client = await start(articles, { workspace: { diagnostics: 'workspace' }, severity: { 'analysis-failed': 'error' } }, serverJs);
    try {
      const [diagnostic] = await client.waitForDiagnostics(uriOf(path.join(articles, 'budget.txt')), (d) => d.length > 0);
      assert.equal(diagnostic.code, 'analysis-failed');
      assert.equal(diagnostic.severity, 1, 'an error, as set');
    } finally {
      client.kill();
    }
  });

  it('says so for a path it cannot read (a directory), and drops a file that is gone without a word', async () => {
    const folder = path.join(root, 'readable');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'harbour.txt'), 'Harbour jobs\n\nAbout 40% of the 1,200 jobs are seasonal.\n');
    const client = await start(folder, { workspace: { diagnostics: 'workspace' } });
    try {
      const harbour = uriOf(path.join(folder, 'harbour.txt'));
      await client.waitForDiagnostics(harbour, (d) => d.some((x) => x.code === 'unsourced-figure'));
      await client.waitFor(() => client.indexStatus.at(-1)?.indexing === false, 'the index idle');
      assert.equal(client.shownMessages.length, 0, 'nothing failed');
      assert.equal(failureLogs(client).length, 0);
      // A folder whose name matches the include globs, reported as a created file.
      const directory = path.join(folder, 'looks-like-an-article.txt');
      mkdirSync(directory);
      const gone = path.join(folder, 'gone.txt');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: uriOf(directory), type: FileChangeType.Created },
          { uri: uriOf(gone), type: FileChangeType.Created },
        ],
      });
      const [diagnostic] = await client.waitForDiagnostics(uriOf(directory), (d) => d.length > 0);
      assert.equal(diagnostic.code, 'analysis-failed');
      assert.equal(diagnostic.message, 'ClaimLens could not read this file (is a directory), so it did not analyse it.');
      await client.waitFor(() => failureLogs(client).length === 1, 'the log line');
      assert.match(failureLogs(client)[0], /could not analyse 1 of 2 files \(1 could not be read\)/);
      assert.match(failureLogs(client)[0], /First read failure, \S+looks-like-an-article\.txt: is a directory \(EISDIR\)/);
      assert.equal(client.diagnostics.has(uriOf(gone)), false, 'no word about a file that is not there');
      assert.equal(client.shownMessages.length, 0, 'a changed file is logged, not shown');
    } finally {
      client.kill();
    }
  });
});
