// Analyses by document URI: for open documents now, and for unopened workspace files later
// (issue 4). Separate from the editor's document store on purpose. Pure data.
import type { DocumentAnalysis } from './analysis/types';
import { LineIndex } from './common/positions';

export interface AnalysisEntry {
  uri: string;
  /** Editor version of an open document; null for a file read from disk. */
  version: number | null;
  languageId: string;
  /** The analysed text: every offset in `analysis` points into it. */
  text: string;
  lines: LineIndex;
  analysis: DocumentAnalysis;
  /** The text the core read (suppression comments masked); `text` when nothing was masked. */
  analysedText?: string;
  /** False for an analysis spliced from a window after an edit: a full one replaces it. */
  exact?: boolean;
}

export function makeEntry(
  uri: string,
  version: number | null,
  languageId: string,
  text: string,
  analysis: DocumentAnalysis,
  extra: { analysedText?: string; exact?: boolean; lines?: LineIndex } = {},
): AnalysisEntry {
  const lines = extra.lines?.text === text ? extra.lines : new LineIndex(text);
  const entry: AnalysisEntry = { uri, version, languageId, text, lines, analysis };
  if (extra.analysedText !== undefined && extra.analysedText !== text) entry.analysedText = extra.analysedText;
  if (extra.exact === false) entry.exact = false;
  return entry;
}

export class AnalysisStore {
  private readonly entries = new Map<string, AnalysisEntry>();

  get(uri: string): AnalysisEntry | undefined {
    return this.entries.get(uri);
  }

  set(entry: AnalysisEntry): void {
    this.entries.set(entry.uri, entry);
  }

  delete(uri: string): boolean {
    return this.entries.delete(uri);
  }

  /** URIs in a stable order. */
  uris(): string[] {
    return [...this.entries.keys()].sort();
  }

  clear(): void {
    this.entries.clear();
  }
}
