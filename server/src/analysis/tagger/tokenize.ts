// Splits raw text into CoNLL-like tokens with UTF-16 offsets, grouped into sentences.
// One left-to-right pass; no regular expressions over the user's text except per-char
// Unicode class checks on non-ASCII characters. The scanner writes offsets into typed
// arrays (no object or string per token); `tokenize` wraps them as Token objects.

export interface Token {
  /** Surface form, exactly text.slice(start, end). */
  text: string;
  start: number;
  end: number;
}

export type Sentence = Token[];

/** Flat tokenization: token k is text.slice(starts[k], ends[k]); sentence s is tokens sentenceEnds[s-1] (or 0) .. sentenceEnds[s]. */
export interface TokenArrays {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  sentenceCount: number;
  sentenceEnds: Int32Array;
}

// Abbreviations that keep their final period (so "Mr." does not end a sentence).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'plc', 'llc',
  'gov', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rev', 'hon',
  'pres', 'supt', 'det', 'insp', 'mt', 'ft', 'ave', 'blvd', 'rd', 'vs', 'etc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'dept', 'univ', 'assn', 'bros', 'messrs', 'approx', 'fig', 'vol', 'al', 'e.g', 'i.e',
]);

// US state abbreviations keep their period when capitalised: "Cupertino, Calif."
const STATE_ABBREVIATIONS = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash',
  'wis', 'wyo',
]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral symbols (emoji) are not word characters
  return LETTER_OR_DIGIT.test(text[i]);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(s[0]);
}

export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(s[0]);
}

function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]);
}

function lowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(text[i]);
}

const CLITIC_AFTER = /^(s|re|ve|ll|d|m)(?![\p{L}\p{N}])/u;

// Output buffers, reused across calls (grown on demand).
let starts: Int32Array = new Int32Array(1024);
let ends: Int32Array = new Int32Array(1024);
let sentenceEnds: Int32Array = new Int32Array(256);

/**
 * Tokenizes `text` into shared typed arrays (valid until the next call). Offsets are
 * UTF-16 indices into `text`.
 */
export function scanTokens(text: string): TokenArrays {
  const n = text.length;
  let count = 0;
  let sentenceCount = 0;
  let sentenceStart = 0;
  let i = 0;
  let newlinesBefore = 0;

  const push = (start: number, end: number) => {
    if (count > sentenceStart && breaksBefore(text, sentenceStart, count, start, end, newlinesBefore)) {
      if (sentenceCount === sentenceEnds.length) sentenceEnds = grow(sentenceEnds);
      sentenceEnds[sentenceCount++] = count;
      sentenceStart = count;
    }
    if (count === starts.length) { starts = grow(starts); ends = grow(ends); }
    starts[count] = start;
    ends[count] = end;
    count++;
    newlinesBefore = 0;
  };

  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 10) { newlinesBefore++; i++; continue; }
    if (code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 12 || code === 11 ||
        code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0xfeff) {
      if (code === 0x2028 || code === 0x2029) newlinesBefore++;
      i++;
      continue;
    }
    if (isWordCharAt(text, i)) {
      let j = i + 1;
      let sawDot = false;
      while (j < n) {
        // ASCII letters and digits first (isWordCharAt's own fast case), in a tight loop.
        let c0 = text.charCodeAt(j);
        while ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57)) {
          if (++j === n) break;
          c0 = text.charCodeAt(j);
        }
        if (j === n) break;
        if (isWordCharAt(text, j)) { j++; continue; }
        const c = text.charCodeAt(j);
        const nextIsWord = j + 1 < n && isWordCharAt(text, j + 1);
        // Internal joiners: U.S, 3.5, co-operate, AT&T, 1,000, O'Neill
        if (nextIsWord && (c === 46 || c === 45 || c === 38 || c === 47 || c === 0x2010 || c === 0x2011)) {
          if (c === 46) sawDot = true;
          // "/" only between digits (dates, fractions), not "and/or"
          if (c === 47 && !(isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1)))) break;
          j += 2;
          continue;
        }
        if (c === 44 && isDigit(text.charCodeAt(j - 1)) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) { j += 2; continue; }
        if (isApostrophe(c) && nextIsWord) {
          // Possessive and clitic 's / 're / 've / 'll / 'd / 'm split off as CoNLL does.
          const rest = text.slice(j + 1, Math.min(n, j + 4)).toLowerCase();
          if (CLITIC_AFTER.test(rest)) break;
          j += 2;
          continue;
        }
        break;
      }
      // "n't" splits like the Penn Treebank: "don't" -> "do" "n't"
      if (j - i > 3 && isApostrophe(text.charCodeAt(j - 2)) && (text.charCodeAt(j - 1) === 116 || text.charCodeAt(j - 1) === 84) &&
          (text.charCodeAt(j - 3) === 110 || text.charCodeAt(j - 3) === 78)) {
        push(i, j - 3);
        push(j - 3, j);
        i = j;
        continue;
      }
      // Keep a final period on abbreviations and initials: "U.S.", "Mr.", "J."
      if (j < n && text.charCodeAt(j) === 46) {
        const single = j - i === 1 && upperAt(text, i);
        if (sawDot || single) {
          j++;
        } else if (j - i <= 6) {
          const lower = text.slice(i, j).toLowerCase();
          if (ABBREVIATIONS.has(lower) || (STATE_ABBREVIATIONS.has(lower) && upperAt(text, i))) j++;
        }
      }
      push(i, j);
      i = j;
      continue;
    }
    if (isApostrophe(code) && i + 1 < n && isWordCharAt(text, i + 1) && count > sentenceStart && ends[count - 1] === i) {
      // clitic after a word: 's 're 've 'll 'd 'm
      let j = i + 1;
      while (j < n && j - i <= 3 && isWordCharAt(text, j)) j++;
      push(i, j);
      i = j;
      continue;
    }
    // Punctuation and symbols: a run of the same character is one token ("--", "..."),
    // a surrogate pair stays whole.
    let j = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && j < n) {
      j++;
    } else {
      while (j < n && text.charCodeAt(j) === code && j - i < 16) j++;
    }
    push(i, j);
    i = j;
  }
  if (count > sentenceStart) {
    if (sentenceCount === sentenceEnds.length) sentenceEnds = grow(sentenceEnds);
    sentenceEnds[sentenceCount++] = count;
  }
  return { count, starts, ends, sentenceCount, sentenceEnds };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Tokenizes raw text into sentences of tokens. Offsets are UTF-16 indices into `text`. */
export function tokenize(text: string): Sentence[] {
  const t = scanTokens(text);
  const sentences: Sentence[] = [];
  let k = 0;
  for (let s = 0; s < t.sentenceCount; s++) {
    const sentence: Token[] = [];
    for (const end = t.sentenceEnds[s]; k < end; k++) {
      sentence.push({ text: text.slice(t.starts[k], t.ends[k]), start: t.starts[k], end: t.ends[k] });
    }
    sentences.push(sentence);
  }
  return sentences;
}

/** A closing quote or bracket: " ” ' ’ ) ] */
function isCloser(text: string, start: number, end: number): boolean {
  if (end - start !== 1) return false;
  const c = text.charCodeAt(start);
  return c === 34 || c === 0x201d || c === 39 || c === 0x2019 || c === 41 || c === 93;
}

/** An opening quote or bracket: " “ ' ‘ ( [ */
function isOpener(text: string, start: number, end: number): boolean {
  if (end - start !== 1) return false;
  const c = text.charCodeAt(start);
  return c === 34 || c === 0x201c || c === 39 || c === 0x2018 || c === 40 || c === 91;
}

function endsSentence(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 33 || last === 63) return true;
  if (last !== 46) return false;
  const len = end - start;
  if (len === 1 || (len >= 3 && text.charCodeAt(end - 2) === 46 && text.charCodeAt(end - 3) === 46)) return true;
  // "Mr.", initials like "J." and dotted forms like "U.S." are not taken as sentence ends:
  // a missed break costs less than a false one before "U.S. State Department".
  if (len === 2 && upperAt(text, start)) return false;
  const inner = text.indexOf('.', start);
  if (inner < end - 1) return false;
  const lower = text.slice(start, end - 1).toLowerCase();
  return !(ABBREVIATIONS.has(lower) || STATE_ABBREVIATIONS.has(lower));
}

/** Whether a sentence break comes before the token start..end; the sentence so far is tokens first..count-1. */
function breaksBefore(text: string, first: number, count: number, start: number, end: number, newlines: number): boolean {
  if (newlines >= 2) return true;
  if (newlines === 1) return !lowerAt(text, start);
  let prev = count - 1;
  // A closing quote or bracket glued to the final period belongs to the ending sentence.
  if (isCloser(text, starts[prev], ends[prev]) && count - first >= 2 && ends[prev - 1] === starts[prev]) {
    prev--;
    if (!endsSentence(text, starts[prev], ends[prev])) return false;
  } else if (!endsSentence(text, starts[prev], ends[prev])) {
    return false;
  }
  if (start === ends[count - 1] && isCloser(text, start, end)) return false;
  return upperAt(text, start) || isDigit(text.charCodeAt(start)) || isOpener(text, start, end);
}
