// Owns the language client: starts the ClaimLens server, restarts it when the analysed
// languages change, and gives the UI one place to send requests and hear notifications.
import * as vscode from 'vscode';
import { filterDocuments, limitClaims } from './claimsModel';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
  DocumentSelector,
  RevealOutputChannelOn,
  ErrorCodes,
} from 'vscode-languageclient/node';
import { SERVER_V8_FLAGS } from '../../protocol/serverProcess';
import {
  analysisChangedNotification,
  AnalysisChangedParams,
  allClaimsRequest,
  documentClaimsRequest,
  DocumentClaims,
  exportClaimsRequest,
  ExportClaimsParams,
  ExportClaimsResult,
  analyzeWorkspaceRequest,
  AnalyzeWorkspaceResult,
  indexStatusNotification,
  IndexStatusParams,
  workspaceClaimsRequest,
  WorkspaceClaimsParams,
  WorkspaceClaimsResult,
} from '../../protocol/requests';

export const CLIENT_ID = 'claimlens';
export const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'news-article'];
/** Schemes whose documents the server sees; virtual file systems are left alone. */
export const ANALYSED_SCHEMES = ['file', 'untitled'];

export function configuredLanguages(): string[] {
  const value = vscode.workspace.getConfiguration('claimlens').get<unknown>('languages');
  if (!Array.isArray(value)) return DEFAULT_LANGUAGES;
  const languages = value.filter((item): item is string => typeof item === 'string' && item.length > 0);
  return [...new Set(languages)];
}

export function documentSelectorFor(languages: readonly string[]): DocumentSelector {
  return languages.flatMap((language) => ANALYSED_SCHEMES.map((scheme) => ({ scheme, language })));
}

/** True when the server is asked to analyse this document. */
export function isAnalysedDocument(document: vscode.TextDocument): boolean {
  return ANALYSED_SCHEMES.includes(document.uri.scheme) && configuredLanguages().includes(document.languageId);
}

export class ServerConnection implements vscode.Disposable {
  readonly outputChannel: vscode.OutputChannel;
  /** Resolves once the first start has finished (rejects if it failed). */
  readonly ready: Promise<void>;

  private client: LanguageClient | undefined;
  private notificationSubscription: vscode.Disposable | undefined;
  private indexStatusSubscription: vscode.Disposable | undefined;
  private readonly analysisChangedEmitter = new vscode.EventEmitter<AnalysisChangedParams>();
  private readonly restartedEmitter = new vscode.EventEmitter<void>();
  private readonly indexStatusEmitter = new vscode.EventEmitter<IndexStatusParams>();
  private lastIndexStatus: IndexStatusParams | undefined;
  /** Serialises start/stop so that quick setting changes never run two servers. */
  private lifecycle: Promise<void> = Promise.resolve();

  /** Fired after each (re)analysis of a document by the server. */
  readonly onAnalysisChanged = this.analysisChangedEmitter.event;
  /** Fired after the server has been restarted (all earlier results are gone). */
  readonly onRestarted = this.restartedEmitter.event;
  /** Fired when the server's workspace index changes (throttled by the server). */
  readonly onIndexStatus = this.indexStatusEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('ClaimLens');
    this.ready = this.enqueue(() => this.start());
    // Callers that ignore `ready` must not see an unhandled rejection; the error is
    // already reported to the user by `start`.
    this.ready.catch(() => undefined);
  }

  /** The running client, waiting for a start in progress. */
  async runningClient(): Promise<LanguageClient> {
    await this.lifecycle;
    if (!this.client || !this.client.isRunning()) {
      throw new Error('The ClaimLens language server is not running. Run "ClaimLens: Restart Language Server" or see "ClaimLens: Show Output".');
    }
    return this.client;
  }

  /** The URI string the server knows a document by. */
  async protocolUri(uri: vscode.Uri): Promise<string> {
    const client = await this.runningClient();
    return client.code2ProtocolConverter.asUri(uri);
  }

  async documentClaims(uri: vscode.Uri): Promise<DocumentClaims | null> {
    const client = await this.runningClient();
    return client.sendRequest(documentClaimsRequest, { uri: client.code2ProtocolConverter.asUri(uri) });
  }

  async allClaims(uris?: vscode.Uri[]): Promise<DocumentClaims[]> {
    const client = await this.runningClient();
    const params = uris ? { uris: uris.map((uri) => client.code2ProtocolConverter.asUri(uri)) } : {};
    return client.sendRequest(allClaimsRequest, params);
  }

  async exportClaims(format: ExportClaimsParams['format'], uris?: vscode.Uri[]): Promise<ExportClaimsResult> {
    const client = await this.runningClient();
    const params: ExportClaimsParams = { format };
    if (uris) params.uris = uris.map((uri) => client.code2ProtocolConverter.asUri(uri));
    return client.sendRequest(exportClaimsRequest, params);
  }

  /** Scoped, filtered claims for the Claims view. Servers without the workspace request
   * (older builds) are answered from `allClaims`, filtered here with the same rules. */
  async workspaceClaims(params: WorkspaceClaimsParams): Promise<WorkspaceClaimsResult> {
    const client = await this.runningClient();
    try {
      return await client.sendRequest(workspaceClaimsRequest, params);
    } catch (error) {
      if ((error as { code?: unknown })?.code !== ErrorCodes.MethodNotFound) throw error;
    }
    return this.workspaceClaimsFallback(client, params);
  }

  /** Indexes the workspace; the server shows the (cancellable) progress notification. */
  async analyzeWorkspace(force: boolean): Promise<AnalyzeWorkspaceResult> {
    const client = await this.runningClient();
    return client.sendRequest(analyzeWorkspaceRequest, { force });
  }

  /** The last index status the server sent since it (re)started. */
  get indexStatus(): IndexStatusParams | undefined {
    return this.lastIndexStatus;
  }

  private async workspaceClaimsFallback(client: LanguageClient, params: WorkspaceClaimsParams): Promise<WorkspaceClaimsResult> {
    let uris: string[] | undefined;
    if (params.scope === 'document') uris = params.uri ? [params.uri] : [];
    else if (params.scope === 'open') {
      uris = vscode.workspace.textDocuments.filter(isAnalysedDocument).map((document) => client.code2ProtocolConverter.asUri(document.uri));
    }
    const documents = uris && uris.length === 0 ? [] : await client.sendRequest(allClaimsRequest, uris ? { uris } : {});
    return limitClaims(filterDocuments(documents, params.filter), params.limit);
  }

  /** Converts a protocol URI string back to a VS Code URI. */
  asCodeUri(uri: string): vscode.Uri {
    return this.client ? this.client.protocol2CodeConverter.asUri(uri) : vscode.Uri.parse(uri);
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stop();
      await this.start();
      this.restartedEmitter.fire();
    });
  }

  dispose(): void {
    void this.enqueue(() => this.stop());
    this.analysisChangedEmitter.dispose();
    this.restartedEmitter.dispose();
    this.indexStatusEmitter.dispose();
    this.outputChannel.dispose();
  }

  /** Stops the server; for `deactivate`, which must wait for the process to exit. */
  shutdown(): Promise<void> {
    return this.enqueue(() => this.stop());
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(step, step);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  private async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server/server.js');
    // Over stdio the server encodes each edit's diagnostics itself, reusing what did not
    // change (server/src/common/messageEncoder.ts); over IPC Node would serialise them all.
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_V8_FLAGS] } },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_V8_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    const languages = configuredLanguages();
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelectorFor(languages),
      synchronize: { configurationSection: 'claimlens' },
      outputChannel: this.outputChannel,
      // The server's own errors already go to the output channel; don't steal focus.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    };
    const client = new LanguageClient(CLIENT_ID, 'ClaimLens', serverOptions, clientOptions);
    this.client = client;
    this.notificationSubscription = client.onNotification(analysisChangedNotification, (params) =>
      this.analysisChangedEmitter.fire(params),
    );
    this.lastIndexStatus = undefined;
    this.indexStatusSubscription = client.onNotification(indexStatusNotification, (params) => {
      this.lastIndexStatus = params;
      this.indexStatusEmitter.fire(params);
    });
    try {
      await client.start();
      this.outputChannel.appendLine(`ClaimLens server started for languages: ${languages.join(', ') || '(none)'}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.outputChannel.appendLine(`ClaimLens server failed to start: ${message}`);
      void vscode.window
        .showErrorMessage(`ClaimLens: the language server failed to start (${message}).`, 'Show Output')
        .then((choice) => choice && this.outputChannel.show());
      throw error;
    }
  }

  private async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.notificationSubscription?.dispose();
    this.notificationSubscription = undefined;
    this.indexStatusSubscription?.dispose();
    this.indexStatusSubscription = undefined;
    this.lastIndexStatus = undefined;
    if (!client) return;
    try {
      if (client.needsStop()) await client.stop(5000);
    } catch (error) {
      this.outputChannel.appendLine(`ClaimLens server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
