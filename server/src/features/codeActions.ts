// Quick fixes for ClaimLens diagnostics: a placeholder attribution for unsourced figures,
// an inline suppression comment, and turning a rule off through the client's command.
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import type { AnalysisEntry } from '../analysisStore';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { DISABLE_NEXT_LINE } from './suppressions';

export const SET_RULE_SEVERITY_COMMAND = 'claimlens.setRuleSeverity';
export const SOURCE_PLACEHOLDER = '[source]';

export function isMarkdown(entry: Pick<AnalysisEntry, 'languageId' | 'uri'>): boolean {
  return entry.languageId === 'markdown' || /\.(md|markdown)$/i.test(entry.uri);
}

/** Where ", according to [source]" goes: before the closing punctuation of the sentence
 * that holds the figure, or right after the figure when no sentence is known. */
function attributionInsertOffset(entry: AnalysisEntry, figureStart: number, figureEnd: number): number {
  const { analysis, text } = entry;
  const sentence = analysis.sentences.find((s) => s.span.start <= figureStart && figureStart < s.span.end);
  if (!sentence) return figureEnd;
  let end = sentence.span.end;
  while (end > sentence.span.start && /\s/.test(text[end - 1])) end--;
  // Step back over closing quotes/brackets and the final punctuation: “…70,000 people died.”
  while (end > sentence.span.start && /["'”’)\]]/.test(text[end - 1])) end--;
  if (end > sentence.span.start && /[.!?…]/.test(text[end - 1])) end--;
  return Math.max(end, figureEnd);
}

function addAttribution(entry: AnalysisEntry, diagnostic: Diagnostic): CodeAction {
  const { lines } = entry;
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  const at = lines.positionAt(attributionInsertOffset(entry, start, end));
  return {
    title: 'Add “according to …”',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [entry.uri]: [TextEdit.insert(at, `, according to ${SOURCE_PLACEHOLDER}`)] } },
  };
}

/** Inserts (or extends) a disable comment on the line above the diagnostic. */
function ignoreFinding(entry: AnalysisEntry, diagnostic: Diagnostic, code: string): CodeAction {
  const { lines } = entry;
  const line = diagnostic.range.start.line;
  const markdown = isMarkdown(entry);
  let edit: TextEdit;
  const previous = line > 0 ? lines.lineText(line - 1) : '';
  const existing = previous.indexOf(DISABLE_NEXT_LINE);
  if (existing >= 0 && !/claimlens-disable-next-line\s*(-->)?\s*$/.test(previous)) {
    // Extend the comment that is already there: add the code after the last listed one.
    const close = previous.indexOf('-->', existing);
    const codesEnd = close >= 0 ? previous.slice(0, close).trimEnd().length : previous.trimEnd().length;
    edit = TextEdit.insert({ line: line - 1, character: codesEnd }, ` ${code}`);
  } else {
    const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
    const comment = markdown ? `<!-- ${DISABLE_NEXT_LINE} ${code} -->` : `${DISABLE_NEXT_LINE} ${code}`;
    edit = TextEdit.insert({ line, character: 0 }, `${indent}${comment}\n`);
  }
  return {
    title: `Ignore this ${code} finding`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [entry.uri]: [edit] } },
  };
}

function turnOff(diagnostic: Diagnostic, code: string): CodeAction {
  const title = `Set severity of ${code} to off`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: SET_RULE_SEVERITY_COMMAND, arguments: [code, 'off'] },
  };
}

export function codeActions(entry: AnalysisEntry, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  void range;
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const code = diagnostic.code;
    if (code === 'unsourced-figure') actions.push(addAttribution(entry, diagnostic));
    // The document-level findings have no line worth a comment.
    if (code !== 'document-too-large' && code !== 'binary-content' && code !== 'analysis-failed') actions.push(ignoreFinding(entry, diagnostic, code));
    if (!offered.has(code)) {
      offered.add(code);
      actions.push(turnOff(diagnostic, code));
    }
  }
  return actions;
}
