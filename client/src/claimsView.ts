// The Claims view: document → group (by kind or by speaker) → claim, from the server's
// claims requests only. The client never analyses text itself.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ClaimItem, ClaimsFilter, ClaimsScope, DocumentClaims, WorkspaceClaimsParams, WorkspaceClaimsResult } from '../../protocol/requests';
import type { ClaimsNode, ClaimsViewApi } from './api';
import {
  describeFilter,
  groupClaims,
  Grouping,
  kindLabel,
  matchesFilter,
  normaliseFilter,
  scopeLabel,
  shortText,
  sourceLabel,
} from './claimsModel';
import { isAnalysedDocument, ServerConnection } from './serverConnection';

export const CLAIMS_VIEW_ID = 'claimlens.claims';
export const REVEAL_CLAIM_COMMAND = 'claimlens.revealClaim';
export const FILTER_COMMAND = 'claimlens.filterClaims';
const GROUPING_CONTEXT_KEY = 'claimlens.claimsGrouping';
const GROUPING_STATE_KEY = 'claimlens.claimsGrouping';
const SCOPE_CONTEXT_KEY = 'claimlens.claimsScope';
const SCOPE_STATE_KEY = 'claimlens.claimsScope';
const FILTERED_CONTEXT_KEY = 'claimlens.claimsFiltered';
const SCOPES: readonly ClaimsScope[] = ['document', 'open', 'workspace'];
/** Notifications come per keystroke burst and per indexing step: at most one fetch per this many ms. */
const REFRESH_INTERVAL_MS = 300;
/** While the server indexes a large folder, a slower pace keeps the view from competing with it. */
const INDEXING_REFRESH_INTERVAL_MS = 2000;
/** Claims fetched for one render; beyond it the view asks for a narrower filter. */
export const CLAIMS_LIMIT = 2000;

export class ClaimsView implements vscode.TreeDataProvider<ClaimsNode>, ClaimsViewApi, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClaimsNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  private readonly treeView: vscode.TreeView<ClaimsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Claims per protocol URI from the last fetch of the root. */
  private readonly documents = new Map<string, DocumentClaims>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** When the pending refresh runs (Date.now() time). */
  private refreshDue = 0;
  private currentGrouping: Grouping;
  private currentScope: ClaimsScope;
  private currentFilter: ClaimsFilter | undefined;
  /** The last analysed document shown in an editor: 'document' scope keeps it while the
   * focus is elsewhere (the view itself, the output panel). */
  private lastDocumentUri: vscode.Uri | undefined;

  constructor(
    private readonly connection: ServerConnection,
    private readonly state: vscode.Memento,
  ) {
    const stored = state.get<string>(GROUPING_STATE_KEY);
    this.currentGrouping = stored === 'speaker' ? 'speaker' : 'kind';
    const storedScope = state.get<string>(SCOPE_STATE_KEY);
    this.currentScope = SCOPES.includes(storedScope as ClaimsScope) ? (storedScope as ClaimsScope) : 'workspace';
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, this.currentGrouping);
    void vscode.commands.executeCommand('setContext', SCOPE_CONTEXT_KEY, this.currentScope);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, false);
    this.rememberEditor(vscode.window.activeTextEditor);

    this.treeView = vscode.window.createTreeView(CLAIMS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.updateDescription();
    this.disposables.push(
      this.treeView,
      this.changeEmitter,
      connection.onAnalysisChanged(() => this.scheduleRefresh()),
      connection.onIndexStatus((status) => this.scheduleRefresh(status.indexing ? INDEXING_REFRESH_INTERVAL_MS : REFRESH_INTERVAL_MS)),
      connection.onRestarted(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        this.rememberEditor(editor);
        if (this.currentScope !== 'workspace') this.scheduleRefresh();
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.currentScope === 'open' && this.scheduleRefresh()),
      vscode.workspace.onDidCloseTextDocument(() => this.currentScope === 'open' && this.scheduleRefresh()),
      this.treeView.onDidChangeVisibility((event) => event.visible && this.scheduleRefresh()),
    );
  }

  get grouping(): Grouping {
    return this.currentGrouping;
  }

  get scope(): ClaimsScope {
    return this.currentScope;
  }

  get filter(): ClaimsFilter | undefined {
    return this.currentFilter ? { ...this.currentFilter } : undefined;
  }

  /** Speakers of the claims shown now, for the filter's choices. */
  get shownSpeakers(): string[] {
    const speakers = new Set<string>();
    for (const document of this.documents.values()) for (const claim of document.claims) if (claim.speaker) speakers.add(claim.speaker);
    return [...speakers].sort((a, b) => a.localeCompare(b));
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.currentGrouping = grouping;
    await this.state.update(GROUPING_STATE_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, grouping);
    this.refresh();
  }

  async setScope(scope: ClaimsScope): Promise<void> {
    if (!SCOPES.includes(scope)) throw new Error(`ClaimLens: unknown scope ${JSON.stringify(scope)}; use ${SCOPES.join(', ')}.`);
    this.currentScope = scope;
    await this.state.update(SCOPE_STATE_KEY, scope);
    await vscode.commands.executeCommand('setContext', SCOPE_CONTEXT_KEY, scope);
    this.updateDescription();
    this.refresh();
  }

  async setFilter(filter: ClaimsFilter | undefined): Promise<void> {
    this.currentFilter = normaliseFilter(filter);
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, this.currentFilter !== undefined);
    this.updateDescription();
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
    if (!node) return this.rootNodes();
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
      case 'more':
        return moreItem(node.count);
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Throttled, not merely debounced: a steady stream of notifications (typing, indexing)
   * still refreshes once per interval, and never more often. A shorter interval (indexing
   * ended) brings a pending refresh forward. */
  private scheduleRefresh(intervalMs = REFRESH_INTERVAL_MS): void {
    const due = Date.now() + intervalMs;
    if (this.refreshTimer) {
      if (due >= this.refreshDue) return;
      clearTimeout(this.refreshTimer);
    }
    this.refreshDue = due;
    this.refreshTimer = setTimeout(() => this.refresh(), intervalMs);
  }

  private rememberEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && isAnalysedDocument(editor.document)) this.lastDocumentUri = editor.document.uri;
  }

  /** The document 'document' scope shows: the active editor's, else the last one shown if still open. */
  private currentDocumentUri(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isAnalysedDocument(active)) return active.uri;
    const last = this.lastDocumentUri?.toString();
    return last && vscode.workspace.textDocuments.some((document) => document.uri.toString() === last) ? this.lastDocumentUri : undefined;
  }

  private async fetch(limit: number): Promise<WorkspaceClaimsResult> {
    const documentUri = this.currentScope === 'document' ? this.currentDocumentUri() : undefined;
    if (this.currentScope === 'document' && !documentUri) return { documents: [], total: 0, truncated: false };
    const params: WorkspaceClaimsParams = { scope: this.currentScope, limit };
    if (documentUri) params.uri = await this.connection.protocolUri(documentUri);
    if (this.currentFilter) params.filter = this.currentFilter;
    return this.connection.workspaceClaims(params);
  }

  private async rootNodes(): Promise<ClaimsNode[]> {
    let result: WorkspaceClaimsResult;
    try {
      result = await this.fetch(CLAIMS_LIMIT);
    } catch (error) {
      this.connection.outputChannel.appendLine(`Claims view: ${error instanceof Error ? error.message : String(error)}`);
      result = { documents: [], total: 0, truncated: false };
    }
    const labelled = result.documents.map((document) => ({ document, label: documentLabel(this.connection.asCodeUri(document.uri)) }));
    labelled.sort((a, b) => compareText(a.label, b.label) || compareText(a.document.uri, b.document.uri));
    this.documents.clear();
    for (const { document } of labelled) this.documents.set(document.uri, document);
    this.setBadge(result.total);
    // An empty view with a filter would otherwise look like an empty workspace.
    this.treeView.message =
      result.total === 0 && this.currentFilter ? `No claims match the filter (${describeFilter(this.currentFilter)}) in this scope.` : undefined;
    const nodes: ClaimsNode[] = labelled.map(({ document, label }) => ({
      type: 'document' as const,
      uri: document.uri,
      label,
      count: document.claims.length,
    }));
    const shown = labelled.reduce((sum, { document }) => sum + document.claims.length, 0);
    if (result.truncated && result.total > shown) nodes.push({ type: 'more', count: result.total - shown });
    return nodes;
  }

  private async claimsOf(uri: string): Promise<ClaimItem[]> {
    const cached = this.documents.get(uri);
    if (cached) return cached.claims;
    const fetched = await this.connection.documentClaims(this.connection.asCodeUri(uri));
    return (fetched?.claims ?? []).filter((claim) => matchesFilter(claim, this.currentFilter));
  }

  private async updateBadgeFromServer(): Promise<void> {
    try {
      // Limit 0: only the count travels.
      this.setBadge((await this.fetch(0)).total);
    } catch {
      this.treeView.badge = undefined;
    }
  }

  private setBadge(total: number): void {
    const where = this.currentScope === 'document' ? 'in the current file' : this.currentScope === 'open' ? 'in the open files' : 'in the workspace';
    const filtered = this.currentFilter ? ' matching the filter' : '';
    this.treeView.badge = total > 0 ? { value: total, tooltip: `${plural(total, 'claim')}${filtered} ${where}` } : undefined;
  }

  private updateDescription(): void {
    const filter = describeFilter(this.currentFilter);
    this.treeView.description = filter ? `${scopeLabel(this.currentScope)} · ${filter}` : scopeLabel(this.currentScope);
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
        : isActive || this.currentScope === 'document'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    // VS Code remembers expansion per id: an id of its own while empty lets the first
    // render with claims start expanded instead of inheriting the empty node's state.
    item.id = `${node.count === 0 ? 'empty-document' : 'document'}:${node.uri}`;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = node.count === 0 ? 'no claims' : unsourced > 0 ? `${node.count} · ${unsourced} unsourced` : `${node.count}`;
    item.tooltip = `${uri.scheme === 'file' ? uri.fsPath : uri.toString()}\n${plural(node.count, 'claim')}${this.currentFilter ? ' matching the filter' : ''}, ${unsourced} unsourced`;
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

function moreItem(count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(`… ${count.toLocaleString('en-US')} more — refine the filter`, vscode.TreeItemCollapsibleState.None);
  item.id = 'more';
  item.iconPath = new vscode.ThemeIcon('filter');
  item.tooltip = `The view shows the first ${CLAIMS_LIMIT.toLocaleString('en-US')} claims. Narrow the scope or filter the claims to see the others.`;
  item.command = { command: FILTER_COMMAND, title: 'Filter Claims' };
  item.contextValue = 'claimlens.more';
  return item;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** The path relative to its workspace folder (prefixed by the folder's name in a multi-root
 * workspace); the file name for files outside the workspace and untitled documents. */
function documentLabel(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
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
