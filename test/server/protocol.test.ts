// The built language server over the real protocol: JSON-RPC over stdio, as any LSP client.
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allClaimsRequest, documentClaimsRequest, exportClaimsRequest } from '../../protocol/requests';
import { ensureBuilt, REPO_ROOT, SERVER_JS, TestClient } from './lspClient';

const SEED_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'seed-fentanyl.txt');
const SEED_URI = pathToFileURL(SEED_PATH).href;

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  let seed: TextDocument;

  const textOf = (range: Range): string => seed.getText(range);
  const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

  async function change(changes: TextDocumentContentChangeEvent[]): Promise<void> {
    seed = TextDocument.update(seed, changes, seed.version + 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SEED_URI, version: seed.version },
      contentChanges: changes,
    });
  }

  function rangeOf(needle: string): Range {
    const text = seed.getText();
    const start = text.indexOf(needle);
    assert.ok(start >= 0, `"${needle}" in the document`);
    return { start: seed.positionAt(start), end: seed.positionAt(start + needle.length) };
  }

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    client.settings = {};
    const result = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(REPO_ROOT).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
      workspaceFolders: null,
    });
    assert.equal(result.serverInfo?.name, 'claimlens-language-server');
    const sync = result.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
    assert.ok(result.capabilities.hoverProvider);
    assert.ok(result.capabilities.documentSymbolProvider);
    await client.connection.sendNotification(InitializedNotification.type, {});
    seed = TextDocument.create(SEED_URI, 'plaintext', 1, readFileSync(SEED_PATH, 'utf8'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: SEED_URI, languageId: 'plaintext', version: 1, text: seed.getText() },
    });
  });

  after(() => client?.kill());

  it('publishes exactly the two unsourced figures of the seed, with code, source and link', async () => {
    const diagnostics = await client.waitForDiagnostics(SEED_URI, (d) => d.length > 0);
    const unsourced = diagnostics.filter((d) => d.code === 'unsourced-figure');
    assert.deepEqual(unsourced.map((d) => textOf(d.range)), ['50 times', 'More than 70,000']);
    assert.deepEqual(codes(diagnostics), ['unsourced-figure', 'unsourced-figure']);
    for (const diagnostic of unsourced) {
      assert.equal(diagnostic.source, 'ClaimLens');
      assert.equal(diagnostic.codeDescription?.href, 'https://github.com/claimlens/claimlens/blob/main/docs/diagnostics/unsourced-figure.md');
      assert.ok(diagnostic.message.length > 10);
    }
    await client.waitFor(
      () => client.analysisChanged.some((n) => n.uri === SEED_URI && n.findings === 2 && n.claims > 0),
      'an analysisChanged notification for the seed',
    );
  });

  it('answers a hover on "Robinson" with Todd Robinson and his role', async () => {
    const at = rangeOf('Robinson hailed').start;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: { line: at.line, character: at.character + 3 } });
    assert.ok(hover, 'a hover');
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /Todd Robinson/);
    assert.match(value, /assistant secretary of state for international narcotics and law enforcement affairs/);
    assert.equal(textOf(hover.range!), 'Robinson');
  });

  it('answers a hover on an unsourced figure with "no source"', async () => {
    const at = rangeOf('More than 70,000').start;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: { line: at.line, character: at.character + 11 } });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /no source/);
  });

  it('answers a hover on a quote with its speaker and how it was found', async () => {
    const at = rangeOf('Everything we’ve seen').start;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: at });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /speaker: Todd Robinson \(from 'he'/);
  });

  it('lists people, organisations, places and quotes as document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    const group = (name: string) => symbols.find((s) => s.name === name)?.children?.map((c) => c.name) ?? [];
    assert.ok(group('People').includes('Todd Robinson'), JSON.stringify(group('People')));
    assert.ok(group('Places').includes('Mexico'));
    assert.ok(group('Organisations').length > 0);
    const quotes = symbols.find((s) => s.name === 'Quotes')?.children ?? [];
    const direct = quotes.filter((quote) => quote.detail === 'direct');
    assert.equal(direct.length, 4, JSON.stringify(quotes.map((q) => [q.name, q.detail])));
    assert.ok(direct.every((quote) => quote.name.startsWith('Todd Robinson: “')));
  });

  it('offers quick fixes for a diagnostic', async () => {
    const diagnostics = client.diagnostics.get(SEED_URI)!.diagnostics;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SEED_URI },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as { title: string; command?: { command: string; arguments?: unknown[] } }[];
    assert.deepEqual(actions.map((a) => a.title), ['Add “according to …”', 'Ignore this unsourced-figure finding', 'Set severity of unsourced-figure to off']);
    assert.deepEqual(actions[2].command?.arguments, ['unsourced-figure', 'off']);

    // Applying "Ignore this finding" silences exactly that finding.
    const ignore = (actions[1] as { edit?: { changes?: Record<string, { range: Range; newText: string }[]> } }).edit!.changes![SEED_URI][0];
    await change([{ range: ignore.range, text: ignore.newText }]);
    const silenced = await client.waitForDiagnostics(SEED_URI, (d, p) => p.version === seed.version);
    assert.deepEqual(silenced.filter((d) => d.code === 'unsourced-figure').map((d) => textOf(d.range)), ['More than 70,000']);
    // Undo: remove the inserted comment line.
    const inserted = seed.positionAt(seed.offsetAt(ignore.range.start));
    await change([{ range: { start: inserted, end: { line: inserted.line + 1, character: 0 } }, text: '' }]);
    const restored = await client.waitForDiagnostics(SEED_URI, (d, p) => p.version === seed.version);
    assert.equal(restored.filter((d) => d.code === 'unsourced-figure').length, 2);
  });

  it('answers the custom claims requests', async () => {
    const documentClaims = await client.connection.sendRequest(documentClaimsRequest, { uri: SEED_URI });
    assert.ok(documentClaims);
    assert.equal(documentClaims.uri, SEED_URI);
    assert.ok(documentClaims.claims.length > 0);
    assert.ok(documentClaims.claims.some((c) => c.speaker === 'Todd Robinson' && c.sourced));
    const unsourced = documentClaims.claims.filter((c) => !c.sourced).map((c) => c.text);
    assert.ok(unsourced.some((text) => text.includes('More than 70,000')), JSON.stringify(unsourced));

    const all = await client.connection.sendRequest(allClaimsRequest, {});
    assert.deepEqual(all.map((d) => d.uri), [SEED_URI]);
    assert.deepEqual(all[0], documentClaims);
    assert.equal(await client.connection.sendRequest(documentClaimsRequest, { uri: 'file:///nowhere.txt' }), null);

    const json = await client.connection.sendRequest(exportClaimsRequest, { format: 'json' });
    assert.equal(json.documents, 1);
    assert.equal(json.claims, documentClaims.claims.length);
    const parsed = JSON.parse(json.content);
    assert.equal(parsed.schemaVersion, 1);
    assert.equal(parsed.documents[0].uri, SEED_URI);
    assert.equal(parsed.documents[0].path, SEED_PATH);
    assert.equal(parsed.documents[0].claims.length, documentClaims.claims.length);

    const csv = await client.connection.sendRequest(exportClaimsRequest, { format: 'csv', uris: [SEED_URI] });
    assert.ok(csv.content.startsWith('document,id,kind,line,column,'));
    assert.equal(csv.content.split('\r\n').length, documentClaims.claims.length + 2);

    const markdown = await client.connection.sendRequest(exportClaimsRequest, { format: 'markdown' });
    assert.ok(markdown.content.includes(`## ${SEED_PATH.replace(/[\\_-]/g, (c) => `\\${c}`)}`), markdown.content.slice(0, 300));
    assert.match(markdown.content, /\| Line \| Kind \|/);

    await assert.rejects(client.connection.sendRequest(exportClaimsRequest, { format: 'xml' as never }), /Unknown export format/);
  });

  it('answers documentClaims for a document opened a moment ago, without waiting for the debounce', async () => {
    const uri = 'untitled:Quick-1';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: 'About 45,000 vehicles cross the bridge every day.\n' },
    });
    const claims = await client.connection.sendRequest(documentClaimsRequest, { uri });
    assert.ok(claims, 'claims for the new document');
    assert.equal(claims.claims.length, 1);
    assert.equal(claims.claims[0].sourced, false);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.equal(await client.connection.sendRequest(documentClaimsRequest, { uri }), null);
  });

  it('re-analyses incremental changes', async () => {
    const end = seed.positionAt(seed.getText().indexOf('Related Articles'));
    await change([{ range: { start: end, end }, text: 'Officials said 300 people were hurt.\n\n' }]);
    const withVague = await client.waitForDiagnostics(SEED_URI, (d, p) => p.version === seed.version);
    const vague = withVague.filter((d) => d.code === 'vague-attribution');
    assert.equal(vague.length, 1, JSON.stringify(withVague));
    assert.match(textOf(vague[0].range), /Officials/);

    const sentence = rangeOf('More than 70,000 people died of overdoses in that country last year.\n\n');
    await change([{ range: sentence, text: '' }]);
    const after = await client.waitForDiagnostics(SEED_URI, (d, p) => p.version === seed.version);
    const unsourced = after.filter((d) => d.code === 'unsourced-figure').map((d) => textOf(d.range));
    assert.ok(unsourced.includes('50 times'));
    assert.ok(!unsourced.some((text) => text.includes('70,000')), JSON.stringify(unsourced));
    assert.equal(after.filter((d) => d.code === 'vague-attribution').length, 1);
  });

  it('publishes only for the latest version after rapid edits', async () => {
    const before = client.analysisChanged.length;
    for (let i = 0; i < 5; i++) {
      const at = seed.positionAt(0);
      await change([{ range: { start: at, end: at }, text: ' ' }]);
    }
    await client.waitForDiagnostics(SEED_URI, (d, p) => p.version === seed.version);
    // Debounced: far fewer analyses than edits.
    assert.ok(client.analysisChanged.length - before <= 2, `${client.analysisChanged.length - before} analyses for 5 edits`);
  });

  it('turns a code off through the severity setting', async () => {
    const requestsBefore = client.configurationRequests;
    client.settings = { severity: { 'unsourced-figure': 'off', 'vague-attribution': 'error' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const off = await client.waitForDiagnostics(SEED_URI, (d) => !codes(d).includes('unsourced-figure'));
    assert.ok(client.configurationRequests > requestsBefore, 'settings pulled with workspace/configuration');
    assert.deepEqual(off.map((d) => [d.code, d.severity]), [['vague-attribution', 1]]);

    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const back = await client.waitForDiagnostics(SEED_URI, (d) => codes(d).includes('unsourced-figure'));
    assert.equal(back.find((d) => d.code === 'vague-attribution')?.severity, 3);
  });

  it('reports a document over the size limit at 0:0, and a binary one, without crashing', async () => {
    const hugeUri = 'file:///tmp/claimlens-huge.txt';
    const huge = 'More than 70,000 people. '.repeat(240_000); // ~6 MB, over the 5 MB default
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: hugeUri, languageId: 'plaintext', version: 1, text: huge },
    });
    const [tooLarge, ...rest] = await client.waitForDiagnostics(hugeUri, (d) => d.length > 0);
    assert.equal(rest.length, 0);
    assert.equal(tooLarge.code, 'document-too-large');
    assert.deepEqual(tooLarge.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(tooLarge.message, /claimlens\.maxFileSize/);

    const binaryUri = 'file:///tmp/claimlens-binary.txt';
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i % 32)).join('');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: binaryUri, languageId: 'plaintext', version: 1, text: binary },
    });
    const binaryDiagnostics = await client.waitForDiagnostics(binaryUri, (d) => d.length > 0);
    assert.deepEqual(codes(binaryDiagnostics), ['binary-content']);

    // Still answering.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hugeUri }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
    for (const uri of [hugeUri, binaryUri]) {
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
    }
  });

  it('shuts down and exits cleanly', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await client.waitForExit(), 0);
    assert.equal(client.stderr, '');
  });
});

describe('language server without workspace/configuration support', function () {
  this.timeout(20_000);

  it('uses defaults, and settings pushed with didChangeConfiguration', async () => {
    ensureBuilt();
    const client = new TestClient();
    try {
      await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      await client.connection.sendNotification(InitializedNotification.type, {});
      const uri = 'untitled:Untitled-1';
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: 'Officials said 300 people were hurt.\n' },
      });
      await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'vague-attribution'));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { claimlens: { severity: { 'vague-attribution': 'off' } } } });
      await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'vague-attribution'));
      assert.equal(client.configurationRequests, 0);

      // No hierarchical symbol support declared: flat SymbolInformation with containers.
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: SEED_URI, languageId: 'plaintext', version: 1, text: readFileSync(SEED_PATH, 'utf8') },
      });
      await client.waitForDiagnostics(SEED_URI, (d) => d.length > 0);
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as SymbolInformation[];
      const robinson = symbols.find((s) => s.name === 'Todd Robinson');
      assert.ok(robinson && 'location' in robinson, JSON.stringify(symbols.slice(0, 3)));
      assert.equal(robinson.containerName, 'People');
      assert.equal(robinson.location.uri, SEED_URI);
    } finally {
      client.kill();
    }
  });
});

describe('language server transports and command line', function () {
  this.timeout(20_000);

  it('speaks over --node-ipc as the VS Code client starts it', async () => {
    ensureBuilt();
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'claimlens-language-server');
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('explains its usage without a transport, and prints its version', () => {
    const none = spawnSync(process.execPath, [SERVER_JS], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage: claimlens-language-server --stdio/);
    const version = spawnSync(process.execPath, [SERVER_JS, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
