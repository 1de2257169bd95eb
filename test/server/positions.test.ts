import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/common/positions';

describe('LineIndex (offset ↔ position)', () => {
  const samples = ['', 'one line', 'a\nb\n', 'crlf\r\nline two\r\n\r\nend', 'old\rmac\rbreaks', 'emoji 😀 here\n“quotes” ümlaut\n日本語のテキスト'];

  for (const text of samples) {
    it(`agrees with vscode-languageserver-textdocument on ${JSON.stringify(text).slice(0, 30)}`, () => {
      const lines = new LineIndex(text);
      const document = TextDocument.create('file:///x', 'plaintext', 1, text);
      assert.equal(lines.lineCount, document.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = lines.positionAt(offset);
        assert.deepEqual(position, document.positionAt(offset), `offset ${offset}`);
        assert.equal(lines.offsetAt(position), document.offsetAt(position), `position of offset ${offset}`);
      }
    });
  }

  it('keeps astral characters as two UTF-16 units', () => {
    const text = '😀 Robinson';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.rangeOf({ start: 3, end: 11 }), { start: { line: 0, character: 3 }, end: { line: 0, character: 11 } });
  });

  it('clamps out-of-range offsets and positions', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
  });

  it('gives line text without the line break', () => {
    const lines = new LineIndex('first\r\nsecond\nthird');
    assert.equal(lines.lineText(0), 'first');
    assert.equal(lines.lineText(1), 'second');
    assert.equal(lines.lineText(2), 'third');
  });
});
