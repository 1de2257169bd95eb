// Plain-text and Markdown tables of a corpus result, systems side by side.
import type { Scores } from './metrics';
import type { CorpusResult, PRF } from './run';
import { ATTRIBUTION_ROLES, ENTITY_TYPES } from './spans';

type Row = string[];

function pct(value: number): string {
  return (value * 100).toFixed(1);
}

/** Like prfCells, with '–' for a precision over no flags or a recall over no cases. */
function flagCells(scores: Scores | undefined): string[] {
  if (!scores) return ['–', '–', '–'];
  const judged = scores.tp + scores.fp > 0;
  const cases = scores.tp + scores.fn > 0;
  return [judged ? pct(scores.precision) : '–', cases ? pct(scores.recall) : '–', judged && cases ? pct(scores.f1) : '–'];
}

function prfCells(scores: PRF | undefined): string[] {
  return scores ? [pct(scores.precision), pct(scores.recall), pct(scores.f1)] : ['–', '–', '–'];
}

/** The rows of a result: a header, then one row per measured line. */
export function resultRows(result: CorpusResult): { header: Row; rows: Row[] } {
  const header: Row = ['', 'gold'];
  for (const system of result.systems) header.push(`${system.system} P`, `${system.system} R`, `${system.system} F1`);
  const rows: Row[] = [];
  if (result.gold.entities) {
    for (const type of [...ENTITY_TYPES, 'overall'] as const) {
      const gold = type === 'overall' ? ENTITY_TYPES.reduce((n, t) => n + (result.gold.entities?.[t] ?? 0), 0) : result.gold.entities[type];
      rows.push([type === 'overall' ? 'Entities micro' : `Entities ${type}`, String(gold), ...result.systems.flatMap((s) => prfCells(s.entities?.[type]))]);
    }
  }
  if (result.gold.attributions) {
    for (const role of ATTRIBUTION_ROLES) {
      const gold = String(result.gold.attributions[role]);
      rows.push([`${role} exact`, gold, ...result.systems.flatMap((s) => prfCells(s.attributions?.[role].exact))]);
      rows.push([`${role} overlap (tokens)`, '', ...result.systems.flatMap((s) => prfCells(s.attributions?.[role].tokenOverlap))]);
      rows.push([`${role} overlap (spans)`, '', ...result.systems.flatMap((s) => prfCells(s.attributions?.[role].spanOverlap))]);
    }
    rows.push(['Quotes in marks', String(result.gold.quotesInMarks ?? 0), ...result.systems.flatMap((s) => prfCells(s.quotes?.span))]);
    rows.push([
      'Speaker accuracy',
      '',
      ...result.systems.flatMap((s) => ['', s.quotes ? `${s.quotes.speakerCorrect}/${s.quotes.speakerJudged}` : '–', s.quotes ? pct(s.quotes.speakerAccuracy) : '–']),
    ]);
    if (result.systems.some((s) => s.flags)) {
      rows.push(['Flag: unsourced figure', '', ...result.systems.flatMap((s) => flagCells(s.flags?.unsourcedFigure))]);
      rows.push(['Flag: quote without speaker', '', ...result.systems.flatMap((s) => flagCells(s.flags?.unattributedQuote))]);
      rows.push(['  (not judged: no gold attribution)', '', ...result.systems.flatMap((s) => ['', '', s.flags ? String(s.flags.quoteFlagsUnjudged) : '–'])]);
    }
  }
  rows.push(['Seconds', '', ...result.systems.flatMap((s) => ['', '', s.seconds.toFixed(2)])]);
  rows.push(['Docs/sec', '', ...result.systems.flatMap((s) => ['', '', s.docsPerSecond.toFixed(1)])]);
  rows.push(['MB/sec', '', ...result.systems.flatMap((s) => ['', '', s.megabytesPerSecond.toFixed(2)])]);
  return { header, rows };
}

export function formatText(result: CorpusResult): string {
  const { header, rows } = resultRows(result);
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: Row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ').trimEnd();
  const out = [`${result.corpus} ${result.path}: ${result.documents} documents, ${result.characters} characters`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const failures = result.systems.filter((s) => s.failures > 0).map((s) => `${s.system} failed on ${s.failures} documents`);
  return [...out, ...failures].join('\n') + '\n';
}

export function formatMarkdown(result: CorpusResult): string {
  const { header, rows } = resultRows(result);
  const line = (row: Row) => `| ${row.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n') + '\n';
}
