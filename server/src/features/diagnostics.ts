// Findings → LSP diagnostics.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import type { ClaimLensSettings } from '../settings';
import { withEncodedRest, type EncodedRest } from '../common/messageEncoder';
import { effectiveFindings } from './findings';
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

export function toDiagnostics(entry: AnalysisEntry, settings: ClaimLensSettings): Diagnostic[] {
  const { lines } = entry;
  return effectiveFindings(entry.analysis, lines, settings.severity).map(({ finding, severity }) => {
    const range = lines.rangeOf(finding.span);
    if (finding.related && finding.related.length > 0) {
      return diagnosticOf(
        entry.uri,
        {
          code: finding.code,
          range,
          message: finding.message,
          severity: finding.severity,
          data: finding.data,
          related: finding.related.map((related) => ({ range: lines.rangeOf(related.span), message: related.message })),
        },
        severity,
      );
    }
    return withEncodedRest<Diagnostic>(range, restOf(finding, severity));
  });
}

/** A diagnostic's members after its range, by finding: an edit keeps most findings (the
 * same objects, moved), so their members and encoding are made once, not on every edit. */
interface CachedRest extends EncodedRest {
  level: Severity;
  code: string;
  message: string;
  /** The finding's data when this was made (a splice may change it in place). */
  data?: Record<string, string | number | boolean>;
}
const restByFinding = new WeakMap<Finding, CachedRest>();

function sameData(a: Finding['data'], b: Finding['data']): boolean {
  if (a === undefined || b === undefined) return a === b;
  let count = 0;
  for (const key in b) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  return count === Object.keys(a).length;
}

function restOf(finding: Finding, level: Severity): CachedRest {
  const cached = restByFinding.get(finding);
  if (cached && cached.level === level && cached.code === finding.code && cached.message === finding.message && sameData(cached.data, finding.data)) {
    return cached;
  }
  const { range: _range, ...members } = diagnosticOf('', { code: finding.code, range: EMPTY_RANGE, message: finding.message, severity: finding.severity, data: finding.data }, level);
  const rest: CachedRest = { members, level, code: finding.code, message: finding.message };
  if (finding.data) rest.data = { ...finding.data };
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
