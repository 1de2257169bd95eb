// One file from disk to its summary: what a pool worker does, and what the server does
// in-process when no worker script is available (tests run from sources, tsx).
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

export async function analyzeFile(task: AnalyzeFileTask): Promise<AnalyzeFileResult> {
  try {
    const info = await stat(task.path);
    let text: string;
    if (info.size > task.maxFileSize) {
      // Do not read a file we will not analyse: one finding says why.
      const entry = makeEntry(task.uri, null, task.languageId, '', tooLargeAnalysis(0, info.size, task.maxFileSize));
      return { id: task.id, summary: storeSummary(summarizeEntry(entry)), mtimeMs: info.mtimeMs, size: info.size };
    }
    text = await readFile(task.path, 'utf8');
    const analysis = analyzeWithinLimit(maskSuppressionComments(text), task.maxFileSize);
    const summary = storeSummary(summarizeEntry(makeEntry(task.uri, null, task.languageId, text, analysis)));
    return { id: task.id, summary, mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
}
