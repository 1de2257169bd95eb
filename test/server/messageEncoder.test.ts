import * as assert from 'node:assert/strict';
import { makeEntry } from '../../server/src/analysisStore';
import { analyze } from '../../server/src/analysis/index';
import { changedRange, spliceAnalysis } from '../../server/src/analysis/incremental';
import { encodeMessage } from '../../server/src/common/messageEncoder';
import { LineIndex } from '../../server/src/common/positions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { article } from '../core/incrementalFixture';

function publishMessage(uri: string, version: number, diagnostics: unknown[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

/** What vscode-jsonrpc's own encoder writes. */
function plainBytes(message: unknown): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

describe('encodeMessage (the stdio transport’s JSON encoder)', () => {
  const uri = 'file:///tmp/harbour%20news.txt';

  it('writes the same bytes as JSON.stringify for any message', () => {
    for (const message of [
      { jsonrpc: '2.0', id: 1, result: { contents: { kind: 'markdown', value: '“Keller” — ümlaut 😀' } } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: 'x' } },
      publishMessage(uri, 3, []),
      publishMessage(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'made elsewhere' }]),
    ]) {
      assert.deepEqual(encodeMessage(message), plainBytes(message));
    }
  });

  it('writes a document’s diagnostics byte for byte as JSON.stringify, before and after spliced edits', () => {
    let text = article();
    let entry = makeEntry(uri, 1, 'plaintext', text, analyze(text));
    const first = toDiagnostics(entry, DEFAULT_SETTINGS);
    assert.ok(first.length >= 3, `the fixture has findings (${first.length})`);
    assert.ok(first.some((d) => d.data !== undefined));
    assert.deepEqual(encodeMessage(publishMessage(uri, 1, first)), plainBytes(publishMessage(uri, 1, first)));
    // Edits that move later findings (data offsets, ids) and add or remove findings: the
    // findings kept are the same objects, so their cached members must follow them.
    const edits = [
      { anchor: 'Nobody at the meeting', insert: 'Officials said 40 per cent of the 12,000 households were affected.\n\n' },
      { anchor: 'Brandt told reporters', insert: 'An extra line\nof text. ' },
      { anchor: 'About 1,200 jobs depend on the harbour in Eastport', insert: 'Officials said 40 per cent. ' },
      { anchor: 'Nobody at the meeting', insert: 'Experts say 7% is too much. ' },
    ];
    let version = 1;
    for (const edit of edits) {
      const at = text.indexOf(edit.anchor);
      const edited = text.slice(0, at) + edit.insert + text.slice(at);
      const change = changedRange(text, edited)!;
      const spliced = spliceAnalysis(entry.analysis, edited, change, { reuse: true, contextBefore: 2, contextAfter: 1 });
      assert.ok(spliced, `edit ${version}: spliced`);
      version++;
      entry = makeEntry(uri, version, 'plaintext', edited, spliced, { lines: LineIndex.afterChange(entry.lines, edited, change) });
      const diagnostics = toDiagnostics(entry, DEFAULT_SETTINGS);
      assert.deepEqual(encodeMessage(publishMessage(uri, version, diagnostics)), plainBytes(publishMessage(uri, version, diagnostics)));
      // Each range is where the line index puts its finding's span.
      const spans = new Map(entry.analysis.findings.map((finding) => [finding.message + JSON.stringify(finding.data), finding.span]));
      for (const diagnostic of diagnostics) {
        const span = spans.get(diagnostic.message + JSON.stringify(diagnostic.data));
        if (span) assert.deepEqual(diagnostic.range, entry.lines.rangeOf(span), diagnostic.message);
      }
      // And the diagnostics are those of a fresh entry of the same analysis.
      const fresh = toDiagnostics(makeEntry(uri, version, 'plaintext', edited, spliced), DEFAULT_SETTINGS);
      assert.equal(JSON.stringify(diagnostics), JSON.stringify(fresh));
      text = edited;
    }
  });

  it('writes a diagnostic again when its finding moves to another line, and when it moves back', () => {
    let text = article();
    let entry = makeEntry(uri, 1, 'plaintext', text, analyze(text));
    const anchor = text.indexOf('Nobody at the meeting');
    for (let version = 2; version <= 5; version++) {
      // Lines added, then removed, before later findings: the same findings, other ranges.
      const edited = version % 2 === 0 ? text.slice(0, anchor) + 'One more line.\n\n' + text.slice(anchor) : article();
      const change = changedRange(text, edited)!;
      const spliced = spliceAnalysis(entry.analysis, edited, change, { reuse: true, contextBefore: 2, contextAfter: 1 });
      assert.ok(spliced);
      entry = makeEntry(uri, version, 'plaintext', edited, spliced, { lines: LineIndex.afterChange(entry.lines, edited, change) });
      const diagnostics = toDiagnostics(entry, DEFAULT_SETTINGS);
      assert.equal(encodeMessage(publishMessage(uri, version, diagnostics)).toString('utf8'), JSON.stringify(publishMessage(uri, version, diagnostics)));
      text = edited;
    }
  });

  it('follows a change of severity setting for the same findings', () => {
    const text = article();
    const entry = makeEntry(uri, 1, 'plaintext', text, analyze(text));
    const before = toDiagnostics(entry, DEFAULT_SETTINGS);
    const code = String(before[0].code);
    const settings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity, [code]: 'error' as const } };
    const after = toDiagnostics(entry, settings);
    assert.equal(after[0].severity, 1);
    const bytes = encodeMessage(publishMessage(uri, 1, after)).toString('utf8');
    assert.equal(bytes, JSON.stringify(publishMessage(uri, 1, after)));
  });
});
