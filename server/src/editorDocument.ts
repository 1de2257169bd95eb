// An open document as the server keeps it: vscode-languageserver-textdocument's contract
// (the TextDocuments manager creates and updates it), with the text held as a PieceText
// so that a keystroke in a large document copies nothing, and its line index following
// each edit. The edit path reads the text in place; getText() joins it when asked.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range } from 'vscode-languageserver-textdocument';
import type { TextChange } from './analysis/incremental';
import { PieceText } from './common/pieceText';
import { LineIndex } from './common/positions';
import { DISABLE_NEXT_LINE } from './features/suppressions';

/** The last update, when it was one contiguous change. */
export interface LastEdit {
  /** The version the change was made to, and its text. */
  fromVersion: number;
  before: PieceText;
  /** As LSP sent it (not the smallest change: see minimalChange). */
  change: TextChange;
}

export class EditorDocument {
  private _text: PieceText;
  private _lines: LineIndex;
  private _version: number;
  private _lastEdit: LastEdit | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this._version = version;
    // Suppression comments are tracked through edits: with none in the text, the edit path
    // need not search it for them (see features/suppressions).
    this._text = PieceText.of(content, DISABLE_NEXT_LINE);
    this._lines = new LineIndex(this._text);
  }

  get version(): number {
    return this._version;
  }

  /** The current text, read in place. */
  get text(): PieceText {
    return this._text;
  }

  /** Line starts of the current text. */
  get lines(): LineIndex {
    return this._lines;
  }

  get lastEdit(): LastEdit | undefined {
    return this._lastEdit;
  }

  get lineCount(): number {
    return this._lines.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this._text.toString();
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    // As substring, which the library's document uses: a range given backwards reads the same.
    return this._text.slice(Math.min(start, end), Math.max(start, end));
  }

  positionAt(offset: number): Position {
    return this._lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this._lines.offsetAt(position);
  }

  /** Applies the changes of one didChange, in order (each to the text the previous left). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const fromVersion = this._version;
    const before = this._text;
    let single: TextChange | undefined;
    let count = 0;
    for (const change of changes) {
      count++;
      if ('range' in change) {
        let { start, end } = change.range;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
        const from = this._lines.offsetAt(start);
        const to = this._lines.offsetAt(end);
        const textChange = { start: from, oldEnd: to, newEnd: from + change.text.length };
        this._text = this._text.replace(from, to, change.text);
        this._lines = LineIndex.afterChange(this._lines, this._text, textChange);
        single = textChange;
      } else {
        this._text = PieceText.of(change.text, DISABLE_NEXT_LINE);
        this._lines = new LineIndex(this._text);
        single = undefined;
      }
    }
    this._version = version;
    this._lastEdit = count === 1 && single ? { fromVersion, before, change: single } : undefined;
  }

  static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
    return new EditorDocument(uri, languageId, version, content);
  }

  static update(document: EditorDocument, changes: TextDocumentContentChangeEvent[], version: number): EditorDocument {
    document.update(changes, version);
    return document;
  }
}
