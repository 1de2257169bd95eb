// Size limit applied before analysis, shared by the server and the CLI. Pure.
import { analyze, emptyAnalysis } from '../analysis';
import type { DocumentAnalysis } from '../analysis/types';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** UTF-8 size of a string, without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The analysis of a document that was not analysed because it is too large: one finding at 0:0. */
export function tooLargeAnalysis(length: number, bytes: number, maxFileSize: number): DocumentAnalysis {
  return {
    ...emptyAnalysis(length),
    findings: [
      {
        code: 'document-too-large',
        span: { start: 0, end: 0 },
        message:
          `This document is ${formatBytes(bytes)}, larger than the ${formatBytes(maxFileSize)} limit, ` +
          'so ClaimLens did not analyse it. Split it, or raise the "claimlens.maxFileSize" setting.',
        // Matches the default the client's settings schema declares for this code.
        severity: 'information',
        data: { bytes, maxFileSize },
      },
    ],
  };
}

/** Analyses `text` unless it is larger than `maxFileSize` bytes. */
export function analyzeWithinLimit(text: string, maxFileSize: number, isCancelled?: () => boolean): DocumentAnalysis {
  // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > maxFileSize) {
    const bytes = utf8Length(text);
    if (bytes > maxFileSize) return tooLargeAnalysis(text.length, bytes, maxFileSize);
  }
  return analyze(text, { maxLength: maxFileSize, isCancelled });
}
