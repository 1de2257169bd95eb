// Edits of a large open document over the real protocol: the diagnostics of the new version
// come at once from a spliced analysis, and the full analysis that follows agrees.
import * as assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Diagnostic,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol';
import { documentClaimsRequest } from '../../protocol/requests';
import { generateLargeDocument } from '../../bench/corpus';
import { LineIndex } from '../../server/src/common/positions';
import { analyze } from '../../server/src/analysis';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/claimlens-incremental/large-article.txt';
const INSERT = 'Some 4,200 households lost power. ';

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

describe('incremental analysis over stdio', function () {
  this.timeout(60_000);
  const text = generateLargeDocument(80_000, 5);
  const lines = new LineIndex(text);
  // A body line near the middle, where the splice applies.
  let line = lines.lineAt(text.length >> 1);
  while (lines.lineText(line).length < 40) line++;
  let client: TestClient;
  let original: Diagnostic[];

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    // A long debounce: the full analysis after an edit waits, so what arrives first is the splice.
    client.settings = { debounceMs: 5000 };
    await client.initializeWithoutFolder();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'plaintext', version: 1, text },
    });
    original = await client.waitForDiagnostics(URI, (_, params) => params.version === 1, 30_000);
    await client.waitFor(() => client.analysisChanged.some((n) => n.uri === URI), 'the first full analysis');
  });

  after(() => client?.kill());

  it('publishes the diagnostics of an edited version at once, then the full analysis agrees', async () => {
    const fullAnalyses = client.analysisChanged.length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: INSERT }],
    });
    const spliced = await client.waitForDiagnostics(URI, (_, params) => params.version === 2);
    assert.equal(client.analysisChanged.length, fullAnalyses, 'published before any full analysis');
    const added = spliced.filter((d) => d.range.start.line === line && d.range.start.character === 0 && d.range.end.character === 10 && d.code === 'unsourced-figure');
    assert.equal(added.length, 1, `the new unsourced figure is flagged: ${summary(spliced).join('\n')}`);
    assert.equal(spliced.length, original.length + 1);

    // The claims request needs the full analysis of version 2 now: it runs, and agrees.
    const claims = await client.connection.sendRequest(documentClaimsRequest, { uri: URI });
    assert.ok(claims && claims.claims.some((c) => c.text.startsWith('Some 4,200 households')));
    await client.waitFor(() => client.analysisChanged.length > fullAnalyses, 'the full analysis of version 2');
    const full = await client.waitForDiagnostics(URI, (_, params) => params.version === 2);
    assert.deepEqual(summary(full), summary(spliced));
  });

  it('puts everything back when the edit is undone, and hovers follow the shifted text', async () => {
    // A name after the edit: its position moves right by the inserted text, then back.
    const after = lines.lineStart(line + 1);
    const mention = analyze(text)
      .entities.flatMap((e) => e.mentions.map((m) => ({ name: e.name, start: m.start })))
      .filter((m) => m.start >= after)
      .sort((a, b) => a.start - b.start)[0];
    assert.ok(mention, 'a name after the edited line');
    const position: Position = lines.positionAt(mention.start + 1);
    const hoverAt = async (p: Position) => {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: p });
      return hover ? (hover.contents as MarkupContent).value : '';
    };
    const onEdited = await hoverAt(position.line === line ? { line, character: position.character + INSERT.length } : position);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: INSERT.length } }, text: '' }],
    });
    const undone = await client.waitForDiagnostics(URI, (_, params) => params.version === 3);
    assert.deepEqual(summary(undone), summary(original));
    const onUndone = await hoverAt(position);
    assert.ok(onUndone.includes(mention.name), `a hover on ${mention.name}: ${onUndone}`);
    assert.equal(onEdited, onUndone);
  });
});

describe('incremental analysis over stdio: rapid edits', function () {
  this.timeout(60_000);
  const text = generateLargeDocument(60_000, 9);
  const lines = new LineIndex(text);
  let line = lines.lineAt(text.length >> 1);
  while (lines.lineText(line).length < 40) line++;
  let client: TestClient;

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    client.settings = { debounceMs: 0 };
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text } });
    await client.waitForDiagnostics(URI, (_, params) => params.version === 1, 30_000);
  });

  after(() => client?.kill());

  it('ends with the diagnostics of the last version; older results are dropped', async () => {
    const typed = 'Nearly 900 boats sank. ';
    for (let k = 0; k < typed.length; k++) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: 2 + k },
        contentChanges: [{ range: { start: { line, character: k }, end: { line, character: k } }, text: typed[k] }],
      });
    }
    const last = 1 + typed.length;
    const claims = await client.connection.sendRequest(documentClaimsRequest, { uri: URI });
    assert.ok(claims?.claims.some((c) => c.text.startsWith(typed.trim())), 'the claims are of the last text');
    const diagnostics = await client.waitForDiagnostics(URI, (_, params) => params.version === last);
    assert.ok(diagnostics.some((d) => d.code === 'unsourced-figure' && d.range.start.line === line && d.range.start.character === 0));
    // No result of an older text arrives after the last one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(client.diagnostics.get(URI)?.version, last);
  });
});
