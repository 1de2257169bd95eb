// Stage 7: findings, as a rule table — one small function per code. Precision first:
// every finding must be one a careful editor would agree with, and its message says
// what to do. `data` carries what a quick fix or a hover needs.
import type { DocumentStructure, Figure, Finding, FindingCode, Quote, Sentence, Span } from './types';
import type { UnbalancedMark } from './quotes';
import { insideQuote, isStatisticFigure } from './claims';
import { findByOffset, isDigitCode } from './text';

export interface FindingContext {
  text: string;
  structure: DocumentStructure;
  sentences: readonly Sentence[];
  quotes: readonly Quote[];
  figures: readonly Figure[];
  unbalanced: readonly UnbalancedMark[];
}

export type Rule = (ctx: FindingContext) => Finding[];

/** Text for a message: at most `max` characters, on one line. */
export function excerpt(s: string, max = 48): string {
  const one = isOneLine(s) ? s : s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/**
 * `s.replace(/\s+/g, ' ').trim() === s`, read from the character codes (most figure and
 * quote texts): no white space but single spaces, none at either end.
 */
function isOneLine(s: string): boolean {
  const n = s.length;
  if (n > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 32 || (c >= 127 && isRegExpSpace(c))) {
      return false;
    }
  }
  return true;
}

/** What /\s/ matches above ASCII: the Unicode space separators, U+2028/2029 and U+FEFF. */
function isRegExpSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** A count/money/percent/ratio/measure in a body sentence that nobody is said to have stated. */
export const unsourcedFigure: Rule = ({ structure, sentences, quotes, figures }) => {
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  const out: Finding[] = [];
  for (const f of figures) {
    if (!isStatisticFigure(f) || f.source) continue;
    // "two countries", "three times": small numbers in words are narrative, not statistics.
    if (f.kind === 'count' && !hasDigit(f.text) && (f.value ?? 0) <= 10 && !f.qualifier) continue;
    const s = findByOffset(sentences, f.span.start);
    if (s < 0 || sentences[s].span.end < f.span.end) continue;
    if (structure.paragraphs[sentences[s].paragraph]?.kind !== 'body') continue;
    if (insideQuote(direct, f.span.start)) continue;
    out.push({
      code: 'unsourced-figure',
      span: f.span,
      severity: 'warning',
      message: `Add a source for “${excerpt(f.text)}”, or attribute the sentence (e.g. “…, according to X”).`,
      data: {
        figureId: f.id,
        text: f.text,
        kind: f.kind,
        ...(f.value !== undefined ? { value: f.value } : {}),
        sentenceStart: sentences[s].span.start,
        sentenceEnd: sentences[s].span.end,
      },
    });
  }
  // A measure beside a flagged count or amount in the same sentence ("4 million people live
  // more than 10 kilometres away") is detail of one claim: flag the claim once.
  const flaggedSentences = new Set<unknown>();
  for (const f of out) if (f.data?.kind !== 'measure') flaggedSentences.add(f.data?.sentenceStart);
  return out.filter((f) => f.data?.kind !== 'measure' || !flaggedSentences.has(f.data?.sentenceStart));
};

/** A direct quotation of real length with no speaker. */
export const unattributedQuote: Rule = ({ quotes }) => {
  const out: Finding[] = [];
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.source) continue;
    if (countWords(q.text) < 6) continue;
    out.push({
      code: 'unattributed-quote',
      span: q.span,
      severity: 'warning',
      message: `Say who said “${excerpt(q.text, 40)}”: name the speaker next to the quotation (e.g. “…,” said X).`,
      data: { quoteId: q.id, text: q.text },
    });
  }
  return out;
};

/** "officials said", "experts say": a source that names nobody checkable. */
export const vagueAttribution: Rule = ({ text, quotes }) => {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const q of quotes) {
    const s = q.source;
    if (!s || !s.vague || s.how === 'continuation' || !s.span || !s.cueSpan) continue;
    if (seen.has(s.cueSpan.start)) continue;
    seen.add(s.cueSpan.start);
    const span: Span = { start: Math.min(s.span.start, s.cueSpan.start), end: Math.max(s.span.end, s.cueSpan.end) };
    const written = text.slice(span.start, span.end);
    out.push({
      code: 'vague-attribution',
      span,
      severity: 'information',
      message: `“${excerpt(written)}” names nobody a reader can check: name the source, or say why it cannot be named.`,
      data: { quoteId: q.id, source: s.text, cue: s.cue ?? '', text: written },
    });
  }
  return out;
};

/** An opening quotation mark that is never closed in its paragraph. */
export const unbalancedQuote: Rule = ({ text, unbalanced }) =>
  unbalanced.map((u) => ({
    code: 'unbalanced-quote' as FindingCode,
    span: { start: u.offset, end: u.offset + 1 },
    severity: 'warning' as const,
    message: 'This quotation mark is never closed: add the closing mark where the quotation ends, or remove this one.',
    data: { mark: text[u.offset], paragraph: u.paragraph },
  }));

export const RULES: ReadonlyArray<{ code: FindingCode; rule: Rule }> = [
  { code: 'unsourced-figure', rule: unsourcedFigure },
  { code: 'unattributed-quote', rule: unattributedQuote },
  { code: 'vague-attribution', rule: vagueAttribution },
  { code: 'unbalanced-quote', rule: unbalancedQuote },
];

export function runRules(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const { rule } of RULES) out.push(...rule(ctx));
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return out;
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const w = c > 32 && c !== 0x2014 && c !== 0x2013 && c !== 45;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

export function documentTooLarge(length: number, maxLength: number): Finding {
  return {
    code: 'document-too-large',
    span: { start: 0, end: 0 },
    severity: 'information',
    message: `This document has ${length.toLocaleString('en-US')} characters, more than the ${maxLength.toLocaleString('en-US')} ClaimLens analyses: split it, or raise the maximum document length in the settings.`,
    data: { length, maxLength },
  };
}

/** NUL bytes, or mostly control characters: not an article. Scans at most 64 KiB. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) return false;
  // One pass over the head finds both a NUL there and the control characters.
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32) {
      if (c === 0) return true;
      if (c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    } else if (c === 0xfffd) control++;
  }
  return control / n > 0.3 || (text.length > n && text.indexOf('\u0000', n) >= 0);
}

export function binaryContent(text: string): Finding {
  const nul = text.indexOf('\u0000');
  return {
    code: 'binary-content',
    span: { start: 0, end: 0 },
    severity: 'information',
    message: 'This looks like a binary file, not an article: ClaimLens did not analyse it. Open the text version of the article instead.',
    data: { firstNul: nul },
  };
}
