// The findings a user sees: the core's findings, minus suppressed ones, with severities
// from the settings ('off' removes them). Shared by the server's diagnostics and the CLI. Pure.
import type { DocumentAnalysis, Finding, FindingCode, Severity } from '../analysis/types';
import type { LineIndex } from '../common/positions';
import type { SeveritySetting } from '../settings';
import { unsuppressedFindings } from './suppressions';

export interface EffectiveFinding {
  finding: Finding;
  severity: Severity;
}

export function effectiveFindings(
  analysis: DocumentAnalysis,
  lines: LineIndex,
  severities: Partial<Record<FindingCode, SeveritySetting>>,
): EffectiveFinding[] {
  const result: EffectiveFinding[] = [];
  for (const finding of unsuppressedFindings(analysis.findings, lines.text, lines)) {
    const level = severities[finding.code] ?? finding.severity;
    if (level === 'off') continue;
    result.push({ finding, severity: level });
  }
  // Stable order: by position, then code.
  return result.sort(
    (a, b) => a.finding.span.start - b.finding.span.start || a.finding.code.localeCompare(b.finding.code),
  );
}
