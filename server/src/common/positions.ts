// The one place where UTF-16 offsets and LSP positions are converted. Pure.
// Lines end at "\r\n", "\n" or "\r", as LSP and vscode-languageserver-textdocument count them.
import type { Span } from '../analysis/types';
import { textOf, type TextReader } from './pieceText';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset of the first character of each line (a typed array: an edit copies it in one piece). */
  private readonly lineStarts: Int32Array;

  /** The text: a string, or an edited text read in place (see PieceText). */
  readonly source: TextReader;

  constructor(text: TextReader, lineStarts?: Int32Array) {
    this.source = text;
    this.lineStarts = lineStarts ?? Int32Array.from(scanLineStarts(text, 0, text.length, [0]));
  }

  /** The text as one string (a PieceText source is joined once, when first asked). */
  get text(): string {
    return textOf(this.source);
  }

  /**
   * The index of `text`, which is `previous.text` with [start, oldEnd) replaced by the new
   * text's [start, newEnd): line starts before the change are kept, the changed stretch is
   * scanned again and later starts are shifted. Cheaper than scanning a large text.
   */
  static afterChange(previous: LineIndex, text: TextReader, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = previous.lineStarts;
    const delta = change.newEnd - change.oldEnd;
    // A line start s depends on the characters at s - 1 and s ("\r\n" is one break): those
    // up to change.start - 1 are unchanged, and so are those from oldEnd + 2 on.
    const scanFrom = Math.max(0, change.start - 1);
    const keep = previous.lineAt(scanFrom) + 1;
    const scanned = scanLineStarts(text, scanFrom, Math.min(text.length, change.newEnd + 1), []);
    let k = keep;
    while (k < old.length && old[k] < change.oldEnd + 2) k++;
    const last = scanned.length > 0 ? scanned[scanned.length - 1] : old[keep - 1];
    while (k < old.length && old[k] + delta <= last) k++;
    // Kept starts, the rescanned ones, then the later starts shifted, into one new array.
    const starts = new Int32Array(keep + scanned.length + old.length - k);
    starts.set(old.subarray(0, keep));
    for (let i = 0; i < scanned.length; i++) starts[keep + i] = scanned[i];
    const laterAt = keep + scanned.length;
    if (delta === 0) starts.set(old.subarray(k), laterAt);
    else for (let i = k; i < old.length; i++) starts[laterAt + i - k] = old[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset where `line` starts (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.source.length;
    return this.lineStarts[line];
  }

  /** Offset where `line`'s content ends, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length - 1) return this.source.length;
    let end = this.lineStarts[line + 1];
    if (end > 0 && this.source.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.source.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStarts[line]);
  }

  /** The line's text without its line break. */
  lineText(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Line that holds `offset` (binary search). */
  lineAt(offset: number): number {
    return this.lastLineStartingBy(offset, 0);
  }

  /** lineAt for an offset at or after the start of line `from` (offsets visited in
   * ascending order): a few steps forward, then a binary search over the rest. */
  lineAtFrom(offset: number, from: number): number {
    const starts = this.lineStarts;
    let low = Math.max(0, Math.min(from, starts.length - 1));
    if (starts[low] > offset) return this.lineAt(offset);
    for (let steps = 0; steps < 8; steps++) {
      if (low + 1 >= starts.length || starts[low + 1] > offset) return low;
      low++;
    }
    return this.lastLineStartingBy(offset, low);
  }

  /** Binary search from line `low` (which starts at or before `offset`) for the last line that does. */
  private lastLineStartingBy(offset: number, low: number): number {
    const starts = this.lineStarts;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The character of `offset` on `line` (which holds it), as positionAt gives it. */
  characterAt(offset: number, line: number): number {
    return Math.min(offset, this.lineEnd(line)) - this.lineStarts[line];
  }

  /** Offsets clamped to the text, as positionAt clamps them. */
  clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.source.length));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    const line = this.lineAt(clamped);
    // An offset between "\r" and "\n" belongs to the end of the line's content.
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.source.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Appends to `starts` the line starts after each line break at offsets [from, to). */
function scanLineStarts(text: TextReader, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
