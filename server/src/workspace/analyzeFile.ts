// One file from disk to its summary: what a pool worker does (synchronously: a worker has
// nothing else to do, and each asynchronous fs call is a round trip through libuv's thread
// pool), and what the server does in-process when no worker script is available (tests run
// from sources, tsx).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { makeEntry } from '../analysisStore';
import { analyzeWithinLimit, tooLargeAnalysis } from '../common/limits';
import { maskSuppressionComments } from '../features/suppressions';
import { storeSummary, summarizeEntry, type StoredSummary } from './summary';

export interface AnalyzeFileTask {
  id: number;
  uri: string;
  path: string;
  languageId: string;
  maxFileSize: number;
}

export interface AnalyzeFileResult {
  id: number;
  summary?: StoredSummary;
  /** Modification time and size of the file as read. */
  mtimeMs?: number;
  size?: number;
  /** The file could not be read (deleted in between, unreadable). */
  error?: string;
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

function failure(task: AnalyzeFileTask, error: unknown): AnalyzeFileResult {
  return { id: task.id, error: error instanceof Error ? error.message : String(error) };
}

export async function analyzeFile(task: AnalyzeFileTask): Promise<AnalyzeFileResult> {
  try {
    const info = await stat(task.path);
    // Do not read a file we will not analyse: one finding says why.
    const text = info.size > task.maxFileSize ? undefined : await readFile(task.path, 'utf8');
    return { id: task.id, summary: summarize(task, info.size, text), mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    return failure(task, error);
  }
}

/** The same, blocking: for worker threads. */
export function analyzeFileSync(task: AnalyzeFileTask): AnalyzeFileResult {
  try {
    const fd = openSync(task.path, 'r');
    let info;
    let text: string | undefined;
    try {
      info = fstatSync(fd);
      if (info.size <= task.maxFileSize) text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    return { id: task.id, summary: summarize(task, info.size, text), mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    return failure(task, error);
  }
}
