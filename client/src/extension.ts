// The extension's entry point: starts the language client and the UI pieces, and
// returns the ClaimLens API (see api.ts).
import * as vscode from 'vscode';
import type { ClaimLensApi } from './api';
import { ClaimsView } from './claimsView';
import { onDidShowQuickPick } from './pickers';
import { registerCommands } from './commands';
import { ServerConnection } from './serverConnection';
import { ClaimsStatusBar } from './statusBar';

let connection: ServerConnection | undefined;

export function activate(context: vscode.ExtensionContext): ClaimLensApi {
  const started = Date.now();
  connection = new ServerConnection(context);
  const claimsView = new ClaimsView(connection, context.workspaceState);
  const statusBar = new ClaimsStatusBar(connection);
  context.subscriptions.push(connection, claimsView, statusBar);
  registerCommands(context, connection, claimsView);

  const current = connection;
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when the client starts: a new language list needs a new client.
      if (event.affectsConfiguration('claimlens.languages')) {
        void current.restart().catch((error) =>
          current.outputChannel.appendLine(`Restart after a change of claimlens.languages failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    }),
  );

  const activation: ClaimLensApi['activation'] = { activateMs: Date.now() - started };
  void current.ready.then(
    () => (activation.readyMs = Date.now() - started),
    () => undefined,
  );
  return { ready: current.ready, claimsView, indexStatus: () => current.indexStatus, activation, onDidShowQuickPick };
}

export async function deactivate(): Promise<void> {
  await connection?.shutdown();
  connection = undefined;
}
