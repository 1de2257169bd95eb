// CSV export: RFC 4180 (CRLF records, fields quoted when they hold a comma, quote or line
// break; quotes doubled), safe to open in a spreadsheet: a text cell that starts with
// = + - @ tab or CR gets a leading apostrophe so that it is never run as a formula.
import type { ExportDocument } from './model';
import { documentLabel, lineColumn } from './model';

export const CSV_COLUMNS = [
  'document',
  'id',
  'kind',
  'line',
  'column',
  'sourced',
  'speaker',
  'source_text',
  'how',
  'vague',
  'figures',
  'entities',
  'text',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvField(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const cell = neutralizeFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(documents: readonly ExportDocument[]): string {
  const records: string[] = [CSV_COLUMNS.join(',')];
  for (const document of documents) {
    const label = documentLabel(document);
    for (const claim of document.claims) {
      const { line, column } = lineColumn(claim);
      const row: (string | number | boolean)[] = [
        label,
        claim.id,
        claim.kind,
        line,
        column,
        claim.sourced,
        claim.speaker ?? '',
        claim.sourceText ?? '',
        claim.sourceHow ?? '',
        claim.vague ?? false,
        claim.figures.map((figure) => figure.text).join('; '),
        claim.entities.join('; '),
        claim.text,
      ];
      records.push(row.map(csvField).join(','));
    }
  }
  return `${records.join('\r\n')}\r\n`;
}
