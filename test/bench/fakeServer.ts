// A stand-in language server for testing the benchmark's server measures: it indexes its
// workspace folder with a work-done progress and diagnostics per file (as issue 4 §1 will),
// answers hovers, and publishes versioned diagnostics after each change.
// FAKE_NO_INDEX=1: no workspace indexing at all. FAKE_WAIT_FOR_HOVERS=1: indexing ends only
// after a few hovers were answered during it (so a test never races the client).
// FAKE_INDEX_ON_REQUEST=1: indexes only when asked with claimlens/analyzeWorkspace, reporting
// claimlens/indexStatus, and answers when done. FAKE_INDEX_FAILS=N: with it, the last N files
// fail (not analysed, not in the index).
// FAKE_FULL_ANALYSIS_MS=N: like ClaimLens, each change's diagnostics come at once, and a
// "full analysis" of the text follows N ms after the last change, announced with
// claimlens/analysisChanged (the opened text's at once); hovers while one is pending answer null.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let folder: string | undefined;
let hovers = 0;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

connection.onInitialize((params) => {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  folder = uri ? fileURLToPath(uri) : undefined;
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true } };
});

connection.onRequest('claimlens/analyzeWorkspace', async () => {
  if (!folder || process.env.FAKE_INDEX_ON_REQUEST !== '1') throw new Error('not supported');
  const files = filesUnder(folder);
  for (let done = 0; done < files.length; done++) {
    connection.sendNotification('claimlens/indexStatus', { indexing: true, files: files.length, done, claims: 0, findings: 0 });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const analysed = files.length - Number(process.env.FAKE_INDEX_FAILS ?? 0);
  connection.sendNotification('claimlens/indexStatus', { indexing: false, files: analysed, done: files.length, claims: 0, findings: 0 });
  return { files: files.length, analysed, cancelled: false, milliseconds: 1 };
});

connection.onInitialized(async () => {
  if (!folder || process.env.FAKE_NO_INDEX === '1' || process.env.FAKE_INDEX_ON_REQUEST === '1') return;
  const token = 'index-1';
  await connection.sendRequest('window/workDoneProgress/create', { token });
  await connection.sendNotification('$/progress', { token, value: { kind: 'begin', title: 'Indexing workspace' } });
  for (const file of filesUnder(folder)) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  }
  while (process.env.FAKE_WAIT_FOR_HOVERS === '1' && hovers < 5) await new Promise((resolve) => setTimeout(resolve, 5));
  await connection.sendNotification('$/progress', { token, value: { kind: 'end' } });
});

const fullAnalysisMs = Number(process.env.FAKE_FULL_ANALYSIS_MS) || 0;
let fullAnalysis: NodeJS.Timeout | undefined;

documents.onDidChangeContent((event) => {
  connection.sendDiagnostics({ uri: event.document.uri, version: event.document.version, diagnostics: [] });
  if (fullAnalysisMs <= 0) return;
  const uri = event.document.uri;
  // The opened text is analysed in full at once (as ClaimLens publishes its first analysis).
  if (event.document.version === 1) return void connection.sendNotification('claimlens/analysisChanged', { uri, claims: 0, findings: 0 });
  clearTimeout(fullAnalysis);
  fullAnalysis = setTimeout(() => {
    fullAnalysis = undefined;
    void connection.sendNotification('claimlens/analysisChanged', { uri, claims: 0, findings: 0 });
  }, fullAnalysisMs);
});

connection.onHover(() => {
  hovers++;
  return fullAnalysis ? null : { contents: 'fake' };
});

documents.listen(connection);
connection.listen();
