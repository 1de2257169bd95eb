// The server started as the client starts it (protocol/serverProcess.ts): the V8 flags it
// needs are given at start, so it never changes a flag at run time. Checked with V8's flags
// frozen after start-up (--freeze-flags-after-init), where a change at run time is a fatal
// error: the server, its indexing workers and the forced collections after an analysis
// all run; without the start flags the same server dies at once (the check can fail).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, InitializedNotification, InitializeRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { SERVER_V8_FLAGS } from '../../protocol/serverProcess';
import { ensureBuilt, TestClient } from './lspClient';

const FROZEN = '--freeze-flags-after-init';
const ARTICLE = 'Harbour plan approved\n\nThe council approved the $24 million plan on Monday, said Maria Keller, the mayor.\n';

describe('the server with V8 flags frozen after start-up', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    ensureBuilt();
    root = mkdtempSync(path.join(tmpdir(), 'claimlens-flags-'));
    mkdirSync(path.join(root, 'articles'));
    for (const name of ['a.txt', 'b.txt', 'c.md']) writeFileSync(path.join(root, 'articles', name), ARTICLE);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyses, hovers and indexes a folder when started with the client’s flags', async () => {
    const client = new TestClient(['--stdio'], { nodeFlags: [FROZEN, ...SERVER_V8_FLAGS] });
    try {
      const folder = path.join(root, 'articles');
      await client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'articles' }],
      });
      await client.connection.sendNotification(InitializedNotification.type, {});
      const uri = pathToFileURL(path.join(folder, 'a.txt')).href;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: ARTICLE },
      });
      await client.waitForDiagnostics(uri, () => true, 20_000);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 70 } });
      assert.match((hover?.contents as MarkupContent).value, /Maria Keller/);
      await client.waitFor(() => client.indexStatus.some((s) => !s.indexing && s.files === 3), 'three files indexed');
      assert.equal(client.process.exitCode, null, 'still running');
      assert.doesNotMatch(client.stderr, /IsFrozen/);
    } finally {
      client.kill();
    }
  });

  it('dies without them (a flag changed at run time is fatal once frozen)', async () => {
    const client = new TestClient(['--stdio'], { nodeFlags: [FROZEN] });
    try {
      await client.waitForExit(20_000);
      assert.match(client.stderr, /Check failed: !IsFrozen\(\)/);
    } finally {
      client.kill();
    }
  });
});
