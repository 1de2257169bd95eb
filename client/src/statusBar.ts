// The status bar item: workspace indexing progress while it runs, otherwise the active
// document's claim and finding counts (workspace totals in the tooltip); a click shows the Claims view.
import * as vscode from 'vscode';
import type { AnalysisChangedParams, IndexStatusParams } from '../../protocol/requests';
import { CLAIMS_VIEW_ID } from './claimsView';
import { isAnalysedDocument, ServerConnection } from './serverConnection';

interface Counts {
  claims: number;
  /** Unknown until the server's first analysisChanged notification for the document. */
  findings?: number;
}

export class ClaimsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly counts = new Map<string, Counts>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Guards against an older update finishing after a newer one. */
  private updateGeneration = 0;

  constructor(private readonly connection: ServerConnection) {
    this.item = vscode.window.createStatusBarItem('claimlens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'ClaimLens';
    this.item.command = { command: `${CLAIMS_VIEW_ID}.focus`, title: 'Show Claims' };
    this.disposables.push(
      this.item,
      connection.onAnalysisChanged((params) => this.onAnalysisChanged(params)),
      connection.onIndexStatus(() => void this.update()),
      connection.onRestarted(() => {
        this.counts.clear();
        void this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidCloseTextDocument(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('claimlens') && void this.update()),
    );
    void this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private onAnalysisChanged(params: AnalysisChangedParams): void {
    this.counts.set(params.uri, { claims: params.claims, findings: params.findings });
    void this.update();
  }

  private async update(): Promise<void> {
    const generation = ++this.updateGeneration;
    const index = this.connection.indexStatus;
    if (index?.indexing) {
      this.showIndexing(index);
      return;
    }
    const document = vscode.window.activeTextEditor?.document;
    const enabled = document && vscode.workspace.getConfiguration('claimlens', document).get<boolean>('enable', true);
    if (!document || !enabled || !isAnalysedDocument(document)) {
      this.item.hide();
      return;
    }
    let counts: Counts | undefined;
    try {
      const uri = await this.connection.protocolUri(document.uri);
      counts = this.counts.get(uri);
      if (!counts) {
        const claims = await this.connection.documentClaims(document.uri);
        if (claims) counts = { claims: claims.claims.length };
      }
    } catch {
      counts = undefined;
    }
    if (generation !== this.updateGeneration) return;
    // The index may have started while the counts were fetched.
    const latest = this.connection.indexStatus;
    if (latest?.indexing) {
      this.showIndexing(latest);
      return;
    }
    const workspace = latest && latest.files > 0
      ? `\nWorkspace: ${plural(latest.claims, 'claim')}, ${plural(latest.findings, 'finding')} in ${plural(latest.files, 'file')}.`
      : '';
    if (!counts) {
      this.item.text = '$(loading~spin) ClaimLens';
      this.item.tooltip = `ClaimLens is analysing this document.${workspace}`;
    } else {
      const claims = plural(counts.claims, 'claim');
      const findings = counts.findings === undefined ? '' : plural(counts.findings, 'finding');
      this.item.text = `$(quote) ${formatCount(counts.claims)} claim${counts.claims === 1 ? '' : 's'}${counts.findings ? ` · $(warning) ${formatCount(counts.findings)}` : ''}`;
      this.item.tooltip = `ClaimLens: ${claims}${findings ? `, ${findings}` : ''} in this document.${workspace}\nClick to show the Claims view.`;
    }
    this.item.accessibilityInformation = { label: String(this.item.tooltip) };
    this.item.show();
  }

  private showIndexing(index: IndexStatusParams): void {
    this.item.text = `$(sync~spin) ClaimLens ${formatCount(index.done)}/${formatCount(index.files)}`;
    this.item.tooltip = `ClaimLens is indexing the workspace: ${formatCount(index.done)} of ${plural(index.files, 'file')} analysed. Click to show the Claims view.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
