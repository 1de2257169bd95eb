// Stage 7: findings, as a rule table — one small function per code. Precision first:
// every finding must be one a careful editor would agree with, and its message says
// what to do. `data` carries what a quick fix or a hover needs.
import type { DocumentStructure, Figure, Finding, FindingCode, Quote, Sentence, Source, Span } from './types';
import type { UnbalancedMark } from './quotes';
import { insideQuote, isStatisticFigure } from './claims';
import { findByOffset, isDigitCode, isLetterCode, isSpaceCode } from './text';
import { MANNER_OF_SPEAKING, REPORTING_VERBS, SPEECH_VERBS } from './lexicon';

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

/**
 * A direct quotation of real length with no speaker, and nothing around it that may name
 * one for the reader. The attribution stage misses speakers a reader still sees ("Blige
 * sings to Clinton before asking her, “…”", a run of quoted paragraphs, "- Name" below),
 * so the flag waits until the quotation stands alone: no words of its own sentence
 * outside quotation marks, no colon introducing it, no transcript label opening it, and
 * in its paragraph and the paragraphs on either side no speech verb, no named speaker and
 * no other quotation of real length.
 */
export const unattributedQuote: Rule = ({ text, structure, sentences, quotes }) => {
  const out: Finding[] = [];
  const marked = quotes.filter((q) => q.kind !== 'indirect');
  const paragraphs = structure.paragraphs;
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.source) continue;
    if (countWords(q.text) < MIN_QUOTE_WORDS) continue;
    if (startsWithTranscriptLabel(q.text) || introducedByColon(text, q.span.start)) continue;
    const first = findByOffset(sentences, q.span.start);
    if (first >= 0) {
      let last = first;
      while (last + 1 < sentences.length && sentences[last + 1].span.start < q.span.end) last++;
      if (countWordsOutside(text, sentences[first].span.start, sentences[last].span.end, marked, 2) >= 2) continue;
      const p = sentences[first].paragraph;
      let speakerNear = false;
      for (let k = Math.max(0, p - 1); k <= p + 1 && k < paragraphs.length && !speakerNear; k++) {
        speakerNear = mayNameSpeaker(text, paragraphs[k].span, q, quotes, marked);
      }
      if (speakerNear) continue;
    }
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

/** Shorter quotations are phrases or titles more often than statements. */
const MIN_QUOTE_WORDS = 6;

/** "WALLACE: Let’s start …", "Q: Why …": a turn of a transcript, whose label is its speaker. */
function startsWithTranscriptLabel(quoted: string): boolean {
  const colon = quoted.indexOf(':');
  if (colon < 1 || colon > 32) return false;
  const label = quoted.slice(0, colon).replace(/^[\s"“”'‘’«»]+/, '');
  return /^[A-Z][A-Z.'’ -]*$/.test(label);
}

/** "… put it this way: “…”": the words before the colon introduce the quotation. */
function introducedByColon(text: string, quoteStart: number): boolean {
  let i = quoteStart - 1;
  while (i >= 0 && quoteStart - i < 8 && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= 0 && text.charCodeAt(i) === 58;
}

/**
 * In `span`, outside `quote` itself: a speech verb outside quotation marks ("Price shouted
 * to the crowd", "Hannity pressed" is not one, but his question is a quotation), a
 * quotation or reported statement whose source names someone, or another quotation of
 * real length (quoted paragraphs in a row are one speaker's).
 */
function mayNameSpeaker(text: string, span: Span, quote: Quote, quotes: readonly Quote[], marked: readonly Quote[]): boolean {
  for (let k = Math.max(0, findByOffset(quotes, span.start)); k < quotes.length && quotes[k].span.start < span.end; k++) {
    const other = quotes[k];
    if (other === quote || other.span.end <= span.start) continue;
    if (other.source && !other.source.vague) return true;
    if (other.kind === 'direct' && countWords(other.text) >= MIN_QUOTE_WORDS) return true;
  }
  // "- President Obama, tweeting": the dash line that signs a quotation set apart.
  if (startsWithDashedName(text, span)) return true;
  let found = false;
  forEachWordOutside(text, span.start, span.end, marked, (start, end) => {
    const word = text.slice(start, end).toLowerCase();
    found = SPEECH_VERBS.has(word) || MANNER_OF_SPEAKING.has(word);
    return found;
  });
  return found;
}

/** A paragraph that opens with a hyphen or dash and a capital: "- Name", "—Name, …". */
function startsWithDashedName(text: string, span: Span): boolean {
  let i = span.start;
  while (i < span.end && isSpaceCode(text.charCodeAt(i))) i++;
  const dash = text.charCodeAt(i);
  if (dash !== 45 && dash !== 0x2013 && dash !== 0x2014) return false;
  i++;
  while (i < span.end && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** Words in [from, to) outside the quotations (sorted, not nested), up to `enough`. */
function countWordsOutside(text: string, from: number, to: number, marked: readonly Quote[], enough: number): number {
  let words = 0;
  forEachWordOutside(text, from, to, marked, () => ++words >= enough);
  return words;
}

/** Calls `visit` on each run of letters in [from, to) outside `marked`, until it returns true. */
function forEachWordOutside(text: string, from: number, to: number, marked: readonly Quote[], visit: (start: number, end: number) => boolean): void {
  let q = Math.max(0, findByOffset(marked, from));
  let wordStart = -1;
  for (let i = from; i <= to; i++) {
    while (q < marked.length && marked[q].span.end <= i) q++;
    const inQuote = i < to && q < marked.length && marked[q].span.start <= i;
    const letter = i < to && !inQuote && isLetterCode(text.charCodeAt(i));
    if (letter) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (visit(wordStart, i)) return;
      wordStart = -1;
    }
    if (inQuote) i = marked[q].span.end - 1;
  }
}

/**
 * "officials said", "experts say": a source that names nobody checkable. Only with a cue
 * that reports speech or a view ("said", "according to", "believe", "found"): the tagger
 * also proposes cues that are nouns or prepositions ("some demonstrations", "footage of"),
 * and a hint about those would be a false alarm.
 */
export const vagueAttribution: Rule = ({ text, quotes }) => {
  const out: Finding[] = [];
  let lastEnd = -1;
  const ordered = quotes.filter((q) => q.source?.vague && q.source.how !== 'continuation' && q.source.span && q.source.cueSpan);
  const spanOf = (s: Source): Span => ({ start: Math.min(s.span!.start, s.cueSpan!.start), end: Math.max(s.span!.end, s.cueSpan!.end) });
  ordered.sort((a, b) => spanOf(a.source!).start - spanOf(b.source!).start);
  for (const q of ordered) {
    const s = q.source!;
    const span = spanOf(s);
    // One hint per source: two attributions may share it, or overlap it.
    if (span.start < lastEnd) continue;
    if (!isReportingCue(text.slice(s.cueSpan!.start, s.cueSpan!.end))) continue;
    lastEnd = span.end;
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

function isReportingCue(cue: string): boolean {
  const words = cue.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => SPEECH_VERBS.has(w) || REPORTING_VERBS.has(w));
}

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
