// Inline suppression comments, a feature of the editor layer (the core knows nothing of
// them):  "<!-- claimlens-disable-next-line unsourced-figure -->" in Markdown, or a plain
// line "claimlens-disable-next-line unsourced-figure" in text. Without codes, every
// finding on the next line is silenced. Pure.
import type { Finding, FindingCode } from '../analysis/types';
import { LineIndex } from '../common/positions';

export const DISABLE_NEXT_LINE = 'claimlens-disable-next-line';

export interface Suppression {
  /** The line the comment stands on. */
  commentLine: number;
  /** Codes listed on the comment; empty means all. */
  codes: string[];
}

/** Every suppression comment in the text, by the line it silences. Linear in the text. */
export function findSuppressions(text: string, lines: LineIndex): Map<number, Suppression> {
  const byTarget = new Map<number, Suppression>();
  let from = 0;
  for (;;) {
    const at = text.indexOf(DISABLE_NEXT_LINE, from);
    if (at < 0) break;
    from = at + DISABLE_NEXT_LINE.length;
    const line = lines.lineAt(at);
    const rest = text.slice(from, lines.lineEnd(line));
    const codes: string[] = [];
    for (const token of rest.split(/[\s,]+/)) {
      if (token.startsWith('-->')) break;
      if (/^[a-z][a-z-]{0,40}$/.test(token)) codes.push(token);
      else if (token.length > 0) break;
    }
    const existing = byTarget.get(line + 1);
    if (existing && existing.codes.length > 0 && codes.length > 0) existing.codes.push(...codes);
    else if (!existing || codes.length === 0) byTarget.set(line + 1, { commentLine: line, codes });
  }
  return byTarget;
}

export function isSuppressed(code: FindingCode, line: number, suppressions: Map<number, Suppression>): boolean {
  const suppression = suppressions.get(line);
  return suppression !== undefined && (suppression.codes.length === 0 || suppression.codes.includes(code));
}

/** The findings that no comment silences. */
export function unsuppressedFindings(findings: readonly Finding[], text: string, lines: LineIndex): Finding[] {
  if (findings.length === 0 || text.indexOf(DISABLE_NEXT_LINE) < 0) return [...findings];
  const suppressions = findSuppressions(text, lines);
  return findings.filter((finding) => !isSuppressed(finding.code, lines.lineAt(finding.span.start), suppressions));
}

/** The text the core analyses: each line that holds only a suppression comment is blanked
 * with spaces, so the core never reads it as prose (a kicker, a paragraph) while every
 * offset stays where it was. Linear in the text. */
export function maskSuppressionComments(text: string): string {
  if (text.indexOf(DISABLE_NEXT_LINE) < 0) return text;
  const lines = new LineIndex(text);
  const parts: string[] = [];
  let copied = 0;
  let lastLine = -1;
  let from = 0;
  for (;;) {
    const at = text.indexOf(DISABLE_NEXT_LINE, from);
    if (at < 0) break;
    from = at + DISABLE_NEXT_LINE.length;
    const line = lines.lineAt(at);
    if (line === lastLine) continue;
    lastLine = line;
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end).trim();
    const standalone = content.startsWith(DISABLE_NEXT_LINE) || (content.startsWith('<!--') && content.endsWith('-->'));
    if (!standalone) continue;
    parts.push(text.slice(copied, start), ' '.repeat(end - start));
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
