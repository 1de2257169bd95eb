import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { makeEntry } from '../../server/src/analysisStore';
import { analyze } from '../../server/src/analysis/index';
import { encodeMessage, frameMessage } from '../../server/src/common/messageEncoder';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { article } from '../core/incrementalFixture';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/framed-writes.txt';
const TEXT = 'Maria Keller, the mayor, said the plan would cost $24 million.\n\n“We cannot wait,” Keller said. Nobody disputes that 40% of homes flooded.\n';
const WRITE_TAG = 'claimlens-test-stdout-write ';

/** Preloaded into the server: reports every write to its stdout (the protocol stream), one
 * line on stderr each, the bytes in base64. */
const HOOK = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof rest[0] === 'string' ? rest[0] : 'utf8') : Buffer.from(chunk);
    process.stderr.write(${JSON.stringify(WRITE_TAG)} + bytes.toString('base64') + '\\n');
    return write(chunk, ...rest);
  };
}
`;

describe('the stdio transport writes each message in one piece', function () {
  this.timeout(30_000);
  let client: TestClient;
  let folder: string;

  before(async () => {
    ensureBuilt();
    folder = mkdtempSync(path.join(os.tmpdir(), 'claimlens-framed-'));
    const hook = path.join(folder, 'hook.js');
    writeFileSync(hook, HOOK);
    client = new TestClient(['--stdio'], { preload: hook });
    await client.initializeWithoutFolder();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT },
    });
    await client.waitForDiagnostics(URI, (diagnostics) => diagnostics.length > 0, 20_000);
  });

  after(() => {
    client?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('header and JSON together: hovers, diagnostics and the other messages', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    assert.match((hover?.contents as MarkupContent).value, /Maria Keller/);
    const writes = client.stderr
      .split('\n')
      .filter((line) => line.startsWith(WRITE_TAG))
      .map((line) => Buffer.from(line.slice(WRITE_TAG.length), 'base64'));
    assert.ok(writes.length >= 3, `the server wrote its answers (${writes.length} writes)`);
    const methods = new Set<string>();
    for (const bytes of writes) {
      const text = bytes.toString('utf8');
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
      assert.ok(header, `a write starts with its message's header: ${JSON.stringify(text.slice(0, 60))}`);
      const body = bytes.subarray(Buffer.byteLength(header[0]));
      assert.equal(body.length, Number(header[1]), `a write holds its whole message and nothing else: ${JSON.stringify(text.slice(0, 80))}`);
      const message = JSON.parse(body.toString('utf8')) as { method?: string; id?: number; result?: unknown };
      methods.add(message.method ?? (message.result !== undefined ? 'response' : 'other'));
    }
    assert.ok(methods.has('textDocument/publishDiagnostics') && methods.has('response'), [...methods].join(', '));
  });
});

describe('frameMessage', () => {
  it('is the header vscode-jsonrpc writes, then the bytes of JSON.stringify', () => {
    for (const message of [
      { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '“Keller” — ümlaut 😀' } } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version: 2, diagnostics: [] } },
    ]) {
      const json = Buffer.from(JSON.stringify(message), 'utf8');
      assert.deepEqual(frameMessage(message), Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]));
    }
  });

  it('frames a document’s diagnostics as encodeMessage encodes them, message after message', () => {
    const uri = 'file:///tmp/framed-diagnostics.txt';
    const text = article();
    const diagnostics = toDiagnostics(makeEntry(uri, 1, 'plaintext', text, analyze(text)), DEFAULT_SETTINGS);
    assert.ok(diagnostics.length >= 3);
    const publish = (version: number, list: unknown[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: list } });
    // The first message, then the same diagnostics again (their bytes copied from the last
    // message), then fewer, then all again, alternating framed and plain.
    const sequence = [diagnostics, diagnostics, diagnostics.slice(0, -1), diagnostics];
    sequence.forEach((list, i) => {
      const message = publish(i + 1, list);
      const json = Buffer.from(JSON.stringify(message), 'utf8');
      const framed = frameMessage(message);
      assert.deepEqual(framed, Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]), `message ${i + 1}`);
      assert.deepEqual(encodeMessage(publish(i + 1, list)), json, `message ${i + 1}, plain after framed`);
    });
  });
});
