// Character classes, tokens and hashing shared by the stages. Everything here works on
// UTF-16 code units, so offsets stay what JavaScript strings and LSP count.

// Classes of BMP code units, filled on first sight: bit 0 "known", bit 1 letter (or
// mark), bit 2 upper-case letter. A typed array is far cheaper per lookup than a Map.
const CLASS_KNOWN = 1;
const CLASS_LETTER = 2;
const CLASS_UPPER = 4;
const codeClasses = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}|\p{M}/u;

function classOf(c: number): number {
  let v = codeClasses[c];
  if (v === 0) {
    v = CLASS_KNOWN;
    // Surrogate halves are never letters: astral letters are rare in names.
    if (!(c >= 0xd800 && c <= 0xdfff)) {
      const ch = String.fromCharCode(c);
      if (LETTER_RE.test(ch)) {
        v |= CLASS_LETTER;
        if (ch.toUpperCase() === ch && ch.toLowerCase() !== ch) v |= CLASS_UPPER;
      }
    }
    codeClasses[c] = v;
  }
  return v;
}

export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (classOf(c) & CLASS_LETTER) !== 0;
}

export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return (classOf(c) & CLASS_UPPER) !== 0;
}

export function isLowerCode(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return isLetterCode(c) && !isUpperCode(c) && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c);
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0x3000;
}

/** What /\s/ matches: ASCII tab to carriage return and space, the Unicode space separators, U+2028/2029 and U+FEFF. */
export function isRegExpWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Double quotation marks we treat as quote delimiters. */
export const STRAIGHT_QUOTE = 34;
export const LEFT_DOUBLE = 0x201c;
export const RIGHT_DOUBLE = 0x201d;
export const LEFT_GUILLEMET = 0xab;
export const RIGHT_GUILLEMET = 0xbb;

export function isQuoteMark(c: number): boolean {
  return c === STRAIGHT_QUOTE || c === LEFT_DOUBLE || c === RIGHT_DOUBLE || c === LEFT_GUILLEMET || c === RIGHT_GUILLEMET;
}

/** FNV-1a over the string, as 8 hex digits: short, deterministic ids. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Lower-cased, quote-unified, whitespace-collapsed text: the basis of stable ids. */
export function normalizeForId(s: string): string {
  // Native passes with single-character classes: linear, no backtracking.
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019]/g, "'");
}

/**
 * FNV-1a of normalizeForId(s), computed in one pass without building the normalised
 * string (ids are made for every claim and quote, so this is on the hot path).
 */
export function hashNormalized(s: string): string {
  return hex8(hashNormalizedPart(0x811c9dc5, s, 0, s.length, false).hash);
}

/** Lower-cased code units of the BMP, filled on first sight (0: not yet known). */
const lowerCodes = new Uint16Array(0x10000);

function lowerCodeOf(c: number): number {
  let v = lowerCodes[c];
  if (v === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    v = lower.length === 1 ? lower.charCodeAt(0) : c;
    lowerCodes[c] = v;
  }
  return v;
}

/** Running state of hashNormalizedPart: hash so far, and whether any non-space was hashed. */
interface NormalizedHashState {
  hash: number;
  started: boolean;
}

const hashState: NormalizedHashState = { hash: 0, started: false };

/**
 * Continues hashNormalized's FNV-1a over s[from, to) from `hash`, `started` saying
 * whether text before it had a non-space: hashing "a", then "b" equals hashing "a" + "b".
 * (A pending space at the end of a part is dropped, as trim drops it at the end.)
 */
function hashNormalizedPart(hash: number, s: string, from: number, to: number, started: boolean): NormalizedHashState {
  let h = hash;
  let pendingSpace = false;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c === 32 || (c < 32 && isSpaceCode(c)) || (c >= 128 && isSpaceCode(c))) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      h = Math.imul(h ^ 32, 0x01000193);
      pendingSpace = false;
    }
    started = true;
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) {
      if (c === LEFT_DOUBLE || c === RIGHT_DOUBLE || c === LEFT_GUILLEMET || c === RIGHT_GUILLEMET) c = STRAIGHT_QUOTE;
      else if (c === 0x2018 || c === 0x2019) c = 39;
      else c = lowerCodeOf(c);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  hashState.hash = h;
  hashState.started = started;
  return hashState;
}

/** `(h >>> 0).toString(16).padStart(8, '0')` as one string allocation. */
function hex8(h: number): string {
  return String.fromCharCode(
    HEX_CODES[(h >>> 28) & 15], HEX_CODES[(h >>> 24) & 15], HEX_CODES[(h >>> 20) & 15], HEX_CODES[(h >>> 16) & 15],
    HEX_CODES[(h >>> 12) & 15], HEX_CODES[(h >>> 8) & 15], HEX_CODES[(h >>> 4) & 15], HEX_CODES[h & 15],
  );
}

const HEX_CODES: Uint8Array = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** Hands out ids "prefix-hash-n", n counting earlier items with the same text. */
export class IdMaker {
  /** Items so far per hash (as a number: equal hashes are equal hex strings, and no string is hashed again). */
  private readonly seen = new Map<number, number>();
  constructor(private readonly prefix: string) {}
  make(text: string): string {
    return this.withHash(hashNormalizedPart(0x811c9dc5, text, 0, text.length, false).hash);
  }
  /**
   * make(`${head}\u0000${text}`) without building that string. `head` must start with
   * a non-space (a kind name), so normalising the whole is normalising the parts.
   */
  makeJoined(head: string, text: string): string {
    return this.makeJoinedRange(head, text, 0, text.length);
  }
  /**
   * makeJoined(head, source.slice(start, end)), read straight from `source`: a whole
   * document's flat string reads faster than a slice of it.
   */
  makeJoinedRange(head: string, source: string, start: number, end: number): string {
    const first = hashNormalizedPart(0x811c9dc5, head, 0, head.length, false);
    const afterHead = Math.imul(first.hash ^ 0, 0x01000193);
    return this.withHash(hashNormalizedPart(afterHead, source, start, end, true).hash);
  }
  /** The id of the next item whose text hashes to `hash` (an int32, shown as 8 hex digits). */
  private withHash(hash: number): string {
    const n = this.seen.get(hash) ?? 0;
    this.seen.set(hash, n + 1);
    const h = hex8(hash);
    return n > 0 ? `${this.prefix}-${h}-${n}` : `${this.prefix}-${h}`;
  }
}

export interface Token {
  start: number;
  end: number;
  /** The token's text (a possessive "’s" stays attached). */
  text: string;
  /** Word (letters/digits) rather than punctuation. */
  word: boolean;
}

/**
 * Splits text[start, end) into word and punctuation tokens in one pass. Words keep
 * inner apostrophes ("we’ve"), inner periods of acronyms and initials ("U.S.", "J."),
 * and digits with separators ("70,000", "3.5"). Hyphens are their own tokens.
 * Markdown link targets ("](https://…)") and bare URLs are skipped.
 */
/** ASCII codes that continue a word (letters and digits): one load instead of three range tests. */
const ASCII_WORD_CODES: Uint8Array = (() => {
  const codes = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isLetterCode(c) || isDigitCode(c)) codes[c] = 1;
  return codes;
})();

/** isLetterCode(c) || isDigitCode(c). */
function isWordCode(c: number): boolean {
  return c < 128 ? ASCII_WORD_CODES[c] === 1 : isLetterCode(c);
}

export function tokenize(text: string, start: number, end: number, out: Token[] = []): Token[] {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (c === 93 /* ] */ && i + 1 < end && text.charCodeAt(i + 1) === 40 /* ( */) {
      // Markdown link target: skip to the closing parenthesis (bounded to the line).
      out.push({ start: i, end: i + 1, text: ']', word: false });
      let j = i + 2;
      const limit = Math.min(end, i + 2048);
      while (j < limit && text.charCodeAt(j) !== 41 && text.charCodeAt(j) !== 10) j++;
      i = j < limit && text.charCodeAt(j) === 41 ? j + 1 : i + 1;
      continue;
    }
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isWordCode(d)) {
          j++;
          continue;
        }
        if (j + 1 < end) {
          const n = text.charCodeAt(j + 1);
          // inner apostrophe, period between letters (U.S), separator between digits (70,000 / 3.5)
          if (isApostrophe(d) && isLetterCode(n)) {
            j += 2;
            continue;
          }
          if (d === 46 && isLetterCode(n) && j - i <= 3 && isLetterCode(text.charCodeAt(j - 1)) && (j + 2 >= end || !isLetterCode(text.charCodeAt(j + 2)) || text.charCodeAt(j + 2) === 46)) {
            j += 2;
            continue;
          }
          if ((d === 44 || d === 46) && isDigitCode(n) && isDigitCode(text.charCodeAt(j - 1))) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // URL: "http://…" — skip to whitespace.
      if (j + 2 < end && text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47) {
        let k = j;
        while (k < end && !isSpaceCode(text.charCodeAt(k))) k++;
        i = k;
        continue;
      }
      // A trailing period stays with an initial or a dotted acronym ("J.", "U.S.").
      if (j < end && text.charCodeAt(j) === 46) {
        const w = j - i;
        const single = w === 1 && isUpperCode(c);
        const dotted = w >= 3 && text.charCodeAt(j - 2) === 46;
        if (single || dotted) j++;
      }
      out.push({ start: i, end: j, text: text.slice(i, j), word: true });
      i = j;
      continue;
    }
    // Surrogate pairs (emoji) stay one punctuation token.
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    out.push({ start: i, end: i + len, text: text.slice(i, i + len), word: false });
    i += len;
  }
  return out;
}

/** "Biden’s" → "Biden"; other words unchanged. */
export function stripPossessive(word: string): string {
  const n = word.length;
  if (n > 2 && (word.charCodeAt(n - 1) === 115 || word.charCodeAt(n - 1) === 83) && isApostrophe(word.charCodeAt(n - 2))) return word.slice(0, n - 2);
  return word;
}

export function isCapitalized(word: string): boolean {
  return word.length > 0 && isUpperCode(word.charCodeAt(0));
}

export function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isLetterCode(c)) {
      if (!isUpperCode(c)) return false;
      letters++;
    }
  }
  return letters > 0;
}

/** Binary search: index of the last item whose start ≤ offset, or -1. */
export function findByOffset<T extends { span: { start: number; end: number } }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Binary search over items sorted by start: index of the first whose start ≥ offset. */
export function firstStartingAt(items: readonly { span: { start: number } }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether words occur in a text in lower case ("Iodine" opening a sentence, "iodine"
 * elsewhere), memoised per word. Few words are asked about in an article, so each is
 * searched for; in a long document the searches would add up to many passes over it,
 * so past a budget every word is collected once and looked up.
 */
export class LowerCaseWords {
  private readonly asked = new Map<string, boolean>();
  private all: Set<string> | undefined;
  constructor(private readonly text: string) {}

  /** `lower`: ASCII lower-case letters. */
  has(lower: string): boolean {
    let seen = this.asked.get(lower);
    if (seen === undefined) {
      if (!this.all && this.asked.size * this.text.length >= LOWER_CASE_SEARCH_BUDGET) this.all = lowerCaseWords(this.text);
      seen = this.all ? this.all.has(lower) : isWrittenInLowerCase(this.text, lower);
      this.asked.set(lower, seen);
    }
    return seen;
  }
}

/**
 * Whether `lower` (ASCII lower-case letters) occurs as a whole word of ASCII letters in the
 * text, 2–20 long: the same answer as collecting /(?<![A-Za-z])[a-z]{2,20}(?![A-Za-z])/g.
 */
function isWrittenInLowerCase(text: string, lower: string): boolean {
  const n = lower.length;
  if (n < 2 || n > 20) return false;
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if ((at === 0 || !isAsciiLetterAt(text, at - 1)) && !isAsciiLetterAt(text, at + n)) return true;
  }
  return false;
}

/** Characters isWrittenInLowerCase may search (words asked × text length) before lowerCaseWords collects them all. */
const LOWER_CASE_SEARCH_BUDGET = 1 << 18;

/** Every word isWrittenInLowerCase finds: runs of ASCII letters, all lower case, 2–20 long. */
function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isAsciiLetterAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let lower = true;
    for (; i < n && isAsciiLetterAt(text, i); i++) {
      const c = text.charCodeAt(i);
      if (c < 97) lower = false;
    }
    if (lower && i - start >= 2 && i - start <= 20) out.add(text.slice(start, i));
  }
  return out;
}

function isAsciiLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
