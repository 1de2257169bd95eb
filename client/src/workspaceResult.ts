// What "ClaimLens: Analyze Workspace" tells when a run ends. The server shows its own
// warning (with the output's details) when files failed; this line must not contradict it.
import type { AnalyzeWorkspaceResult } from '../../protocol/requests';

const count = (n: number): string => n.toLocaleString('en-US');

/** The message for a cancelled run, or the status-bar line (with its icon) for a finished one. */
export function workspaceResultMessage(result: AnalyzeWorkspaceResult): { cancelled: boolean; text: string } {
  if (result.cancelled) {
    return { cancelled: true, text: `ClaimLens: workspace analysis cancelled after ${count(result.analysed)} of ${count(result.files)} files.` };
  }
  const files = `${count(result.files)} file${result.files === 1 ? '' : 's'}`;
  if (result.failed > 0) {
    return { cancelled: false, text: `$(warning) ClaimLens analysed ${files}; ${count(result.failed)} could not be analysed` };
  }
  return { cancelled: false, text: `$(check) ClaimLens analysed ${files}` };
}
