// JSON export with a schema version. Deterministic: no timestamps.
import type { ExportDocument, ExportOptions } from './model';
import { lineColumn } from './model';

export const JSON_SCHEMA_VERSION = 1;

export function toJson(documents: readonly ExportDocument[], options: ExportOptions): string {
  const value = {
    schemaVersion: JSON_SCHEMA_VERSION,
    generator: options.generator,
    documents: documents.map((document) => ({
      uri: document.uri,
      ...(document.path !== undefined ? { path: document.path } : {}),
      claims: document.claims.map((claim) => {
        const { line, column } = lineColumn(claim);
        return {
          id: claim.id,
          kind: claim.kind,
          text: claim.text,
          line,
          column,
          range: claim.range,
          sourced: claim.sourced,
          speaker: claim.speaker ?? null,
          sourceText: claim.sourceText ?? null,
          how: claim.sourceHow ?? null,
          vague: claim.vague ?? false,
          figures: claim.figures,
          entities: claim.entities,
        };
      }),
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
