// Custom requests between the ClaimLens server and its clients, defined once for both.
import { NotificationType, RequestType, Range } from 'vscode-languageserver-protocol';

export type ClaimKind = 'quote' | 'statistic' | 'statement';
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
