import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changedRange } from '../../server/src/analysis/incremental';
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

  it('finds lines walking forward (lineAtFrom, characterAt, clamp) exactly as positionAt does', () => {
    for (const text of samples) {
      const lines = new LineIndex(text);
      // Every pair of offsets start ≤ end, the start's line found from each earlier line.
      for (let start = -2; start <= text.length + 2; start++) {
        const clampedStart = lines.clamp(start);
        const expectedLine = lines.positionAt(start).line;
        for (let from = 0; from <= expectedLine; from++) {
          const line = lines.lineAtFrom(clampedStart, from);
          assert.equal(line, expectedLine, `${JSON.stringify(text)}: offset ${start} from line ${from}`);
          assert.deepEqual({ line, character: lines.characterAt(clampedStart, line) }, lines.positionAt(start));
        }
        // A hint past the offset's line still finds it.
        assert.equal(lines.lineAtFrom(clampedStart, lines.lineCount + 3), expectedLine);
        for (let end = start; end <= text.length + 2; end++) {
          const clampedEnd = lines.clamp(end);
          const endLine = lines.lineAtFrom(clampedEnd, expectedLine);
          assert.deepEqual({ line: endLine, character: lines.characterAt(clampedEnd, endLine) }, lines.positionAt(end));
        }
      }
    }
    // Long jumps (past the forward steps, into the binary search).
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}${i % 3 === 0 ? '\r\n' : '\n'}`).join('');
    const lines = new LineIndex(long);
    for (let offset = 0; offset <= long.length; offset += 7) {
      assert.deepEqual({ line: lines.lineAtFrom(offset, 0), character: lines.characterAt(offset, lines.lineAtFrom(offset, 0)) }, lines.positionAt(offset));
    }
  });

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

  describe('LineIndex.afterChange (an edited text from the previous index)', () => {
    /** A small deterministic generator: the same edits on every run. */
    function random(seed: number): () => number {
      let state = seed;
      return () => {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        return state / 0x80000000;
      };
    }
    const pieces = ['\n', '\r', '\r\n', '\n\n', 'a', 'word ', '“q”', '\r\r\n\n', ''];

    it('equals a fresh index after random edits around every kind of line break', () => {
      const next = random(7);
      const pick = () => pieces[Math.floor(next() * pieces.length)];
      let text = 'first line\r\nsecond\rthird\n\nfifth\r\n';
      let lines = new LineIndex(text);
      for (let round = 0; round < 3000; round++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 4));
        let inserted = '';
        for (let k = Math.floor(next() * 3); k > 0; k--) inserted += pick();
        const edited = text.slice(0, start) + inserted + text.slice(end);
        if (edited.length > 400) continue;
        const change = changedRange(text, edited);
        if (!change) continue;
        lines = LineIndex.afterChange(lines, edited, change);
        const fresh = new LineIndex(edited);
        assert.equal(lines.lineCount, fresh.lineCount, `round ${round}: ${JSON.stringify(text)} → ${JSON.stringify(edited)}`);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.lineStart(line), fresh.lineStart(line), `round ${round}, line ${line}`);
        text = edited;
      }
    });

    it('shifts or copies the later line starts of a long text, with and without a length change', () => {
      const before = Array.from({ length: 3000 }, (_, i) => `line ${i}${i % 7 === 0 ? '\r\n' : '\n'}`).join('');
      const at = before.indexOf('line 1500');
      const cases = [
        { after: before.slice(0, at) + 'LINE' + before.slice(at + 4), oldEnd: at + 4, newEnd: at + 4 },
        { after: before.slice(0, at) + 'a\nb\r\n' + before.slice(at), oldEnd: at, newEnd: at + 5 },
        { after: before.slice(0, at) + before.slice(at + 30), oldEnd: at + 30, newEnd: at },
      ];
      for (const { after, oldEnd, newEnd } of cases) {
        const lines = LineIndex.afterChange(new LineIndex(before), after, { start: at, oldEnd, newEnd });
        const fresh = new LineIndex(after);
        assert.equal(lines.lineCount, fresh.lineCount);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.lineStart(line), fresh.lineStart(line), `line ${line}`);
      }
    });

    it('takes the edit as given, not only a minimal one', () => {
      const before = 'a\nb\nc\nd';
      const after = 'a\nB\r\nx\nc\nd';
      const lines = LineIndex.afterChange(new LineIndex(before), after, { start: 2, oldEnd: 3, newEnd: 6 });
      assert.deepEqual([...Array(lines.lineCount).keys()].map((l) => lines.lineStart(l)), [0, 2, 5, 7, 9]);
    });
  });
});
