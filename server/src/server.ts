// The ClaimLens language server: connection, capabilities, documents, settings and
// scheduling. Thin: the analysis core knows English, the features map it to LSP.
// Run as `claimlens-language-server --stdio` (or --node-ipc, --socket=N).
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentSymbol,
  type SymbolInformation,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  allClaimsRequest,
  analysisChangedNotification,
  documentClaimsRequest,
  exportClaimsRequest,
  type DocumentClaims,
} from '../../protocol/requests';
import { AnalysisStore, makeEntry, type AnalysisEntry } from './analysisStore';
import { analyzeWithinLimit } from './common/limits';
import { exportClaims, EXPORT_FORMATS, type ExportDocument } from './export';
import { toDocumentClaims } from './features/claims';
import { codeActions } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { maskSuppressionComments } from './features/suppressions';
import { documentSymbols, flattenSymbols } from './features/symbols';
import { Debouncer } from './scheduler';
import { DEFAULT_SETTINGS, normalizeSettings, type ClaimLensSettings } from './settings';
import { GENERATOR, VERSION } from './version';

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const cliArgs = process.argv.slice(2);
if (cliArgs.includes('--version') || cliArgs.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!cliArgs.some((arg) => TRANSPORT_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
  // createConnection would throw an unhelpful error without a transport.
  const usage =
    'Usage: claimlens-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n' +
    'The ClaimLens language server for any LSP client (settings section "claimlens").\n';
  const help = cliArgs.includes('--help') || cliArgs.includes('-h');
  (help ? process.stdout : process.stderr).write(usage);
  process.exit(help ? 0 : 2);
}

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new AnalysisStore();
const debouncer = new Debouncer<string>();

let supportsConfiguration = false;
let supportsHierarchicalSymbols = false;
let supportsConfigurationRegistration = false;
/** Settings pushed by a client without workspace/configuration support. */
let pushedSettings: ClaimLensSettings = DEFAULT_SETTINGS;
const settingsByUri = new Map<string, Promise<ClaimLensSettings>>();

function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error !== undefined ? String(error) : '';
  connection.console.error(`[ClaimLens] ${message}${detail ? `: ${detail}` : ''}`);
}

/** Runs a handler; an exception is logged and answered with `fallback` instead of crashing. */
function guarded<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
  return async (...args: P): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      log(`${name} failed`, error);
      return fallback;
    }
  };
}

function settingsFor(uri: string): Promise<ClaimLensSettings> {
  if (!supportsConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'claimlens' })
      .then(normalizeSettings, (error: unknown) => {
        log('reading settings failed', error);
        return DEFAULT_SETTINGS;
      });
    settingsByUri.set(uri, settings);
  }
  return settings;
}

/** The settings last resolved for a document, for synchronous paths. */
const resolvedSettings = new Map<string, ClaimLensSettings>();

async function scheduleAnalysis(document: TextDocument, immediate: boolean): Promise<void> {
  const request = settingsFor(document.uri);
  const settings = await request;
  // Settings changed while these were being read: the newer request schedules its own analysis.
  if (supportsConfiguration && settingsByUri.get(document.uri) !== request) return;
  resolvedSettings.set(document.uri, settings);
  const delay = immediate ? 0 : settings.debounceMs;
  debouncer.schedule(document.uri, delay, () => analyzeNow(document.uri));
}

/** Analyses the current text of an open document and publishes the result. */
function analyzeNow(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const settings = resolvedSettings.get(uri) ?? pushedSettings;
  try {
    if (!settings.enable) {
      store.delete(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const version = document.version;
    const text = document.getText();
    const analysis = analyzeWithinLimit(maskSuppressionComments(text), settings.maxFileSize);
    // Synchronous analysis cannot race with edits, but a closed or newer document wins.
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    const entry = makeEntry(uri, version, document.languageId, text, analysis);
    store.set(entry);
    publish(entry, settings);
  } catch (error) {
    log(`analysing ${uri} failed`, error);
  }
}

function publish(entry: AnalysisEntry, settings: ClaimLensSettings): void {
  const diagnostics = toDiagnostics(entry, settings);
  void connection.sendDiagnostics({ uri: entry.uri, version: entry.version ?? undefined, diagnostics });
  void connection.sendNotification(analysisChangedNotification, {
    uri: entry.uri,
    claims: entry.analysis.claims.length,
    findings: diagnostics.length,
  });
}

/** The analysis of a document's current text, for requests that need it (claims, export,
 * code actions): a pending analysis runs now, and a just-opened document is analysed
 * without waiting for its debounce. Analyses of unopened documents are returned as stored. */
async function freshEntry(uri: string): Promise<AnalysisEntry | undefined> {
  const document = documents.get(uri);
  if (document && store.get(uri)?.version !== document.version) {
    resolvedSettings.set(uri, await settingsFor(uri));
    debouncer.cancel(uri);
    analyzeNow(uri);
  }
  return store.get(uri);
}

function exportDocument(entry: AnalysisEntry): ExportDocument {
  const claims = toDocumentClaims(entry);
  let path: string | undefined;
  if (entry.uri.startsWith('file:')) {
    try {
      path = fileURLToPath(entry.uri);
    } catch {
      path = undefined;
    }
  }
  return path !== undefined ? { uri: claims.uri, path, claims: claims.claims } : claims;
}

async function entriesFor(uris: string[] | undefined): Promise<AnalysisEntry[]> {
  const wanted = uris ?? [...new Set([...store.uris(), ...documents.keys()])].sort();
  const entries: AnalysisEntry[] = [];
  for (const uri of wanted) {
    const entry = await freshEntry(uri);
    if (entry) entries.push(entry);
  }
  return entries;
}

async function reanalyzeAll(): Promise<void> {
  settingsByUri.clear();
  await Promise.all(documents.all().map((document) => scheduleAnalysis(document, true)));
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  supportsConfiguration = capabilities.workspace?.configuration === true;
  supportsConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  supportsHierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (initial !== undefined) pushedSettings = normalizeSettings(initial);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'ClaimLens' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'claimlens-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration && supportsConfigurationRegistration) {
    // Ask to be told about changes; clients without dynamic registration send them anyway.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlens' }).catch(() => undefined);
  }
});

connection.onDidChangeConfiguration(
  guarded('didChangeConfiguration', undefined, async (change) => {
    if (!supportsConfiguration) {
      const section = (change.settings as { claimlens?: unknown } | null | undefined)?.claimlens;
      pushedSettings = normalizeSettings(section);
    }
    await reanalyzeAll();
  }),
);

// Fired on open and on every change: a document never analysed yet is analysed at once,
// later edits after the debounce delay.
documents.onDidChangeContent(
  guarded('didChange', undefined, (event) => scheduleAnalysis(event.document, !store.get(event.document.uri))),
);
documents.onDidClose(
  guarded('didClose', undefined, (event) => {
    const uri = event.document.uri;
    debouncer.cancel(uri);
    store.delete(uri);
    settingsByUri.delete(uri);
    resolvedSettings.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }),
);

// Hovers and symbols answer from the last analysis, never waiting for a new one.
connection.onHover(
  guarded('hover', null, (params) => {
    const entry = store.get(params.textDocument.uri);
    return entry ? hoverAt(entry, params.position) : null;
  }),
);

connection.onDocumentSymbol(
  guarded('documentSymbol', [] as DocumentSymbol[] | SymbolInformation[], (params): DocumentSymbol[] | SymbolInformation[] => {
    const entry = store.get(params.textDocument.uri);
    if (!entry) return [];
    const symbols = documentSymbols(entry);
    return supportsHierarchicalSymbols ? symbols : flattenSymbols(symbols, entry.uri);
  }),
);

connection.onCodeAction(
  guarded('codeAction', [], async (params) => {
    // Edits must match the current text: finish a pending analysis first.
    const entry = await freshEntry(params.textDocument.uri);
    return entry ? codeActions(entry, params.range, params.context.diagnostics) : [];
  }),
);

connection.onRequest(
  documentClaimsRequest,
  guarded('documentClaims', null, async (params): Promise<DocumentClaims | null> => {
    const entry = await freshEntry(params.uri);
    return entry ? toDocumentClaims(entry) : null;
  }),
);

connection.onRequest(
  allClaimsRequest,
  guarded('allClaims', [], async (params) => (await entriesFor(params?.uris)).map(toDocumentClaims)),
);

connection.onRequest(exportClaimsRequest, async (params) => {
  if (!EXPORT_FORMATS.includes(params.format)) {
    throw new Error(`Unknown export format "${String(params.format)}"; use one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  try {
    return exportClaims((await entriesFor(params.uris)).map(exportDocument), params.format, { generator: GENERATOR });
  } catch (error) {
    log('exportClaims failed', error);
    throw error;
  }
});

connection.onShutdown(() => {
  debouncer.dispose();
});

process.on('uncaughtException', (error) => log('uncaught exception', error));
process.on('unhandledRejection', (error) => log('unhandled rejection', error));

documents.listen(connection);
connection.listen();
