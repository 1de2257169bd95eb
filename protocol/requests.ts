// Custom requests between the ClaimLens server and its clients, defined once for both.
import { NotificationType, RequestType, Range } from 'vscode-languageserver-protocol';

export type ClaimKind = 'quote' | 'statistic' | 'statement';

/** The rules (finding codes) whose severity the `claimlens.severity` setting sets, and its levels. */
export const RULE_CODES = [
  'unsourced-figure',
  'unattributed-quote',
  'vague-attribution',
  'unbalanced-quote',
  'document-too-large',
  'binary-content',
  'analysis-failed',
] as const;
export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type ExportFormat = 'json' | 'csv' | 'markdown';

export interface ClaimFigure {
  text: string;
  kind: string;
  value?: number;
  unit?: string;
  qualifier?: string;
}

/** One claim as the sidebar and the export see it. */
export interface ClaimItem {
  id: string;
  kind: ClaimKind;
  text: string;
  range: Range;
  sourced: boolean;
  /** Resolved speaker's canonical name, when there is one. */
  speaker?: string;
  /** The source as written ("he", "officials", "according to the ministry"). */
  sourceText?: string;
  /** How the source was found: explicit, pronoun, continuation, role-noun. */
  sourceHow?: string;
  vague?: boolean;
  figures: ClaimFigure[];
  entities: string[];
}

export interface DocumentClaims {
  uri: string;
  claims: ClaimItem[];
}

export interface DocumentClaimsParams {
  uri: string;
}

/** Claims of one analysed document (null when the server does not know it). */
export const documentClaimsRequest = new RequestType<DocumentClaimsParams, DocumentClaims | null, void>(
  'claimlens/documentClaims',
);

export interface AllClaimsParams {
  /** Only these documents; all analysed documents when absent. */
  uris?: string[];
}

export const allClaimsRequest = new RequestType<AllClaimsParams, DocumentClaims[], void>('claimlens/allClaims');

export interface ExportClaimsParams {
  format: ExportFormat;
  /** Only these documents; all analysed documents when absent. */
  uris?: string[];
}

export interface ExportClaimsResult {
  content: string;
  documents: number;
  claims: number;
}

/** The export's file content, made by the server so that the CLI and the editor agree. */
export const exportClaimsRequest = new RequestType<ExportClaimsParams, ExportClaimsResult, void>(
  'claimlens/exportClaims',
);

export interface AnalysisChangedParams {
  uri: string;
  claims: number;
  findings: number;
}

/** Sent after each (re)analysis so that views can refresh without polling. */
export const analysisChangedNotification = new NotificationType<AnalysisChangedParams>('claimlens/analysisChanged');

// ---- Workspace (issue 4): indexing every matching file without opening editors ----

export type ClaimsScope = 'document' | 'open' | 'workspace';

/** What the Claims view filters by; every field narrows, absent fields match all. */
export interface ClaimsFilter {
  /** Case-insensitive substring of the claim text, speaker or source. */
  text?: string;
  kinds?: ClaimKind[];
  /** Canonical speaker name (as in ClaimItem.speaker). */
  speaker?: string;
  sourced?: boolean;
}

export interface WorkspaceClaimsParams {
  scope: ClaimsScope;
  /** The active document, for scope 'document'. */
  uri?: string;
  filter?: ClaimsFilter;
  /** Cap on the number of claims returned (the view pages); the result says whether it was hit. */
  limit?: number;
}

export interface WorkspaceClaimsResult {
  documents: DocumentClaims[];
  /** Claims matching the filter in scope, before the limit. */
  total: number;
  truncated: boolean;
}

/** Claims for the Claims view, scoped and filtered on the server (cheap for 10,000 files). */
export const workspaceClaimsRequest = new RequestType<WorkspaceClaimsParams, WorkspaceClaimsResult, void>(
  'claimlens/workspaceClaims',
);

export interface AnalyzeWorkspaceParams {
  /** Re-analyse files even when their modification time and size are unchanged. */
  force?: boolean;
}

export interface AnalyzeWorkspaceResult {
  files: number;
  analysed: number;
  /** Files that could not be read or analysed: each keeps one `analysis-failed` finding. */
  failed: number;
  cancelled: boolean;
  milliseconds: number;
}

/** Indexes every matching workspace file; progress is reported with window/workDoneProgress
 * (cancellable). Answers when the run ends. */
export const analyzeWorkspaceRequest = new RequestType<AnalyzeWorkspaceParams, AnalyzeWorkspaceResult, void>(
  'claimlens/analyzeWorkspace',
);

export interface IndexStatusParams {
  indexing: boolean;
  /** Files known in the workspace index (open or not). */
  files: number;
  /** Files analysed so far in the current run (equals `files` when idle). */
  done: number;
  claims: number;
  findings: number;
}

/** Sent when the workspace index changes (throttled), for the status bar and the view badge. */
export const indexStatusNotification = new NotificationType<IndexStatusParams>('claimlens/indexStatus');
