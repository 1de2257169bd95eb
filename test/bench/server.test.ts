import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateLargeDocument, writeArticleFolder } from '../../bench/corpus';
import { measureEdits, measureHoverDuringIndexing, measureIndexing, type ServerConfig } from '../../bench/server';

// The benchmark's protocol driving, against a stand-in server (test/bench/fakeServer.ts)
// that indexes its workspace the way issue 4 §1 asks. Only outcomes are asserted, never times.
describe('bench server measures (fake server)', function () {
  this.timeout(60_000);
  let dir: string;
  let config: ServerConfig;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-server-test-'));
    const workspaceFolder = path.join(dir, 'workspace');
    const folder = writeArticleFolder(workspaceFolder, 30);
    config = {
      serverPath: path.join(__dirname, 'fakeServer.js'),
      document: generateLargeDocument(20_000),
      edits: 4,
      hovers: 20,
      workspaceFolder,
      workspaceFiles: folder.files,
      workspaceBytes: folder.bytes,
      indexingTimeoutMs: 30_000,
      indexingStartTimeoutMs: 1000,
      log: () => undefined,
    };
  });

  after(() => {
    delete process.env.FAKE_NO_INDEX;
    delete process.env.FAKE_WAIT_FOR_HOVERS;
    delete process.env.FAKE_INDEX_ON_REQUEST;
    delete process.env.FAKE_FULL_ANALYSIS_MS;
    delete process.env.FAKE_INDEX_FAILS;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('times every edit to the diagnostics of its version, then idle hovers', async () => {
    const { edit, hover } = await measureEdits(config, 'test', {}, 0, 10);
    assert.strictEqual(edit.na, undefined);
    assert.strictEqual(edit.edits, 4);
    assert.strictEqual(edit.timeouts, 0);
    assert.ok(edit.medianMs !== undefined && edit.p95Ms !== undefined && edit.p95Ms >= edit.medianMs);
    assert.ok(edit.openToDiagnosticsMs !== undefined);
    if (process.platform === 'linux') {
      // CPU per edit from /proc: the main thread's share never exceeds the whole process's.
      assert.ok(edit.serverCpuMedianMs !== undefined && edit.mainThreadCpuMedianMs !== undefined);
      assert.ok(edit.mainThreadCpuMedianMs <= edit.serverCpuMedianMs + 10, `${edit.mainThreadCpuMedianMs} vs ${edit.serverCpuMedianMs}`);
    }
    assert.strictEqual(hover?.count, 10);
    assert.strictEqual(hover?.withContent, 10);
  });

  it('measures idle hovers only once the full analysis after the last edit is in', async () => {
    // The fake server's "full analysis" lands 1.5 s after the last change (well after the
    // bench's 300 ms settle); hovers before it answer null.
    process.env.FAKE_FULL_ANALYSIS_MS = '1500';
    try {
      const { edit, hover } = await measureEdits(config, 'test', {}, 0, 10);
      assert.strictEqual(edit.na, undefined);
      assert.strictEqual(hover?.count, 10);
      assert.strictEqual(hover?.withContent, 10, 'no hover measured while the full analysis was pending');
      assert.strictEqual(hover?.note, undefined);
    } finally {
      delete process.env.FAKE_FULL_ANALYSIS_MS;
    }
  });

  it('measures indexing to the end of its progress, with the server peak memory', async () => {
    const result = await measureIndexing(config);
    assert.strictEqual(result.na, undefined);
    assert.match(result.detectedBy ?? '', /progress "Indexing workspace" ended/);
    assert.ok(result.wallMs !== undefined && result.wallMs > 0);
    assert.ok(result.peakRssBytes !== undefined && result.peakRssBytes > 1e6);
  });

  it('counts hovers answered while indexing runs', async () => {
    process.env.FAKE_WAIT_FOR_HOVERS = '1';
    const result = await measureHoverDuringIndexing(config);
    delete process.env.FAKE_WAIT_FOR_HOVERS;
    assert.strictEqual(result.na, undefined);
    assert.ok(result.count >= 5 && result.count <= config.hovers, `count ${result.count}`);
    assert.strictEqual(result.withContent, result.count);
  });

  it('asks for indexing with claimlens/analyzeWorkspace when it does not start by itself', async () => {
    process.env.FAKE_INDEX_ON_REQUEST = '1';
    const result = await measureIndexing(config);
    delete process.env.FAKE_INDEX_ON_REQUEST;
    assert.strictEqual(result.na, undefined);
    // The fake indexes only when asked; its idle status and its answer arrive together, either may be seen first.
    assert.match(result.detectedBy ?? '', /^(claimlens\/analyzeWorkspace answered \(30 of 30 files analysed\)|claimlens\/indexStatus idle \(30 of 30 files\))$/);
    assert.ok(result.wallMs !== undefined && result.wallMs > 0);
  });

  it('says n/a, not a time, when indexing ends with files missing from the index', async () => {
    process.env.FAKE_INDEX_ON_REQUEST = '1';
    process.env.FAKE_INDEX_FAILS = '30';
    const result = await measureIndexing(config);
    delete process.env.FAKE_INDEX_ON_REQUEST;
    delete process.env.FAKE_INDEX_FAILS;
    assert.match(result.na ?? '', /^indexing ended with 0 of 30 files indexed/);
    assert.strictEqual(result.wallMs, undefined);
  });

  it('says n/a, not a number, when the server does not index the workspace', async () => {
    process.env.FAKE_NO_INDEX = '1';
    const indexing = await measureIndexing(config);
    const hover = await measureHoverDuringIndexing(config);
    delete process.env.FAKE_NO_INDEX;
    assert.strictEqual(indexing.na, 'n/a (no workspace indexing yet)');
    assert.strictEqual(indexing.wallMs, undefined);
    assert.strictEqual(hover.na, 'n/a (no workspace indexing yet)');
  });
});
