// Findings → LSP diagnostics.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Severity } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import type { ClaimLensSettings } from '../settings';
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
  return effectiveFindings(entry.analysis, lines, settings.severity).map(({ finding, severity }) =>
    diagnosticOf(
      entry.uri,
      {
        code: finding.code,
        range: lines.rangeOf(finding.span),
        message: finding.message,
        severity: finding.severity,
        data: finding.data,
        related: finding.related?.map((related) => ({ range: lines.rangeOf(related.span), message: related.message })),
      },
      severity,
    ),
  );
}

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
