// "ClaimLens: Analyze Workspace" and "Filter Claims…": the workspace-wide commands.
import * as vscode from 'vscode';
import type { AnalyzeWorkspaceResult, ClaimKind, ClaimsFilter } from '../../protocol/requests';
import type { ClaimsView } from './claimsView';
import { kindLabel, normaliseFilter } from './claimsModel';
import { showQuickPick } from './pickers';
import type { ServerConnection } from './serverConnection';
import { workspaceResultMessage } from './workspaceResult';

const KINDS: readonly ClaimKind[] = ['quote', 'statistic', 'statement'];

/** Asks the server to index every matching file again. The server shows the cancellable
 * progress notification itself (window/workDoneProgress); this reports only how it ended. */
export async function analyzeWorkspace(connection: ServerConnection): Promise<AnalyzeWorkspaceResult | undefined> {
  if ((vscode.workspace.workspaceFolders?.length ?? 0) === 0) {
    void vscode.window.showInformationMessage('ClaimLens: open a folder to analyse a workspace.');
    return undefined;
  }
  try {
    const result = await connection.analyzeWorkspace(true);
    const message = workspaceResultMessage(result);
    if (message.cancelled) void vscode.window.showInformationMessage(message.text);
    else vscode.window.setStatusBarMessage(message.text, 4000);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`ClaimLens: workspace analysis failed. ${message}`);
    return undefined;
  }
}

interface OptionItem extends vscode.QuickPickItem {
  apply: (filter: ClaimsFilter) => void;
  selected: (filter: ClaimsFilter | undefined) => boolean;
}

/**
 * With a `ClaimsFilter` argument (automation), applies it. Otherwise one quick pick: what
 * is typed filters the claim text, and the ticked options narrow by kind, source and speaker.
 */
export async function filterClaims(view: ClaimsView, argument?: unknown): Promise<void> {
  if (argument !== undefined && argument !== null && typeof argument === 'object' && !Array.isArray(argument)) {
    await view.setFilter(normaliseFilter(argument as ClaimsFilter));
    return;
  }
  const current = view.filter;
  const options: (OptionItem | vscode.QuickPickItem)[] = [{ label: 'Kind', kind: vscode.QuickPickItemKind.Separator }];
  for (const kind of KINDS) {
    options.push({
      label: kindLabel(kind),
      alwaysShow: true,
      apply: (filter) => (filter.kinds = [...(filter.kinds ?? []), kind]),
      selected: (filter) => filter?.kinds?.includes(kind) ?? false,
    } satisfies OptionItem);
  }
  options.push({ label: 'Source', kind: vscode.QuickPickItemKind.Separator });
  for (const sourced of [true, false]) {
    options.push({
      label: sourced ? 'Sourced' : 'Unsourced',
      description: sourced ? 'credited to someone' : 'no one in the text is credited',
      alwaysShow: true,
      apply: (filter) => (filter.sourced = filter.sourced === undefined ? sourced : undefined),
      selected: (filter) => filter?.sourced === sourced,
    } satisfies OptionItem);
  }
  const speakers = new Set(view.shownSpeakers);
  if (current?.speaker) speakers.add(current.speaker);
  if (speakers.size > 0) {
    options.push({ label: 'Speaker (one)', kind: vscode.QuickPickItemKind.Separator });
    for (const speaker of [...speakers].sort((a, b) => a.localeCompare(b))) {
      options.push({
        label: speaker,
        iconPath: new vscode.ThemeIcon('person'),
        alwaysShow: true,
        apply: (filter) => (filter.speaker ??= speaker),
        selected: (filter) => filter?.speaker === speaker,
      } satisfies OptionItem);
    }
  }

  const pick = vscode.window.createQuickPick<OptionItem | vscode.QuickPickItem>();
  pick.title = 'ClaimLens: Filter Claims';
  pick.placeholder = 'Type text to find in claims, speakers and sources; tick kinds, source or a speaker; Enter applies';
  pick.canSelectMany = true;
  pick.matchOnDescription = false;
  pick.items = options;
  pick.value = current?.text ?? '';
  pick.selectedItems = options.filter((item): item is OptionItem => 'selected' in item && item.selected(current));
  const accepted = await new Promise<boolean>((resolve) => {
    pick.onDidAccept(() => resolve(true));
    pick.onDidHide(() => resolve(false));
    showQuickPick(pick);
  });
  const text = pick.value;
  const ticked = pick.selectedItems.filter((item): item is OptionItem => 'apply' in item);
  pick.dispose();
  if (!accepted) return;
  const filter: ClaimsFilter = {};
  if (text.trim()) filter.text = text.trim();
  for (const item of ticked) item.apply(filter);
  await view.setFilter(normaliseFilter(filter));
}
