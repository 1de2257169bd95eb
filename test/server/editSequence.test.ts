// A sequence of edits over the real protocol on a large CRLF document with surrogate pairs:
// lines added and removed before later findings (every later diagnostic moves, so what the
// server cached for it must follow), several changes in one notification, edits next to an
// astral character. Each version's diagnostics are published, and the last version ends
// with exactly the diagnostics of the same text opened fresh.
import * as assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentClaimsRequest } from '../../protocol/requests';
import { generateLargeDocument } from '../../bench/corpus';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/claimlens-edits/edited-article.txt';
const FRESH_URI = 'file:///tmp/claimlens-edits/fresh-article.txt';

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message} ${JSON.stringify(d.data)}`);
}

describe('edit sequences over stdio (CRLF, surrogate pairs, several changes per notification)', function () {
  this.timeout(90_000);
  // Windows line ends, and an astral character (two UTF-16 units) in the body.
  const base = generateLargeDocument(70_000, 11).replace(/\n/g, '\r\n');
  const middle = base.indexOf('\r\n\r\n', base.length >> 1) + 4;
  const initial = `${base.slice(0, middle)}Crowds cheered 😀 as 12 boats arrived.\r\n\r\n${base.slice(middle)}`;
  let client: TestClient;
  let document: TextDocument;

  async function edit(changes: (doc: TextDocument) => TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    // Each change applies to the text the previous one left, as LSP says.
    const events: TextDocumentContentChangeEvent[] = [];
    for (const make of changes(document)) {
      events.push(make);
      document = TextDocument.update(document, [make], document.version);
    }
    document = TextDocument.update(document, [], document.version + 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: document.version },
      contentChanges: events,
    });
    return client.waitForDiagnostics(URI, (_, params) => params.version === document.version, 30_000);
  }

  const at = (doc: TextDocument, needle: string, from = 0) => {
    const offset = doc.getText().indexOf(needle, from);
    assert.ok(offset >= 0, `"${needle}" in the document`);
    return doc.positionAt(offset);
  };

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    // A long debounce: what arrives after each edit is the spliced analysis.
    client.settings = { debounceMs: 5000 };
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    document = TextDocument.create(URI, 'plaintext', 1, initial);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: initial },
    });
    await client.waitForDiagnostics(URI, (_, params) => params.version === 1, 30_000);
  });

  after(() => client?.kill());

  it('publishes every version, and ends with the diagnostics of a fresh open of the same text', async () => {
    const diagnosticsOf = (doc: TextDocument, diagnostics: Diagnostic[]) =>
      diagnostics.filter((d) => d.code === 'unsourced-figure').map((d) => doc.getText(d.range));

    // 1. A paragraph with an unsourced figure before the astral one: every later diagnostic
    //    moves down two lines.
    const inserted = 'Some 4,200 households lost power.\r\n\r\n';
    let diagnostics = await edit((doc) => {
      const p = at(doc, 'Crowds cheered');
      return [{ range: { start: p, end: p }, text: inserted }];
    });
    assert.ok(diagnosticsOf(document, diagnostics).includes('Some 4,200'), JSON.stringify(diagnosticsOf(document, diagnostics)));
    assert.ok(diagnosticsOf(document, diagnostics).includes('12'));
    // Vague attributions carry no offsets in their data: when lines come and go before them,
    // only their ranges change, and each must still cover the words its data names.
    const vagueAfterEdit = (diagnostics: Diagnostic[]) => {
      const edited = at(document, 'Crowds cheered').line;
      const vague = diagnostics.filter((d) => d.code === 'vague-attribution');
      for (const d of vague) assert.equal(document.getText(d.range), (d.data as { text: string }).text, summary([d])[0]);
      return vague.filter((d) => d.range.start.line > edited).length;
    };
    assert.ok(vagueAfterEdit(diagnostics) > 0);

    // 2. Two changes in one notification: text right after the astral character, and a
    //    figure added at the start of a later paragraph (on a later line: the first change does not move it).
    diagnostics = await edit((doc) => {
      const afterEmoji = doc.positionAt(doc.getText().indexOf('😀') + 2);
      return [{ range: { start: afterEmoji, end: afterEmoji }, text: ' 😀' }];
    });
    assert.ok(diagnosticsOf(document, diagnostics).includes('12'));
    diagnostics = await edit((doc) => {
      const first = at(doc, 'Crowds cheered');
      const laterOffset = doc.getText().indexOf('\r\n\r\n', doc.offsetAt(first) + 200) + 4;
      const later = doc.positionAt(laterOffset);
      return [
        { range: { start: first, end: first }, text: 'Loud ' },
        { range: { start: later, end: later }, text: 'Nearly 900 boats sank. ' },
      ];
    });
    assert.ok(vagueAfterEdit(diagnostics) > 0);
    const figures = diagnosticsOf(document, diagnostics);
    assert.ok(figures.includes('Nearly 900') && figures.includes('12') && figures.includes('Some 4,200'), JSON.stringify(figures));

    // 3. The inserted paragraph goes again (lines removed; a CRLF pair is never split).
    diagnostics = await edit((doc) => {
      const start = at(doc, inserted);
      return [{ range: { start, end: doc.positionAt(doc.offsetAt(start) + inserted.length) }, text: '' }];
    });
    assert.ok(!diagnosticsOf(document, diagnostics).includes('Some 4,200'));
    assert.ok(vagueAfterEdit(diagnostics) > 0);

    // 4. A suppression comment typed above the astral paragraph silences its figure; taken
    //    away again, the figure is reported again (the server tracks the comment through edits).
    const comment = 'claimlens-disable-next-line unsourced-figure\r\n';
    diagnostics = await edit((doc) => {
      const p = at(doc, 'Loud Crowds cheered');
      return [{ range: { start: p, end: p }, text: comment }];
    });
    assert.ok(!diagnosticsOf(document, diagnostics).includes('12'), JSON.stringify(diagnosticsOf(document, diagnostics)));
    diagnostics = await edit((doc) => {
      const start = at(doc, comment);
      return [{ range: { start, end: doc.positionAt(doc.offsetAt(start) + comment.length) }, text: '' }];
    });
    assert.ok(diagnosticsOf(document, diagnostics).includes('12'));
    assert.ok(vagueAfterEdit(diagnostics) > 0);

    // Every range covers text of the current version (no range cached from an older one).
    for (const diagnostic of diagnostics) {
      assert.ok(document.offsetAt(diagnostic.range.end) > document.offsetAt(diagnostic.range.start), summary([diagnostic])[0]);
    }
    const spliced = diagnostics;

    // The full analysis of the last version (a claims request asks for it) agrees with the
    // spliced one, and both with the same text opened as a new document.
    const claims = await client.connection.sendRequest(documentClaimsRequest, { uri: URI });
    assert.ok(claims?.claims.some((claim) => claim.text.startsWith('Nearly 900 boats sank')));
    const full = await client.waitForDiagnostics(URI, (_, params) => params.version === document.version, 30_000);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: FRESH_URI, languageId: 'plaintext', version: 1, text: document.getText() },
    });
    const fresh = await client.waitForDiagnostics(FRESH_URI, (_, params) => params.version === 1, 30_000);
    assert.deepEqual(summary(full), summary(fresh));
    assert.deepEqual(summary(spliced), summary(fresh));
  });
});
