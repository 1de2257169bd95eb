// One file from disk to its summary: what a pool worker does (synchronously: a worker has
// nothing else to do, and each asynchronous fs call is a round trip through libuv's thread
// pool), and what the server does in-process when no worker script is available (tests run
// from sources, tsx).
//
// Three outcomes besides a summary of the analysis: the file is gone (deleted or moved in
// between: dropped from the index, nothing to say); it cannot be read for another reason
// (permissions, a directory); or its analysis threw (a bug, or an installation without its
// models). The last two keep the file in the index with one finding that says so, and a
// `failure` the server counts, logs and reports once per indexing run.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Finding } from '../analysis/types';
import { makeEntry } from '../analysisStore';
import { analysisFailedFinding, analyzeWithinLimit, describeFileError, tooLargeAnalysis, type FailureStage } from '../common/limits';
import { maskSuppressionComments } from '../features/suppressions';
import { storeSummary, summarizeEntry, type FindingSummary, type StoredSummary } from './summary';

export interface AnalyzeFileTask {
  id: number;
  uri: string;
  path: string;
  languageId: string;
  maxFileSize: number;
}

/** Why a file has no summary of its analysis. */
export interface FileFailure {
  stage: FailureStage;
  /** The error's message (or, for a read error, its plain description). */
  message: string;
  /** The errno code of a read error (EACCES, EISDIR, …). */
  code?: string;
  /** The analysis error's stack, for the log. */
  stack?: string;
}

export interface AnalyzeFileResult {
  id: number;
  /** The analysis's summary, or the one finding that says why there is none (`failure`). */
  summary?: StoredSummary;
  /** Modification time and size of the file as read. */
  mtimeMs?: number;
  size?: number;
  /** The file is gone (deleted or moved in between): no summary, drop it. */
  error?: string;
  /** The file could not be read or analysed: `summary` holds one finding that says so. */
  failure?: FileFailure;
}

/** The summary of a file's text, or of the one finding that says it is too large to read. */
function summarize(task: AnalyzeFileTask, size: number, text: string | undefined): StoredSummary {
  if (text === undefined) {
    const entry = makeEntry(task.uri, null, task.languageId, '', tooLargeAnalysis(0, size, task.maxFileSize));
    return storeSummary(summarizeEntry(entry));
  }
  const analysis = analyzeWithinLimit(maskSuppressionComments(text), task.maxFileSize);
  return storeSummary(summarizeEntry(makeEntry(task.uri, null, task.languageId, text, analysis)));
}

/** Deleted or moved away (a path component too): not worth a word. */
export function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The summary of a finding at 0:0 (one that says a file could not be read or analysed). */
export function findingAtStart(finding: Finding): FindingSummary {
  const at = { line: 0, character: 0 };
  return { code: finding.code, range: { start: at, end: { ...at } }, message: finding.message, severity: finding.severity, data: finding.data };
}

/** The summary of a file that holds just the finding: built directly, without the
 * analysis's helpers, which may be what failed. */
export function failedSummary(uri: string, finding: Finding): StoredSummary {
  return storeSummary({ uri, claims: [], findings: [findingAtStart(finding)], entities: [] });
}

/** The result of a file whose analysis threw (stage 'analysis'), or that could not be read. */
export function failedResult(id: number, uri: string, stage: FailureStage, error: unknown, info?: { mtimeMs: number; size: number }): AnalyzeFileResult {
  const message = stage === 'read' ? describeFileError(error) : error instanceof Error ? error.message : String(error);
  const failure: FileFailure = { stage, message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (stage === 'read' && typeof code === 'string') failure.code = code;
  if (stage === 'analysis' && error instanceof Error && error.stack) failure.stack = error.stack;
  const result: AnalyzeFileResult = { id, summary: failedSummary(uri, analysisFailedFinding(stage, message)), failure };
  if (info) {
    result.mtimeMs = info.mtimeMs;
    result.size = info.size;
  }
  return result;
}

function readFailure(task: AnalyzeFileTask, error: unknown, info?: { mtimeMs: number; size: number }): AnalyzeFileResult {
  if (isGone(error)) return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  return failedResult(task.id, task.uri, 'read', error, info);
}

function analysed(task: AnalyzeFileTask, info: { mtimeMs: number; size: number }, text: string | undefined): AnalyzeFileResult {
  let summary: StoredSummary;
  try {
    summary = summarize(task, info.size, text);
  } catch (error) {
    return failedResult(task.id, task.uri, 'analysis', error, info);
  }
  return { id: task.id, summary, mtimeMs: info.mtimeMs, size: info.size };
}

export async function analyzeFile(task: AnalyzeFileTask): Promise<AnalyzeFileResult> {
  let info;
  let text: string | undefined;
  try {
    info = await stat(task.path);
    // Do not read a file we will not analyse: one finding says why.
    if (info.size <= task.maxFileSize) text = await readFile(task.path, 'utf8');
  } catch (error) {
    return readFailure(task, error, info);
  }
  return analysed(task, info, text);
}

/** The same, blocking: for worker threads. */
export function analyzeFileSync(task: AnalyzeFileTask): AnalyzeFileResult {
  let info;
  let text: string | undefined;
  try {
    const fd = openSync(task.path, 'r');
    try {
      info = fstatSync(fd);
      if (info.size <= task.maxFileSize) text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return readFailure(task, error, info);
  }
  return analysed(task, info, text);
}
