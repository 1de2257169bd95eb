// Stage 2: sentences, one linear scan per paragraph. Knows abbreviations ("U.S.",
// "Aug.", "Mr."), initials ("J. R."), decimals, ellipses and quotes that end sentences.
import type { DocumentStructure, Sentence } from './types';
import { ABBREVIATIONS, STRONG_SENTENCE_STARTERS } from './lexicon';
import { isDigitCode, isLetterCode, isSpaceCode, isUpperCode, tokenize, Token } from './text';
import { paragraphContentStart } from './structure';

function isCloser(c: number): boolean {
  // closing quotes, brackets and emphasis that stay with the sentence they end
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 42 || c === 95;
}

function isOpenerOrStart(c: number): boolean {
  return isUpperCode(c) || isDigitCode(c) || c === 34 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 0xab || c === 42 || c === 95 || c === 0x2014 || c === 0x2013 || c === 0xbf || c === 0xa1 || (c > 0x2e80 && isLetterCode(c));
}

/** The word that ends at `end` (exclusive), letters and inner periods only. */
function wordBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && i > end - 12) {
    const c = text.charCodeAt(i - 1);
    if (isLetterCode(c) || c === 46) i--;
    else break;
  }
  return text.slice(i, end);
}

function wordAfter(text: string, start: number, limit: number): string {
  let i = start;
  while (i < limit && i < start + 16 && isLetterCode(text.charCodeAt(i))) i++;
  return text.slice(start, i);
}

/** Is the period at `dot` part of an abbreviation or initial rather than a sentence end? */
function isAbbreviationDot(text: string, dot: number, floor: number, next: number, limit: number): boolean {
  const w = wordBefore(text, dot, floor);
  if (w.length === 0) return false;
  // Single capital letter: an initial ("J. R. Smith"), unless it is the pronoun "I".
  if (w.length === 1 && isUpperCode(w.charCodeAt(0))) return w !== 'I';
  const bare = w.endsWith('.') ? w.slice(0, -1) : w;
  if (bare.includes('.')) {
    // dotted acronym ("U.S.") ends a sentence only before a clear sentence opener
    return !STRONG_SENTENCE_STARTERS.has(wordAfter(text, next, limit));
  }
  if (ABBREVIATIONS.has(bare)) {
    // "Aug. 8", "Mr. Smith", "Inc. said": not an end. "… Inc. The" is.
    if (bare === 'Inc' || bare === 'Ltd' || bare === 'Corp' || bare === 'Co' || bare === 'etc' || bare === 'Jr' || bare === 'Sr') {
      return !STRONG_SENTENCE_STARTERS.has(wordAfter(text, next, limit));
    }
    return true;
  }
  return false;
}

export function splitSentences(text: string, structure: DocumentStructure): Sentence[] {
  const out: Sentence[] = [];
  const terminals = new TerminalFinder(text);
  structure.paragraphs.forEach((p, index) => {
    if (p.kind === 'dateline') return;
    const start = paragraphContentStart(text, structure, index);
    splitParagraph(text, start, p.span.end, index, out, terminals);
  });
  return out;
}

/** The marks that may end a sentence: ".", "!", "?", "…". */
const TERMINAL_MARKS = ['.', '!', '?', '\u2026'];

/**
 * Finds the next sentence-ending mark with the engine's native indexOf, one search per
 * mark kind, instead of reading every character in script. Each kind's next position is
 * remembered, so over a document (asked at rising offsets) every character is searched
 * at most once per kind.
 */
export class TerminalFinder {
  /** Per mark kind: its first position at or after `asked`, or the text's length if none. */
  private readonly nextAt: number[] = [-1, -1, -1, -1];
  private asked = 0;
  constructor(private readonly text: string) {}

  /** The first position ≥ from holding a terminal mark, or the text's length. */
  next(from: number): number {
    const nextAt = this.nextAt;
    // Asked behind an earlier question: what was remembered may skip marks, so search again.
    if (from < this.asked) nextAt.fill(-1);
    this.asked = from;
    let nearest = this.text.length;
    for (let kind = 0; kind < 4; kind++) {
      let at = nextAt[kind];
      if (at < from) {
        at = this.text.indexOf(TERMINAL_MARKS[kind], from);
        if (at < 0) at = this.text.length;
        nextAt[kind] = at;
      }
      if (at < nearest) nearest = at;
    }
    return nearest;
  }
}

function pushSentence(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ span: { start, end }, paragraph });
}

function splitParagraph(text: string, start: number, end: number, paragraph: number, out: Sentence[], terminals: TerminalFinder): void {
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    // Straight to the next ".", "!", "?" or "…": no other character ends a sentence.
    i = terminals.next(i);
    if (i >= end) break;
    const c = text.charCodeAt(i);
    // Run of terminal punctuation ("...", "?!").
    let j = i + 1;
    while (j < end && j - i < 8) {
      const d = text.charCodeAt(j);
      if (d === 46 || d === 33 || d === 63 || d === 0x2026) j++;
      else break;
    }
    const runEnd = j;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    const afterClosers = j;
    if (j >= end) break;
    if (!isSpaceCode(text.charCodeAt(j))) {
      i = runEnd;
      continue;
    }
    while (j < end && isSpaceCode(text.charCodeAt(j))) j++;
    if (j >= end) break;
    const next = text.charCodeAt(j);
    if (!isOpenerOrStart(next)) {
      i = runEnd;
      continue;
    }
    if (c === 46 && runEnd === i + 1 && isAbbreviationDot(text, i, sentenceStart, j, end)) {
      i = runEnd;
      continue;
    }
    pushSentence(text, sentenceStart, afterClosers, paragraph, out);
    sentenceStart = j;
    i = j;
  }
  pushSentence(text, sentenceStart, end, paragraph, out);
}

/**
 * Each sentence's tokens, computed once and shared by the later stages. Filled by push,
 * not Array.prototype.map, whose result's elements kind varies (packed or holey) with how
 * the engine ran it: the later stages then see one kind of array.
 */
export function tokenizeSentences(text: string, sentences: readonly Sentence[]): Token[][] {
  const out: Token[][] = [];
  for (let i = 0; i < sentences.length; i++) out.push(tokenize(text, sentences[i].span.start, sentences[i].span.end));
  return out;
}
