// Stage 4a: quotation marks → quotations, one linear scan over body paragraphs.
// Straight (") and curly (“ ”) double quotes and guillemets; apostrophes (’) never open
// or close a quotation. A paragraph that ends inside a quotation continues into the next
// one when that paragraph opens with a quotation mark (the newspaper convention);
// otherwise the quotation is unclosed.
import type { DocumentStructure, QuoteKind, Sentence, Span } from './types';
import { findByOffset, isLetterCode, isSpaceCode, LEFT_DOUBLE, LEFT_GUILLEMET, RIGHT_DOUBLE, RIGHT_GUILLEMET, STRAIGHT_QUOTE } from './text';
import { paragraphContentStart } from './structure';

export interface QuoteMarks {
  /** Whole quotation, marks included. */
  span: Span;
  /** The quoted words. */
  content: Span;
  kind: Exclude<QuoteKind, 'indirect'>;
  /** Paragraph of the opening mark. */
  paragraph: number;
  /** Paragraph of the closing mark (or the last paragraph it runs to). */
  lastParagraph: number;
  closed: boolean;
  /** Words in the content. */
  words: number;
}

export interface UnbalancedMark {
  /** The opening mark that is never closed. */
  offset: number;
  paragraph: number;
}

export interface QuoteScan {
  quotes: QuoteMarks[];
  unbalanced: UnbalancedMark[];
}

function isOpenContext(text: string, i: number, floor: number): boolean {
  if (i <= floor) return true;
  const p = text.charCodeAt(i - 1);
  return isSpaceCode(p) || p === 40 || p === 91 || p === 0x2014 || p === 0x2013 || p === 45 || p === 58 || p === 42 || p === 95 || p === 47;
}

function countWords(text: string, s: Span): number {
  let n = 0;
  let inWord = false;
  for (let i = s.start; i < s.end; i++) {
    const w = isLetterCode(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

export function findQuoteMarks(text: string, structure: DocumentStructure, sentences: readonly Sentence[]): QuoteScan {
  const quotes: QuoteMarks[] = [];
  const unbalanced: UnbalancedMark[] = [];
  const paras = structure.paragraphs;
  let openAt = -1;
  let openWidth = 1;
  let openParagraph = -1;
  let lastOpenMark = -1;

  const emit = (start: number, end: number, contentStart: number, contentEnd: number, lastParagraph: number, closed: boolean) => {
    while (contentStart < contentEnd && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd <= contentStart) return;
    const content = { start: contentStart, end: contentEnd };
    quotes.push({
      span: { start, end },
      content,
      kind: 'direct',
      paragraph: openParagraph,
      lastParagraph,
      closed,
      words: countWords(text, content),
    });
  };

  for (let p = 0; p < paras.length; p++) {
    if (paras[p].kind !== 'body') continue;
    const start = paragraphContentStart(text, structure, p);
    const end = paras[p].span.end;
    let i = start;
    if (openAt >= 0) {
      // Carried over from the previous paragraph: this one opens with a quotation mark.
      const c = text.charCodeAt(i);
      if (c === LEFT_DOUBLE || c === STRAIGHT_QUOTE || c === LEFT_GUILLEMET) {
        lastOpenMark = i;
        i++;
      } else if (isDoubledApostrophe(text, i, end)) {
        lastOpenMark = i;
        i += 2;
      }
    }
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 39 && isDoubledApostrophe(text, i, end)) {
        // '' used as a double quotation mark (typewriter and newswire text).
        if (openAt >= 0) {
          emit(openAt, i + 2, openAt + openWidth, i, p, true);
          openAt = -1;
          i++;
        } else if (isOpenContext(text, i, start) && i + 2 < end && !isSpaceCode(text.charCodeAt(i + 2))) {
          openAt = i;
          openWidth = 2;
          openParagraph = p;
          lastOpenMark = i;
          i++;
        }
        continue;
      }
      if (c === LEFT_DOUBLE || c === LEFT_GUILLEMET) {
        if (openAt < 0) {
          openAt = i;
          openWidth = 1;
          openParagraph = p;
          lastOpenMark = i;
        }
      } else if (c === RIGHT_DOUBLE || c === RIGHT_GUILLEMET) {
        if (openAt >= 0) {
          emit(openAt, i + 1, openAt + openWidth, i, p, true);
          openAt = -1;
        }
      } else if (c === STRAIGHT_QUOTE) {
        if (openAt >= 0) {
          emit(openAt, i + 1, openAt + openWidth, i, p, true);
          openAt = -1;
        } else if (isOpenContext(text, i, start) && i + 1 < end && !isSpaceCode(text.charCodeAt(i + 1))) {
          openAt = i;
          openWidth = 1;
          openParagraph = p;
          lastOpenMark = i;
        }
      }
    }
    if (openAt >= 0) {
      const next = nextBodyStart(text, structure, p);
      const carries = next >= 0 && (isOpeningMark(text.charCodeAt(next)) || isDoubledApostrophe(text, next, text.length));
      if (!carries) {
        emit(openAt, end, openAt + openWidth, end, p, false);
        unbalanced.push({ offset: lastOpenMark, paragraph: p });
        openAt = -1;
      }
    }
  }
  for (const q of quotes) q.kind = classify(text, q, sentences);
  return { quotes, unbalanced };
}

/** Verbs that hand straight over to a quotation with no comma or colon ("says “…”"). */
const QUOTE_OPENING_VERBS = new Set(
  'said|says|say|told|tells|added|adds|wrote|writes|asked|asks|tweeted|declared|replied|responded|continued|explained|insisted|warned|stated|argued|noted|recalled|announced|concluded|answered|saying|adding|writing|asking'.split('|'),
);

function isDoubledApostrophe(text: string, i: number, end: number): boolean {
  return i + 1 < end && text.charCodeAt(i) === 39 && text.charCodeAt(i + 1) === 39 && (i + 2 >= end || text.charCodeAt(i + 2) !== 39);
}

function isOpeningMark(c: number): boolean {
  return c === LEFT_DOUBLE || c === STRAIGHT_QUOTE || c === LEFT_GUILLEMET;
}

function nextBodyStart(text: string, structure: DocumentStructure, p: number): number {
  const n = p + 1;
  if (n >= structure.paragraphs.length || structure.paragraphs[n].kind !== 'body') return -1;
  return paragraphContentStart(text, structure, n);
}

/**
 * Direct: the quotation is a sentence of its own, opens its sentence, follows a colon or
 * "said,", or ends with the punctuation that hands over to a speech verb (“…,” he said).
 * Partial: a few quoted words inside someone else's sentence.
 */
function classify(text: string, q: QuoteMarks, sentences: readonly Sentence[]): Exclude<QuoteKind, 'indirect'> {
  const s = findByOffset(sentences, q.span.start);
  const sentenceStart = s >= 0 ? sentences[s].span.start : q.span.start;
  let k = q.span.start;
  while (k > sentenceStart && isSpaceCode(text.charCodeAt(k - 1))) k--;
  if (k <= sentenceStart) return 'direct';
  const before = text.charCodeAt(k - 1);
  if (before === 58 || before === 44 || before === 0x2014 || before === 42 || before === 95) return 'direct';
  // After a full stop the quotation opens a sentence the splitter did not cut ('' marks).
  if (before === 46 || before === 63 || before === 33) return 'direct';
  if (isLetterCode(before)) {
    // Right after a word: "says “…”" opens a quotation; "because “…,”" or "the book
    // “…,”" keeps it inside someone else's clause.
    let w = k - 1;
    while (w > sentenceStart && k - w < 20 && isLetterCode(text.charCodeAt(w - 1))) w--;
    return QUOTE_OPENING_VERBS.has(text.slice(w, k)) ? 'direct' : 'partial';
  }
  const last = text.charCodeAt(q.content.end - 1);
  if ((last === 44 || last === 63 || last === 33) && q.words >= 4) return 'direct';
  return 'partial';
}
