// The status bar item: the active document's claim and finding counts; a click shows the Claims view.
import * as vscode from 'vscode';
import type { AnalysisChangedParams } from '../../protocol/requests';
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
    if (!counts) {
      this.item.text = '$(loading~spin) ClaimLens';
      this.item.tooltip = 'ClaimLens is analysing this document';
    } else {
      const claims = `${counts.claims} claim${counts.claims === 1 ? '' : 's'}`;
      const findings = counts.findings === undefined ? '' : `${counts.findings} finding${counts.findings === 1 ? '' : 's'}`;
      this.item.text = `$(quote) ${claims}${counts.findings ? `, $(warning) ${findings}` : ''}`;
      this.item.tooltip = `ClaimLens: ${claims}${findings ? `, ${findings}` : ''} in this document. Click to show the Claims view.`;
    }
    this.item.accessibilityInformation = { label: String(this.item.tooltip) };
    this.item.show();
  }
}
