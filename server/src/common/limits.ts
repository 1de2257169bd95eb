// Size limit applied before analysis, shared by the server and the CLI. Pure.
import { analyze, emptyAnalysis } from '../analysis';
import type { DocumentAnalysis, Finding, FindingCode } from '../analysis/types';

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

/** The code of the one finding on a file that ClaimLens could not read or analyse. */
export const ANALYSIS_FAILED: FindingCode = 'analysis-failed';

/** What went wrong with a file: it could not be read (other than being gone), or its
 * analysis threw. */
export type FailureStage = 'read' | 'analysis';

/** Plain words for a file error's errno code, else its message. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** The one finding, at 0:0, on a file ClaimLens could not read or analyse: a warning, so
 * that the file shows in Problems instead of vanishing from the index. */
export function analysisFailedFinding(stage: FailureStage, error: string): Finding {
  // One line, without a final stop: the message goes on after it.
  const reason = error.split('\n', 1)[0].trim().replace(/\.$/, '') || 'unknown error';
  return {
    code: ANALYSIS_FAILED,
    span: { start: 0, end: 0 },
    message:
      stage === 'read'
        ? `ClaimLens could not read this file (${reason}), so it did not analyse it.`
        : `ClaimLens could not analyse this file: ${reason}. This is a bug or an incomplete installation; ` +
          'see the ClaimLens output for details.',
    severity: 'warning',
    data: { stage },
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
