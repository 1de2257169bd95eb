// Stage 4a: quotation marks → quotations, one linear scan over body and headline paragraphs.
// Straight (") and curly (“ ”) double quotes, doubled apostrophes ('') and guillemets;
// apostrophes (’) never open or close a quotation in the body. Each kind of mark closes
// only what the same kind opened, so a curly quotation nested in a straight one (or the
// reverse) does not end it early. Headlines also quote in single marks (‘…’, '…'), the
// headline convention. A paragraph that ends inside a quotation continues into the next
// one when that paragraph opens with a quotation mark (the newspaper convention);
// otherwise the quotation is unclosed.
import type { DocumentStructure, QuoteKind, Sentence, Span } from './types';
import { findByOffset, isDigitCode, isLetterCode, isLowerCode, isSpaceCode, isUpperCode } from './text';
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
  /** “…” ― Helen Brandt: the name that signs the quotation on its line, and the dash before it. */
  signature?: { name: Span; dash: Span };
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

// The marks are this module's own constants, not text.ts's: they are compared on every
// character, and when modules are loaded one by one (tsx: the bench and the scripts) each
// read of an imported binding is a getter call, which made the scan ≈ 10x slower there.
const STRAIGHT_QUOTE = 34;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const APOSTROPHE = 39;
const HORIZONTAL_BAR = 0x2015;
const EM_DASH = 0x2014;
const EN_DASH = 0x2013;

/** Which family of marks opened a quotation: only the same family closes it. */
type MarkStyle = 'straight' | 'curly' | 'doubled' | 'guillemet' | 'single';

interface OpenQuote {
  at: number;
  width: number;
  style: MarkStyle;
  paragraph: number;
  /** Curly quotations opened inside this one and not yet closed (“…“…”…”). */
  depth: number;
}

/** An opening mark stands at the paragraph start or after a space, bracket, dash, colon or slash. */
function isOpenContext(text: string, i: number, floor: number): boolean {
  if (i <= floor) return true;
  const p = text.charCodeAt(i - 1);
  return isSpaceCode(p) || p === 40 || p === 91 || p === EM_DASH || p === EN_DASH || p === HORIZONTAL_BAR || p === 45 || p === 58 || p === 42 || p === 95 || p === 47;
}

/** A closing mark follows a word or punctuation and is followed by a space, punctuation or the end. */
function isCloseContext(text: string, i: number, width: number, end: number): boolean {
  if (i === 0 || isSpaceCode(text.charCodeAt(i - 1))) return false;
  const after = i + width;
  if (after >= end) return true;
  const n = text.charCodeAt(after);
  return !isLetterCode(n) && !isDigitCode(n);
}

function countWords(text: string, s: Span): number {
  let n = 0;
  let inWord = false;
  for (let i = s.start; i < s.end; i++) {
    const w = isLetterCode(text.charCodeAt(i)) || isDigitCode(text.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

export function findQuoteMarks(text: string, structure: DocumentStructure, sentences: readonly Sentence[]): QuoteScan {
  const quotes: QuoteMarks[] = [];
  const unbalanced: UnbalancedMark[] = [];
  const paras = structure.paragraphs;
  let open: OpenQuote | undefined;
  let lastOpenMark = -1;
  /** Curly quotations inside an open straight one: nested quotations if it closes, the real ones if it never does. */
  let nested: QuoteMarks[] = [];
  let nestedOpen = -1;
  const curlyText = quotesInCurlyMarks(text);

  const make = (start: number, end: number, contentStart: number, contentEnd: number, paragraph: number, lastParagraph: number, closed: boolean): QuoteMarks | undefined => {
    while (contentStart < contentEnd && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd <= contentStart) return undefined;
    const content = { start: contentStart, end: contentEnd };
    return { span: { start, end }, content, kind: 'direct', paragraph, lastParagraph, closed, words: countWords(text, content) };
  };
  const close = (o: OpenQuote, markAt: number, markWidth: number, p: number) => {
    const q = make(o.at, markAt + markWidth, o.at + o.width, markAt, o.paragraph, p, true);
    if (q) quotes.push(q);
    nested = [];
    nestedOpen = -1;
    open = undefined;
  };
  const start = (at: number, width: number, style: MarkStyle, p: number) => {
    open = { at, width, style, paragraph: p, depth: 0 };
    lastOpenMark = at;
    nested = [];
    nestedOpen = -1;
  };

  for (let p = 0; p < paras.length; p++) {
    const paragraphKind = paras[p].kind;
    if (paragraphKind !== 'body' && paragraphKind !== 'headline') continue;
    const headline = paragraphKind === 'headline';
    const from = paragraphContentStart(text, structure, p);
    const end = paras[p].span.end;
    let i = from;
    if (open && reopens(text, i, open.style)) {
      // Carried over from the previous paragraph: this one reopens with the same mark.
      lastOpenMark = i;
      i += open.style === 'doubled' ? 2 : 1;
    }
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const o: OpenQuote | undefined = open;
      if (c === APOSTROPHE && isDoubledApostrophe(text, i, end)) {
        // '' used as a double quotation mark (typewriter and newswire text).
        if (o?.style === 'doubled') close(o, i, 2, p);
        else if (!o && isOpenContext(text, i, from) && i + 2 < end && !isSpaceCode(text.charCodeAt(i + 2))) start(i, 2, 'doubled', p);
        i++;
        continue;
      }
      if (!o) {
        if (c === LEFT_DOUBLE || c === LEFT_GUILLEMET) start(i, 1, c === LEFT_DOUBLE ? 'curly' : 'guillemet', p);
        else if ((c === STRAIGHT_QUOTE || c === RIGHT_DOUBLE) && isOpenContext(text, i, from) && i + 1 < end && !isSpaceCode(text.charCodeAt(i + 1))) {
          // A right mark where a quotation opens is a typing slip for the left one (”We …”).
          start(i, 1, c === STRAIGHT_QUOTE ? 'straight' : 'curly', p);
        } else if (headline && (c === LEFT_SINGLE || c === APOSTROPHE) && isOpenContext(text, i, from) && i + 1 < end && isLetterCode(text.charCodeAt(i + 1))) {
          // Not '90s nor rock 'n' roll: a single-mark quotation opens on a letter and holds more than a letter or two.
          start(i, 1, 'single', p);
        }
        continue;
      }
      switch (o.style) {
        case 'curly':
          if (c === LEFT_DOUBLE) {
            // “…“Mostly False.“ — a left mark where a quotation closes is a typing slip.
            if (o.depth === 0 && !isOpenContext(text, i, from) && isCloseContext(text, i, 1, end)) close(o, i, 1, p);
            else o.depth++;
          } else if (c === RIGHT_DOUBLE) {
            if (o.depth > 0) o.depth--;
            else close(o, i, 1, p);
          } else if (c === STRAIGHT_QUOTE && o.depth === 0 && isCloseContext(text, i, 1, end)) close(o, i, 1, p);
          break;
        case 'straight':
          if (c === STRAIGHT_QUOTE) close(o, i, 1, p);
          else if (c === LEFT_DOUBLE) nestedOpen = i;
          else if (c === RIGHT_DOUBLE) {
            if (nestedOpen >= 0) {
              const q = make(nestedOpen, i + 1, nestedOpen + 1, i, p, p, true);
              if (q) nested.push(q);
              nestedOpen = -1;
            } else if (isCloseContext(text, i, 1, end)) close(o, i, 1, p); // "…” — mixed marks
          }
          break;
        case 'guillemet':
          if (c === RIGHT_GUILLEMET) close(o, i, 1, p);
          break;
        case 'single':
          if ((c === RIGHT_SINGLE || c === APOSTROPHE) && isCloseContext(text, i, 1, end)) {
            if (i - o.at > 3) close(o, i, 1, p);
            else open = undefined;
          }
          break;
        case 'doubled':
          break;
      }
    }
    const o: OpenQuote | undefined = open;
    if (o) {
      const next = o.style === 'single' ? -1 : nextBodyStart(text, structure, p);
      const carries = next >= 0 && reopens(text, next, o.style);
      if (!carries) {
        // An unmatched single mark may well be an apostrophe ('em, 'n'): not reported.
        if (o.style !== 'single') unbalanced.push({ offset: lastOpenMark, paragraph: p });
        if (o.style === 'straight' && (nested.length > 0 || curlyText)) {
          // A straight mark that never closes in text that quotes in curly marks is stray
          // typography (a block-quote marker): the curly quotations inside are the quotations.
          quotes.push(...nested);
        } else if (o.style !== 'single') {
          const q = make(o.at, end, o.at + o.width, end, o.paragraph, p, false);
          if (q) quotes.push(q);
        }
        nested = [];
        nestedOpen = -1;
        open = undefined;
      }
    }
  }
  // Mostly closed in text order already: sorted only when not (a stable sort leaves a sorted list as it is).
  if (!isSortedBySpan(quotes)) quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const q of quotes) {
    q.signature = signatureAfter(text, q);
    q.kind = q.signature ? 'direct' : classify(text, q, sentences);
  }
  return { quotes, unbalanced };
}

/** Verbs whose object is the quotation itself: "called it “…”", "chanted “…”", "described as “…”". */
const NAMING_VERBS = new Set(
  'called|calls|call|calling|dubbed|labeled|labelled|termed|branded|chanted|chanting|chant|sang|singing|sing|typed|described|describes|describing|characterized|characterised|attacked|decried|praised'.split('|'),
);
/**
 * Words before ", “…”" that do not hand over to a quotation: works whose title follows in
 * apposition ("the documentary, “…”") and words that keep the clause going.
 */
const NOT_BEFORE_A_QUOTATION = new Set(
  'book|books|show|documentary|commentary|column|film|movie|song|album|speech|essay|article|memoir|program|programme|series|slogan|headline|words|that|because|including|as|than'.split('|'),
);

/** Between a naming verb and its quotation: "called them “…”", "described as “…”". */
const NAMING_LINKS = new Set(['it', 'them', 'him', 'her', 'us', 'me', 'this', 'that', 'as']);

/** "what it called “…”": the quotation belongs to a relative clause, which is the Content. */
function isAfterWhat(text: string, verbStart: number, floor: number): boolean {
  let j = verbStart;
  while (j > floor && verbStart - j < 3 && isSpaceCode(text.charCodeAt(j - 1))) j--;
  const subject = wordBefore(text, j, floor);
  if (!subject) return false;
  j -= subject.length;
  while (j > floor && isSpaceCode(text.charCodeAt(j - 1)) && j > verbStart - 40) j--;
  return wordBefore(text, j, floor) === 'what';
}

/** Words that may stand right before "called" when a speaker calls something (“… has called it”). */
const SUBJECT_OR_AUXILIARY = new Set('he|she|they|we|i|you|it|who|has|have|had|was|were|is|are|be|been|also|once|repeatedly|then|and|later|publicly|previously|often|even|would|will'.split('|'));

/** Determiners of a short object between "called" and the quotation ("called his rival “…”"). */
const OBJECT_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'the', 'these', 'this', 'those', 'that', 'our', 'my', 'your']);
const CALLING_VERBS = new Set(['called', 'calls', 'call', 'calling', 'dubbed', 'labeled', 'labelled', 'branded', 'termed']);

function skipSpacesBack(text: string, k: number, floor: number): number {
  while (k > floor && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** The word that ends at `k` (letters only, at most 20), or "". */
function wordBefore(text: string, k: number, floor: number): string {
  let w = k;
  while (w > floor && k - w < 20 && isLetterCode(text.charCodeAt(w - 1))) w--;
  return text.slice(w, k).toLowerCase();
}

/** Verbs that hand straight over to a quotation with no comma or colon ("says “…”"). */
const QUOTE_OPENING_VERBS = new Set(
  'said|says|say|told|tells|added|adds|wrote|writes|asked|asks|tweeted|declared|replied|responded|continued|explained|insisted|warned|stated|argued|noted|recalled|announced|concluded|answered|saying|adding|writing|asking|yelled|yelling|shouted|shouting|screamed|screaming'.split('|'),
);

function isDoubledApostrophe(text: string, i: number, end: number): boolean {
  return i + 1 < end && text.charCodeAt(i) === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE && (i + 2 >= end || text.charCodeAt(i + 2) !== APOSTROPHE);
}

/** Does the paragraph at `i` reopen a quotation of this style (the newspaper convention)? */
function reopens(text: string, i: number, style: MarkStyle): boolean {
  const c = text.charCodeAt(i);
  if (style === 'curly') return c === LEFT_DOUBLE;
  if (style === 'straight') return c === STRAIGHT_QUOTE;
  if (style === 'guillemet') return c === LEFT_GUILLEMET;
  if (style === 'doubled') return isDoubledApostrophe(text, i, text.length);
  return false;
}

/** More curly double marks than straight ones: the text quotes in curly marks. */
function quotesInCurlyMarks(text: string): boolean {
  // Counted with indexOf (the engine's vectorised search) rather than a loop over every
  // character: quotation marks are few.
  return countOf(text, '\u201c') + countOf(text, '\u201d') > countOf(text, '"');
}

/** How many times the one-character `mark` occurs in `text`. */
function countOf(text: string, mark: string): number {
  let count = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) count++;
  return count;
}

function nextBodyStart(text: string, structure: DocumentStructure, p: number): number {
  const n = p + 1;
  if (n >= structure.paragraphs.length || structure.paragraphs[n].kind !== 'body') return -1;
  return paragraphContentStart(text, structure, n);
}

/**
 * “…” ― Name: a reader's quotation signed on its line — a horizontal bar or em dash after
 * the closing mark, then a capitalised name (initials allowed) that ends the line or its
 * sentence. Returns the name and the dash.
 */
function signatureAfter(text: string, q: QuoteMarks): { name: Span; dash: Span } | undefined {
  let i = q.span.end;
  while (i < text.length && i - q.span.end < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i++;
  const dashCode = text.charCodeAt(i);
  if (dashCode !== HORIZONTAL_BAR && dashCode !== EM_DASH) return undefined;
  const dash = { start: i, end: i + 1 };
  i++;
  while (i < text.length && i - dash.end < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i++;
  const nameStart = i;
  let nameEnd = i;
  for (let words = 0; words < 6 && i < text.length && isUpperCode(text.charCodeAt(i)); words++) {
    let w = i + 1;
    while (w < text.length && w - i < 20 && (isLetterCode(text.charCodeAt(w)) || text.charCodeAt(w) === 45 || text.charCodeAt(w) === 39 || text.charCodeAt(w) === RIGHT_SINGLE)) w++;
    // An initial keeps its full stop ("Edwin G. Monroy").
    if (w - i === 1 && text.charCodeAt(w) === 46) w++;
    nameEnd = w;
    i = w;
    if (text.charCodeAt(i) !== 32 || !isUpperCode(text.charCodeAt(i + 1))) break;
    i++;
  }
  if (nameEnd === nameStart) return undefined;
  // The name ends the line or its sentence: "― Helen Brandt", "― Helen Brandt." but not "— Helen Brandt said".
  let j = nameEnd;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0 || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44)) j++;
  if (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13 && !isOpeningMarkCode(text.charCodeAt(j))) return undefined;
  return { name: { start: nameStart, end: nameEnd }, dash };
}

function isOpeningMarkCode(c: number): boolean {
  return c === LEFT_DOUBLE || c === RIGHT_DOUBLE || c === STRAIGHT_QUOTE;
}

/** The first letter of the quoted words is lower-case: a fragment of a longer sentence. */
function startsLowerCase(text: string, q: QuoteMarks): boolean {
  for (let i = q.content.start; i < q.content.end && i - q.content.start < 4; i++) {
    const c = text.charCodeAt(i);
    if (isLetterCode(c)) return !isUpperCode(c);
    if (isDigitCode(c)) return false;
  }
  return false;
}

/** “A,” she said, “and B.”: a quotation closed shortly before the comma, in the same paragraph. */
function continuesSplitQuotation(text: string, q: QuoteMarks, comma: number): boolean {
  for (let i = comma - 1; i >= 0 && comma - i < 100; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === RIGHT_DOUBLE || c === STRAIGHT_QUOTE || c === RIGHT_GUILLEMET || (c === APOSTROPHE && i > 0 && text.charCodeAt(i - 1) === APOSTROPHE)) return i < q.span.start;
  }
  return false;
}

/** Pronouns and speech verbs that may follow a quotation as its attribution (“…” she said). */
const ATTRIBUTION_AFTER = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'the', 'said', 'says', 'asked', 'added', 'wrote', 'told']);

/**
 * The sentence runs on after the closing mark with no punctuation inside it: “… the
 * breaking point” to drive up the stock price. The quotation is part of that sentence.
 */
function runsOnAfterClose(text: string, q: QuoteMarks): boolean {
  const last = text.charCodeAt(q.content.end - 1);
  if (last === 44 || last === 46 || last === 63 || last === 33 || last === 0x2026 || last === 58 || last === 59) return false;
  let i = q.span.end;
  if (i >= text.length || text.charCodeAt(i) !== 32) return false;
  i++;
  const from = i;
  while (i < text.length && i - from < 20 && isLetterCode(text.charCodeAt(i))) i++;
  if (i === from || isUpperCode(text.charCodeAt(from))) return false;
  return !ATTRIBUTION_AFTER.has(text.slice(from, i));
}

/** Robert C. "Bobby" Scott: a nickname between the parts of a name. */
function isNickname(text: string, q: QuoteMarks, before: number): boolean {
  if (q.words > 2 || !(isUpperCode(before) || before === 46)) return false;
  const after = q.span.end;
  return after + 1 < text.length && text.charCodeAt(after) === 32 && isUpperCode(text.charCodeAt(after + 1)) && isUpperCode(text.charCodeAt(q.content.start)) && isLetterCode(text.charCodeAt(q.content.end - 1));
}

/**
 * Direct: the quotation is a sentence of its own, opens its sentence or its line, follows
 * a colon, a dash or "said,", ends with the punctuation that hands over to a speech verb
 * (“…,” he said), or is signed on its line (“…” ― Name).
 * Partial: quoted words inside someone else's sentence — after a word that is not a
 * speech verb, a lower-case fragment after a comma or dash, a quotation the sentence runs
 * on from (“…” to drive up …), a nickname.
 */
function classify(text: string, q: QuoteMarks, sentences: readonly Sentence[]): Exclude<QuoteKind, 'indirect'> {
  const s = findByOffset(sentences, q.span.start);
  const sentenceStart = s >= 0 ? sentences[s].span.start : q.span.start;
  let k = q.span.start;
  while (k > sentenceStart && isSpaceCode(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) !== 10) k--;
  const before = k > sentenceStart ? text.charCodeAt(k - 1) : 10;
  if (runsOnAfterClose(text, q)) return 'partial';
  // Opening its sentence or its line (lists of readers' comments, transcripts).
  if (k <= sentenceStart || before === 10) return 'direct';
  if (before === 58 || before === 42 || before === 95) return 'direct';
  if (before === 44 || before === EM_DASH || before === HORIZONTAL_BAR || (before === 45 && k >= 2 && text.charCodeAt(k - 2) === 45)) {
    // ", “…”" and "-- ''…'' --": a whole quotation, unless it starts mid-sentence in lower
    // case — but “A,” she said, “and B.” is the second half of a split quotation.
    // "his book, “…”", "because, “…”": a title in apposition or a clause that goes on.
    const wordBeforeComma = before === 44 ? wordBefore(text, k - 1, sentenceStart) : '';
    if (NOT_BEFORE_A_QUOTATION.has(wordBeforeComma)) return 'partial';
    // "he said, “could be …”" hands over even in lower case.
    if (QUOTE_OPENING_VERBS.has(wordBeforeComma)) return 'direct';
    if (!startsLowerCase(text, q) || (before === 44 && continuesSplitQuotation(text, q, k - 1))) return 'direct';
    const last = text.charCodeAt(q.content.end - 1);
    return before !== 44 && (last === 63 || last === 33) ? 'direct' : 'partial';
  }
  if (isNickname(text, q, before)) return 'partial';
  // After a full stop the quotation opens a sentence the splitter did not cut ('' marks).
  if (before === 46 || before === 63 || before === 33) return 'direct';
  if (isLetterCode(before)) {
    // Right after a word: "says “…”" opens a quotation; "because “…,”" or "the book
    // “…,”" keeps it inside someone else's clause.
    const word = wordBefore(text, k, sentenceStart);
    if (QUOTE_OPENING_VERBS.has(word)) return 'direct';
    // "called it “…”", "described as “…”", "chanted “…”": the quotation is the whole of
    // what the verb reports (PolNeAR's Content), not words lifted into a clause.
    if (NAMING_VERBS.has(word)) {
      if (isAfterWhat(text, k - word.length, sentenceStart)) return 'partial';
      // "a show called “…”": a name given to a thing, not words someone said.
      const subjectEnd = skipSpacesBack(text, k - word.length, sentenceStart);
      const subject = wordBefore(text, subjectEnd, sentenceStart);
      if (CALLING_VERBS.has(word) && subject && isLowerCode(text.charCodeAt(subjectEnd - subject.length)) && !SUBJECT_OR_AUXILIARY.has(subject)) return 'partial';
      return 'direct';
    }
    // "called it “…”", "described as “…”", "called his rival “…”".
    const firstEnd = skipSpacesBack(text, k - word.length, sentenceStart);
    const first = wordBefore(text, firstEnd, sentenceStart);
    if (NAMING_LINKS.has(word) && NAMING_VERBS.has(first)) return 'direct';
    if (OBJECT_DETERMINERS.has(first)) {
      const verbEnd = skipSpacesBack(text, firstEnd - first.length, sentenceStart);
      const verb = wordBefore(text, verbEnd, sentenceStart);
      if (CALLING_VERBS.has(verb) && !isAfterWhat(text, verbEnd - verb.length, sentenceStart)) return 'direct';
    }
    return 'partial';
  }
  const last = text.charCodeAt(q.content.end - 1);
  if ((last === 44 || last === 63 || last === 33) && q.words >= 4) return 'direct';
  return 'partial';
}

/** Every quote's span starts after (or with, and ends no earlier than) the one before: the order quotes.sort() gives. */
function isSortedBySpan(quotes: readonly QuoteMarks[]): boolean {
  for (let i = 1; i < quotes.length; i++) {
    const a = quotes[i - 1].span;
    const b = quotes[i].span;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}
