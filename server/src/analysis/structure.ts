// Stage 1: the page's structure — paragraphs and what each one is (kicker, headline,
// byline, dateline, body, trailing boilerplate). Works on plain text and Markdown.
import type { Dateline, DocumentStructure, Paragraph, ParagraphKind, Span } from './types';
import { BOILERPLATE_LINES, CALENDAR_WORDS } from './lexicon';
import { isLetterCode, isRegExpWhiteSpace, isSpaceCode, isUpperCode } from './text';

interface Block {
  span: Span;
  /** Content start after Markdown markers ("# ", "> ", "- "). */
  contentStart: number;
  heading: boolean;
}

/**
 * Paragraphs are runs of non-blank lines. Markdown headings, list items and block
 * quotes start paragraphs of their own. A text with no blank line at all is read one
 * paragraph per line (common for copied web articles).
 */
export function splitBlocks(text: string): Block[] {
  // One pass over the lines; a second, cheap pass over the (few) line spans.
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let hasBlank = false;
  let lineStart = 0;
  for (;;) {
    // Line ends found by the engine's native search, not character by character.
    const newline = text.indexOf('\n', lineStart);
    const i = newline < 0 ? n : newline;
    let a = lineStart;
    let b = i;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (a >= b) hasBlank = true;
    starts.push(a);
    ends.push(b);
    if (i === n) break;
    lineStart = i + 1;
  }
  // The open block is kept in locals and made once it is closed: its span is never
  // written after it is made (objects keep one shape from the start).
  const blocks: Block[] = [];
  let open = false;
  let blockStart = 0;
  let blockEnd = 0;
  let contentStart = 0;
  let heading = false;
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k];
    const b = ends[k];
    if (a >= b) {
      if (open) blocks.push(blockOf(blockStart, blockEnd, contentStart, heading));
      open = false;
      continue;
    }
    const lineMarker = markdownMarker(text, a, b);
    const markerHeading = (lineMarker & MARKER_HEADING) !== 0;
    const startsOwn = !hasBlank || (lineMarker & MARKER_OWN) !== 0;
    if (open && !startsOwn && !heading) {
      blockEnd = b;
    } else {
      if (open) blocks.push(blockOf(blockStart, blockEnd, contentStart, heading));
      open = true;
      blockStart = a;
      blockEnd = b;
      contentStart = markerContentStart(lineMarker);
      heading = markerHeading;
    }
    if (markerHeading) {
      blocks.push(blockOf(blockStart, blockEnd, contentStart, heading));
      open = false;
    }
  }
  if (open) blocks.push(blockOf(blockStart, blockEnd, contentStart, heading));
  return blocks;
}

function blockOf(start: number, end: number, contentStart: number, heading: boolean): Block {
  return { span: { start, end }, contentStart, heading };
}

/**
 * A line's Markdown marker, packed in one number (asked of every line: no object each):
 * where its content starts, times 4, plus MARKER_OWN when the marker starts a paragraph
 * of its own and MARKER_HEADING for a heading. (V8 strings are shorter than 2^29, so the
 * number stays below 2^31.)
 */
const MARKER_OWN = 1;
const MARKER_HEADING = 2;
function marker(contentStart: number, flags: number): number {
  return contentStart * 4 + flags;
}
function markerContentStart(packed: number): number {
  return packed >>> 2;
}

function markdownMarker(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  let i = start;
  if (c === 35 /* # */) {
    while (i < end && i - start < 6 && text.charCodeAt(i) === 35) i++;
    if (i < end && text.charCodeAt(i) === 32) return marker(skipSpaces(text, i, end), MARKER_OWN | MARKER_HEADING);
    return marker(start, 0);
  }
  if (c === 62 /* > */) return marker(skipSpaces(text, start + 1, end), 0);
  if ((c === 45 || c === 42 || c === 43) && start + 1 < end && text.charCodeAt(start + 1) === 32) {
    return marker(skipSpaces(text, start + 1, end), MARKER_OWN);
  }
  if (c >= 48 && c <= 57) {
    while (i < end && i - start < 3 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i + 1 < end && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 41) && text.charCodeAt(i + 1) === 32) {
      return marker(skipSpaces(text, i + 1, end), MARKER_OWN);
    }
  }
  return marker(start, 0);
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** How many words `text.slice(s.start, s.end).split(/\s+/)` has, empty ones aside: runs of non-white-space. */
export function countWords(text: string, s: Span): number {
  let count = 0;
  let inWord = false;
  for (let i = s.start; i < s.end; i++) {
    const isWordChar = !isRegExpWhiteSpace(text.charCodeAt(i));
    if (isWordChar && !inWord) count++;
    inWord = isWordChar;
  }
  return count;
}

function endsSentence(text: string, s: Span): boolean {
  let b = s.end;
  while (b > s.start) {
    const c = text.charCodeAt(b - 1);
    if (c === 42 || c === 95 || c === 34 || c === 0x201d || c === 41) b--; // closing emphasis, quotes, parens
    else break;
  }
  const c = text.charCodeAt(b - 1);
  return c === 46 || c === 33 || c === 0x2026 || c === 58;
}

function isBoilerplate(text: string, s: Span): boolean {
  if (s.end - s.start > 60) return false;
  const key = text
    .slice(s.start, s.end)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return BOILERPLATE_LINES.has(key);
}

const BYLINE_RE = /^(?:[*_]{1,2})?By\s+(\p{Lu}[^\n]{1,150})$/u;

/** Whether text[start, end) opens as BYLINE_RE needs: "By" after at most two "*" or "_". */
function mayBeByline(text: string, start: number, end: number): boolean {
  for (let i = start; i <= start + 2 && i + 1 < end; i++) {
    if (text.charCodeAt(i) === 66 /* B */ && text.charCodeAt(i + 1) === 121 /* y */) return true;
    const c = text.charCodeAt(i);
    if (c !== 42 && c !== 95) return false;
  }
  return false;
}

/** Authors from "By A and B", "By A, B and C", ignoring a trailing "| Agency". */
function bylineAuthors(line: string): string[] | undefined {
  const m = BYLINE_RE.exec(line);
  if (!m) return undefined;
  let rest = m[1].replace(/[*_]+$/u, '').split(/\s[|·–—-]\s|,\s(?=[A-Z]{2,}|\p{Ll})/u)[0];
  rest = rest.trim();
  // Pushed one by one onto a literal: every authors list has the same array map (the
  // entity pass loops over it; a list made by map/filter has another when empty).
  const pieces = rest.split(/\s*,\s*|\s+and\s+|\s*&\s*/u);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i].trim();
    if (p.length > 0) parts.push(p);
  }
  if (parts.length === 0 || parts.length > 5) return undefined;
  for (const p of parts) {
    const ws = p.split(/\s+/);
    if (ws.length > 6 || !isUpperCode(p.charCodeAt(0))) return undefined;
  }
  return parts;
}

// "Washington, Aug 8 (EFE).-", "MEXICO CITY (Reuters) -", "LONDON, March 3, 2024 —"
const DATELINE_RE =
  /^(\p{Lu}[\p{L}.'’ -]{0,40}?)(?:,\s*(\p{Lu}[\p{L}]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{Lu}\p{L}{2,9}\.?(?:\s+\d{4})?))?\s*(?:\(([\p{L}][\p{L} .&-]{0,30})\))?\s*(?:\.\s*)?([-–—]+|:)\s*/u;

/**
 * What DATELINE_RE needs of text[start, headEnd), checked before it runs: an upper-case
 * first letter (an ASCII one is A–Z) and a separator ("-", "–", "—" or ":") somewhere.
 */
function mayBeDateline(text: string, start: number, headEnd: number): boolean {
  if (start >= headEnd) return false;
  const first = text.charCodeAt(start);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  for (let i = start + 1; i < headEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 58 || c === 0x2013 || c === 0x2014) return true;
  }
  return false;
}

export function parseDateline(text: string, start: number, end: number): Dateline | undefined {
  if (!mayBeDateline(text, start, Math.min(end, start + 120))) return undefined;
  const head = text.slice(start, Math.min(end, start + 120));
  const m = DATELINE_RE.exec(head);
  if (!m) return undefined;
  const place = m[1].trim();
  const date = m[2];
  const agency = m[3];
  const sep = m[4];
  const allCapsPlace = place.length >= 3 && place === place.toUpperCase();
  if (!date && !agency && !allCapsPlace) return undefined;
  if (sep === ':' && !agency && !date) return undefined;
  if (CALENDAR_WORDS.has(place)) return undefined;
  // The text after the dateline must continue as prose.
  const after = start + m[0].length;
  if (after >= end || !isLetterCode(text.charCodeAt(after))) {
    if (!(after < end && (text.charCodeAt(after) === 0x201c || text.charCodeAt(after) === 34))) return undefined;
  }
  // The span is the dateline proper (without the trailing spaces).
  let datelineEnd = after;
  while (datelineEnd > start && isSpaceCode(text.charCodeAt(datelineEnd - 1))) datelineEnd--;
  const d: Dateline = { span: { start, end: datelineEnd }, place };
  if (date) d.date = date;
  if (agency) d.agency = agency.trim();
  return d;
}

const MAX_HEADER = 5;

export function analyzeStructure(text: string): DocumentStructure {
  const blocks = splitBlocks(text);
  // Kinds are settled first and each paragraph made once, at the end (one shape, never
  // rewritten). Arrays are filled by push, not Array.prototype.map, whose result's
  // elements kind varies (packed or holey) with how the engine ran it.
  const kinds: ParagraphKind[] = [];
  for (let i = 0; i < blocks.length; i++) kinds.push('body');
  const boilerplate: Span[] = [];
  let byline: DocumentStructure['byline'];
  let kicker: Span | undefined;
  let headline: Span | undefined;
  let dateline: Dateline | undefined;

  // Trailing boilerplate, from the end.
  let last = blocks.length - 1;
  while (last >= 1 && isBoilerplate(text, { start: blocks[last].contentStart, end: blocks[last].span.end })) {
    kinds[last] = 'boilerplate';
    boilerplate.unshift(blocks[last].span);
    last--;
  }

  // Header: short paragraphs before the first prose paragraph.
  const headerIdx: number[] = [];
  let bodyStart = 0;
  for (let i = 0; i <= last && i < MAX_HEADER; i++) {
    const b = blocks[i];
    const content = { start: b.contentStart, end: b.span.end };
    const authors = content.end - content.start < 200 && mayBeByline(text, content.start, content.end) ? bylineAuthors(text.slice(content.start, content.end)) : undefined;
    if (authors) {
      kinds[i] = 'byline';
      byline = { span: content, authors };
      bodyStart = i + 1;
      continue;
    }
    if (parseDateline(text, content.start, content.end)) break;
    const wordCount = content.end - content.start < 300 ? countWords(text, content) : 0;
    const headerLike = b.heading || (wordCount > 0 && wordCount <= 20 && !endsSentence(text, content));
    if (!headerLike) break;
    if (i > 0 && byline && !b.heading) break; // after the byline comes the text
    headerIdx.push(i);
    bodyStart = i + 1;
  }
  if (headerIdx.length === 1) {
    kinds[headerIdx[0]] = 'headline';
  } else if (headerIdx.length >= 2) {
    // The first short line over a longer one is a kicker ("Crime & Justice").
    const first = headerIdx[0];
    const firstWords = countWords(text, { start: blocks[first].contentStart, end: blocks[first].span.end });
    if (firstWords <= 5 && !blocks[first].heading) {
      kinds[first] = 'kicker';
      kinds[headerIdx[1]] = 'headline';
      for (const k of headerIdx.slice(2)) kinds[k] = 'headline';
    } else {
      for (const k of headerIdx) kinds[k] = 'headline';
    }
  }
  for (const i of headerIdx) {
    const content = { start: blocks[i].contentStart, end: blocks[i].span.end };
    if (kinds[i] === 'kicker' && !kicker) kicker = content;
    if (kinds[i] === 'headline' && !headline) headline = content;
  }

  // Dateline: at the start of the first body paragraph, or a paragraph of its own.
  if (bodyStart <= last) {
    const b = blocks[bodyStart];
    const d = parseDateline(text, b.contentStart, b.span.end);
    if (d) {
      dateline = d;
      if (d.span.end >= b.span.end - 1) kinds[bodyStart] = 'dateline';
    }
  }
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < blocks.length; i++) paragraphs.push(paragraphOf(blocks[i].span, kinds[i]));
  // The optional parts in the order they are found (byline, kicker, headline, dateline): the key order of the output.
  const structure: DocumentStructure = { paragraphs, boilerplate };
  if (byline) structure.byline = byline;
  if (kicker) structure.kicker = kicker;
  if (headline) structure.headline = headline;
  if (dateline) structure.dateline = dateline;
  return structure;
}

function paragraphOf(span: Span, kind: ParagraphKind): Paragraph {
  return { span, kind };
}

/** Where a paragraph's prose starts: after Markdown markers and a dateline. */
export function paragraphContentStart(text: string, structure: DocumentStructure, index: number): number {
  const p = structure.paragraphs[index];
  let i = markerContentStart(markdownMarker(text, p.span.start, p.span.end));
  const d = structure.dateline;
  if (d && d.span.start >= p.span.start && d.span.end <= p.span.end) i = Math.max(i, d.span.end);
  return skipSpaces(text, i, p.span.end);
}

/** For tests: the cheap pre-checks beside the regular expressions they stand before. */
export const structureChecks = {
  mayBeDateline: (head: string): boolean => mayBeDateline(head, 0, head.length),
  datelineRegexMatches: (head: string): boolean => DATELINE_RE.test(head),
  mayBeByline: (line: string): boolean => mayBeByline(line, 0, line.length),
  bylineRegexMatches: (line: string): boolean => BYLINE_RE.test(line),
};
