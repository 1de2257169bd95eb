// Findings → LSP diagnostics.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import type { ClaimLensSettings } from '../settings';
import { withEncodedRest, type EncodedRest } from '../common/messageEncoder';
import { effectiveFindings, type EffectiveFinding } from './findings';
import { DISABLE_NEXT_LINE } from './suppressions';
import type { LineIndex } from '../common/positions';
import { PieceText } from '../common/pieceText';
import type { FileSummary, FindingSummary } from '../workspace/summary';

export const DIAGNOSTIC_SOURCE = 'ClaimLens';
export const DIAGNOSTICS_DOC_BASE = 'https://github.com/claimlens/claimlens/blob/main/docs/diagnostics/';

export function diagnosticHref(code: string): string {
  return `${DIAGNOSTICS_DOC_BASE}${code}.md`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The entry's diagnostics. `findings`, when given, are its analysis's findings (read
 * without reading the analysis: a splice completes it after its findings). The text before
 * `unchangedBefore` is what it was at the last conversion (an edit after it): a finding
 * that ends there and was converted then keeps its diagnostic without its range being
 * worked out again. */
export function toDiagnostics(entry: AnalysisEntry, settings: ClaimLensSettings, findings?: readonly Finding[], unchangedBefore = 0): Diagnostic[] {
  const { lines } = entry;
  const effective = holdsSuppressions(lines)
    ? effectiveFindings(entry.analysis, lines, settings.severity)
    : unsuppressedEffectiveFindings(findings ?? entry.analysis.findings, settings.severity);
  const diagnostics: Diagnostic[] = new Array(effective.length);
  // Findings come sorted by start: their lines are found walking forward, not searched anew.
  let line = 0;
  for (let k = 0; k < effective.length; k++) {
    const { finding, severity } = effective[k];
    if (finding.span.end <= unchangedBefore && !finding.related) {
      const kept = restByFinding.get(finding);
      if (kept?.last && kept.level === severity && kept.code === finding.code && kept.message === finding.message && sameData(kept, finding.data)) {
        diagnostics[k] = kept.last;
        line = kept.last.range.start.line;
        continue;
      }
    }
    if (finding.related && finding.related.length > 0) {
      diagnostics[k] = diagnosticOf(
        entry.uri,
        {
          code: finding.code,
          range: lines.rangeOf(finding.span),
          message: finding.message,
          severity: finding.severity,
          data: finding.data,
          related: finding.related.map((related) => ({ range: lines.rangeOf(related.span), message: related.message })),
        },
        severity,
      );
      continue;
    }
    const start = lines.clamp(finding.span.start);
    const end = lines.clamp(finding.span.end);
    line = lines.lineAtFrom(start, line);
    const endLine = end >= start ? lines.lineAtFrom(end, line) : lines.lineAt(end);
    const startCharacter = lines.characterAt(start, line);
    const endCharacter = lines.characterAt(end, endLine);
    // The same members at the same place as last time: the same (never mutated) diagnostic.
    const rest = restOf(finding, severity);
    const last = rest.last?.range;
    if (last && last.start.line === line && last.start.character === startCharacter && last.end.line === endLine && last.end.character === endCharacter) {
      diagnostics[k] = rest.last!;
      continue;
    }
    // Only its data changed (offsets shifted in it): the range last written, and its
    // encoding, still serve when the finding did not move.
    const written = rest.range;
    const range =
      written && written.start.line === line && written.start.character === startCharacter && written.end.line === endLine && written.end.character === endCharacter
        ? written
        : { start: { line, character: startCharacter }, end: { line: endLine, character: endCharacter } };
    rest.last = withEncodedRest<Diagnostic>(range, rest);
    diagnostics[k] = rest.last;
  }
  return diagnostics;
}

/** Can the text hold a suppression comment? An edited text kept in pieces knows without
 * being searched (or joined). */
function holdsSuppressions(lines: LineIndex): boolean {
  const source = lines.source;
  if (source instanceof PieceText) {
    const occurrences = source.occurrencesOf(DISABLE_NEXT_LINE);
    if (occurrences) return occurrences.length > 0;
  }
  return true;
}

/** effectiveFindings of a text without suppression comments: the same list, made without
 * searching the text for them. */
function unsuppressedEffectiveFindings(findings: readonly Finding[], severities: ClaimLensSettings['severity']): EffectiveFinding[] {
  const result: EffectiveFinding[] = [];
  for (const finding of findings) {
    const level = severities[finding.code] ?? finding.severity;
    if (level === 'off') continue;
    result.push({ finding, severity: level });
  }
  // The order effectiveFindings gives: by position, then code.
  return result.sort((a, b) => a.finding.span.start - b.finding.span.start || a.finding.code.localeCompare(b.finding.code));
}

/** A diagnostic's members after its range, by finding: an edit keeps most findings (the
 * same objects, moved), so their members and encoding are made once, not on every edit;
 * a finding whose data changed (shifted offsets, renamed ids) encodes only its data again. */
interface CachedRest extends EncodedRest {
  level: Severity;
  code: string;
  message: string;
  /** How many members `data` has. */
  dataKeys: number;
  /** The diagnostic last made with these members. */
  last?: Diagnostic;
}

const restByFinding = new WeakMap<Finding, CachedRest>();

function keyCount(data: object | undefined): number {
  return data === undefined ? 0 : Object.keys(data).length;
}

/** The finding's data has the members (and values) cached last time: splices shift offsets
 * in data in place, so the object alone says nothing. */
function sameData(cached: CachedRest, data: Finding['data']): boolean {
  const before = cached.data as Record<string, unknown> | undefined;
  if (before === undefined || data === undefined) return before === data;
  let count = 0;
  for (const key in data) {
    if (before[key] !== data[key]) return false;
    count++;
  }
  return count === cached.dataKeys;
}

function restOf(finding: Finding, level: Severity): CachedRest {
  const cached = restByFinding.get(finding);
  if (cached && cached.level === level && cached.code === finding.code && cached.message === finding.message) {
    if (sameData(cached, finding.data)) return cached;
    const data = finding.data ? { ...finding.data } : undefined;
    const rest: CachedRest = { ...cached, data, dataKeys: keyCount(data), end: undefined, last: undefined };
    restByFinding.set(finding, rest);
    return rest;
  }
  const { range: _range, data, ...members } = diagnosticOf('', { code: finding.code, range: EMPTY_RANGE, message: finding.message, severity: finding.severity, data: finding.data }, level);
  const rest: CachedRest = { members, data, dataKeys: keyCount(data), level, code: finding.code, message: finding.message };
  restByFinding.set(finding, rest);
  return rest;
}

const EMPTY_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Diagnostics of an indexed file from its compact summary (suppressions already applied),
 * with the user's severities: the same diagnostics toDiagnostics makes from a full analysis. */
export function diagnosticsFromSummary(summary: Pick<FileSummary, 'uri' | 'findings'>, settings: ClaimLensSettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of summary.findings) {
    const level = settings.severity[finding.code] ?? finding.severity;
    if (level !== 'off') diagnostics.push(diagnosticOf(summary.uri, finding, level));
  }
  return diagnostics;
}

function diagnosticOf(uri: string, finding: FindingSummary, level: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[level],
    code: finding.code,
    codeDescription: { href: diagnosticHref(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = { ...finding.data };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}
