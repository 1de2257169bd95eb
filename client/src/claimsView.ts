// The Claims view: document → group (by kind or by speaker) → claim, from the server's
// claims requests only. The client never analyses text itself.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ClaimItem, DocumentClaims } from '../../protocol/requests';
import type { ClaimsNode, ClaimsViewApi } from './api';
import { countClaims, groupClaims, Grouping, kindLabel, orderDocuments, shortText, sourceLabel } from './claimsModel';
import type { ServerConnection } from './serverConnection';

export const CLAIMS_VIEW_ID = 'claimlens.claims';
export const REVEAL_CLAIM_COMMAND = 'claimlens.revealClaim';
const GROUPING_CONTEXT_KEY = 'claimlens.claimsGrouping';
const GROUPING_STATE_KEY = 'claimlens.claimsGrouping';
/** Analysis notifications come per keystroke burst; one refresh per pause is enough. */
const REFRESH_DEBOUNCE_MS = 300;

export class ClaimsView implements vscode.TreeDataProvider<ClaimsNode>, ClaimsViewApi, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClaimsNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  private readonly treeView: vscode.TreeView<ClaimsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Claims per protocol URI from the last fetch of the root. */
  private readonly documents = new Map<string, DocumentClaims>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private currentGrouping: Grouping;

  constructor(
    private readonly connection: ServerConnection,
    private readonly state: vscode.Memento,
  ) {
    const stored = state.get<string>(GROUPING_STATE_KEY);
    this.currentGrouping = stored === 'speaker' ? 'speaker' : 'kind';
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, this.currentGrouping);

    this.treeView = vscode.window.createTreeView(CLAIMS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.changeEmitter,
      connection.onAnalysisChanged(() => this.scheduleRefresh()),
      connection.onRestarted(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()),
    );
  }

  get grouping(): Grouping {
    return this.currentGrouping;
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.currentGrouping = grouping;
    await this.state.update(GROUPING_STATE_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, grouping);
    this.refresh();
  }

  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.changeEmitter.fire();
    // A hidden view is not asked for its children, but its badge still shows.
    if (!this.treeView.visible) void this.updateBadgeFromServer();
  }

  async getChildren(node?: ClaimsNode): Promise<ClaimsNode[]> {
    if (!node) return this.documentNodes();
    if (node.type === 'document') {
      const claims = await this.claimsOf(node.uri);
      return groupClaims(claims, this.currentGrouping).map((group) => ({
        type: 'group' as const,
        uri: node.uri,
        label: group.label,
        claims: group.claims,
      }));
    }
    if (node.type === 'group') return node.claims.map((claim) => ({ type: 'claim' as const, uri: node.uri, claim }));
    return [];
  }

  getTreeItem(node: ClaimsNode): vscode.TreeItem {
    switch (node.type) {
      case 'document':
        return this.documentItem(node);
      case 'group':
        return this.groupItem(node);
      case 'claim':
        return claimItem(node.uri, node.claim, this.connection, this.currentGrouping);
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  private async documentNodes(): Promise<ClaimsNode[]> {
    let documents: DocumentClaims[];
    try {
      documents = await this.connection.allClaims();
    } catch (error) {
      this.connection.outputChannel.appendLine(`Claims view: ${error instanceof Error ? error.message : String(error)}`);
      documents = [];
    }
    const activeUri = await this.activeProtocolUri();
    const ordered = orderDocuments(documents, activeUri);
    this.documents.clear();
    for (const document of ordered) this.documents.set(document.uri, document);
    this.setBadge(ordered);
    return ordered.map((document) => ({
      type: 'document' as const,
      uri: document.uri,
      label: documentLabel(this.connection.asCodeUri(document.uri)),
      count: document.claims.length,
    }));
  }

  private async claimsOf(uri: string): Promise<ClaimItem[]> {
    const cached = this.documents.get(uri);
    if (cached) return cached.claims;
    const fetched = await this.connection.documentClaims(this.connection.asCodeUri(uri));
    return fetched?.claims ?? [];
  }

  private async activeProtocolUri(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    try {
      return await this.connection.protocolUri(editor.document.uri);
    } catch {
      return undefined;
    }
  }

  private async updateBadgeFromServer(): Promise<void> {
    try {
      this.setBadge(await this.connection.allClaims());
    } catch {
      this.treeView.badge = undefined;
    }
  }

  private setBadge(documents: readonly DocumentClaims[]): void {
    const { claims, unsourced } = countClaims(documents);
    this.treeView.badge =
      claims > 0 ? { value: claims, tooltip: `${plural(claims, 'claim')}, ${unsourced} unsourced` } : undefined;
  }

  private documentItem(node: Extract<ClaimsNode, { type: 'document' }>): vscode.TreeItem {
    const uri = this.connection.asCodeUri(node.uri);
    const document = this.documents.get(node.uri);
    const unsourced = document ? document.claims.filter((claim) => !claim.sourced).length : 0;
    const isActive = vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
    const item = new vscode.TreeItem(
      node.label,
      node.count === 0
        ? vscode.TreeItemCollapsibleState.None
        : isActive
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    // VS Code remembers expansion per id: an id of its own while empty lets the first
    // render with claims start expanded instead of inheriting the empty node's state.
    item.id = `${node.count === 0 ? 'empty-document' : 'document'}:${node.uri}`;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = node.count === 0 ? 'no claims' : unsourced > 0 ? `${node.count} · ${unsourced} unsourced` : `${node.count}`;
    item.tooltip = `${uri.scheme === 'file' ? uri.fsPath : uri.toString()}\n${plural(node.count, 'claim')}, ${unsourced} unsourced`;
    item.contextValue = 'claimlens.document';
    return item;
  }

  private groupItem(node: Extract<ClaimsNode, { type: 'group' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${node.uri}#${this.currentGrouping}:${node.label}`;
    const unsourced = node.claims.filter((claim) => !claim.sourced).length;
    item.description = unsourced > 0 && unsourced < node.claims.length ? `${node.claims.length} · ${unsourced} unsourced` : `${node.claims.length}`;
    item.iconPath = new vscode.ThemeIcon(this.currentGrouping === 'speaker' ? (node.claims.some((c) => c.sourced) ? 'person' : 'question') : groupIcon(node.claims));
    item.contextValue = 'claimlens.group';
    return item;
  }
}

function groupIcon(claims: readonly ClaimItem[]): string {
  const kind = claims[0]?.kind;
  return kind === 'quote' ? 'quote' : kind === 'statistic' ? 'graph' : 'comment';
}

function claimItem(uri: string, claim: ClaimItem, connection: ServerConnection, grouping: Grouping): vscode.TreeItem {
  const item = new vscode.TreeItem(shortText(claim.text), vscode.TreeItemCollapsibleState.None);
  // The range start makes the id unique even if two claims had the same text.
  item.id = `claim:${uri}#${claim.id}@${claim.range.start.line}:${claim.range.start.character}`;
  const source = sourceLabel(claim);
  // Under a speaker group the speaker goes without saying; the kind does not.
  const sourcedDescription = grouping === 'speaker' ? kindLabel(claim.kind).replace(/s$/, '').toLowerCase() : source ?? 'sourced';
  item.description = claim.sourced ? sourcedDescription : 'unsourced';
  item.iconPath = claim.sourced
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.tooltip = claimTooltip(claim);
  item.contextValue = 'claimlens.claim';
  item.command = {
    command: REVEAL_CLAIM_COMMAND,
    title: 'Reveal Claim',
    arguments: [connection.asCodeUri(uri), claim.range],
  };
  item.accessibilityInformation = {
    label: `${kindLabel(claim.kind)}: ${claim.text}. ${claim.sourced ? `Source: ${source ?? 'unnamed'}` : 'Unsourced'}.`,
  };
  return item;
}

/** Text, source and figures; the article's words are added as plain text, never as Markdown. */
export function claimTooltip(claim: ClaimItem): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${kindLabel(claim.kind).replace(/s$/, '')}**${claim.sourced ? '' : ' — *unsourced*'}\n\n`);
  tooltip.appendText(claim.text.replace(/\s+/g, ' ').trim());
  tooltip.appendMarkdown('\n\n---\n\n**Source:** ');
  if (claim.sourced || claim.speaker || claim.sourceText) {
    tooltip.appendText(claim.speaker ?? claim.sourceText ?? 'unnamed');
    const details: string[] = [];
    if (claim.sourceText && claim.sourceText !== claim.speaker) details.push(`as written: “${claim.sourceText}”`);
    if (claim.sourceHow) details.push(`found ${howText(claim.sourceHow)}`);
    if (claim.vague) details.push('vague: names nobody checkable');
    if (details.length > 0) tooltip.appendText(` (${details.join('; ')})`);
  } else {
    tooltip.appendText('none in the text');
  }
  if (claim.figures.length > 0) {
    tooltip.appendMarkdown('\n\n**Figures:**');
    for (const figure of claim.figures) {
      tooltip.appendMarkdown('\n- ');
      tooltip.appendText(`${figure.text} (${figure.kind}${figure.qualifier ? `, ${figure.qualifier}` : ''})`);
    }
  }
  if (claim.entities.length > 0) {
    tooltip.appendMarkdown('\n\n**Mentions:** ');
    tooltip.appendText(claim.entities.join(', '));
  }
  return tooltip;
}

function howText(how: string): string {
  switch (how) {
    case 'explicit':
      return 'next to the verb';
    case 'pronoun':
      return 'through a pronoun';
    case 'continuation':
      return 'continuing the previous quote';
    case 'role-noun':
      return 'through a role noun';
    default:
      return how;
  }
}

function documentLabel(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? path.basename(uri.fsPath) : path.posix.basename(uri.path) || uri.toString();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Opens the claim's document and selects the claim. `range` is a protocol range (plain object). */
export async function revealClaim(uri: vscode.Uri | string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(target, { selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
