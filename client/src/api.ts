// What `activate` returns: a small API for automation and for the extension's own tests.
import type * as vscode from 'vscode';
import type { ClaimItem, ClaimsFilter, ClaimsScope, ExportFormat, IndexStatusParams } from '../../protocol/requests';

export type { ClaimsFilter, ClaimsScope, IndexStatusParams };

/** A node of the Claims view: a document, a group (kind or speaker), a claim, or the
 * last root node when the view shows only the first claims ('more': how many are left out). */
export type ClaimsNode =
  | { type: 'document'; uri: string; label: string; count: number }
  | { type: 'group'; uri: string; label: string; claims: ClaimItem[] }
  | { type: 'claim'; uri: string; claim: ClaimItem }
  | { type: 'more'; count: number };

export interface ClaimsViewApi {
  getChildren(node?: ClaimsNode): Promise<ClaimsNode[]>;
  getTreeItem(node: ClaimsNode): vscode.TreeItem;
  /** 'kind' or 'speaker'. */
  readonly grouping: 'kind' | 'speaker';
  refresh(): void;
  /** Which documents the view lists: the active one, the open ones, or every indexed file. */
  readonly scope: ClaimsScope;
  setScope(scope: ClaimsScope): Promise<void>;
  /** The active filter, undefined when none. */
  readonly filter: ClaimsFilter | undefined;
  /** Narrows the view (and its badge); undefined clears the filter. */
  setFilter(filter: ClaimsFilter | undefined): Promise<void>;
}

/** Arguments of `claimlens.exportClaims` when called from code (no dialogs are shown
 * except the overwrite question, which `overwrite: true` answers in advance).
 * The command then resolves to the written file's `vscode.Uri`, or to `undefined` when
 * the user declined to replace an existing file; invalid arguments, a document the
 * server does not analyse, or a failed write reject with an Error saying which. */
export interface ExportClaimsArgs {
  format: ExportFormat;
  /** 'document' (the default) needs `uri` (or uses the active editor); 'all' exports every analysed document. */
  scope?: 'document' | 'all';
  /** A URI string (`uri.toString()`); an absolute file path is accepted too. */
  uri?: string;
  /** Absolute file path to write. */
  target: string;
  overwrite?: boolean;
}

export interface ClaimLensApi {
  /** Resolves once the language client is running. */
  ready: Promise<void>;
  /** How long activation took, in ms: `activate` itself, and until the language client ran. */
  activation: { activateMs: number; readyMs?: number };
  claimsView: ClaimsViewApi;
  /** The server's last workspace index status (undefined before the first one). */
  indexStatus(): IndexStatusParams | undefined;
  /** Fires with the picker when a command shows a quick pick ("Filter Claims…", "Set Rule
   * Severity"): tests answer it in the workbench, as a user would. */
  onDidShowQuickPick: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
}
