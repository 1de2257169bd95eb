// Splits raw text into CoNLL-like tokens with UTF-16 offsets, grouped into sentences.
// One left-to-right pass; no regular expressions over the user's text except per-char
// Unicode class checks on non-ASCII characters.

export interface Token {
  /** Surface form, exactly text.slice(start, end). */
  text: string;
  start: number;
  end: number;
}

export type Sentence = Token[];

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

function isWordChar(code: number, ch: string): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral symbols (emoji) are not word characters
  return LETTER_OR_DIGIT.test(ch);
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

/** Tokenizes raw text into sentences of tokens. Offsets are UTF-16 indices into `text`. */
export function tokenize(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const n = text.length;
  let i = 0;
  let newlinesBefore = 0;

  const push = (start: number, end: number) => {
    const tok: Token = { text: text.slice(start, end), start, end };
    if (current.length > 0 && breaksBefore(current, tok, newlinesBefore)) {
      sentences.push(current);
      current = [];
    }
    current.push(tok);
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
    if (isWordChar(code, text[i])) {
      let j = i + 1;
      let sawDot = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isWordChar(c, text[j])) { j++; continue; }
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
        const nextIsWord = j + 1 < n && isWordChar(next, text[j + 1]);
        // Internal joiners: U.S, 3.5, co-operate, AT&T, 1,000, O'Neill
        if (nextIsWord && (c === 46 || c === 45 || c === 38 || c === 47 || c === 0x2010 || c === 0x2011)) {
          if (c === 46) sawDot = true;
          // "/" only between digits (dates, fractions), not "and/or"
          if (c === 47 && !(isDigit(text.charCodeAt(j - 1)) && isDigit(next))) break;
          j += 2;
          continue;
        }
        if (c === 44 && isDigit(text.charCodeAt(j - 1)) && isDigit(next)) { j += 2; continue; }
        if (isApostrophe(c) && nextIsWord) {
          // Possessive and clitic 's / 're / 've / 'll / 'd / 'm split off as CoNLL does.
          const rest = text.slice(j + 1, Math.min(n, j + 4)).toLowerCase();
          const clitic = /^(s|re|ve|ll|d|m)(?![\p{L}\p{N}])/u.exec(rest);
          if (clitic) break;
          j += 2;
          continue;
        }
        break;
      }
      // "n't" splits like the Penn Treebank: "don't" -> "do" "n't"
      if (j - i > 3 && isApostrophe(text.charCodeAt(j - 2)) && (text[j - 1] === 't' || text[j - 1] === 'T') &&
          (text[j - 3] === 'n' || text[j - 3] === 'N')) {
        push(i, j - 3);
        push(j - 3, j);
        i = j;
        continue;
      }
      // Keep a final period on abbreviations and initials: "U.S.", "Mr.", "J."
      if (j < n && text.charCodeAt(j) === 46) {
        const word = text.slice(i, j);
        const single = j - i === 1 && startsUpper(word);
        const lower = word.toLowerCase();
        if (sawDot || single || ABBREVIATIONS.has(lower) || (STATE_ABBREVIATIONS.has(lower) && startsUpper(word))) {
          // ...unless the period also ends the text.
          j++;
        }
      }
      push(i, j);
      i = j;
      continue;
    }
    if (isApostrophe(code) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text[i + 1]) && current.length > 0 &&
        current[current.length - 1].end === i) {
      // clitic after a word: 's 're 've 'll 'd 'm
      let j = i + 1;
      while (j < n && j - i <= 3 && isWordChar(text.charCodeAt(j), text[j])) j++;
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
  if (current.length > 0) sentences.push(current);
  return sentences;
}

const CLOSERS = new Set(['"', '\u201d', "'", '\u2019', ')', ']']);
const OPENERS = new Set(['"', '\u201c', "'", '\u2018', '(', '[']);

function endsSentence(tok: Token): boolean {
  const p = tok.text;
  const last = p.charCodeAt(p.length - 1);
  if (last === 33 || last === 63) return true;
  if (last !== 46) return false;
  if (p.length === 1 || p.endsWith('...')) return true;
  // "Mr.", initials like "J." and dotted forms like "U.S." are not taken as sentence ends:
  // a missed break costs less than a false one before "U.S. State Department".
  const lower = p.slice(0, -1).toLowerCase();
  return !(ABBREVIATIONS.has(lower) || STATE_ABBREVIATIONS.has(lower) || (p.length === 2 && startsUpper(p)) || p.indexOf('.') < p.length - 1);
}

function breaksBefore(sentence: Token[], tok: Token, newlines: number): boolean {
  if (newlines >= 2) return true;
  if (newlines === 1) return !startsLower(tok.text);
  let prev = sentence[sentence.length - 1];
  // A closing quote or bracket glued to the final period belongs to the ending sentence.
  if (CLOSERS.has(prev.text) && sentence.length >= 2 && sentence[sentence.length - 2].end === prev.start) {
    prev = sentence[sentence.length - 2];
    if (!endsSentence(prev)) return false;
  } else if (!endsSentence(prev)) {
    return false;
  }
  if (tok.start === sentence[sentence.length - 1].end && CLOSERS.has(tok.text)) return false;
  return startsUpper(tok.text) || isDigit(tok.text.charCodeAt(0)) || OPENERS.has(tok.text);
}
