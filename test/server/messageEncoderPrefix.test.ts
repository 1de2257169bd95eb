import * as assert from 'node:assert/strict';
import { encodeMessage, withEncodedRest } from '../../server/src/common/messageEncoder';

function publishMessage(uri: string, version: number | undefined, diagnostics: unknown[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

function diagnostic(line: number, message: string, data?: object) {
  const range = { start: { line, character: 0 }, end: { line, character: 4 } };
  return withEncodedRest(range, { members: { severity: 2, code: 'unsourced-figure', source: 'ClaimLens', message }, data });
}

// The encoder copies the bytes of the diagnostics a document's last message began with
// when the next one begins with the same objects: the bytes must stay JSON.stringify's.
describe('encodeMessage: the diagnostics an edit keeps', () => {
  it('writes what JSON.stringify writes, message after message of one document', () => {
    const uri = 'file:///tmp/kept%20diagnostics.txt';
    const other = 'file:///tmp/other.txt';
    const first = Array.from({ length: 6 }, (_, k) => diagnostic(k * 3, `Add a source for “${k}” — ümlaut 😀`, { figureId: `fig-${k}`, sentenceStart: k * 100 }));
    const sequence = [
      publishMessage(uri, 9, first),
      // The first four again (a version number of another length), then new ones.
      publishMessage(uri, 10, [...first.slice(0, 4), diagnostic(40, 'new'), diagnostic(41, 'newer', { sentenceStart: 7 })]),
      publishMessage(other, 1, [diagnostic(1, 'elsewhere')]),
      // All of the last message and more; then fewer; then a diagnostic made elsewhere.
      publishMessage(uri, 11, [...first.slice(0, 4), diagnostic(40, 'new'), diagnostic(42, 'more')]),
      publishMessage(uri, 12, first.slice(0, 2)),
      publishMessage(uri, undefined, [first[0], { range: first[1].range, message: 'made elsewhere' }, first[2]]),
      publishMessage(uri, 13, first),
      publishMessage(uri, 14, []),
      publishMessage(uri, 15, first.slice(0, 3)),
    ];
    // The kept objects are the same each time: diagnostics are never changed once made.
    let reused = 0;
    for (const message of sequence) {
      const bytes = encodeMessage(message);
      assert.equal(bytes.toString('utf8'), JSON.stringify(message));
      reused++;
    }
    assert.equal(reused, sequence.length);
  });
});
