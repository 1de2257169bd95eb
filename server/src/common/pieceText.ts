// An edited text kept as pieces of the strings it was made from, so that an edit to a
// large document does not copy it. Joining a string's head, the typed text and its tail
// (what an editor's document does) makes a rope that V8 copies into a fresh string the
// first time anything reads it: on a 1 MB document, 2 MB of new large-object pages per
// keystroke (page faults, garbage). Here an edit makes a new short list of pieces (slices
// of the old ones, which V8 makes without copying); the whole string is joined only when
// someone asks for it. Immutable: each edit gives a new PieceText. Pure.

/** What the edit path reads of a text: a string is one, and so is a PieceText. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

/** More pieces than this and the next edit joins them (reads would slow down). */
const MAX_PIECES = 64;
/** A typed run next to a short piece joins it, so typing letter by letter stays one piece. */
const SHORT_PIECE = 256;

export class PieceText implements TextReader {
  readonly length: number;
  /** The joined text, once asked for. */
  private flat: string | undefined;
  /** The piece the last charCodeAt read (reads are mostly near each other). */
  private lastPiece = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** Offset where each piece starts. */
    private readonly starts: readonly number[],
    /** The watched string (see `watching`) and every offset where it occurs, ascending. */
    private readonly watched: string | undefined,
    private readonly occurrences: readonly number[],
  ) {
    const lastIndex = pieces.length - 1;
    this.length = lastIndex < 0 ? 0 : starts[lastIndex] + pieces[lastIndex].length;
    if (pieces.length === 1) this.flat = pieces[0];
  }

  /** A text from one string. With `watch`, the text keeps track (through edits, without
   * scanning the whole text again) of where that string occurs: see occurrencesOf. */
  static of(text: string, watch?: string): PieceText {
    const occurrences: number[] = [];
    if (watch) for (let at = text.indexOf(watch); at >= 0; at = text.indexOf(watch, at + 1)) occurrences.push(at);
    return new PieceText(text.length > 0 ? [text] : [], text.length > 0 ? [0] : [], watch, occurrences);
  }

  /** The offsets where `needle` occurs, when it is the watched string; else undefined. */
  occurrencesOf(needle: string): readonly number[] | undefined {
    return needle === this.watched ? this.occurrences : undefined;
  }

  /** This text with [start, end) replaced by `inserted`. */
  replace(start: number, end: number, inserted: string): PieceText {
    if (start < 0 || end < start || end > this.length) throw new RangeError(`replace(${start}, ${end}) on a text of ${this.length}`);
    // A joined text is one piece again: its pieces are no longer needed.
    const pieces = this.flat !== undefined && this.pieces.length > 1 ? [this.flat] : this.pieces;
    const starts = pieces.length === 1 ? [0] : this.starts;
    const out: string[] = [];
    let k = 0;
    for (; k < pieces.length && starts[k] + pieces[k].length <= start; k++) out.push(pieces[k]);
    // The piece the change starts in keeps its head; the one it ends in, its tail.
    const head = k < pieces.length ? pieces[k].slice(0, start - starts[k]) : '';
    while (k < pieces.length && starts[k] + pieces[k].length < end) k++;
    const tail = k < pieces.length ? pieces[k++].slice(end - starts[k - 1]) : '';
    // Long heads and tails stay pieces of their own (slices, not copies); short ones join
    // the inserted text, and a short run joins a short piece before it.
    let middle = '';
    if (head.length >= SHORT_PIECE) out.push(head);
    else middle = head;
    middle += inserted;
    if (tail.length < SHORT_PIECE) middle += tail;
    if (middle.length > 0) {
      const last = out.length - 1;
      if (last >= 0 && out[last].length < SHORT_PIECE) out[last] += middle;
      else out.push(middle);
    }
    if (tail.length >= SHORT_PIECE) out.push(tail);
    for (; k < pieces.length; k++) out.push(pieces[k]);
    const outStarts: number[] = new Array(out.length);
    let offset = 0;
    for (let p = 0; p < out.length; p++) {
      outStarts[p] = offset;
      offset += out[p].length;
    }
    const occurrences = this.watched ? this.occurrencesAfter(start, end, inserted) : this.occurrences;
    const text = new PieceText(out, outStarts, this.watched, occurrences);
    if (out.length > MAX_PIECES) text.toString();
    return text;
  }

  /** The watched string's occurrences after replace(start, end, inserted): those clear of
   * the change stay (shifted), the stretch around the change is searched again. */
  private occurrencesAfter(start: number, end: number, inserted: string): number[] {
    const needle = this.watched!;
    const delta = inserted.length - (end - start);
    const out: number[] = [];
    let k = 0;
    for (; k < this.occurrences.length && this.occurrences[k] + needle.length <= start; k++) out.push(this.occurrences[k]);
    const from = Math.max(0, start - needle.length + 1);
    const newLength = this.length + delta;
    const to = Math.min(newLength, start + inserted.length + needle.length - 1);
    if (to - from >= needle.length) {
      // The stretch in the new text: the old text's head, the inserted text, the old tail.
      const around = this.slice(from, start) + inserted + this.slice(end, Math.min(this.length, end + needle.length - 1));
      for (let at = around.indexOf(needle); at >= 0; at = around.indexOf(needle, at + 1)) {
        // Only those that touch the inserted text: the others are already counted.
        const offset = from + at;
        if (offset < start + inserted.length && offset + needle.length > start) out.push(offset);
      }
    }
    for (; k < this.occurrences.length; k++) if (this.occurrences[k] >= end) out.push(this.occurrences[k] + delta);
    return out;
  }

  private pieceAt(index: number): number {
    const starts = this.starts;
    let p = this.lastPiece;
    if (p < starts.length && starts[p] <= index && (p + 1 === starts.length || starts[p + 1] > index)) return p;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    this.lastPiece = low;
    return low;
  }

  charCodeAt(index: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(index);
    if (!(index >= 0 && index < this.length)) return NaN;
    const p = this.pieceAt(index);
    return this.pieces[p].charCodeAt(index - this.starts[p]);
  }

  slice(start = 0, end: number = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    // As String.prototype.slice: negative offsets count from the end.
    const from = clampIndex(start, this.length);
    const to = clampIndex(end, this.length);
    if (to <= from) return '';
    const first = this.pieceAt(from);
    const firstStart = this.starts[first];
    if (to <= firstStart + this.pieces[first].length) return this.pieces[first].slice(from - firstStart, to - firstStart);
    const parts: string[] = [this.pieces[first].slice(from - firstStart)];
    for (let p = first + 1; p < this.pieces.length && this.starts[p] < to; p++) {
      parts.push(to >= this.starts[p] + this.pieces[p].length ? this.pieces[p] : this.pieces[p].slice(0, to - this.starts[p]));
    }
    return parts.join('');
  }

  /** Is `other` this text: itself, or the string it was joined into? (A string made
   * elsewhere is compared by content.) */
  isText(other: TextReader): boolean {
    if (other === this) return true;
    if (typeof other !== 'string' || other.length !== this.length) return false;
    return other === this.toString();
  }

  /** The whole text as one string, joined once and kept. */
  toString(): string {
    if (this.flat === undefined) {
      this.flat = this.pieces.join('');
      this.lastPiece = 0;
    }
    return this.flat;
  }
}

function clampIndex(index: number, length: number): number {
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

/** The text of a reader as one string (a PieceText joins its pieces once). */
export function textOf(reader: TextReader): string {
  return typeof reader === 'string' ? reader : reader.toString();
}
