// Claims → export file content, shared by the server's exportClaims request and the CLI. Pure.
import type { ExportClaimsResult, ExportFormat } from '../../../protocol/requests';
import { toCsv } from './csv';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import type { ExportDocument, ExportOptions } from './model';

export type { ExportDocument, ExportOptions } from './model';
export { toCsv } from './csv';
export { toJson } from './json';
export { toMarkdown } from './markdown';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'markdown'];

export function exportClaims(
  documents: readonly ExportDocument[],
  format: ExportFormat,
  options: ExportOptions,
): ExportClaimsResult {
  let content: string;
  switch (format) {
    case 'json':
      content = toJson(documents, options);
      break;
    case 'csv':
      content = toCsv(documents);
      break;
    case 'markdown':
      content = toMarkdown(documents, options);
      break;
    default:
      throw new Error(`Unknown export format: ${String(format)}`);
  }
  const claims = documents.reduce((sum, document) => sum + document.claims.length, 0);
  return { content, documents: documents.length, claims };
}
