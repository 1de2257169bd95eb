// The files an indexing run could not read or analyse: counted as they come, then told
// once per run (a log line with the first error and its stack, one warning), never once per
// file: a broken installation fails every file, and 10,000 messages help nobody. Pure.
import type { FileFailure } from './analyzeFile';

const numberFormat = new Intl.NumberFormat('en-US');

export class IndexFailures {
  /** Files whose analysis threw. */
  analysis = 0;
  /** Files that exist but could not be read. */
  read = 0;
  private firstAnalysis?: { uri: string; failure: FileFailure };
  private firstRead?: { uri: string; failure: FileFailure };

  get count(): number {
    return this.analysis + this.read;
  }

  add(uri: string, failure: FileFailure): void {
    if (failure.stage === 'analysis') {
      this.analysis++;
      this.firstAnalysis ??= { uri, failure };
    } else {
      this.read++;
      this.firstRead ??= { uri, failure };
    }
  }

  /** For the output channel: the counts, then the first failure of each kind (an analysis
   * error with its stack); undefined when nothing failed. `total`: the files of the run. */
  logMessage(total: number, what = 'indexing'): string | undefined {
    if (this.count === 0) return undefined;
    const parts: string[] = [];
    if (this.analysis > 0) parts.push(`${numberFormat.format(this.analysis)} failed to analyse`);
    if (this.read > 0) parts.push(`${numberFormat.format(this.read)} could not be read`);
    const lines = [`${what}: could not analyse ${numberFormat.format(this.count)} of ${numberFormat.format(total)} ${plural(total, 'file')} (${parts.join(', ')}).`];
    if (this.firstAnalysis) {
      const { uri, failure } = this.firstAnalysis;
      lines.push(`First analysis failure, ${uri}: ${failure.stack ?? failure.message}`);
    }
    if (this.firstRead) {
      const { uri, failure } = this.firstRead;
      lines.push(`First read failure, ${uri}: ${failure.message}${failure.code ? ` (${failure.code})` : ''}`);
    }
    return lines.join('\n');
  }

  /** The one warning of a run; undefined when nothing failed. */
  warningMessage(total: number): string | undefined {
    if (this.count === 0) return undefined;
    return `ClaimLens could not analyse ${numberFormat.format(this.count)} of ${numberFormat.format(total)} ${plural(total, 'file')}; see the ClaimLens output for details.`;
  }
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
