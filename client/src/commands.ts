// Registers every ClaimLens command. UI pieces live in their own files; this wires them.
import * as vscode from 'vscode';
import type { ClaimsNode } from './api';
import { ClaimsView, FILTER_COMMAND, REVEAL_CLAIM_COMMAND, revealClaim } from './claimsView';
import { analyzeWorkspace, filterClaims } from './workspaceCommands';
import { EXPORT_COMMAND, ExportCommand } from './exportCommand';
import { pickOne } from './pickers';
import { SAMPLE_ARTICLE } from './sampleArticle';
import { RULE_CODES, SEVERITY_LEVELS } from '../../protocol/requests';
import type { ServerConnection } from './serverConnection';

type RuleCode = (typeof RULE_CODES)[number];
type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export function registerCommands(
  context: vscode.ExtensionContext,
  connection: ServerConnection,
  claimsView: ClaimsView,
): void {
  const exportCommand = new ExportCommand(connection);
  const register = (id: string, handler: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));

  register(EXPORT_COMMAND, (arg?: unknown) => exportCommand.run(arg));
  register('claimlens.refreshClaims', () => claimsView.refresh());
  register('claimlens.groupByKind', () => claimsView.setGrouping('kind'));
  register('claimlens.groupBySpeaker', () => claimsView.setGrouping('speaker'));
  register(REVEAL_CLAIM_COMMAND, revealClaim);
  register('claimlens.copyClaimText', async (node?: ClaimsNode) => {
    if (node?.type !== 'claim') return;
    await vscode.env.clipboard.writeText(node.claim.text);
    vscode.window.setStatusBarMessage('$(copy) Claim text copied', 2000);
  });
  register('claimlens.analyzeWorkspace', () => analyzeWorkspace(connection));
  register('claimlens.scopeDocument', () => claimsView.setScope('document'));
  register('claimlens.scopeOpen', () => claimsView.setScope('open'));
  register('claimlens.scopeWorkspace', () => claimsView.setScope('workspace'));
  register(FILTER_COMMAND, (filter?: unknown) => filterClaims(claimsView, filter));
  register('claimlens.clearFilter', () => claimsView.setFilter(undefined));
  register('claimlens.setRuleSeverity', (code?: string, level?: string) => setRuleSeverity(code, level));
  register('claimlens.showOutput', () => connection.outputChannel.show(true));
  register('claimlens.restartServer', async () => {
    await connection.restart();
    vscode.window.setStatusBarMessage('$(check) ClaimLens language server restarted', 3000);
  });
  register('claimlens.openSample', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'news-article', content: SAMPLE_ARTICLE });
    await vscode.window.showTextDocument(document);
  });
}

/**
 * Sets one rule's severity in `claimlens.severity`: in the workspace settings when a
 * folder is open, otherwise in the user settings. Used by the server's "turn off" quick
 * fix (with both arguments) and from the palette (with pickers).
 */
export async function setRuleSeverity(code?: string, level?: string): Promise<void> {
  const interactive = code === undefined || level === undefined;
  if (code === undefined) {
    const pick = await pickOne(RULE_CODES.map((label) => ({ label })), {
      title: 'ClaimLens: Set Rule Severity',
      placeHolder: 'Choose a rule',
    });
    if (!pick) return;
    code = pick.label;
  }
  if (!(RULE_CODES as readonly string[]).includes(code)) {
    throw new Error(`ClaimLens: unknown rule ${JSON.stringify(code)}; rules are ${RULE_CODES.join(', ')}.`);
  }
  if (level === undefined) {
    const pick = await pickOne(SEVERITY_LEVELS.map((label) => ({ label })), {
      title: `ClaimLens: Severity of ${code}`,
      placeHolder: 'Choose how this rule is reported',
    });
    if (!pick) return;
    level = pick.label;
  }
  if (!(SEVERITY_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`ClaimLens: unknown severity ${JSON.stringify(level)}; use ${SEVERITY_LEVELS.join(', ')}.`);
  }
  const configuration = vscode.workspace.getConfiguration('claimlens');
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<Record<string, string>>('severity');
  // Only what this settings level already holds: defaults and other levels are merged by VS Code.
  const existing = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  const updated: Record<string, string> = { ...existing, [code as RuleCode]: level as SeverityLevel };
  await configuration.update('severity', updated, target);
  const where = inWorkspace ? 'workspace' : 'user';
  if (interactive) {
    void vscode.window.showInformationMessage(`ClaimLens: ${code} is now "${level}" in the ${where} settings.`);
  } else {
    vscode.window.setStatusBarMessage(`$(check) ClaimLens: ${code} set to ${level} (${where} settings)`, 4000);
  }
}
