// "ClaimLens: Export Claims…": interactively (pickers and a save dialog) or from code with
// `ExportClaimsArgs`. The file's content is made by the server, so the CLI and the editor agree.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportFormat } from '../../protocol/requests';
import type { ClaimsNode, ExportClaimsArgs } from './api';
import { isAnalysedDocument, ServerConnection } from './serverConnection';

export const EXPORT_COMMAND = 'claimlens.exportClaims';
const FORMATS: Record<ExportFormat, { label: string; extension: string; description: string }> = {
  json: { label: 'JSON', extension: 'json', description: 'Claims with sources and figures, with a schema version' },
  csv: { label: 'CSV', extension: 'csv', description: 'One row per claim, safe to open in a spreadsheet' },
  markdown: { label: 'Markdown', extension: 'md', description: 'A readable table per document' },
};
/** How long to wait for the server to analyse a document it has just been given. */
const ANALYSIS_WAIT_MS = 15000;

type Scope = 'document' | 'all';

export class ExportCommand {
  constructor(private readonly connection: ServerConnection) {}

  /** The command's entry point: automation when given a `target`, otherwise the interactive flow. */
  async run(arg?: unknown): Promise<vscode.Uri | undefined> {
    if (isExportArgs(arg)) return this.runWithArgs(arg);
    try {
      return await this.runInteractive(presetDocument(arg));
    } catch (error) {
      void vscode.window.showErrorMessage(`ClaimLens: export failed. ${messageOf(error)}`);
      return undefined;
    }
  }

  /** No pickers or dialogs, except the question before replacing a file when `overwrite` is not true.
   * Returns the written file, or undefined when the user declined to replace it. */
  async runWithArgs(args: ExportClaimsArgs): Promise<vscode.Uri | undefined> {
    const format = args.format;
    if (!Object.prototype.hasOwnProperty.call(FORMATS, format)) {
      throw new Error(`ClaimLens export: unknown format ${JSON.stringify(format)}; use "json", "csv" or "markdown".`);
    }
    if (typeof args.target !== 'string' || !path.isAbsolute(args.target)) {
      throw new Error(`ClaimLens export: "target" must be an absolute file path, got ${JSON.stringify(args.target)}.`);
    }
    const scope: Scope = args.scope ?? 'document';
    if (scope !== 'document' && scope !== 'all') {
      throw new Error(`ClaimLens export: unknown scope ${JSON.stringify(scope)}; use "document" or "all".`);
    }
    let documentUri: vscode.Uri | undefined;
    if (scope === 'document') {
      documentUri = args.uri !== undefined ? toUri(args.uri) : vscode.window.activeTextEditor?.document.uri;
      if (!documentUri) {
        throw new Error('ClaimLens export: scope "document" needs a "uri" argument or an active editor.');
      }
    }
    const target = vscode.Uri.file(args.target);
    if (args.overwrite !== true && (await exists(target)) && !(await confirmReplace(target))) return undefined;

    if (documentUri) await this.ensureAnalysed(documentUri);
    const result = await this.connection.exportClaims(format, documentUri ? [documentUri] : undefined);
    await writeFileSafely(target, result.content);
    return target;
  }

  private async runInteractive(preset: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const formatPick = await vscode.window.showQuickPick(
      (Object.keys(FORMATS) as ExportFormat[]).map((format) => ({
        label: FORMATS[format].label,
        description: `.${FORMATS[format].extension}`,
        detail: FORMATS[format].description,
        format,
      })),
      { title: 'Export Claims (1/2): Format', placeHolder: 'Choose the file format' },
    );
    if (!formatPick) return undefined;
    const format = formatPick.format;

    let documentUri = preset;
    if (!documentUri) {
      const active = vscode.window.activeTextEditor?.document;
      const current = active && isAnalysedDocument(active) ? active.uri : undefined;
      const scopePick = await vscode.window.showQuickPick(
        [
          ...(current
            ? [{ label: 'Current Document', description: displayName(current), scope: 'document' as Scope }]
            : []),
          { label: 'Workspace', description: 'every indexed file of the workspace and every open article', scope: 'all' as Scope },
        ],
        { title: 'Export Claims (2/2): Scope', placeHolder: 'Choose which claims to export' },
      );
      if (!scopePick) return undefined;
      documentUri = scopePick.scope === 'document' ? current : undefined;
    }

    const { extension, label } = FORMATS[format];
    const baseName = documentUri ? `${stem(documentUri)}-claims` : 'claims';
    const folder = defaultFolder(documentUri);
    const target = await vscode.window.showSaveDialog({
      title: 'Export Claims',
      saveLabel: 'Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${baseName}.${extension}`) : undefined,
      filters: { [label]: [extension], 'All Files': ['*'] },
    });
    // The save dialog has already asked before replacing an existing file.
    if (!target) return undefined;

    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'ClaimLens: exporting claims' },
      async () => {
        if (documentUri) await this.ensureAnalysed(documentUri);
        return this.connection.exportClaims(format, documentUri ? [documentUri] : undefined);
      },
    );
    await writeFileSafely(target, result.content);
    const summary = `${result.claims} claim${result.claims === 1 ? '' : 's'} from ${result.documents} document${result.documents === 1 ? '' : 's'}`;
    void vscode.window
      .showInformationMessage(`ClaimLens: exported ${summary} to ${displayName(target)}.`, 'Open')
      .then((choice) => choice === 'Open' && vscode.commands.executeCommand('vscode.open', target));
    return target;
  }

  /** Makes sure the server holds an analysis of the document, opening it (without an editor) if needed. */
  private async ensureAnalysed(uri: vscode.Uri): Promise<void> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      throw new Error(`ClaimLens export: cannot open ${displayName(uri)}: ${messageOf(error)}`);
    }
    if (!isAnalysedDocument(document)) {
      throw new Error(
        `ClaimLens export: ${displayName(uri)} is a "${document.languageId}" document (${uri.scheme}), which ClaimLens does not analyse; see the "claimlens.languages" setting.`,
      );
    }
    if (!vscode.workspace.getConfiguration('claimlens', document).get<boolean>('enable', true)) {
      throw new Error(`ClaimLens export: ClaimLens is turned off for ${displayName(uri)} ("claimlens.enable" is false).`);
    }
    const expectedUri = await this.connection.protocolUri(uri);
    // Listen before asking, so an analysis finishing in between is not missed.
    let onAnalysed: () => void = () => undefined;
    const analysed = new Promise<void>((resolve) => (onAnalysed = resolve));
    const subscription = this.connection.onAnalysisChanged((params) => params.uri === expectedUri && onAnalysed());
    try {
      if (await this.connection.documentClaims(uri)) return;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, ANALYSIS_WAIT_MS)));
      await Promise.race([analysed, timedOut]);
      if (timer) clearTimeout(timer);
      if (await this.connection.documentClaims(uri)) return;
      throw new Error(`ClaimLens export: the server has not analysed ${displayName(uri)} within ${ANALYSIS_WAIT_MS / 1000} s; see "ClaimLens: Show Output".`);
    } finally {
      subscription.dispose();
    }
  }
}

function isExportArgs(arg: unknown): arg is ExportClaimsArgs {
  // Any object carrying export options is meant for automation, even if incomplete:
  // `runWithArgs` then says what is missing instead of opening dialogs.
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && ('target' in arg || 'format' in arg);
}

/** The document to export when the command comes from a view item or an explorer/editor menu. */
function presetDocument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const node = arg as ClaimsNode | undefined;
  if (node && typeof node === 'object' && node.type === 'document' && typeof node.uri === 'string') return vscode.Uri.parse(node.uri);
  return undefined;
}

/** Accepts a URI string ("file:///…", "untitled:Untitled-1"), an absolute path or a `vscode.Uri`. */
export function toUri(value: string | vscode.Uri): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`ClaimLens export: "uri" must be a URI string, got ${JSON.stringify(value)}.`);
  }
  // A scheme has two or more characters; "C:\…" is a Windows path, not a URI.
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(value)) return vscode.Uri.parse(value, true);
  if (path.isAbsolute(value)) return vscode.Uri.file(value);
  throw new Error(`ClaimLens export: "uri" must be a URI or an absolute path, got ${JSON.stringify(value)}.`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    `${displayName(target)} already exists. Replace it with the exported claims?`,
    { modal: true, detail: target.scheme === 'file' ? target.fsPath : target.toString() },
    'Replace',
  );
  return choice === 'Replace';
}

/** Writes next to the target and renames over it, so a failed write never leaves half a file. */
async function writeFileSafely(target: vscode.Uri, content: string): Promise<void> {
  const bytes = Buffer.from(content, 'utf8');
  const folder = vscode.Uri.joinPath(target, '..');
  const temporary = vscode.Uri.joinPath(folder, `.${path.posix.basename(target.path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw new Error(`ClaimLens export: cannot write ${target.scheme === 'file' ? target.fsPath : target.toString()}: ${messageOf(error)}`);
  }
}

function defaultFolder(documentUri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (documentUri?.scheme === 'file') return vscode.Uri.joinPath(documentUri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function stem(uri: vscode.Uri): string {
  const base = path.posix.basename(uri.path);
  const extension = path.posix.extname(base);
  return (extension ? base.slice(0, -extension.length) : base) || 'claims';
}

function displayName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path) || uri.toString();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
