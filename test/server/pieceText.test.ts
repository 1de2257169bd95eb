import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createRng } from '../../bench/corpus';
import { changedRange, minimalChange } from '../../server/src/analysis/incremental';
import { PieceText } from '../../server/src/common/pieceText';
import { LineIndex } from '../../server/src/common/positions';
import { EditorDocument } from '../../server/src/editorDocument';

const NEEDLE = 'disable-me';

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** Inserted texts that make and break the watched string, repeat their surroundings, and
 * hold line breaks (CRLF too). */
const INSERTS = ['', 'a', 'able-me', 'disable-', NEEDLE, 'x\r\ny', '\n', '\r', 'ab'.repeat(200), 'é😀', 'me '.repeat(3)];

function randomEdit(rng: () => number, length: number) {
  const start = Math.floor(rng() * (length + 1));
  const end = Math.min(length, start + Math.floor(rng() * (rng() < 0.2 ? 600 : 12)));
  const inserted = INSERTS[Math.floor(rng() * INSERTS.length)];
  return { start, end, inserted };
}

describe('PieceText (an edited text kept in pieces)', () => {
  const base = Array.from({ length: 400 }, (_, i) => `Line ${i} says ${i % 7 === 0 ? NEEDLE : 'nothing'} abab.${i % 3 === 0 ? '\r\n' : '\n'}`).join('');

  it('reads, slices, joins and tracks the watched string exactly as a string after random edits', () => {
    const rng = createRng(7);
    let text = PieceText.of(base, NEEDLE);
    let plain = base;
    for (let step = 0; step < 600; step++) {
      const { start, end, inserted } = randomEdit(rng, plain.length);
      const before = text;
      text = text.replace(start, end, inserted);
      plain = plain.slice(0, start) + inserted + plain.slice(end);
      assert.equal(text.length, plain.length);
      assert.deepEqual(text.occurrencesOf(NEEDLE), occurrences(plain, NEEDLE), `step ${step}`);
      assert.equal(text.occurrencesOf('other'), undefined);
      for (let probe = 0; probe < 20; probe++) {
        const at = Math.floor(rng() * (plain.length + 2)) - 1;
        assert.equal(String(text.charCodeAt(at)), String(plain.charCodeAt(at)), `charCodeAt(${at})`);
        const to = at + Math.floor(rng() * 900) - 100;
        assert.equal(text.slice(at, to), plain.slice(at, to), `slice(${at}, ${to})`);
      }
      // The text before an edit stays what it was.
      if (step % 50 === 0) assert.ok(before.toString().length === plain.length - inserted.length + (end - start));
      if (step % 97 === 0) assert.equal(text.toString(), plain);
      assert.ok(text.isText(plain));
    }
    assert.equal(text.toString(), plain);
  });

  it('stays the text through typing letter by letter and deleting what was typed', () => {
    let text = PieceText.of(base);
    let plain = base;
    const at = base.length >> 1;
    for (const letter of 'Officials said 40 per cent of the 12,000 households were affected. ') {
      const offset = at + (plain.length - base.length);
      text = text.replace(offset, offset, letter);
      plain = plain.slice(0, offset) + letter + plain.slice(offset);
    }
    assert.equal(text.toString(), plain);
    // Removing what was typed gives the original text back.
    text = text.replace(at, at + plain.length - base.length, '');
    assert.equal(text.toString(), base);
  });

  it('finds the same smallest change as changedRange from an editor\'s change', () => {
    const rng = createRng(3);
    const repetitive = 'ab'.repeat(300) + '\n' + 'abc'.repeat(200);
    for (let step = 0; step < 500; step++) {
      const plain = step % 2 === 0 ? base : repetitive;
      const { start, end, inserted } = randomEdit(rng, plain.length);
      const after = plain.slice(0, start) + inserted + plain.slice(end);
      const before = PieceText.of(plain);
      const edited = before.replace(start, end, inserted);
      const known = { start, oldEnd: end, newEnd: start + inserted.length };
      assert.deepEqual(minimalChange(before, edited, known), changedRange(plain, after), `step ${step}: ${JSON.stringify(known)}`);
      assert.deepEqual(minimalChange(plain, after, known), changedRange(plain, after));
    }
  });

  it('gives LineIndex the same lines read in place as from the joined string', () => {
    const text = PieceText.of(base).replace(100, 140, 'one\r\ntwo\rthree\n');
    const inPlace = new LineIndex(text);
    const joined = new LineIndex(text.toString());
    assert.equal(inPlace.lineCount, joined.lineCount);
    for (let offset = 0; offset <= text.length; offset += 13) assert.deepEqual(inPlace.positionAt(offset), joined.positionAt(offset));
    assert.equal(inPlace.text, joined.text);
  });
});

describe('EditorDocument (the server\'s open documents)', () => {
  it('agrees with vscode-languageserver-textdocument through random incremental and full changes', () => {
    const rng = createRng(11);
    const initial = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}, “quoted” 😀 text.${i % 4 === 0 ? '\r\n' : '\n'}`).join('');
    const ours = EditorDocument.create('file:///a.txt', 'plaintext', 1, initial);
    let theirs = TextDocument.create('file:///a.txt', 'plaintext', 1, initial);
    for (let version = 2; version < 300; version++) {
      const changes = [];
      const count = 1 + Math.floor(rng() * 3);
      // update changes a document in place: the changes are made on a copy.
      let scratch = TextDocument.create('file:///a.txt', 'plaintext', version - 1, theirs.getText());
      for (let c = 0; c < count; c++) {
        if (rng() < 0.02) {
          changes.push({ text: `Full replacement ${version}\r\nsecond line\n` });
        } else {
          const length = scratch.getText().length;
          const { start, end, inserted } = randomEdit(rng, length);
          // Sometimes a range written backwards, or past a line's end.
          let range = { start: scratch.positionAt(start), end: scratch.positionAt(end) };
          if (rng() < 0.1) range = { start: range.end, end: range.start };
          if (rng() < 0.1) range = { start: range.start, end: { line: range.end.line, character: range.end.character + 5 } };
          changes.push({ range, text: inserted });
        }
        scratch = TextDocument.update(scratch, [changes[changes.length - 1]], version);
      }
      const before = ours.text;
      const fromVersion = ours.version;
      EditorDocument.update(ours, changes, version);
      theirs = TextDocument.update(theirs, changes, version);
      const text = theirs.getText();
      assert.equal(ours.getText(), text, `version ${version}`);
      assert.equal(ours.version, version);
      assert.equal(ours.lineCount, theirs.lineCount);
      for (let probe = 0; probe < 10; probe++) {
        const offset = Math.floor(rng() * (text.length + 1));
        assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
        const position = theirs.positionAt(offset);
        assert.equal(ours.offsetAt(position), theirs.offsetAt(position));
        const end = theirs.positionAt(Math.min(text.length, offset + 30));
        assert.equal(ours.getText({ start: position, end }), theirs.getText({ start: position, end }));
        assert.equal(ours.getText({ start: end, end: position }), theirs.getText({ start: end, end: position }));
      }
      // One incremental change is remembered with the text it was made to.
      const edit = ours.lastEdit;
      if (count === 1 && 'range' in changes[0]) {
        assert.ok(edit);
        assert.equal(edit.fromVersion, fromVersion);
        assert.equal(edit.before, before);
        const { start, oldEnd, newEnd } = edit.change;
        const old = before.toString();
        assert.equal(old.slice(0, start) + text.slice(start, newEnd) + old.slice(oldEnd), text);
      } else {
        assert.equal(edit, undefined);
      }
    }
  });
});
