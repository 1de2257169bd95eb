// Scores the figure finder against a JSON-lines set of sentences we annotated ourselves
// (test/figures/figure-set.jsonl): precision, recall and F1 on exact span and kind, and,
// on the matched figures, how often value, unit and qualifier agree.
//
//   node out/eval/figures.js test/figures/figure-set.jsonl [--json]
import * as fs from 'fs';
import { findFigures } from '../server/src/analysis/figures';
import type { Figure, FigureKind } from '../server/src/analysis/types';

export interface GoldFigure {
  text: string;
  kind: FigureKind;
  value?: number;
  valueMax?: number;
  unit?: string;
  qualifier?: string;
}

export interface FigureSetLine {
  text: string;
  figures: GoldFigure[];
  /** "tune" (used while developing) or "heldout" (written afterwards, never tuned on). */
  split?: string;
}

export interface FigureScores {
  gold: number;
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FigureError {
  line: number;
  sentence: string;
  type: 'missed' | 'spurious' | 'value' | 'qualifier' | 'unit';
  /** Gold and predicted figure, in "text [kind]" form with the disagreeing detail. */
  expected?: string;
  found?: string;
}

export interface FigureReport {
  set: string;
  sentences: number;
  /** Exact span and kind. */
  exact: FigureScores;
  /** Spans that overlap, any kind: how many misses are only boundary or kind disagreements. */
  overlap: FigureScores;
  /** Among exact matches whose gold gives a value: value (and valueMax) agree. */
  valueAccuracy: number;
  valueChecked: number;
  /** Among exact matches: qualifier agrees (both absent counts as agreement). */
  qualifierAccuracy: number;
  qualifierChecked: number;
  /** Among exact matches whose gold gives a unit. */
  unitAccuracy: number;
  unitChecked: number;
  bySplit: Record<string, FigureScores>;
  byKind: Record<string, FigureScores>;
  errors: FigureError[];
}

interface Spanned<T> {
  start: number;
  end: number;
  item: T;
}

function scores(gold: number, predicted: number, tp: number): FigureScores {
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, tp, fp: predicted - tp, fn: gold - tp, precision, recall, f1 };
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function describe(figure: { text: string; kind: string; value?: number; valueMax?: number; unit?: string; qualifier?: string }): string {
  const details = [figure.kind];
  if (figure.value !== undefined) details.push(`value=${figure.value}`);
  if (figure.valueMax !== undefined) details.push(`max=${figure.valueMax}`);
  if (figure.unit !== undefined) details.push(`unit=${figure.unit}`);
  if (figure.qualifier !== undefined) details.push(`qualifier=${figure.qualifier}`);
  return `"${figure.text}" [${details.join(', ')}]`;
}

/** Gold figures are given by text, in order: each is found after the previous one. */
function locateGold(line: FigureSetLine, lineNumber: number): Spanned<GoldFigure>[] {
  const located: Spanned<GoldFigure>[] = [];
  let from = 0;
  for (const figure of line.figures) {
    const start = line.text.indexOf(figure.text, from);
    if (start < 0) throw new Error(`line ${lineNumber}: gold figure "${figure.text}" is not in its sentence`);
    located.push({ start, end: start + figure.text.length, item: figure });
    from = start + figure.text.length;
  }
  return located;
}

export function readFigureSet(setPath: string): FigureSetLine[] {
  const lines = fs.readFileSync(setPath, 'utf8').split(/\r?\n/);
  const set: FigureSetLine[] = [];
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const parsed = JSON.parse(raw) as FigureSetLine;
    if (typeof parsed.text !== 'string' || !Array.isArray(parsed.figures)) {
      throw new Error(`${setPath}:${index + 1}: each line needs "text" and "figures"`);
    }
    set.push(parsed);
  });
  return set;
}

export function evaluateFigures(setPath: string): FigureReport {
  const set = readFigureSet(setPath);
  const errors: FigureError[] = [];
  const total = { gold: 0, predicted: 0, tp: 0 };
  const overlapTotal = { gold: 0, predicted: 0, tp: 0 };
  const perSplit = new Map<string, { gold: number; predicted: number; tp: number }>();
  const perKind = new Map<string, { gold: number; predicted: number; tp: number }>();
  const bump = (map: Map<string, { gold: number; predicted: number; tp: number }>, key: string, field: 'gold' | 'predicted' | 'tp') => {
    const counts = map.get(key) ?? { gold: 0, predicted: 0, tp: 0 };
    counts[field]++;
    map.set(key, counts);
  };
  let valueChecked = 0;
  let valueRight = 0;
  let qualifierChecked = 0;
  let qualifierRight = 0;
  let unitChecked = 0;
  let unitRight = 0;

  set.forEach((line, index) => {
    const lineNumber = index + 1;
    const split = line.split ?? 'all';
    const gold = locateGold(line, lineNumber);
    const predicted: Spanned<Figure>[] = findFigures(line.text).map((figure) => ({ ...figure.span, item: figure }));
    total.gold += gold.length;
    total.predicted += predicted.length;
    overlapTotal.gold += gold.length;
    overlapTotal.predicted += predicted.length;
    for (const g of gold) {
      bump(perSplit, split, 'gold');
      bump(perKind, g.item.kind, 'gold');
    }
    for (const p of predicted) {
      bump(perSplit, split, 'predicted');
      bump(perKind, p.item.kind, 'predicted');
    }
    const matchedPredicted = new Set<number>();
    const overlapPredicted = new Set<number>();
    for (const g of gold) {
      const exact = predicted.findIndex((p, i) => !matchedPredicted.has(i) && p.start === g.start && p.end === g.end && p.item.kind === g.item.kind);
      const overlapping = predicted.findIndex((p, i) => !overlapPredicted.has(i) && p.start < g.end && g.start < p.end);
      if (overlapping >= 0) {
        overlapPredicted.add(overlapping);
        overlapTotal.tp++;
      }
      if (exact < 0) {
        const near = overlapping >= 0 ? describe(predicted[overlapping].item) : undefined;
        errors.push({ line: lineNumber, sentence: line.text, type: 'missed', expected: describe(g.item), found: near });
        continue;
      }
      matchedPredicted.add(exact);
      total.tp++;
      bump(perSplit, split, 'tp');
      bump(perKind, g.item.kind, 'tp');
      const found = predicted[exact].item;
      if (g.item.value !== undefined) {
        valueChecked++;
        if (sameNumber(g.item.value, found.value) && sameNumber(g.item.valueMax, found.valueMax)) valueRight++;
        else errors.push({ line: lineNumber, sentence: line.text, type: 'value', expected: describe(g.item), found: describe(found) });
      }
      qualifierChecked++;
      if ((g.item.qualifier ?? '') === (found.qualifier ?? '')) qualifierRight++;
      else errors.push({ line: lineNumber, sentence: line.text, type: 'qualifier', expected: describe(g.item), found: describe(found) });
      if (g.item.unit !== undefined) {
        unitChecked++;
        if (g.item.unit === found.unit) unitRight++;
        else errors.push({ line: lineNumber, sentence: line.text, type: 'unit', expected: describe(g.item), found: describe(found) });
      }
    }
    predicted.forEach((p, i) => {
      if (!matchedPredicted.has(i) && !gold.some((g) => g.start < p.end && p.start < g.end)) {
        errors.push({ line: lineNumber, sentence: line.text, type: 'spurious', found: describe(p.item) });
      }
    });
  });

  const toScores = (map: Map<string, { gold: number; predicted: number; tp: number }>) => {
    const result: Record<string, FigureScores> = {};
    for (const key of [...map.keys()].sort()) {
      const counts = map.get(key)!;
      result[key] = scores(counts.gold, counts.predicted, counts.tp);
    }
    return result;
  };
  const ratio = (right: number, checked: number) => (checked === 0 ? 1 : right / checked);
  return {
    set: setPath,
    sentences: set.length,
    exact: scores(total.gold, total.predicted, total.tp),
    overlap: scores(overlapTotal.gold, overlapTotal.predicted, overlapTotal.tp),
    valueAccuracy: ratio(valueRight, valueChecked),
    valueChecked,
    qualifierAccuracy: ratio(qualifierRight, qualifierChecked),
    qualifierChecked,
    unitAccuracy: ratio(unitRight, unitChecked),
    unitChecked,
    bySplit: toScores(perSplit),
    byKind: toScores(perKind),
    errors,
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}`.padStart(6);
}

/** A small fixed-width table for people. */
export function formatFigureReport(report: FigureReport): string {
  const rows: string[] = [];
  const row = (name: string, s: FigureScores) =>
    rows.push(`${name.padEnd(16)}${String(s.gold).padStart(6)}${String(s.predicted).padStart(6)}${String(s.tp).padStart(6)}${percent(s.precision)}${percent(s.recall)}${percent(s.f1)}`);
  rows.push(`figures: ${report.set} (${report.sentences} sentences)`);
  rows.push(`${''.padEnd(16)}${'gold'.padStart(6)}${'found'.padStart(6)}${'tp'.padStart(6)}${'P'.padStart(6)}${'R'.padStart(6)}${'F1'.padStart(6)}`);
  row('exact span+kind', report.exact);
  row('overlap', report.overlap);
  for (const [split, s] of Object.entries(report.bySplit)) row(`  split ${split}`, s);
  for (const [kind, s] of Object.entries(report.byKind)) row(`  kind ${kind}`, s);
  rows.push(`value accuracy     ${percent(report.valueAccuracy)}  (${report.valueChecked} matched figures with a gold value)`);
  rows.push(`qualifier accuracy ${percent(report.qualifierAccuracy)}  (${report.qualifierChecked} matched figures)`);
  rows.push(`unit accuracy      ${percent(report.unitAccuracy)}  (${report.unitChecked} matched figures with a gold unit)`);
  if (report.errors.length > 0) {
    rows.push(`errors (${report.errors.length}):`);
    for (const error of report.errors) {
      const parts = [`  ${String(error.line).padStart(4)} ${error.type.padEnd(9)}`];
      if (error.expected) parts.push(`expected ${error.expected}`);
      if (error.found) parts.push(`found ${error.found}`);
      rows.push(parts.join(' '));
    }
  }
  return `${rows.join('\n')}\n`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const setPath = args.find((arg) => !arg.startsWith('--'));
  if (!setPath) {
    process.stderr.write('usage: node out/eval/figures.js <figure-set.jsonl> [--json]\n');
    process.exit(2);
  }
  try {
    const report = evaluateFigures(setPath);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatFigureReport(report));
  } catch (error) {
    process.stderr.write(`figures eval: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
