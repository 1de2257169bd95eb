// The input of every export format: claims per document. Pure.
import type { ClaimItem } from '../../../protocol/requests';

export interface ExportDocument {
  uri: string;
  /** File-system path when the document is a file; shown instead of the URI. */
  path?: string;
  claims: ClaimItem[];
}

export interface ExportOptions {
  /** "ClaimLens 0.1.0". */
  generator: string;
}

export function documentLabel(document: ExportDocument): string {
  return document.path ?? document.uri;
}

/** 1-based line and column of a claim's start, as people count them. */
export function lineColumn(claim: ClaimItem): { line: number; column: number } {
  return { line: claim.range.start.line + 1, column: claim.range.start.character + 1 };
}

