// The ClaimLens language server: connection, capabilities, documents, settings and
// scheduling. Thin: the analysis core knows English, the features map it to LSP.
// Run as `claimlens-language-server --stdio` (or --node-ipc, --socket=N).
import { stat as statFile } from 'node:fs/promises';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type Location,
  type WorkDoneProgressServerReporter,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentSymbol,
  type SymbolInformation,
  type InitializeResult,
  type StreamMessageReader,
} from 'vscode-languageserver/node';
import {
  allClaimsRequest,
  analysisChangedNotification,
  analyzeWorkspaceRequest,
  documentClaimsRequest,
  exportClaimsRequest,
  indexStatusNotification,
  workspaceClaimsRequest,
  type AnalyzeWorkspaceResult,
  type ClaimItem,
  type ClaimsFilter,
  type DocumentClaims,
} from '../../protocol/requests';
import { AnalysisStore, makeEntry, type AnalysisEntry } from './analysisStore';
import { analysisFailedFinding, utf8Length } from './common/limits';
import { FramedStreamWriter } from './common/messageWriter';
import { promoteYoungGeneration } from './common/youngGeneration';
import { LineIndex } from './common/positions';
import type { PieceText } from './common/pieceText';
import type { DocumentAnalysis, Finding } from './analysis/types';
import { changedRange, minimalChange, spliceAnalysis, spliceFindingsFirst } from './analysis/incremental';
import { EditorDocument } from './editorDocument';
import { FullAnalysisWorker } from './analysisWorker';
import { exportClaims, EXPORT_FORMATS, type ExportDocument } from './export';
import { toDocumentClaims } from './features/claims';
import { codeActions } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { hoverAt, prepareHovers } from './features/hover';
import { DISABLE_NEXT_LINE, maskSuppressionComments } from './features/suppressions';
import { documentSymbols, ENTITY_SYMBOL, flattenSymbols } from './features/symbols';
import { diagnosticsFromSummary } from './features/diagnostics';
import { filterClaims } from './workspace/claims';
import { entityKey, type EntityOccurrence } from './workspace/entityIndex';
import { enabledGlobs, FileSelection, fileUris } from './workspace/files';
import { WorkspaceIndex } from './workspace/index';
import { findingAtStart } from './workspace/analyzeFile';
import { IndexFailures } from './workspace/failures';
import { WorkerPool } from './workspace/pool';
import { entityAt, mentionCount, mentionRange, storedClaims, storedClaimsJson, storedFindings, summarizeEntry, type EntitiesOf, type EntitySummary } from './workspace/summary';
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

const connection: Connection = openConnection();

/** Over stdio, messages are written by FramedStreamWriter (the same bytes, each message in
 * one write, a document's diagnostics encoded faster); other transports as
 * vscode-languageserver sets them up. */
function openConnection(): Connection {
  if (!cliArgs.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new FramedStreamWriter(process.stdout);
  // The stream (not a reader) as input keeps createConnection's exit when stdin closes; the
  // typings know only stream-and-stream or reader-and-writer, the code takes either for each.
  const made = createConnection(ProposedFeatures.all, process.stdin as unknown as StreamMessageReader, writer);
  // As createConnection does for --stdio: console output must not corrupt the stream.
  const toLog = (...args: unknown[]) => made.console.log(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
  console.log = toLog;
  console.info = toLog;
  console.debug = toLog;
  console.warn = (...args: unknown[]) => made.console.warn(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
  console.error = (...args: unknown[]) => made.console.error(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
  return made;
}
const documents = new TextDocuments<EditorDocument>(EditorDocument);
const store = new AnalysisStore();
const debouncer = new Debouncer<string>();
/** Full analyses of open documents run here, off the main loop. */
const fullAnalyses = new FullAnalysisWorker(undefined, log);
/** Below this length a full analysis is a few milliseconds: a window saves nothing. */
const SPLICE_MIN_LENGTH = 32 * 1024;

let supportsConfiguration = false;
let supportsHierarchicalSymbols = false;
let supportsConfigurationRegistration = false;
let supportsWatchedFilesRegistration = false;
let supportsWorkspaceFolders = false;
const workspace = new WorkspaceIndex();
let pool: WorkerPool | undefined;
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

/** After a spliced edit the diagnostics are current already: the full analysis that
 * corrects them waits for a pause in typing at least this long, whatever the debounce. */
const FULL_AFTER_SPLICE_MS = 300;

async function scheduleAnalysis(document: EditorDocument, immediate: boolean, spliced = false): Promise<void> {
  const request = settingsFor(document.uri);
  const settings = await request;
  // Settings changed while these were being read: the newer request schedules its own analysis.
  if (supportsConfiguration && settingsByUri.get(document.uri) !== request) return;
  resolvedSettings.set(document.uri, settings);
  const delay = immediate ? 0 : spliced ? Math.max(settings.debounceMs, FULL_AFTER_SPLICE_MS) : settings.debounceMs;
  debouncer.schedule(document.uri, delay, () => void analyzeNow(document.uri));
}

/** Full analyses under way, by URI: a request for the same version joins it. */
const inflight = new Map<string, { version: number; done: Promise<void> }>();

/** Analyses the current text of an open document in the worker and publishes the result,
 * unless the document changed meanwhile (then the result only becomes the base later edits
 * are spliced into, when nothing newer is stored). */
function analyzeNow(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return Promise.resolve();
  const running = inflight.get(uri);
  if (running && running.version === document.version) return running.done;
  const done = runFullAnalysis(uri, document).finally(() => {
    if (inflight.get(uri)?.done === done) inflight.delete(uri);
  });
  inflight.set(uri, { version: document.version, done });
  return done;
}

async function runFullAnalysis(uri: string, document: EditorDocument): Promise<void> {
  const settings = resolvedSettings.get(uri) ?? pushedSettings;
  try {
    if (!settings.enable) {
      store.delete(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const version = document.version;
    const text = document.getText();
    const analysedText = maskSuppressionComments(text);
    const analysis = await fullAnalyses.analyze(uri, analysedText, settings.maxFileSize);
    // Replaced by a newer request, or the document closed: drop it.
    const current = documents.get(uri);
    // Closed (and perhaps reopened as a new document) meanwhile: drop it.
    if (!analysis || current !== document) return;
    const entry = makeEntry(uri, version, document.languageId, text, analysis, { analysedText });
    if (current.version !== version) {
      const stored = store.get(uri);
      if (!stored || (stored.version ?? 0) < version) store.set(entry);
      return;
    }
    store.set(entry);
    // The open editor's text wins over disk; its summary is made only when asked for.
    workspace.setOpen(uri, () => summarizeEntry(entry));
    publish(entry, settings);
    // What hovers look items up in, made now rather than by the first hover (tens of
    // milliseconds on a large document, which that hover would wait for), and the hover code
    // compiled; then what is still young of the analysis is promoted now, not by a scavenge
    // during the next hovers.
    setImmediate(() => {
      if (store.get(uri) !== entry) return;
      prepareHovers(entry);
      promoteYoungGeneration();
    });
  } catch (error) {
    log(`analysing ${uri} failed`, error);
    // Said in the editor too, in place of diagnostics that no longer match the text.
    if (documents.get(uri) === document) {
      const failed = findingAtStart(analysisFailedFinding('analysis', error instanceof Error ? error.message : String(error)));
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnosticsFromSummary({ uri, findings: [failed] }, settings) });
    }
  }
}

/** The fast path after an edit: re-analyses a window of paragraphs around the change,
 * splices it into the last analysis and publishes at once. The full analysis follows after
 * the debounce and replaces it. Nothing happens when a window cannot stand in for the text. */
function spliceNow(document: EditorDocument): boolean {
  const uri = document.uri;
  const previous = store.get(uri);
  const settings = resolvedSettings.get(uri);
  if (!previous || !settings?.enable || previous.version === document.version) return false;
  if (document.text.length < SPLICE_MIN_LENGTH) return false;
  return spliceInPlace(document, previous, settings) ?? spliceFlat(document, previous, settings);
}

/** The splice of one edit read from the document's pieces: no whole-text copy or scan.
 * Only when the stored analysis is of the text just before the edit, and the text holds no
 * suppression comment (then nothing is masked: the core reads the text as it is);
 * undefined otherwise (spliceFlat decides). */
function spliceInPlace(document: EditorDocument, previous: AnalysisEntry, settings: ClaimLensSettings): boolean | undefined {
  const edit = document.lastEdit;
  const text = document.text;
  if (!edit || edit.fromVersion !== previous.version || previous.analysedText !== undefined) return undefined;
  if (!edit.before.isText(previous.lines.source)) return undefined;
  if ((text.occurrencesOf(DISABLE_NEXT_LINE)?.length ?? 1) > 0 || (edit.before.occurrencesOf(DISABLE_NEXT_LINE)?.length ?? 1) > 0) return undefined;
  // Past a third of the size limit the UTF-8 length must be counted: the flat path does.
  if (text.length * 3 > settings.maxFileSize) return undefined;
  const change = minimalChange(edit.before, text, edit.change);
  if (!change) {
    storeSpliced(splicedEntry(document, text, previous.analysis, previous.exact === false), settings);
    return true;
  }
  // The previous analysis is replaced right below: its items move into the new one. The
  // findings come first: the diagnostics go out before the rest of the analysis (tens of
  // thousands of later offsets) is moved, which happens right after, or as soon as
  // anything reads the entry's analysis.
  const spliced = spliceFindingsFirst(previous.analysis, text, change, { reuse: true });
  if (!spliced) return false;
  const entry = splicedEntry(document, text, spliced.settle, true);
  storeSpliced(entry, settings, spliced.findings, change.start);
  setImmediate(() => {
    try {
      spliced.settle();
    } catch (error) {
      log('splicing failed', error);
    }
  });
  return true;
}

/** The entry of a spliced analysis of the document's current text: the analysis itself,
 * or what settles it when first read. */
function splicedEntry(document: EditorDocument, text: PieceText, analysis: DocumentAnalysis | (() => DocumentAnalysis), spliced: boolean): AnalysisEntry {
  const entry: AnalysisEntry = {
    uri: document.uri,
    version: document.version,
    languageId: document.languageId,
    // Joined only when something reads it (a hover, a code action), once.
    get text() {
      return text.toString();
    },
    lines: document.lines,
    get analysis() {
      return typeof analysis === 'function' ? analysis() : analysis;
    },
  };
  if (spliced) entry.exact = false;
  return entry;
}

/** The splice of an edit from the document's whole text (suppression comments masked). */
function spliceFlat(document: EditorDocument, previous: AnalysisEntry, settings: ClaimLensSettings): boolean {
  const text = document.getText();
  if (text.length * 3 > settings.maxFileSize && utf8Length(text) > settings.maxFileSize) return false;
  const analysedText = maskSuppressionComments(text);
  const change = changedRange(previous.analysedText ?? previous.text, analysedText);
  // The previous analysis is replaced right below: its items move into the new one.
  const analysis = change ? spliceAnalysis(previous.analysis, analysedText, change, { reuse: true }) : previous.analysis;
  if (!analysis) return false;
  // The line index too follows the edit instead of scanning the whole text again.
  const analysedBefore = previous.analysedText ?? previous.text;
  const textChange = analysedText === text && analysedBefore === previous.text ? change : changedRange(previous.text, text);
  const lines = textChange ? LineIndex.afterChange(previous.lines, text, textChange) : previous.lines;
  const entry = makeEntry(document.uri, document.version, document.languageId, text, analysis, {
    analysedText,
    exact: change ? false : previous.exact,
    lines,
  });
  storeSpliced(entry, settings);
  return true;
}

function storeSpliced(entry: AnalysisEntry, settings: ClaimLensSettings, findings?: readonly Finding[], unchangedBefore = 0): void {
  store.set(entry);
  // A full analysis of an older text would now only be dropped: stop it.
  fullAnalyses.supersede(entry.uri);
  workspace.setOpen(entry.uri, () => summarizeEntry(entry));
  // Diagnostics now; the Claims view waits for the full analysis (it would ask for it).
  publish(entry, settings, false, findings, unchangedBefore);
}

/** Publishes the entry's diagnostics: of `findings` when given (the entry's own, known
 * before its analysis is complete, in a text without suppression comments; the text before
 * `unchangedBefore` is as at the last publish). */
function publish(entry: AnalysisEntry, settings: ClaimLensSettings, notify = true, findings?: readonly Finding[], unchangedBefore = 0): void {
  const diagnostics = toDiagnostics(entry, settings, findings, unchangedBefore);
  void connection.sendDiagnostics({ uri: entry.uri, version: entry.version ?? undefined, diagnostics });
  if (notify) void connection.sendNotification(analysisChangedNotification, {
    uri: entry.uri,
    claims: entry.analysis.claims.length,
    findings: diagnostics.length,
  });
}

/** The analysis of a document's current text, for requests that need it (claims, export,
 * code actions): a pending analysis runs now, and a just-opened document is analysed
 * without waiting for its debounce. Analyses of unopened documents are returned as stored. */
async function freshEntry(uri: string): Promise<AnalysisEntry | undefined> {
  // A spliced analysis is not fresh enough for claims and exports: wait for the full one.
  // The document may change while it runs: try again, a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const document = documents.get(uri);
    const stored = store.get(uri);
    if (!document || (stored?.version === document.version && stored.exact !== false)) break;
    resolvedSettings.set(uri, await settingsFor(uri));
    debouncer.cancel(uri);
    await analyzeNow(uri);
  }
  return store.get(uri);
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function exportDocument(claims: DocumentClaims): ExportDocument {
  const path = filePath(claims.uri);
  return path !== undefined ? { uri: claims.uri, path, claims: claims.claims } : claims;
}

/** Claims of one document: an open one analysed now if pending, else its index entry. */
async function claimsOf(uri: string): Promise<DocumentClaims | undefined> {
  const entry = await freshEntry(uri);
  if (entry) return toDocumentClaims(entry);
  const summary = workspace.getDisk(uri)?.summary;
  return summary ? { uri, claims: storedClaims(summary) } : undefined;
}

/** Claims of the given documents, or of every open and indexed one. */
async function claimsFor(uris: string[] | undefined): Promise<DocumentClaims[]> {
  const wanted = uris ?? [...new Set([...store.uris(), ...documents.keys(), ...workspace.diskUris()])].sort();
  const result: DocumentClaims[] = [];
  for (const uri of wanted) {
    const claims = await claimsOf(uri);
    if (claims) result.push(claims);
  }
  return result;
}

async function reanalyzeAll(): Promise<void> {
  settingsByUri.clear();
  await Promise.all(documents.all().map((document) => scheduleAnalysis(document, true)));
}

// ---- Workspace indexing (issue 4): every matching file of every folder, off the main loop ----

interface WorkspaceFolderState {
  uri: string;
  path: string;
  name: string;
  /** Settings and file selection as of the last run (the watcher uses them). */
  settings?: ClaimLensSettings;
  selection?: FileSelection;
}

const folders = new Map<string, WorkspaceFolderState>();
/** Unopened files whose index diagnostics were published (setting "workspace"). */
const workspaceDiagnosticsShown = new Set<string>();

function addFolder(uri: string, name: string): WorkspaceFolderState | undefined {
  const folderPath = filePath(uri);
  if (folderPath === undefined) return undefined;
  const state: WorkspaceFolderState = { uri, path: folderPath, name };
  folders.set(uri, state);
  return state;
}

function folderOf(uri: string): WorkspaceFolderState | undefined {
  const target = filePath(uri);
  if (target === undefined) return undefined;
  let best: WorkspaceFolderState | undefined;
  for (const folder of folders.values()) {
    const relative = path.relative(folder.path, target);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      if (!best || folder.path.length > best.path.length) best = folder;
    }
  }
  return best;
}

function workerPool(): WorkerPool {
  pool ??= new WorkerPool(undefined, undefined, log);
  return pool;
}

async function filesExcludeFor(folderUri: string): Promise<string[]> {
  if (!supportsConfiguration) return [];
  try {
    const [files] = await connection.workspace.getConfiguration([{ scopeUri: folderUri, section: 'files' }]);
    return enabledGlobs((files as { exclude?: unknown } | null | undefined)?.exclude);
  } catch {
    return [];
  }
}

async function refreshFolderSettings(folder: WorkspaceFolderState): Promise<ClaimLensSettings> {
  const settings = await settingsFor(folder.uri);
  folder.settings = settings;
  folder.selection = new FileSelection(folder.path, {
    include: settings.workspace.include,
    exclude: settings.workspace.exclude,
    filesExclude: await filesExcludeFor(folder.uri),
  });
  return settings;
}

/** Whether some folder shows the index diagnostics of unopened files. */
function anyFolderShowsWorkspaceDiagnostics(): boolean {
  for (const folder of folders.values()) if (folder.settings?.workspace.diagnostics === 'workspace') return true;
  return false;
}

/** Publishes (or clears) the index diagnostics of an unopened file, per the setting. */
function publishIndexed(uri: string): void {
  if (documents.get(uri)) return;
  // Most workspaces keep the default (open files only): nothing to publish or clear, and
  // no folder to look up (path work per indexed file that the main thread need not do).
  if (!workspaceDiagnosticsShown.has(uri) && !anyFolderShowsWorkspaceDiagnostics()) return;
  const folder = folderOf(uri);
  const shown = (folder?.settings?.workspace.diagnostics ?? 'openFiles') === 'workspace';
  if (!shown && !workspaceDiagnosticsShown.has(uri)) return;
  const record = workspace.getDisk(uri);
  if (record && folder?.settings?.enable !== false && shown) {
    const diagnostics = diagnosticsFromSummary({ uri, findings: storedFindings(record.summary) }, folder?.settings ?? pushedSettings);
    workspaceDiagnosticsShown.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  } else if (workspaceDiagnosticsShown.delete(uri)) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function languageIdOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.news' || extension === '.article') return 'news-article';
  return 'plaintext';
}

/** Analyses one file on disk in a worker and stores its summary: true when stored, false
 * when it is gone, 'failed' when it could not be read or analysed (stored with the one
 * finding that says so, and counted in `failures`, else logged), undefined when superseded. */
async function indexFile(
  uri: string,
  folder: WorkspaceFolderState,
  cancelled: () => boolean = () => false,
  /** The file's path when the caller has it (the walk): no URL to parse per file. */
  file: string = filePath(uri)!,
  /** The run's tally, told once at its end; without one a failure is logged at once. */
  failures?: IndexFailures,
): Promise<boolean | 'failed' | undefined> {
  const maxFileSize = folder.settings?.maxFileSize ?? pushedSettings.maxFileSize;
  // A newer request for the same file (a later change, a deletion) makes this one stale:
  // dropped if it has not started, ignored if it has. So does the folder's removal, which
  // must not be undone by work queued before it.
  const generation = nextGeneration(uri);
  const dropped = (): boolean => cancelled() || fileGenerations.get(uri) !== generation || folders.get(folder.uri) !== folder;
  const result = await workerPool().run({ uri, path: file, languageId: languageIdOf(file), maxFileSize }, dropped);
  if (fileGenerations.get(uri) !== generation) return undefined;
  fileGenerations.delete(uri);
  if (!result || folders.get(folder.uri) !== folder) return undefined;
  if (!result.summary) {
    dropIndexed(uri);
    return false;
  }
  if (result.failure) {
    workspace.setDisk(uri, { summary: result.summary, mtimeMs: result.mtimeMs ?? 0, size: result.size ?? 0, folder: folder.uri, failed: true });
    publishIndexed(uri);
    if (failures) failures.add(uri, result.failure);
    else {
      const single = new IndexFailures();
      single.add(uri, result.failure);
      reportFailures(single, 1, 'indexing a file', false);
    }
    return 'failed';
  }
  workspace.setDisk(uri, { summary: result.summary, mtimeMs: result.mtimeMs ?? 0, size: result.size ?? 0, folder: folder.uri });
  publishIndexed(uri);
  return true;
}

/** Logs what a run could not analyse (count, first error with its stack) and, for a whole
 * indexing run, shows one warning: never one per file. */
function reportFailures(failures: IndexFailures, total: number, what: string, warn: boolean): void {
  const logged = failures.logMessage(total, what);
  if (logged === undefined) return;
  log(logged);
  const warning = failures.warningMessage(total);
  // A notification (window/showMessage): window.showWarningMessage sends a request, which
  // waits for the user and fails with clients that do not answer it.
  if (warn && warning) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: warning });
}

const fileGenerations = new Map<string, number>();
let generationCounter = 0;

function nextGeneration(uri: string): number {
  const generation = ++generationCounter;
  fileGenerations.set(uri, generation);
  return generation;
}

function dropIndexed(uri: string): void {
  // Work still queued or running for the file must not bring it back.
  if (fileGenerations.has(uri)) nextGeneration(uri);
  if (!workspace.deleteDisk(uri)) return;
  if (!documents.get(uri)) {
    workspaceDiagnosticsShown.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

// Index status for the status bar and the view badge, at most five a second.
const STATUS_INTERVAL_MS = 200;
let statusTimer: NodeJS.Timeout | undefined;
let lastStatusAt = 0;
let runProgress: { done: number; files: number } | undefined;

function sendIndexStatus(): void {
  statusTimer = undefined;
  lastStatusAt = Date.now();
  const totals = workspace.totals;
  const files = Math.max(workspace.fileCount, runProgress?.files ?? 0);
  void connection.sendNotification(indexStatusNotification, {
    indexing: runProgress !== undefined,
    files,
    done: runProgress ? runProgress.done : files,
    claims: totals.claims,
    findings: totals.findings,
  });
}

function indexStatusChanged(now = false): void {
  if (now) {
    if (statusTimer) clearTimeout(statusTimer);
    sendIndexStatus();
    return;
  }
  if (statusTimer) return;
  statusTimer = setTimeout(sendIndexStatus, Math.max(0, lastStatusAt + STATUS_INTERVAL_MS - Date.now()));
}

interface IndexRun {
  promise: Promise<AnalyzeWorkspaceResult>;
  cancel(): void;
}

let currentRun: IndexRun | undefined;
const numberFormat = new Intl.NumberFormat('en-US');

/** Indexes every folder: a second call joins the running one, or with `force` replaces it. */
async function analyzeWorkspace(force: boolean, token?: CancellationToken): Promise<AnalyzeWorkspaceResult> {
  if (currentRun && !force) {
    const joined = currentRun;
    token?.onCancellationRequested(() => joined.cancel());
    return joined.promise;
  }
  // A loop: a follow-up pass queued behind the cancelled one (analyzeWorkspaceAfterCurrent)
  // may start while this waits; one run at a time.
  while (currentRun) {
    const running = currentRun;
    running.cancel();
    await running.promise.catch(() => undefined);
  }
  let cancelled = false;
  const run: IndexRun = {
    cancel: () => {
      cancelled = true;
    },
    promise: Promise.resolve(undefined as unknown as AnalyzeWorkspaceResult),
  };
  token?.onCancellationRequested(() => run.cancel());
  run.promise = indexFolders(force, () => cancelled).finally(() => {
    if (currentRun !== run) return;
    currentRun = undefined;
    runProgress = undefined;
    indexStatusChanged(true);
  });
  currentRun = run;
  return run.promise;
}

/** Indexes again once the running pass ends: folders or include/exclude globs that
 * changed after that pass listed its files would otherwise be missed. Unchanged files are
 * kept, so the follow-up pass is cheap. */
let followUpRun: Promise<AnalyzeWorkspaceResult> | undefined;
function analyzeWorkspaceAfterCurrent(): Promise<AnalyzeWorkspaceResult> {
  const running = currentRun;
  if (!running) return analyzeWorkspace(false);
  followUpRun ??= running.promise
    .catch(() => undefined)
    .then(() => {
      followUpRun = undefined;
      return analyzeWorkspace(false);
    });
  return followUpRun;
}

async function indexFolders(force: boolean, isCancelled: () => boolean): Promise<AnalyzeWorkspaceResult> {
  const started = Date.now();
  // The first worker loads the core while the progress is set up and the files are listed.
  if ([...folders.values()].some((folder) => folder.settings?.enable !== false)) workerPool().warmUp();
  let reporter: WorkDoneProgressServerReporter | undefined;
  try {
    reporter = await connection.window.createWorkDoneProgress();
  } catch {
    reporter = undefined;
  }
  let cancelledByUser = false;
  reporter?.token.onCancellationRequested(() => (cancelledByUser = true));
  const cancelled = (): boolean => cancelledByUser || isCancelled();
  reporter?.begin('ClaimLens: Indexing workspace', 0, 'Finding articles…', true);
  const progress = { done: 0, files: 0 };
  runProgress = progress;
  const failures = new IndexFailures();
  indexStatusChanged(true);

  // Files are analysed as the walk finds them, folder by folder: the workers start on the
  // first folder's articles while the rest of the tree is still being read. The total is
  // known once every folder has been walked.
  const work: { uri: string; file: string; folder: WorkspaceFolderState }[] = [];
  let listing = true;
  let analysed = 0;
  let lastReport = 0;
  const report = (): void => {
    const now = Date.now();
    const total = progress.files;
    if (now - lastReport < STATUS_INTERVAL_MS && (listing || progress.done < total)) return;
    lastReport = now;
    const done = progress.done;
    if (listing) reporter?.report(0, `Analysing ${numberFormat.format(done)} of ${numberFormat.format(total)} articles found so far`);
    else reporter?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `Analysing ${numberFormat.format(done)} of ${numberFormat.format(total)} articles`);
    indexStatusChanged();
  };
  // A few lanes feed the pool, so that 10,000 tasks are never created in one go; a lane
  // that runs out of files while the walk goes on waits for the next folder's.
  let next = 0;
  let wakeLanes: (() => void)[] = [];
  const wake = (): void => {
    const waiting = wakeLanes;
    wakeLanes = [];
    for (const resume of waiting) resume();
  };
  // Each file's steps are written out in the lane's loop rather than in an async function
  // of their own: one async frame and promise fewer per file on the main thread.
  // The files not handed over yet (some may turn out unchanged): the pool starts another
  // worker only for enough of them.
  workerPool().expectBacklog(() => work.length - next);
  const lanes = Array.from({ length: workerPool().concurrency }, async () => {
    for (;;) {
      if (cancelled()) return;
      if (next >= work.length) {
        if (!listing) return;
        await new Promise<void>((resume) => wakeLanes.push(resume));
        continue;
      }
      const { uri, file, folder } = work[next++];
      const known = workspace.getDisk(uri);
      if (known && !force) {
        // Unchanged since it was indexed: keep the summary.
        try {
          const info = await statFile(file);
          // A file that failed is tried again: the cause (a bug fixed, permissions) may be gone.
          if (!known.failed && info.mtimeMs === known.mtimeMs && info.size === known.size) {
            progress.done++;
            report();
            continue;
          }
        } catch {
          // Gone: the worker finds out and the entry is dropped.
        }
      }
      const indexed = await indexFile(uri, folder, cancelled, file, failures);
      if (indexed === undefined) {
        // Superseded by a newer change to the file, which reports itself.
        if (!cancelled()) progress.done++;
        continue;
      }
      if (indexed === true) analysed++;
      progress.done++;
      report();
    }
  });
  try {
    for (const folder of [...folders.values()]) {
      if (cancelled()) break;
      const settings = await refreshFolderSettings(folder);
      if (!settings.enable) {
        for (const uri of workspace.diskUrisIn(folder.uri)) dropIndexed(uri);
        continue;
      }
      const found = await folder.selection!.walk(cancelled, (files) => {
        const uris = fileUris(files);
        for (let i = 0; i < files.length; i++) work.push({ uri: uris[i], file: files[i], folder });
        progress.files = work.length;
        wake();
      });
      if (cancelled()) break;
      // Files that left the selection (or the disk) while nobody was watching.
      const uris = new Set(fileUris(found));
      for (const uri of workspace.diskUrisIn(folder.uri)) if (!uris.has(uri)) dropIndexed(uri);
    }
  } finally {
    listing = false;
    wake();
  }
  const total = work.length;
  progress.files = total;
  report();
  try {
    await Promise.all(lanes);
  } finally {
    workerPool().expectBacklog(undefined);
  }
  const wasCancelled = cancelled();
  if (wasCancelled) workerPool().dropQueued();
  reporter?.done();
  reportFailures(failures, total, 'indexing', true);
  return { files: total, analysed, failed: failures.count, cancelled: wasCancelled, milliseconds: Date.now() - started };
}

/** Re-applies the workspace diagnostics setting to every unopened indexed file. */
function republishIndexed(): void {
  for (const uri of workspace.diskUris()) publishIndexed(uri);
  for (const uri of [...workspaceDiagnosticsShown]) if (!workspace.getDisk(uri)) publishIndexed(uri);
}

async function registerWatcher(): Promise<void> {
  if (!supportsWatchedFilesRegistration) return;
  const globs = new Set<string>(['**/.gitignore']);
  for (const folder of folders.values()) {
    const settings = folder.settings ?? (await settingsFor(folder.uri));
    for (const glob of settings.workspace.include) globs.add(glob);
  }
  if (folders.size === 0) for (const glob of DEFAULT_SETTINGS.workspace.include) globs.add(glob);
  watcherRegistration?.then((disposable) => disposable.dispose(), () => undefined);
  watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [...globs].map((globPattern) => ({ globPattern })),
  });
  watcherRegistration.catch((error: unknown) => log('registering the file watcher failed', error));
}
let watcherRegistration: Promise<{ dispose(): void }> | undefined;

/** The last analysis summary of a document: open (its editor text) or indexed. */
async function summaryOf(uri: string): Promise<EntitiesOf | undefined> {
  if (documents.get(uri) && !store.get(uri)) await freshEntry(uri);
  return workspace.summary(uri);
}

/** Every workspace occurrence of the entity: same kind and canonical name, and the
 * one-word names that unambiguously stand for it ("Keller" for Maria Keller). */
function occurrencesOf(entity: EntitySummary): EntityOccurrence[] {
  const index = workspace.entityIndex();
  const occurrences = index.related(entity.kind, entity.name).flatMap((key) => index.occurrencesOfKey(key));
  return occurrences.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** The defining mention: the first full-name mention of the entity in this document; if
 * it has none here (only "Keller"), the first full-name mention in the workspace. */
function definitionOf(uri: string, entity: EntitySummary): Location | undefined {
  const index = workspace.entityIndex();
  const [canonical] = index.related(entity.kind, entity.name);
  const occurrences = index.occurrencesOfKey(canonical);
  const here = occurrences.find((occurrence) => occurrence.uri === uri && occurrence.entity.defining >= 0);
  if (here) return { uri, range: mentionRange(here.entity, here.entity.defining) };
  if (canonical === entityKey(entity.kind, entity.name) && entity.defining >= 0) {
    return { uri, range: mentionRange(entity, entity.defining) };
  }
  const first = occurrences.find((occurrence) => occurrence.entity.defining >= 0);
  if (first) return { uri: first.uri, range: mentionRange(first.entity, first.entity.defining) };
  return mentionCount(entity) > 0 ? { uri, range: mentionRange(entity, 0) } : undefined;
}

function sameLocation(a: Location, b: Location | undefined): boolean {
  return (
    b !== undefined &&
    a.uri === b.uri &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

const WORKSPACE_SYMBOL_LIMIT = 256;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  supportsConfiguration = capabilities.workspace?.configuration === true;
  supportsConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  supportsHierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  supportsWatchedFilesRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
  for (const folder of params.workspaceFolders ?? []) addFolder(folder.uri, folder.name);
  const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (initial !== undefined) pushedSettings = normalizeSettings(initial);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'ClaimLens' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'claimlens-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  fullAnalyses.warmUp();
  if (supportsConfiguration && supportsConfigurationRegistration) {
    // Ask to be told about changes; clients without dynamic registration send them anyway.
    // files.exclude too: it narrows which workspace files are indexed.
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: ['claimlens', 'files.exclude'] })
      .catch(() => undefined);
  }
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(
      guarded('didChangeWorkspaceFolders', undefined, async (event) => {
        for (const removed of event.removed) {
          folders.delete(removed.uri);
          for (const uri of workspace.diskUrisIn(removed.uri)) dropIndexed(uri);
        }
        for (const added of event.added) addFolder(added.uri, added.name);
        indexStatusChanged(true);
        await registerWatcher();
        if (event.added.length > 0) await analyzeWorkspaceAfterCurrent();
      }),
    );
  }
  void startupIndexing().catch((error: unknown) => log('indexing the workspace failed', error));
});

async function startupIndexing(): Promise<void> {
  if (folders.size === 0) return;
  let wanted = false;
  for (const folder of folders.values()) {
    const settings = await refreshFolderSettings(folder);
    if (settings.enable && settings.workspace.analyzeOnStartup) wanted = true;
  }
  await registerWatcher();
  if (wanted) await analyzeWorkspace(false);
}

connection.onDidChangeConfiguration(
  guarded('didChangeConfiguration', undefined, async (change) => {
    if (!supportsConfiguration) {
      const section = (change.settings as { claimlens?: unknown } | null | undefined)?.claimlens;
      pushedSettings = normalizeSettings(section);
    }
    await reanalyzeAll();
    if (folders.size > 0) {
      for (const folder of folders.values()) await refreshFolderSettings(folder);
      // The diagnostics setting may have changed; include/exclude changes need a run
      // (unchanged files are kept).
      republishIndexed();
      await registerWatcher();
      if (workspace.diskUris().length > 0 || currentRun) void analyzeWorkspaceAfterCurrent();
    }
  }),
);

// Fired on open and on every change: a document never analysed yet is analysed at once,
// later edits after the debounce delay.
documents.onDidChangeContent(
  guarded('didChange', undefined, (event) => {
    const known = store.get(event.document.uri) !== undefined;
    const spliced = known && spliceNow(event.document);
    return scheduleAnalysis(event.document, !known, spliced);
  }),
);
documents.onDidClose(
  guarded('didClose', undefined, async (event) => {
    const uri = event.document.uri;
    debouncer.cancel(uri);
    inflight.delete(uri);
    store.delete(uri);
    settingsByUri.delete(uri);
    resolvedSettings.delete(uri);
    workspace.deleteOpen(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Back to its on-disk index entry, which may be older than the editor's last save.
    const folder = folderOf(uri);
    if (workspace.getDisk(uri) && folder) await indexFile(uri, folder);
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
  guarded('allClaims', [], async (params) => claimsFor(params?.uris)),
);

connection.onRequest(exportClaimsRequest, async (params) => {
  if (!EXPORT_FORMATS.includes(params.format)) {
    throw new Error(`Unknown export format "${String(params.format)}"; use one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  try {
    return exportClaims((await claimsFor(params.uris)).map(exportDocument), params.format, { generator: GENERATOR });
  } catch (error) {
    log('exportClaims failed', error);
    throw error;
  }
});

connection.onRequest(
  workspaceClaimsRequest,
  guarded('workspaceClaims', { documents: [], total: 0, truncated: false }, async (params) => {
    let uris: string[];
    if (params.scope === 'document') uris = params.uri ? [params.uri] : [];
    else if (params.scope === 'open') uris = [...documents.keys()].sort();
    else uris = workspace.uris().concat([...documents.keys()].filter((uri) => !workspace.isOpen(uri) && !workspace.getDisk(uri))).sort();
    const limit = typeof params.limit === 'number' && params.limit >= 0 ? params.limit : Number.POSITIVE_INFINITY;
    return filterClaims(claimsInScope(uris, params.filter, limit), params.filter, limit);
  }),
);

/** Claims of each URI for the filter, parsing stored claims only where they can matter:
 * without a filter, documents past the limit only count; a text filter first looks for the
 * text in the stored JSON (a superset test). Open documents answer from their analysis. */
async function* claimsInScope(uris: string[], filter: ClaimsFilter | undefined, limit: number): AsyncGenerator<DocumentClaims> {
  const unfiltered = !filter || (!filter.text?.trim() && !(filter.kinds && filter.kinds.length > 0) && !filter.speaker && filter.sourced === undefined);
  const needle = filter?.text?.trim() ? JSON.stringify(filter.text.trim().toLowerCase()).slice(1, -1) : undefined;
  let kept = 0;
  for (const uri of uris) {
    const stored = documents.get(uri) ? undefined : workspace.getDisk(uri)?.summary;
    if (!stored) {
      const claims = await claimsOf(uri);
      if (claims) {
        kept += claims.claims.length;
        yield claims;
      }
      continue;
    }
    if (unfiltered && kept >= limit) {
      // Only counted: stand-ins that match an empty filter.
      yield { uri, claims: new Array<ClaimItem>(stored.claimCount).fill(PLACEHOLDER_CLAIM) };
      continue;
    }
    if (needle !== undefined && !storedClaimsJson(stored).toLowerCase().includes(needle)) continue;
    const claims = storedClaims(stored);
    kept += claims.length;
    yield { uri, claims };
  }
}

const PLACEHOLDER_CLAIM: ClaimItem = Object.freeze({
  id: '',
  kind: 'statement',
  text: '',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  sourced: false,
  figures: [],
  entities: [],
}) as ClaimItem;

connection.onRequest(analyzeWorkspaceRequest, async (params, token) => {
  try {
    return await analyzeWorkspace(params?.force === true, token);
  } catch (error) {
    log('analyzeWorkspace failed', error);
    throw error;
  }
});

connection.onWorkspaceSymbol(
  guarded('workspaceSymbol', [] as SymbolInformation[], (params): SymbolInformation[] => {
    const matches = workspace.entityIndex().search(params.query, WORKSPACE_SYMBOL_LIMIT);
    return matches.map(({ uri, entity }) => {
      const at = entity.defining >= 0 ? entity.defining : 0;
      const symbol: SymbolInformation = {
        name: entity.name,
        kind: ENTITY_SYMBOL[entity.kind],
        location: { uri, range: at < mentionCount(entity) ? mentionRange(entity, at) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        containerName: entity.role ?? path.posix.basename(uri),
      };
      return symbol;
    });
  }),
);

connection.onReferences(
  guarded('references', [] as Location[], async (params): Promise<Location[]> => {
    const summary = await summaryOf(params.textDocument.uri);
    const at = summary && entityAt(summary, params.position);
    if (!at) return [];
    const declaration = params.context.includeDeclaration ? undefined : definitionOf(params.textDocument.uri, at.entity);
    const locations: Location[] = [];
    for (const occurrence of occurrencesOf(at.entity)) {
      for (let mention = 0; mention < mentionCount(occurrence.entity); mention++) {
        const location = { uri: occurrence.uri, range: mentionRange(occurrence.entity, mention) };
        if (!sameLocation(location, declaration)) locations.push(location);
      }
    }
    return locations;
  }),
);

connection.onDefinition(
  guarded('definition', null as Location | null, async (params): Promise<Location | null> => {
    const summary = await summaryOf(params.textDocument.uri);
    const at = summary && entityAt(summary, params.position);
    return at ? (definitionOf(params.textDocument.uri, at.entity) ?? null) : null;
  }),
);

connection.onDidChangeWatchedFiles(
  guarded('didChangeWatchedFiles', undefined, async (params) => {
    const tasks: Promise<unknown>[] = [];
    const failures = new IndexFailures();
    for (const change of params.changes) {
      const changedPath = filePath(change.uri);
      if (changedPath === undefined) continue;
      if (path.basename(changedPath) === '.gitignore') {
        for (const folder of folders.values()) folder.selection?.resetGitignores();
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        dropIndexed(change.uri);
        // A deleted folder: everything indexed below it goes too.
        const prefix = change.uri.endsWith('/') ? change.uri : `${change.uri}/`;
        for (const uri of workspace.diskUris()) if (uri.startsWith(prefix)) dropIndexed(uri);
        continue;
      }
      const folder = folderOf(change.uri);
      if (!folder) continue;
      if (!folder.selection || !folder.settings) await refreshFolderSettings(folder);
      if (!folder.settings!.enable || !(await folder.selection!.selectsPath(changedPath))) {
        dropIndexed(change.uri);
        continue;
      }
      tasks.push(indexFile(change.uri, folder, undefined, undefined, failures));
    }
    await Promise.all(tasks);
    // Logged, not shown: a warning per save or checkout would nag; the files' findings stay.
    reportFailures(failures, tasks.length, 'indexing changed files', false);
    indexStatusChanged();
  }),
);

connection.onShutdown(() => {
  debouncer.dispose();
  fullAnalyses.dispose();
  currentRun?.cancel();
  pool?.dispose();
});

process.on('uncaughtException', (error) => log('uncaught exception', error));
process.on('unhandledRejection', (error) => log('unhandled rejection', error));

documents.listen(connection);
connection.listen();
