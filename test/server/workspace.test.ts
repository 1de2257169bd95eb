// Workspace indexing over the real protocol (issue 4): the built server indexes two folders
// of articles we wrote, without opening them; the watcher, scopes, filters, workspace
// symbols, references, definitions, cancellation and the diagnostics setting.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  ReferencesRequest,
  WorkDoneProgressCancelNotification,
  WorkspaceSymbolRequest,
  type Location,
  type Position,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { analyzeWorkspaceRequest, workspaceClaimsRequest, type WorkspaceClaimsParams } from '../../protocol/requests';
import { ensureBuilt, REPO_ROOT, TestClient } from './lspClient';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** A temporary copy of both fixture folders, plus the files .gitignore hides (they cannot
 * be committed, being ignored). */
function copyFixtures(): { root: string; a: string; b: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'claimlens-ws-'));
  const a = path.join(root, 'workspace-a');
  const b = path.join(root, 'workspace-b');
  cpSync(path.join(FIXTURES, 'workspace-a'), a, { recursive: true });
  cpSync(path.join(FIXTURES, 'workspace-b'), b, { recursive: true });
  mkdirSync(path.join(a, 'drafts'), { recursive: true });
  writeFileSync(path.join(a, 'drafts', 'unpublished.txt'), 'Unpublished draft\n\nMaria Keller said the draft would never run.\n');
  writeFileSync(path.join(a, 'city', 'scratch-notes.txt'), 'Scratch notes\n\nMaria Keller said 90 percent of this is a draft.\n');
  mkdirSync(path.join(a, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(a, 'node_modules', 'pkg', 'README.md'), 'Maria Keller said 12 things.\n');
  return { root, a, b };
}

/** Polls `probe` until `accept` holds for its answer (the watcher works asynchronously). */
async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  let value = await probe();
  for (let i = 0; i < 100 && !accept(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  assert.ok(accept(value), `${what}: ${JSON.stringify(value)}`);
  return value;
}

const uriOf = (file: string): string => pathToFileURL(file).href;

function positionOf(file: string, needle: string, nth = 0): Position {
  const text = readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" in ${file}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function startServer(folders: string[], settings: Record<string, unknown>, sections: Record<string, unknown> = {}): Promise<TestClient> {
  const client = new TestClient();
  client.settings = settings;
  client.sections = sections;
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    },
    workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

/** Waits until a run has ended and the index says it is idle. */
async function indexed(client: TestClient, runs = 1): Promise<void> {
  await client.waitFor(
    () =>
      client.progress.filter((p) => p.ended).length >= runs &&
      client.indexStatus.length > 0 &&
      !client.indexStatus[client.indexStatus.length - 1].indexing,
    'the end of indexing',
    20_000,
  );
}

describe('workspace indexing over stdio', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dirs: { root: string; a: string; b: string };
  let harbour: string;
  let budget: string;
  let ferry: string;

  const claims = (params: WorkspaceClaimsParams) => client.connection.sendRequest(workspaceClaimsRequest, params);
  const names = (uris: string[]) => uris.map((uri) => path.basename(new URL(uri).pathname)).sort();

  before(async () => {
    ensureBuilt();
    dirs = copyFixtures();
    harbour = path.join(dirs.a, 'harbour-dredging.txt');
    budget = path.join(dirs.a, 'city', 'budget-vote.md');
    ferry = path.join(dirs.b, 'ferry-strike.news');
    client = await startServer([dirs.a, dirs.b], {}, { files: { exclude: { '**/archive': true, '**/other': false } } });
    await indexed(client);
  });

  after(() => {
    client?.kill();
    if (dirs) rmSync(dirs.root, { recursive: true, force: true });
  });

  it('indexes the matching files of both folders on start, with a cancellable progress and an index status', async () => {
    const result = await claims({ scope: 'workspace' });
    // Not: notes.json (not included), archive/ (files.exclude), drafts/ (.gitignore),
    // city/scratch-*.txt (nested .gitignore), node_modules (exclude setting).
    assert.deepEqual(names(result.documents.map((d) => d.uri)), ['budget-vote.md', 'ferry-strike.news', 'harbour-dredging.txt']);
    const run = client.progress.find((p) => p.ended)!;
    assert.match(run.title ?? '', /Indexing workspace/);
    assert.equal(run.cancellable, true);
    assert.ok(run.messages.some((m) => /^Analysing \d+ of 3 articles$/.test(m)), run.messages.join('; '));
    const status = client.indexStatus[client.indexStatus.length - 1];
    assert.equal(status.files, 3);
    assert.equal(status.done, 3);
    assert.equal(status.claims, result.total);
    assert.ok(status.findings >= 3);
    // The watcher was registered for the include globs.
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
  });

  it('scopes and filters claims on the server', async () => {
    const all = await claims({ scope: 'workspace' });
    const unsourcedStats = await claims({ scope: 'workspace', filter: { kinds: ['statistic'], sourced: false } });
    const texts = unsourcedStats.documents.flatMap((d) => d.claims.map((c) => c.text)).sort();
    assert.equal(texts.length, 3);
    assert.ok(texts.some((t) => t.includes('$12 million')));
    assert.ok(texts.some((t) => t.includes('40%')));
    assert.ok(texts.some((t) => t.includes('2,000')));
    for (const document of unsourcedStats.documents) for (const claim of document.claims) assert.equal(claim.sourced, false);

    const byText = await claims({ scope: 'workspace', filter: { text: 'CHANNEL' } });
    assert.equal(byText.total, 1);
    assert.deepEqual(names(byText.documents.map((d) => d.uri)), ['harbour-dredging.txt']);

    const bySpeaker = await claims({ scope: 'workspace', filter: { speaker: 'Maria Keller', kinds: ['quote'] } });
    assert.ok(bySpeaker.total >= 2, JSON.stringify(bySpeaker));
    for (const document of bySpeaker.documents) for (const claim of document.claims) assert.equal(claim.speaker, 'Maria Keller');

    const limited = await claims({ scope: 'workspace', limit: 2 });
    assert.equal(limited.total, all.total);
    assert.equal(limited.truncated, true);
    assert.equal(limited.documents.reduce((sum, d) => sum + d.claims.length, 0), 2);

    const one = await claims({ scope: 'document', uri: uriOf(budget) });
    assert.deepEqual(names(one.documents.map((d) => d.uri)), ['budget-vote.md']);
    assert.equal((await claims({ scope: 'open' })).total, 0);
  });

  it('answers from the open editor text over the disk, and falls back to disk on close', async () => {
    const uri = uriOf(budget);
    const text = readFileSync(budget, 'utf8').replace('Nearly 40% of the budget goes to roads.', 'Nearly 40% of the budget goes to roads, and 7% to parks.');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const open = await claims({ scope: 'open' });
    assert.deepEqual(names(open.documents.map((d) => d.uri)), ['budget-vote.md']);
    assert.ok(open.documents[0].claims.some((c) => c.text.includes('7% to parks')));
    const workspace = await claims({ scope: 'workspace', filter: { text: 'parks' } });
    assert.equal(workspace.total, 1);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitFor(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 'diagnostics cleared on close');
    const back = await claims({ scope: 'workspace', filter: { text: 'parks' } });
    assert.equal(back.total, 0);
    assert.equal((await claims({ scope: 'document', uri })).total, 2);
  });

  it('finds an entity in every article with workspace/symbol', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'kell' })) as SymbolInformation[];
    assert.deepEqual([...new Set(names(symbols.map((s) => s.location.uri)))], ['budget-vote.md', 'ferry-strike.news', 'harbour-dredging.txt']);
    const full = symbols.find((s) => s.location.uri === uriOf(harbour))!;
    assert.equal(full.name, 'Maria Keller');
    assert.deepEqual(full.location.range.start, positionOf(harbour, 'Maria Keller'));
    const none = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'zzqx' })) as SymbolInformation[];
    assert.deepEqual(none, []);
  });

  it('finds every mention of an entity across the workspace, with or without the declaration', async () => {
    const at = positionOf(ferry, 'Maria Keller');
    const all = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf(ferry) },
      position: { line: at.line, character: at.character + 2 },
      context: { includeDeclaration: true },
    })) as Location[];
    const key = (l: Location) => `${path.basename(l.uri)}:${l.range.start.line}:${l.range.start.character}`;
    const expected = [
      `budget-vote.md:${positionOf(budget, 'Keller').line}:${positionOf(budget, 'Keller').character}`,
      `ferry-strike.news:${at.line}:${at.character}`,
      `harbour-dredging.txt:${positionOf(harbour, 'Maria Keller').line}:${positionOf(harbour, 'Maria Keller').character}`,
      `harbour-dredging.txt:${positionOf(harbour, 'Keller said').line}:${positionOf(harbour, 'Keller said').character}`,
    ];
    assert.deepEqual(all.map(key).sort(), expected.sort());
    const withoutDeclaration = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf(ferry) },
      position: at,
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(withoutDeclaration.map(key).sort(), expected.filter((k) => !k.startsWith('ferry')).sort());
  });

  it('goes to the defining mention: here when the full name is here, else the first in the workspace', async () => {
    const local = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(harbour) },
      position: positionOf(harbour, 'Keller said'),
    })) as Location;
    assert.equal(local.uri, uriOf(harbour));
    assert.deepEqual(local.range.start, positionOf(harbour, 'Maria Keller'));
    const remote = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(budget) },
      position: positionOf(budget, 'Keller'),
    })) as Location;
    assert.equal(remote.uri, uriOf(harbour));
    assert.deepEqual(remote.range.start, positionOf(harbour, 'Maria Keller'));
    const nothing = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(budget) }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);
  });

  it('follows created, changed and deleted files through the watcher', async () => {
    const file = path.join(dirs.a, 'city', 'new-pier.txt');
    const uri = uriOf(file);
    writeFileSync(file, 'New pier opens\n\nThe new pier cost $3 million, Maria Keller said.\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
    await client.waitFor(() => client.indexStatus.at(-1)?.files === 4, 'four files indexed');
    let found = await claims({ scope: 'workspace', filter: { text: 'pier' } });
    assert.equal(found.total, 1);
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Maria Keller' })) as SymbolInformation[];
    assert.ok(symbols.some((s) => s.location.uri === uri));

    writeFileSync(file, 'New pier delayed\n\nAbout 80 workers will build the new pier.\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    await eventually(() => claims({ scope: 'workspace', filter: { text: 'workers' } }), (r) => r.total === 1, 'the changed text indexed');

    // Renamed: a delete and a create.
    const renamed = path.join(dirs.b, 'new-pier.txt');
    writeFileSync(renamed, readFileSync(file));
    unlinkSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri, type: FileChangeType.Deleted },
        { uri: uriOf(renamed), type: FileChangeType.Created },
      ],
    });
    found = await eventually(
      () => claims({ scope: 'workspace', filter: { text: 'workers' } }),
      (r) => r.documents.length === 1 && r.documents[0].uri === uriOf(renamed),
      'the renamed file indexed under its new name only',
    );
    await client.waitFor(() => client.indexStatus.at(-1)?.files === 4, 'four files after the rename');

    unlinkSync(renamed);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(renamed), type: FileChangeType.Deleted }] });
    await client.waitFor(() => client.indexStatus.at(-1)?.files === 3, 'three files again');
    assert.equal((await claims({ scope: 'workspace', filter: { text: 'workers' } })).total, 0);
    assert.equal(((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Keller' })) as SymbolInformation[]).some((s) => s.location.uri === uriOf(renamed)), false);

    // An ignored file is not indexed even when the watcher reports it.
    const ignored = path.join(dirs.a, 'drafts', 'another.txt');
    writeFileSync(ignored, 'Another draft\n\nAbout 50 people came.\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(ignored), type: FileChangeType.Created }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await claims({ scope: 'document', uri: uriOf(ignored) })).total, 0);
  });

  it('publishes problems for unopened files only with the "workspace" diagnostics setting', async () => {
    const uri = uriOf(harbour);
    assert.equal(client.diagnostics.has(uri), false, 'no problems for an unopened file by default');
    client.settings = { workspace: { diagnostics: 'workspace' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsourced-figure']);
    assert.deepEqual(diagnostics[0].range.start, positionOf(harbour, '$12 million'));
    await client.waitForDiagnostics(uriOf(ferry), (d) => d.length > 0);
    client.settings = { workspace: { diagnostics: 'workspace' }, severity: { 'unsourced-figure': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    client.settings = { workspace: { diagnostics: 'workspace' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.waitForDiagnostics(uriOf(ferry), (d) => d.length === 0);
  });

  it('follows workspace folders being removed and added', async () => {
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: uriOf(dirs.b), name: 'workspace-b' }] },
    });
    await eventually(() => claims({ scope: 'workspace' }), (r) => !r.documents.some((d) => d.uri === uriOf(ferry)), 'workspace-b dropped');
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Keller' })) as SymbolInformation[];
    assert.equal(symbols.some((s) => s.location.uri === uriOf(ferry)), false);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uriOf(dirs.b), name: 'workspace-b' }], removed: [] },
    });
    await eventually(() => claims({ scope: 'workspace' }), (r) => r.documents.some((d) => d.uri === uriOf(ferry)), 'workspace-b back');
  });
});

describe('workspace indexing: cancellation and startup setting', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    ensureBuilt();
    root = mkdtempSync(path.join(tmpdir(), 'claimlens-many-'));
    const article = readFileSync(path.join(FIXTURES, 'workspace-a', 'harbour-dredging.txt'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(path.join(root, `article-${String(i).padStart(4, '0')}.txt`), article);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('does not index on start when analyzeOnStartup is off, and a cancelled run stops early', async () => {
    const client = await startServer([root], { workspace: { analyzeOnStartup: false } });
    try {
      await client.waitFor(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
      assert.equal(client.progress.length, 0, 'no indexing on start');
      // Cancel from the progress notification as soon as it begins.
      const cancelled = new Promise<void>((resolve) => {
        void client.waitFor(() => client.progress.some((p) => p.title !== undefined), 'progress begin').then(async () => {
          await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: client.progress[0].token });
          resolve();
        });
      });
      const result = await client.connection.sendRequest(analyzeWorkspaceRequest, {});
      await cancelled;
      assert.equal(result.cancelled, true);
      assert.ok(result.analysed < 400, `analysed ${result.analysed}`);
      await client.waitFor(() => client.progress[0].ended, 'the progress ended');
      // A new run finishes the job; unchanged files are not analysed twice.
      const second = await client.connection.sendRequest(analyzeWorkspaceRequest, {});
      assert.equal(second.cancelled, false);
      assert.equal(second.files, 400);
      assert.equal(second.analysed, 400 - result.analysed);
      assert.equal(second.failed, 0);
      const third = await client.connection.sendRequest(analyzeWorkspaceRequest, { force: false });
      assert.equal(third.analysed, 0);
      const status = client.indexStatus.at(-1)!;
      assert.equal(status.indexing, false);
      assert.equal(status.files, 400);
    } finally {
      client.kill();
    }
  });

  it('a forced run right after a settings change replaces both the running pass and its queued follow-up', async () => {
    const client = await startServer([root], { workspace: { analyzeOnStartup: false } });
    try {
      await client.waitFor(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
      const first = client.connection.sendRequest(analyzeWorkspaceRequest, { force: true });
      await client.waitFor(() => (client.indexStatus.at(-1)?.done ?? 0) > 0, 'the first articles indexed');
      // A settings change queues a follow-up pass behind the running one; the server
      // queues it right after it registers the file watcher again.
      const registered = client.registrations.length;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.waitFor(() => client.registrations.length > registered, 'the watcher registered again');
      const forced = await client.connection.sendRequest(analyzeWorkspaceRequest, { force: true });
      assert.equal(forced.cancelled, false);
      assert.equal(forced.files, 400);
      assert.equal(forced.analysed, 400);
      assert.equal((await first).cancelled, true);
      await client.waitFor(() => client.indexStatus.at(-1)?.indexing === false, 'the index idle');
      assert.equal(client.indexStatus.at(-1)!.files, 400);
      assert.equal(client.logs.some((line) => /analyzeWorkspace failed|TypeError/.test(line)), false, client.logs.join('\n'));
    } finally {
      client.kill();
    }
  });

  it('a folder removed while it is being indexed stays out of the index', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'claimlens-other-'));
    writeFileSync(path.join(other, 'ferry.txt'), 'Ferry fares rise\n\nAbout 30 crossings a day will run this winter.\n');
    const client = await startServer([root, other], { workspace: { analyzeOnStartup: false } });
    try {
      await client.waitFor(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
      const run = client.connection.sendRequest(analyzeWorkspaceRequest, {});
      await client.waitFor(() => (client.indexStatus.at(-1)?.files ?? 0) > 0, 'the first articles indexed');
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
        event: { added: [], removed: [{ uri: uriOf(root), name: path.basename(root) }] },
      });
      await run;
      const left = await client.connection.sendRequest(workspaceClaimsRequest, { scope: 'workspace' });
      assert.deepEqual(
        left.documents.map((d) => d.uri),
        [uriOf(path.join(other, 'ferry.txt'))],
        'only the remaining folder’s article',
      );
      assert.equal(client.indexStatus.at(-1)!.files, 1);
    } finally {
      client.kill();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
