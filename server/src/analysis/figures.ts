// Figures: the quantities, dates and time references a news text states, each with its
// kind, value, unit and qualifier ("more than 70,000", "around $24 billion", "last year").
//
// One linear pass splits the text into tokens (words, numbers, single punctuation marks);
// a matcher then walks the tokens once, looking a bounded number of tokens ahead at each
// position. No regular expression runs over the user's text, so a megabyte of digits or
// 100,000 "$" signs costs the same per byte as an article.
import type { Figure, FigureKind } from './types';
import {
  CURRENCY_COUNTRY_ADJECTIVES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_PREFIXES,
  FRACTION_WORDS,
  GLUED_MEASURE_SUFFIXES,
  ISO_CURRENCY_CODES,
  MEASURE_UNITS,
  MULTIPLIER_WORDS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  SMALL_NUMBER_WORDS,
  SPACED_SCALE_ABBREVIATIONS,
  TENS_WORDS,
  TIME_UNITS,
  VAGUE_MAGNITUDES,
  parseDigitGroups,
  wordTable,
} from './numbers';

// ---------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'word' | 'num' | 'punct' | 'code';

/**
 * One token. Its text and lower-cased text are cut from the line only when a matcher asks
 * for them: most words are rejected by `mayStartFigure` from their character codes alone,
 * so they never allocate a string. Token objects are pooled and reused line after line.
 */
class Token {
  start = 0;
  end = 0;
  kind: TokenKind = 'word';
  /** For numbers: the digits and separators, without a glued suffix. */
  digits: string | undefined = undefined;
  /** For numbers: letters glued after the digits ("m" in "1.5m", "s" in "1990s"). */
  suffix: string | undefined = undefined;
  /** A line break separates this token from the previous one. */
  lineBreakBefore = false;
  /** A word of ASCII letters only: mayStartFigure decides it from its character codes. */
  asciiLetters = false;
  /** A word of ASCII lower-case letters: its lower-cased text is its text. */
  lowerIsText = false;
  source = '';
  /** Set by mayStartFigure to a starter's interned string when the word spells it. */
  cachedText: string | undefined = undefined;
  cachedLower: string | undefined = undefined;
  /** For words: which starter sets the word is in (STARTER_* bits), 0 until asked. */
  starterFlags = 0;

  reset(source: string, start: number, end: number, kind: TokenKind, digits: string | undefined, suffix: string | undefined, lineBreakBefore: boolean): void {
    this.source = source;
    this.start = start;
    this.end = end;
    this.kind = kind;
    this.digits = digits;
    this.suffix = suffix;
    this.lineBreakBefore = lineBreakBefore;
    this.cachedText = undefined;
    this.cachedLower = undefined;
    this.starterFlags = 0;
    this.lowerIsText = false;
    this.asciiLetters = false;
  }

  get text(): string {
    if (this.cachedText === undefined) this.cachedText = this.source.slice(this.start, this.end);
    return this.cachedText;
  }

  get lower(): string {
    if (this.cachedLower === undefined) this.cachedLower = this.lowerIsText ? this.text : this.text.toLowerCase();
    return this.cachedLower;
  }
}

/**
 * Reused across lines: a line's tokens are dead once its figures are collected. The line's
 * tokens are the pool's first `count`; the array is never shortened, since cutting a
 * JavaScript array's length frees its storage and every line would grow it again.
 */
const tokenPool: Token[] = [];

/** Let the pooled tokens drop the last text they read, so it can be collected. */
function releaseTokens(): void {
  for (const token of tokenPool) {
    if (token.source === '') break;
    token.reset('', 0, 0, 'punct', undefined, undefined, false);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** /^\d+$/.test(text), without a regular expression. */
function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) if (!isDigit(text.charCodeAt(index))) return false;
  return true;
}

/** /^(\d\d|1\d\d\d|20\d\d)$/.test(digits) && digits.endsWith('0'): "90", "1980", "2010". */
function isDecadeDigits(digits: string): boolean {
  if (!isAllDigits(digits) || digits.charCodeAt(digits.length - 1) !== 48) return false;
  if (digits.length === 2) return true;
  if (digits.length !== 4) return false;
  const first = digits.charCodeAt(0);
  return first === 49 || (first === 50 && digits.charCodeAt(1) === 48);
}

const LETTER = /\p{L}/u;

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 0xc0 || Number.isNaN(code)) return false;
  return LETTER.test(text[index]);
}

function isSpace(code: number): boolean {
  if (code > 32 && code < 0xa0) return false;
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 ||
    code === 0x202f || code === 0x2007 || code === 0x200b || code === 0xfeff || code === 12 || code === 11;
}

/** Character classes of ASCII codes, so the tokenizer decides most characters with one load. */
const OTHER = 0;
const SPACE = 1;
const LOWER = 2;
const UPPER = 3;
const DIGIT = 4;
const ASCII_CLASSES: Uint8Array = (() => {
  const classes = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    if (code >= 97 && code <= 122) classes[code] = LOWER;
    else if (code >= 65 && code <= 90) classes[code] = UPPER;
    else if (isDigit(code)) classes[code] = DIGIT;
    else if (isSpace(code)) classes[code] = SPACE;
  }
  return classes;
})();

/**
 * Tokens of text[from, to), written to tokenPool[0, count): one line, so a figure never
 * spans lines and tokens die young. Returns the count.
 */
function tokenize(text: string, from: number, to: number): number {
  let count = 0;
  let lineBreak = from > 0;
  let index = from;
  const length = to;
  while (index < length) {
    const code = text.charCodeAt(index);
    const codeClass = code < 128 ? ASCII_CLASSES[code] : OTHER;
    if (codeClass === SPACE || (code >= 128 && isSpace(code))) {
      if (code === 10 || code === 13) lineBreak = true;
      index++;
      continue;
    }
    const start = index;
    let kind: TokenKind;
    let nonAsciiLetter = false;
    let hasUpper = false;
    let digits: string | undefined;
    let suffix: string | undefined;
    if (codeClass === DIGIT) {
      index++;
      while (index < length && isDigit(text.charCodeAt(index))) index++;
      // Internal separators only when a digit follows: "70,000", "1.5"; not "2019." or "5, 6".
      while (index + 1 < length) {
        const mark = text.charCodeAt(index);
        if ((mark === 44 || mark === 46) && isDigit(text.charCodeAt(index + 1))) {
          index += 2;
          while (index < length && isDigit(text.charCodeAt(index))) index++;
        } else {
          break;
        }
      }
      digits = text.slice(start, index);
      kind = 'num';
      if (index < length && isLetterAt(text, index)) {
        const suffixStart = index;
        while (index < length && isLetterAt(text, index)) index++;
        suffix = text.slice(suffixStart, index);
        // "3D2", "5G4": letters and digits mixed, a code.
        if (index < length && isDigit(text.charCodeAt(index))) {
          kind = 'code';
          while (index < length && (isDigit(text.charCodeAt(index)) || isLetterAt(text, index))) index++;
        }
      }
    } else if (codeClass === LOWER || codeClass === UPPER || (code >= 128 && isLetterAt(text, index))) {
      kind = 'word';
      while (index < length) {
        const next = text.charCodeAt(index);
        // ASCII letters, the bulk of every word, decided by range alone.
        if (next >= 97 && next <= 122) {
          index++;
          continue;
        }
        if (next >= 65 && next <= 90) {
          hasUpper = true;
          index++;
          continue;
        }
        if (isDigit(next)) kind = 'code';
        else if (next < 128 || !isLetterAt(text, index)) break;
        else nonAsciiLetter = true;
        index++;
      }
    } else {
      kind = 'punct';
      // Keep a surrogate pair together so an emoji is one token.
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < length ? 2 : 1;
    }
    let token = tokenPool[count];
    if (token === undefined) {
      token = new Token();
      tokenPool.push(token);
    }
    token.reset(text, start, index, kind, digits, suffix, lineBreak);
    if (kind === 'word' && !nonAsciiLetter) {
      token.asciiLetters = true;
      token.lowerIsText = !hasUpper;
    }
    count++;
    lineBreak = false;
  }
  return count;
}

// ---------------------------------------------------------------------------------------
// Vocabulary used by the matcher

const QUALIFIER_PHRASES: readonly string[] = [
  'more than', 'less than', 'fewer than', 'greater than', 'higher than', 'lower than',
  'no more than', 'no fewer than', 'no less than', 'not more than', 'not less than',
  'at least', 'at most', 'up to', 'as many as', 'as much as', 'as few as', 'as little as',
  'as high as', 'as low as', 'upwards of', 'in excess of', 'close to', 'nearly', 'almost',
  'around', 'about', 'approximately', 'roughly', 'some', 'an estimated', 'estimated', 'over',
  'under', 'just over', 'just under', 'well over', 'well under', 'slightly more than',
  'slightly less than', 'just more than', 'just less than', 'below', 'above', 'circa',
  'an average of', 'on average',
];

/** First word → phrases (as word arrays), longest first. */
const QUALIFIERS_BY_FIRST_WORD: ReadonlyMap<string, string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const phrase of QUALIFIER_PHRASES) {
    const words = phrase.split(' ');
    const list = map.get(words[0]) ?? [];
    list.push(words);
    map.set(words[0], list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** Each phrase's words joined back, so a match does not join them again. */
const QUALIFIER_TEXT: ReadonlyMap<readonly string[], string> = new Map(
  [...QUALIFIERS_BY_FIRST_WORD.values()].flat().map((words) => [words, words.join(' ')]),
);

/** After these words "about" means "concerning": "learn more about 529 plans". */
const ABOUT_AS_PREPOSITION_AFTER: ReadonlySet<string> = new Set([
  'more', 'learn', 'know', 'knew', 'talk', 'talked', 'talking', 'think', 'thinking', 'thought', 'care',
  'cares', 'worry', 'worried', 'concerned', 'asked', 'heard', 'read', 'wrote', 'written', 'question',
  'questions', 'story', 'stories', 'information', 'news', 'spoke', 'speak', 'speaking', 'joked',
  'forget', 'forgot', 'remember', 'debate', 'report', 'reports', 'book', 'film', 'article',
]);

/** After these verbs "around" is a particle: "the boat was turned around twice". */
const AROUND_AS_PARTICLE_AFTER: ReadonlySet<string> = new Set([
  'turn', 'turned', 'turning', 'turns', 'come', 'came', 'coming', 'go', 'went', 'going', 'get', 'got',
  'walk', 'walked', 'move', 'moved', 'spin', 'spun', 'look', 'looked', 'looking', 'run', 'ran', 'sit', 'sat',
  'hang', 'hung', 'mess', 'messed', 'fool', 'fooled', 'push', 'pushed', 'stick', 'stuck', 'wait', 'waited',
]);

const MONTHS: Readonly<Record<string, number>> = wordTable({
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8,
  September: 9, October: 10, November: 11, December: 12,
});

const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = wordTable({
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12,
});

/** Months that are also ordinary words or names: need a day, a year or a cue word. */
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['May', 'March', 'June', 'August']);

/** Verbs before "from X to Y" that make it a range, not a change. */
const RANGE_VERBS: ReadonlySet<string> = new Set(['range', 'ranges', 'ranged', 'ranging', 'vary', 'varies', 'varied', 'varying']);

const WEEKDAYS: ReadonlySet<string> = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Words that introduce a time reference: "in April", "since 2019", "last Monday". */
const DATE_CUE_WORDS: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'through', 'during', 'before', 'after',
  'early', 'late', 'mid', 'last', 'next', 'this', 'between', 'on', 'to', 'and', 'or', 'throughout',
  'around', 'starting', 'beginning', 'end', 'ending', 'that', 'each', 'every', 'as',
]);

const RELATIVE_DETERMINERS: ReadonlySet<string> = new Set([
  'last', 'this', 'next', 'past', 'coming', 'previous', 'current',
]);

const PERIOD_ADJECTIVES: ReadonlySet<string> = new Set([
  'fiscal', 'financial', 'calendar', 'academic', 'school', 'budget', 'tax',
]);

const PERIOD_NOUNS: ReadonlySet<string> = new Set([
  'year', 'month', 'week', 'quarter', 'decade', 'century', 'weekend', 'summer', 'winter',
  'spring', 'autumn', 'fall', 'season', 'term', 'night', 'morning', 'evening', 'afternoon',
]);

const STANDALONE_DAY_WORDS: ReadonlySet<string> = new Set(['yesterday', 'tomorrow']);

/** Words that make a following number a label or a name: "No. 10", "room 2019", "Boeing 737". */
const LABEL_WORDS: ReadonlySet<string> = new Set([
  'no', 'nos', 'number', 'room', 'page', 'pages', 'section', 'article', 'flight', 'route',
  'chapter', 'version', 'v', 'level', 'grade', 'phase', 'stage', 'category', 'model', 'series',
  'season', 'episode', 'unit', 'gate', 'platform', 'line', 'bus', 'channel', 'code', 'id', 'tel',
  'phone', 'ext', 'p', 'pp', 'vol', 'volume', 'figure', 'table', 'item', 'rule', 'paragraph',
  'clause', 'resolution', 'amendment', 'ward', 'district', 'precinct', 'block', 'lot', 'apartment',
  'suite', 'floor', 'terminal', 'pier', 'highway', 'interstate', 'road', 'street', 'avenue',
  'track', 'verse', 'psalm', 'psalms', 'act', 'bill', 'proposition', 'prop', 'measure', 'exit',
  'size', 'type', 'class', 'squad', 'team', 'race', 'game', 'match', 'round', 'week', 'day',
  'term', 'cell', 'box', 'bed', 'ticket', 'seat', 'row', 'lane', 'pin', 'password', 'zip',
]);

/** Capitalised words that may open a sentence before a number without naming it. */
const CAPITALISED_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'by', 'of', 'to', 'for', 'from', 'with', 'about', 'some', 'nearly', 'more',
  'over', 'since', 'during', 'until', 'only', 'just', 'almost', 'around', 'roughly', 'and', 'but',
  'or', 'the', 'a', 'an', 'all', 'last', 'this', 'next', 'these', 'those', 'another', 'when',
  'after', 'before', 'as', 'between', 'under', 'below', 'above', 'approximately', 'estimated',
  'if', 'then', 'while', 'up', 'less', 'fewer', 'at', 'so', 'yet', 'of', 'among', 'nor',
  'although', 'though', 'because', 'each', 'every', 'another', 'perhaps', 'maybe', 'only',
  'exactly', 'precisely', 'barely', 'still', 'already', 'now', 'today', 'yesterday', 'then',
  'by', 'like', 'including', 'what', 'once', 'where', 'whereas', 'however', 'also', 'even',
  'well', 'close', 'upwards', 'no', 'not', 'than', 'circa', 'per', 'here', 'there', 'we',
  'they', 'he', 'she', 'it', 'i', 'you', 'his', 'her', 'their', 'our', 'its', 'my', 'your',
]);

/** Words before a spelled-out number that make it a reference, not a quantity: "the two countries". */
const REFERRING_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'all', 'both',
  'other', 'which', 'whose', 'first', 'last', 'next', 'another', 'any', 'or',
]);

/** Prepositions after which a four-digit number is a year: "in 2019", "since 1998". */
const YEAR_CUE_WORDS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'from', 'until', 'till', 'before', 'after', 'during', 'of', 'between',
  'to', 'and', 'through', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'fiscal', 'year', 'the', 's', 'circa', 'or', 'around', 'throughout', 'for', 'as', 'that',
  'than', 'against', 'versus', 'season',
]);

/** Words that, after a number, are not its counted noun. */
const NOT_COUNT_NOUNS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'to', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'was', 'were', 'is',
  'are', 'had', 'have', 'has', 'said', 'more', 'than', 'or', 'per', 'who', 'which', 'that', 'a',
  'an', 'as', 'but', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'be', 'been',
  'this', 'these', 'those', 'its', 'their', 'his', 'her', 'out', 'into', 'over', 'under',
  'about', 'after', 'before', 'since', 'when', 'while', 'so', 'not', 'no', 'also', 'all', 'each',
  'other', 'others', 'among', 'between', 'during', 'against', 'did', 'do', 'does', 'up', 'down',
  'away', 'off', 'last', 'next', 'this', 'than', 'then', 'they', 'there', 'were', 'he', 'she',
  'it', 'we', 'you', 'i', 'less', 'fewer', 'ago', 'old', 'new', 'via', 'whom', 'whose', 'what',
  'where', 'if', 'only', 'just', 'yet', 'still', 'through',
]);

/** Comparatives after "times" that make it a multiplier: "50 times more powerful". */
const COMPARATIVE_WORDS: ReadonlySet<string> = new Set([
  'more', 'less', 'as', 'the', 'higher', 'lower', 'greater', 'larger', 'bigger', 'smaller',
  'faster', 'slower', 'stronger', 'weaker', 'longer', 'shorter', 'worse', 'better', 'cheaper',
  'richer', 'poorer', 'deadlier', 'likelier', 'over', 'what', 'that',
]);

/** After a "-" glued to a number these words keep the number a figure: "five-year", "3-fold". */
const HYPHEN_EXEMPT_PREFIXES: ReadonlySet<string> = new Set(['mid', 'pre', 'post', 'early', 'late']);

/** Abbreviations before "." and a number that make it a label: "No. 10", "p. 5". */
const NUMBER_ABBREVIATIONS: readonly string[] = ['no', 'nos', 'vol', 'p', 'pp', 'art', 'sec', 'ch', 'fig'];

/** Words after "half" that make it a fraction: "half of", "half the". */
const HALF_FOLLOWERS: readonly string[] = ['of', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'those', 'these', 'that', 'what'];

/** Words after "a third" that make it a fraction rather than an ordinal. */
const AFTER_FRACTION_WORDS: readonly string[] = ['of', 'more', 'less', 'fewer', 'higher', 'lower', 'since', 'in', 'from', 'to', 'on'];

const COUNT_NOUN_HINTS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'persons', 'staff', 'police', 'personnel', 'cattle',
  'sheep', 'fish', 'deer', 'aircraft', 'livestock', 'military', 'youth', 'faculty',
]);

const VULGAR_FRACTIONS: Readonly<Record<string, number>> = wordTable({
  '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅕': 0.2, '⅛': 0.125,
});

/**
 * Lower-cased words that may open a figure by themselves (a date, a number, a currency, a
 * fraction): every starter except the words that only open a qualifier ("in excess of",
 * "more than", "about"). A qualifier-only word whose qualifier does not match starts nothing.
 */
const SELF_STARTER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(SMALL_NUMBER_WORDS),
  ...Object.keys(TENS_WORDS),
  ...Object.keys(MULTIPLIER_WORDS),
  ...VAGUE_MAGNITUDES,
  ...RELATIVE_DETERMINERS,
  ...STANDALONE_DAY_WORDS,
  'a', 'an', 'half', 'between', 'tens', 'several', 'many', 'double', 'triple', 'quadruple', 'rs',
]);

/** Lower-cased words that may open a figure; anything else is skipped at once. */
const STARTER_WORDS: ReadonlySet<string> = new Set([...QUALIFIERS_BY_FIRST_WORD.keys(), ...SELF_STARTER_WORDS]);

/** Case-sensitive words that may open a figure: months, weekdays, currency prefixes and codes. */
const STARTER_WORDS_CASED: ReadonlySet<string> = new Set([
  ...Object.keys(MONTHS),
  ...Object.keys(MONTH_ABBREVIATIONS),
  ...WEEKDAYS,
  ...Object.keys(DOLLAR_PREFIXES),
  ...ISO_CURRENCY_CODES,
]);

/**
 * Every starter (STARTER_WORDS, and STARTER_WORDS_CASED lower-cased) that is made of ASCII
 * letters, filed by its length and first two letters: a word of ASCII letters can only
 * be a starter if it spells, case aside, one of the few words filed under its own key.
 */
const FOLDED_STARTERS: readonly string[] = [...new Set([...STARTER_WORDS, ...[...STARTER_WORDS_CASED].map((cased) => cased.toLowerCase())])]
  .filter((word) => /^[a-z]+$/.test(word)); // the others are never spelled by a word of ASCII letters
const LONGEST_STARTER = Math.max(...FOLDED_STARTERS.map((word) => word.length));
/** The starters under one key; list 0 is empty. */
const FOLDED_STARTER_LISTS: string[][] = [[]];
/** starterKey → index in FOLDED_STARTER_LISTS, 0 for none: a dense typed array, one load per word. */
const FOLDED_STARTER_LIST_OF_KEY: Uint16Array = (() => {
  const listOfKey = new Uint16Array((LONGEST_STARTER + 1) * 27 * 27);
  for (const word of FOLDED_STARTERS) {
    const key = starterKey(word, 0, word.length);
    if (listOfKey[key] === 0) {
      listOfKey[key] = FOLDED_STARTER_LISTS.length;
      FOLDED_STARTER_LISTS.push([]);
    }
    FOLDED_STARTER_LISTS[listOfKey[key]].push(word);
  }
  return listOfKey;
})();

/**
 * One bit per starterKey: whether any starter is filed under it. 1.3 kB where the list
 * index table is 20 kB: the filter rejects most words from this alone, and it stays in
 * the processor's nearest cache while the stages before figures push the big table out.
 */
const FOLDED_STARTER_KEY_BITS: Uint32Array = (() => {
  const bits = new Uint32Array((FOLDED_STARTER_LIST_OF_KEY.length + 31) >>> 5);
  FOLDED_STARTER_LIST_OF_KEY.forEach((list, key) => {
    if (list !== 0) bits[key >>> 5] |= 1 << (key & 31);
  });
  return bits;
})();

/** Bits of Token.starterFlags: asked; lower-cased text in STARTER_WORDS, in SELF_STARTER_WORDS; text in STARTER_WORDS_CASED. */
const STARTER_FLAGS_KNOWN = 1;
const IN_STARTER_WORDS = 2;
const IN_SELF_STARTER_WORDS = 4;
const IN_STARTER_WORDS_CASED = 8;

/** The starter flags of a word whose lower-cased text is `lower` and whose text is `text`. */
function starterFlagsOfWord(lower: string, text: string): number {
  return STARTER_FLAGS_KNOWN | (STARTER_WORDS.has(lower) ? IN_STARTER_WORDS : 0) | (SELF_STARTER_WORDS.has(lower) ? IN_SELF_STARTER_WORDS : 0) |
    (STARTER_WORDS_CASED.has(text) ? IN_STARTER_WORDS_CASED : 0);
}

/** A word token's starter flags, computed once from the sets (mayStartFigure sets them for words of ASCII letters). */
function starterFlagsOf(token: Token): number {
  if (token.starterFlags === 0) token.starterFlags = starterFlagsOfWord(token.lower, token.text);
  return token.starterFlags;
}

/** Lower-cased starter → the cased starters (STARTER_WORDS_CASED) it folds from: "may" → ["May"]. */
const CASED_STARTERS_BY_FOLDED: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const cased of STARTER_WORDS_CASED) {
    const folded = cased.toLowerCase();
    const list = map.get(folded) ?? [];
    list.push(cased);
    map.set(folded, list);
  }
  return map;
})();

/** Beside FOLDED_STARTER_LISTS: each starter's flags for a word spelling it in lower case. */
const FOLDED_STARTER_FLAG_LISTS: number[][] = FOLDED_STARTER_LISTS.map((list) => list.map((word) => starterFlagsOfWord(word, word)));

/** Length and first two letters, ASCII-lower-cased (`| 32`): text[start, end) is ASCII letters. */
function starterKey(text: string, start: number, end: number): number {
  const second = end - start > 1 ? (text.charCodeAt(start + 1) | 32) - 96 : 0;
  return ((end - start) * 27 + (text.charCodeAt(start) | 32) - 96) * 27 + second;
}

/**
 * False only when the word is surely neither in STARTER_WORDS (lower-cased) nor in
 * STARTER_WORDS_CASED, decided from character codes without cutting a string. A word with
 * a non-ASCII letter is left to the exact check (lower-casing may map it to ASCII). A word
 * that spells a starter gets that starter's string as its lower-cased text, so the
 * matcher's lookups need no new string.
 */
function mayStartFigure(token: Token): boolean {
  if (!token.asciiLetters) return true;
  const source = token.source;
  const start = token.start;
  const length = token.end - start;
  if (length > LONGEST_STARTER) return false;
  const key = starterKey(source, start, token.end);
  if ((FOLDED_STARTER_KEY_BITS[key >>> 5] & (1 << (key & 31))) === 0) return false;
  const list = FOLDED_STARTER_LIST_OF_KEY[key];
  const candidates = FOLDED_STARTER_LISTS[list];
  for (let which = 0; which < candidates.length; which++) {
    const candidate = candidates[which];
    let index = 2;
    while (index < length && (source.charCodeAt(start + index) | 32) === candidate.charCodeAt(index)) index++;
    if (index >= length) {
      token.cachedLower = candidate;
      if (token.lowerIsText) token.cachedText = candidate;
      // The flags follow from the candidate, without a set lookup: a lower-case word is the
      // candidate itself; another is a cased starter only if internCasedText finds it one.
      const flags = FOLDED_STARTER_FLAG_LISTS[list][which];
      if (token.lowerIsText) token.starterFlags = flags;
      else token.starterFlags = internCasedText(token, candidate) ? flags | IN_STARTER_WORDS_CASED : flags & ~IN_STARTER_WORDS_CASED;
      return true;
    }
  }
  return false;
}

/**
 * A word spelling a cased starter exactly ("May", "US") gets that starter's string as its
 * text; returns whether it spells one.
 */
function internCasedText(token: Token, folded: string): boolean {
  const casedStarters = CASED_STARTERS_BY_FOLDED.get(folded);
  if (casedStarters === undefined) return false;
  for (let which = 0; which < casedStarters.length; which++) {
    if (textIs(token, casedStarters[which])) {
      token.cachedText = casedStarters[which];
      return true;
    }
  }
  return false;
}

/**
 * `token.lower === word` for a `word` of ASCII lower-case letters, read from the character
 * codes when the token is a word of ASCII letters (no string cut for the common miss).
 * Other tokens are compared by their lower-cased text: lower-casing may map a non-ASCII
 * letter to ASCII (the Kelvin sign to "k").
 */
function lowerIs(token: Token, word: string): boolean {
  if (!token.asciiLetters || token.cachedLower !== undefined) return token.lower === word;
  const length = word.length;
  if (token.end - token.start !== length) return false;
  const source = token.source;
  const start = token.start;
  for (let index = 0; index < length; index++) {
    if ((source.charCodeAt(start + index) | 32) !== word.charCodeAt(index)) return false;
  }
  return true;
}

/** `token.text === text`, read from the character codes. */
function textIs(token: Token, text: string): boolean {
  const length = text.length;
  if (token.end - token.start !== length) return false;
  const source = token.source;
  for (let index = 0; index < length; index++) if (source.charCodeAt(token.start + index) !== text.charCodeAt(index)) return false;
  return true;
}

/** An ASCII mark other than "$" and "'": never a currency symbol or a decade's apostrophe. */
function isPlainMark(token: Token): boolean {
  const code = token.source.charCodeAt(token.start);
  return code < 128 && code !== 36 && code !== 39;
}

// ---------------------------------------------------------------------------------------
// The matcher

interface Quantity {
  first: number; // first token of the number
  next: number; // token after the number (and its scale)
  value?: number;
  /** The scale applied ("billion" → 1e9), so a range's first part can borrow it. */
  scale?: number;
  spelled: boolean;
  vague: boolean;
  /** Four plain digits ("2019"): maybe a year. */
  yearLike: boolean;
  /** Glued unit such as "km" in "5km". */
  gluedUnit?: string;
  /** "1990s": a decade. */
  decade: boolean;
}

interface Match {
  firstToken: number;
  nextToken: number;
  kind: FigureKind;
  value?: number;
  valueMax?: number;
  unit?: string;
  qualifier?: string;
}

class FigureMatcher {
  /** The line's tokens are tokens[0, count); the pool holds stale ones after them. */
  count = 0;
  constructor(private readonly tokens: Token[]) {}

  private at(index: number): Token | undefined {
    return this.token(index);
  }

  /**
   * The line's token at `index`, or (whatever the type says) undefined outside the line:
   * what indexing an array of exactly the line's tokens gives.
   */
  private token(index: number): Token {
    // The `index >= 0` test keeps a look-behind before the line's first token off the
    // array's slow path: a negative index is a property lookup, not an element load.
    return (index >= 0 && index < this.count ? this.tokens[index] : undefined) as Token;
  }

  private lower(index: number): string {
    return this.token(index)?.lower ?? '';
  }

  /** Token `index` exists and continues the same line as the one before it. */
  private onLine(index: number): boolean {
    const token = this.token(index);
    return token !== undefined && !token.lineBreakBefore;
  }

  /** Token `index` touches the token before it (no space between). */
  private glued(index: number): boolean {
    const token = this.token(index);
    const before = this.token(index - 1);
    return token !== undefined && before !== undefined && before.end === token.start;
  }

  /**
   * The token is a word, one of the given ones (ASCII lower-case letters, see lowerIs).
   * Fixed parameters rather than `...words`: a rest array was allocated on every call.
   */
  private isWord(index: number, a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    const token = this.token(index);
    if (token === undefined || token.kind !== 'word') return false;
    return lowerIs(token, a) || (b !== undefined && (lowerIs(token, b) || (c !== undefined && (lowerIs(token, c) ||
      (d !== undefined && (lowerIs(token, d) || (e !== undefined && lowerIs(token, e))))))));
  }

  /** isWord with a longer list of words. */
  private isWordIn(index: number, words: readonly string[]): boolean {
    const token = this.token(index);
    if (token === undefined || token.kind !== 'word') return false;
    for (let which = 0; which < words.length; which++) if (lowerIs(token, words[which])) return true;
    return false;
  }

  /** The token is a mark, one of the given ones (compared by character codes, no string cut). */
  private isPunct(index: number, a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    const token = this.token(index);
    if (token === undefined || token.kind !== 'punct') return false;
    return textIs(token, a) || (b !== undefined && (textIs(token, b) || (c !== undefined && (textIs(token, c) ||
      (d !== undefined && (textIs(token, d) || (e !== undefined && textIs(token, e))))))));
  }

  private isCapitalised(index: number): boolean {
    const token = this.token(index);
    if (!token || token.kind !== 'word') return false;
    const first = token.text[0];
    return first !== first.toLowerCase();
  }

  /** The line's matches, in order, into matches[0, returned count): the array is reused, never shortened. */
  run(matches: Match[]): number {
    let matchCount = 0;
    const tokens = this.tokens;
    const count = this.count;
    let index = 0;
    while (index < count) {
      // The fate of most tokens, decided inline: a word that spells no starter, or an ASCII
      // mark other than "$" and "'", starts nothing (matchAt would say so too).
      const token = tokens[index];
      if (token.kind === 'word' ? !mayStartFigure(token) : token.kind === 'punct' && isPlainMark(token)) {
        index++;
        continue;
      }
      const match = this.matchAt(index);
      if (match) {
        matches[matchCount++] = match;
        index = match.nextToken;
      } else {
        index = this.skipAt(index);
      }
    }
    return matchCount;
  }

  /** Where to resume after a failed match: past a whole code-like chain ("202-555-0100"). */
  private skipAt(index: number): number {
    const token = this.token(index);
    if (token.kind === 'num' || token.kind === 'code') {
      let next = index + 1;
      // Swallow glued "-", "/", ":" and "." chains of numbers so their parts are not re-read.
      while (
        next + 1 < this.count &&
        this.glued(next) &&
        this.isPunct(next, '-', '/', ':', '.', '–') &&
        this.glued(next + 1) &&
        (this.token(next + 1).kind === 'num' || this.token(next + 1).kind === 'code')
      ) {
        next += 2;
      }
      return next;
    }
    return index + 1;
  }

  private matchAt(index: number): Match | undefined {
    const token = this.token(index);
    if (token.kind === 'code') return undefined;
    // Most words and marks can never start a figure: leave them at one set lookup.
    // (run() only calls here for a word mayStartFigure let through.)
    const flags = token.kind === 'word' ? starterFlagsOf(token) : 0;
    if (token.kind === 'word' && (flags & (IN_STARTER_WORDS | IN_STARTER_WORDS_CASED)) === 0) return undefined;
    // ASCII marks other than "$" and "'" are never a currency symbol: no string needed to reject them.
    if (token.kind === 'punct' && token.source.charCodeAt(token.start) < 128 && token.source.charCodeAt(token.start) !== 36 && token.source.charCodeAt(token.start) !== 39) return undefined;
    if (token.kind === 'punct' && CURRENCY_SYMBOLS[token.text] === undefined) {
      if (token.text !== '’' && token.text !== "'") return undefined;
      // An apostrophe starts only a decade ("the ’90s"): no qualifier, amount or currency starts at a mark.
      return this.matchDate(index);
    }
    if (token.kind === 'word' && (flags & (IN_SELF_STARTER_WORDS | IN_STARTER_WORDS_CASED)) === 0) {
      // "in", "more", "about": no date and no quantity starts at this word (see
      // SELF_STARTER_WORDS), so only a whole qualifier phrase can make a figure here.
      const qualifier = this.matchQualifier(index);
      if (!qualifier || this.qualifierIsPreposition(index, qualifier.text)) return undefined;
      return this.qualifiedQuantity(index, qualifier);
    }
    const date = this.matchDate(index);
    if (date) return date;
    const qualifier = this.matchQualifier(index);
    if (qualifier && !this.qualifierIsPreposition(index, qualifier.text)) return this.qualifiedQuantity(index, qualifier);
    return this.matchQuantity(index, undefined);
  }

  /** The quantity after a qualifier phrase at `index` ("more than 70,000"). */
  private qualifiedQuantity(index: number, qualifier: { next: number; text: string }): Match | undefined {
    const quantity = this.matchQuantity(qualifier.next, qualifier.text);
    if (quantity && quantity.kind === 'duration' && (qualifier.text === 'over' || qualifier.text === 'under')) {
      // "rose 8% over three months": "over" means "during" before a span of time.
      return this.matchQuantity(qualifier.next, undefined);
    }
    // A year keeps no qualifier: "below 2005 levels" starts at the year.
    if (quantity && quantity.kind === 'year') return quantity;
    if (quantity) return { firstToken: index, nextToken: quantity.nextToken, kind: quantity.kind, value: quantity.value, valueMax: quantity.valueMax, unit: quantity.unit, qualifier: qualifier.text };
    return undefined;
  }

  /** "learn more about 529 plans", "talked about 2020": "about" as a preposition, not "roughly". */
  private qualifierIsPreposition(index: number, qualifier: string): boolean {
    if (index === 0 || this.token(index).lineBreakBefore) return false;
    if (qualifier === 'about') return ABOUT_AS_PREPOSITION_AFTER.has(this.lower(index - 1));
    if (qualifier === 'around') return AROUND_AS_PARTICLE_AFTER.has(this.lower(index - 1));
    return false;
  }

  private matchQualifier(index: number): { next: number; text: string } | undefined {
    const token = this.token(index);
    if (token.kind !== 'word') return undefined;
    const phrases = QUALIFIERS_BY_FIRST_WORD.get(token.lower);
    if (!phrases) return undefined;
    for (const words of phrases) {
      let ok = true;
      for (let offset = 1; offset < words.length; offset++) {
        // (A phrase's words are ASCII lower-case letters; onLine says the token exists.)
        if (!this.onLine(index + offset) || !lowerIs(this.token(index + offset), words[offset])) {
          ok = false;
          break;
        }
      }
      if (ok && this.onLine(index + words.length)) return { next: index + words.length, text: QUALIFIER_TEXT.get(words)! };
    }
    return undefined;
  }

  // ----- dates -------------------------------------------------------------------------

  private matchDate(index: number): Match | undefined {
    const token = this.token(index);
    if (token.kind === 'num') return this.matchApostropheDecade(index) ?? this.matchNumericDate(index);
    if (token.kind === 'punct') {
      // "the ’90s", "the '80s"
      if ((token.text === '’' || token.text === "'") && this.glued(index + 1)) {
        const next = this.token(index + 1);
        if (next.kind === 'num' && next.digits?.length === 2 && next.suffix === 's' && next.digits.endsWith('0')) {
          const decade = Number(next.digits);
          const year = decade >= 30 ? 1900 + decade : 2000 + decade;
          return { firstToken: index, nextToken: index + 2, kind: 'year', value: year, valueMax: year + 9 };
        }
      }
      return undefined;
    }
    if (token.kind !== 'word') return undefined;
    // Months and weekdays all start with A-Z: any other ASCII first letter rules them out unread.
    const firstCode = token.source.charCodeAt(token.start);
    if (firstCode > 127 || (firstCode >= 65 && firstCode <= 90)) {
      const text = token.text;
      if (MONTHS[text] !== undefined || MONTH_ABBREVIATIONS[text] !== undefined) return this.matchMonthDate(index);
      if (WEEKDAYS.has(text)) return { firstToken: index, nextToken: index + 1, kind: 'date' };
    }
    if (STANDALONE_DAY_WORDS.has(token.lower)) return { firstToken: index, nextToken: index + 1, kind: 'date' };
    if (RELATIVE_DETERMINERS.has(token.lower)) return this.matchRelativeDate(index);
    // "a year ago", "a decade ago"
    if ((token.lower === 'a' || token.lower === 'an') && this.onLine(index + 1) && this.onLine(index + 2)) {
      if (TIME_UNITS[this.lower(index + 1)] && this.isWord(index + 2, 'ago')) {
        return { firstToken: index, nextToken: index + 3, kind: 'date' };
      }
    }
    return undefined;
  }

  private matchRelativeDate(index: number): Match | undefined {
    let next = index + 1;
    if (!this.onLine(next)) return undefined;
    if (PERIOD_ADJECTIVES.has(this.lower(next)) && this.onLine(next + 1)) next++;
    const word = this.token(next);
    if (word && word.kind === 'word' && (PERIOD_NOUNS.has(word.lower) || WEEKDAYS.has(word.text))) {
      // "the past year" reads as a span of time as much as a date; both are time references.
      if (word.lower === 'night' && this.lower(index) !== 'last') return undefined;
      if (['morning', 'evening', 'afternoon'].includes(word.lower) && this.lower(index) !== 'this') return undefined;
      return { firstToken: index, nextToken: next + 1, kind: 'date' };
    }
    return undefined;
  }

  private dayNumberAt(index: number): boolean {
    const token = this.token(index);
    if (!token || token.kind !== 'num' || !token.digits || token.digits.length > 2) return false;
    if (token.suffix && !['st', 'nd', 'rd', 'th'].includes(token.suffix.toLowerCase())) return false;
    const day = Number(token.digits);
    if (day < 1 || day > 31) return false;
    // "Aug 8 10:30" is fine, but "May 3:2" or "April 30-40" is not a day.
    if (this.glued(index + 1) && this.isPunct(index + 1, ':', '-', '/', '.', '–') && this.at(index + 2)?.kind === 'num' && this.glued(index + 2)) return false;
    return true;
  }

  /** "16-19" after a month: a span of days (3 tokens), else 0. */
  private dayRangeLength(index: number): number {
    const first = this.token(index);
    const second = this.token(index + 2);
    if (!first || !second || first.kind !== 'num' || second.kind !== 'num' || first.suffix || second.suffix) return 0;
    if (!this.isPunct(index + 1, '-', '–') || !this.glued(index + 1) || !this.glued(index + 2)) return 0;
    if (!/^\d{1,2}$/.test(first.digits!) || !/^\d{1,2}$/.test(second.digits!)) return 0;
    const from = Number(first.digits);
    const to = Number(second.digits);
    return from >= 1 && from < to && to <= 31 ? 3 : 0;
  }

  private yearNumberAt(index: number): boolean {
    const token = this.token(index);
    if (!token || token.kind !== 'num' || token.suffix || !token.digits || token.digits.length !== 4) return false;
    const year = Number(token.digits);
    return year >= 1000 && year <= 2100;
  }

  private matchMonthDate(index: number): Match | undefined {
    const token = this.token(index);
    const abbreviated = MONTH_ABBREVIATIONS[token.text] !== undefined;
    let next = index + 1;
    if (abbreviated && this.isPunct(next, '.') && this.glued(next)) next++;
    let hasDay = false;
    let hasYear = false;
    const dayRange = this.onLine(next) ? this.dayRangeLength(next) : 0;
    if (dayRange > 0 || (this.onLine(next) && this.dayNumberAt(next))) {
      hasDay = true;
      next += dayRange > 0 ? dayRange : 1;
      if (this.isPunct(next, ',') && this.onLine(next + 1) && this.yearNumberAt(next + 1)) {
        next += 2;
        hasYear = true;
      } else if (this.onLine(next) && this.yearNumberAt(next)) {
        next++;
        hasYear = true;
      }
    } else if (this.onLine(next) && this.yearNumberAt(next)) {
      next++;
      hasYear = true;
    }
    if (hasDay || hasYear) return { firstToken: index, nextToken: next, kind: 'date' };
    if (abbreviated) return undefined;
    // A month on its own: "in April". Ambiguous ones need a cue word before them.
    const before = this.token(index - 1);
    const cued = before !== undefined && !token.lineBreakBefore && DATE_CUE_WORDS.has(before.lower);
    const cuedByHyphen = before !== undefined && before.text === '-' && this.glued(index) && HYPHEN_EXEMPT_PREFIXES.has(this.lower(index - 2));
    if (!cued && !cuedByHyphen) {
      if (AMBIGUOUS_MONTHS.has(token.text)) return undefined;
      // "April Ryan": a first name.
      if (this.onLine(index + 1) && this.isCapitalised(index + 1)) return undefined;
    }
    return { firstToken: index, nextToken: index + 1, kind: 'date' };
  }

  /** "the 90’s", "the 1980's": a decade written with an apostrophe before the s. */
  private matchApostropheDecade(index: number): Match | undefined {
    const token = this.token(index);
    const digits = token.digits ?? '';
    if (token.suffix || !isDecadeDigits(digits)) return undefined;
    if (!this.isPunct(index + 1, '’', "'") || !this.glued(index + 1) || !this.glued(index + 2)) return undefined;
    const after = this.token(index + 2);
    if (after.text !== 's' || (this.at(index + 3) !== undefined && this.glued(index + 3) && this.at(index + 3)!.kind === 'word')) return undefined;
    let year = Number(digits);
    if (digits.length === 2) {
      // Two digits name a decade only after "the" or "early/mid/late": "he is in his 90's" is an age.
      if (!this.isWord(index - 1, 'the', 'early', 'mid', 'late')) return undefined;
      year = year >= 30 ? 1900 + year : 2000 + year;
    }
    return { firstToken: index, nextToken: index + 3, kind: 'year', value: year, valueMax: year + 9 };
  }

  /** "8 August 2023", "2023-08-08", "8/8/2023". */
  private matchNumericDate(index: number): Match | undefined {
    const token = this.token(index);
    if (this.dayNumberAt(index) && this.onLine(index + 1)) {
      let next = index + 1;
      if (this.isWord(next, 'of') && this.onLine(next + 1)) next++;
      const month = this.token(next);
      if (month && month.kind === 'word' && MONTHS[month.text] !== undefined && (next === index + 1 || token.suffix)) {
        next++;
        if (this.onLine(next) && this.yearNumberAt(next)) next++;
        return { firstToken: index, nextToken: next, kind: 'date' };
      }
    }
    // ISO and slashed dates: three glued groups.
    const separator = this.token(index + 1);
    if (
      separator && this.glued(index + 1) && (separator.text === '-' || separator.text === '/') &&
      this.glued(index + 2) && this.at(index + 2)?.kind === 'num' &&
      this.isPunct(index + 3, separator.text) && this.glued(index + 3) &&
      this.glued(index + 4) && this.at(index + 4)?.kind === 'num'
    ) {
      const parts = [token, this.token(index + 2), this.token(index + 4)];
      if (parts.some((part) => part.suffix || !part.digits || !/^\d+$/.test(part.digits))) return undefined;
      const lengths = parts.map((part) => part.digits!.length);
      const iso = separator.text === '-' && lengths[0] === 4 && lengths[1] === 2 && lengths[2] === 2;
      const slashed = separator.text === '/' && lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] === 4 || lengths[2] === 2);
      // A fourth glued group is a phone number or an identifier.
      const longer = this.glued(index + 5) && this.isPunct(index + 5, separator.text);
      if ((iso || slashed) && !longer) return { firstToken: index, nextToken: index + 5, kind: 'date' };
    }
    return undefined;
  }

  // ----- quantities --------------------------------------------------------------------

  /** A number in digits or words, with its scale: "70,000", "1.5m", "24 billion", "fifty", "two dozen". */
  private readNumber(index: number): Quantity | undefined {
    const token = this.token(index);
    if (!token) return undefined;
    if (token.kind === 'num') return this.readDigits(index);
    if (token.kind === 'word') return this.readNumberWords(index);
    return undefined;
  }

  private readDigits(index: number): Quantity | undefined {
    const token = this.token(index);
    const digits = token.digits!;
    let value = parseDigitGroups(digits);
    if (value === undefined || !Number.isFinite(value)) return undefined;
    let scale: number | undefined;
    let gluedUnit: string | undefined;
    let decade = false;
    const suffix = token.suffix?.toLowerCase();
    if (suffix) {
      if (SCALE_SUFFIXES[suffix] !== undefined) {
        scale = SCALE_SUFFIXES[suffix];
      } else if (suffix === 's' && digits.length === 4 && isAllDigits(digits) && digits.endsWith('0')) {
        decade = true;
      } else if (GLUED_MEASURE_SUFFIXES.has(suffix)) {
        gluedUnit = MEASURE_UNITS[suffix] ?? suffix;
      } else if ((suffix === 'c' || suffix === 'f') && token.suffix === token.suffix!.toUpperCase()) {
        gluedUnit = suffix === 'c' ? '°C' : '°F';
      } else if (suffix === 'x') {
        gluedUnit = 'times';
      } else {
        // Ordinals ("8th"), clock times ("10am"), codes ("5G", "3D").
        return undefined;
      }
    }
    let next = index + 1;
    // "5 ½ years", "2¾ miles"
    const vulgar = this.onLine(next) && !scale && !decade && !gluedUnit && isAllDigits(digits) ? VULGAR_FRACTIONS[this.token(next).text] : undefined;
    if (vulgar !== undefined) {
      value += vulgar;
      next++;
    }
    if (!scale && !decade && !gluedUnit && this.onLine(next)) {
      const word = this.lower(next);
      const wordScale = SCALE_WORDS[word] ?? SPACED_SCALE_ABBREVIATIONS[word];
      if (wordScale !== undefined && this.token(next).kind === 'word') {
        scale = wordScale;
        next++;
        // "1.5 hundred thousand" is rare; "two hundred thousand" is handled by words.
        if (wordScale === 100 && this.onLine(next) && SCALE_WORDS[this.lower(next)] > 100) {
          scale *= SCALE_WORDS[this.lower(next)];
          next++;
        }
      } else if (word === 'dozen') {
        scale = 12;
        next++;
      } else if (this.token(next).text === '-' && this.glued(next) && this.glued(next + 1) && SCALE_WORDS[this.lower(next + 1)] >= 1000) {
        // "a $400-million-a-year business", "a 5-billion-dollar deal": the scale joined by a hyphen.
        scale = SCALE_WORDS[this.lower(next + 1)];
        next += 2;
      }
    }
    if (scale) value *= scale;
    const yearLike = !scale && !decade && !gluedUnit && digits.length === 4 && isAllDigits(digits) && value >= 1000 && value <= 2100;
    return { first: index, next, value, scale, spelled: false, vague: false, yearLike, gluedUnit, decade };
  }

  private readNumberWords(index: number): Quantity | undefined {
    const first = this.lower(index);
    // "a quarter of a million", "three quarters of a billion"
    const fraction = this.readFractionOfScale(index);
    if (fraction) return fraction;
    // "a hundred", "a million", "a dozen", "half a million"
    if (first === 'a' || first === 'an' || first === 'half') {
      let next = index + 1;
      let multiplier = 1;
      if (first === 'half') {
        if (!(this.isWord(next, 'a', 'an') && this.onLine(next))) return undefined;
        multiplier = 0.5;
        next++;
      }
      if (!this.onLine(next)) return undefined;
      const word = this.lower(next);
      let value: number;
      if (SCALE_WORDS[word] !== undefined && this.token(next).kind === 'word' && word !== 'lakhs' && word !== 'crores') value = SCALE_WORDS[word];
      else if (word === 'dozen') value = 12;
      else return undefined;
      next++;
      while (this.onLine(next) && SCALE_WORDS[this.lower(next)] > value && this.token(next).kind === 'word') {
        value *= SCALE_WORDS[this.lower(next)];
        next++;
      }
      return { first: index, next, value: value * multiplier, scale: value, spelled: true, vague: false, yearLike: false, decade: false };
    }
    const vague = this.readVagueMagnitude(index);
    if (vague) return vague;
    let total = 0;
    let current = 0;
    let next = index;
    let read = 0;
    let lastScale = Infinity;
    while (next < this.count && (next === index || this.onLine(next))) {
      const token = this.token(next);
      if (token.kind !== 'word') break;
      const word = token.lower;
      if (SMALL_NUMBER_WORDS[word] !== undefined) {
        if (read > 0 && current % 100 !== 0 && current % 10 !== 0) break;
        if (read > 0 && current !== 0 && current % 10 === 0 && current % 100 !== 0 && SMALL_NUMBER_WORDS[word] >= 10) break;
        if (read > 0 && current !== 0 && current < 10) break;
        current += SMALL_NUMBER_WORDS[word];
      } else if (TENS_WORDS[word] !== undefined) {
        if (read > 0 && current % 100 !== 0) break;
        current += TENS_WORDS[word];
        // "twenty-five"
        if (this.isPunct(next + 1, '-') && this.glued(next + 1) && this.glued(next + 2)) {
          const unit = SMALL_NUMBER_WORDS[this.lower(next + 2)];
          if (unit !== undefined && unit > 0 && unit < 10) {
            current += unit;
            next += 2;
          }
        }
      } else if (word === 'hundred' && read > 0 && current > 0 && current < 100) {
        current *= 100;
      } else if (SCALE_WORDS[word] !== undefined && SCALE_WORDS[word] >= 1000 && read > 0 && SCALE_WORDS[word] < lastScale && (current > 0)) {
        total += current * SCALE_WORDS[word];
        lastScale = SCALE_WORDS[word];
        current = 0;
      } else if (word === 'dozen' && read > 0 && current > 0 && current < 100) {
        current *= 12;
      } else if (word === 'and' && read > 0 && current % 100 === 0 && this.onLine(next + 1) &&
        (SMALL_NUMBER_WORDS[this.lower(next + 1)] !== undefined || TENS_WORDS[this.lower(next + 1)] !== undefined) && (current > 0 || total > 0)) {
        // "two hundred and fifty": the "and" joins only number words.
      } else {
        break;
      }
      read++;
      next++;
    }
    if (read === 0) return undefined;
    // Do not end on a dangling "and".
    if (this.lower(next - 1) === 'and') next--;
    const value = total + current;
    let scale: number | undefined;
    if (lastScale !== Infinity) scale = lastScale;
    // "five billion" style already multiplied; "2.5" cannot be words.
    return { first: index, next, value, scale, spelled: true, vague: false, yearLike: false, decade: false };
  }

  private readFractionOfScale(index: number): Quantity | undefined {
    const first = this.lower(index);
    const numerator = first === 'a' ? 1 : SMALL_NUMBER_WORDS[first];
    if (numerator === undefined || numerator < 1 || numerator > 9) return undefined;
    let next = index + 1;
    if (this.isPunct(next, '-') && this.glued(next)) next++;
    const denominator = FRACTION_WORDS[this.lower(next)];
    if (!denominator || !this.onLine(next) || !this.isWord(next + 1, 'of') || !this.isWord(next + 2, 'a') || !this.onLine(next + 3)) return undefined;
    const scale = SCALE_WORDS[this.lower(next + 3)];
    if (scale === undefined || scale < 1000 || this.token(next + 3).kind !== 'word') return undefined;
    const value = (numerator / denominator) * scale;
    return { first: index, next: next + 4, value, scale, spelled: true, vague: false, yearLike: false, decade: false };
  }

  /** "hundreds", "tens of thousands", "several hundred", "a few thousand". */
  private readVagueMagnitude(index: number): Quantity | undefined {
    const word = this.lower(index);
    if (word === 'tens' || word === 'hundreds') {
      if (this.isWord(index + 1, 'of') && this.onLine(index + 1) && this.onLine(index + 2)) {
        const magnitude = this.lower(index + 2);
        if (['thousands', 'millions', 'billions'].includes(magnitude) || (word === 'tens' && magnitude === 'hundreds')) {
          return { first: index, next: index + 3, spelled: true, vague: true, yearLike: false, decade: false };
        }
      }
      if (word === 'tens') return undefined;
    }
    if (VAGUE_MAGNITUDES.has(word)) {
      return { first: index, next: index + 1, spelled: true, vague: true, yearLike: false, decade: false };
    }
    const fewWords = word === 'several' || word === 'many' ? 1 : word === 'a' && this.isWord(index + 1, 'few') ? 2 : 0;
    if (fewWords && this.onLine(index + fewWords)) {
      const magnitude = this.lower(index + fewWords);
      if (['hundred', 'thousand', 'million', 'billion', 'dozen'].includes(magnitude)) {
        return { first: index, next: index + fewWords + 1, spelled: true, vague: true, yearLike: false, decade: false };
      }
    }
    return undefined;
  }

  /** "$", "US$", "€", "Rs", "USD" before an amount. */
  private readCurrencyPrefix(index: number): { code: string; next: number } | undefined {
    const token = this.token(index);
    if (!token) return undefined;
    if (token.kind === 'punct' && CURRENCY_SYMBOLS[token.text] !== undefined) {
      return { code: CURRENCY_SYMBOLS[token.text], next: index + 1 };
    }
    if (token.kind !== 'word') return undefined;
    if (DOLLAR_PREFIXES[token.text] !== undefined && this.isPunct(index + 1, '$') && this.glued(index + 1)) {
      return { code: DOLLAR_PREFIXES[token.text], next: index + 2 };
    }
    // "US $5", "NZ $ 26 million": a spaced prefix only when it has two letters or more ("A $5 fee" is English).
    if (token.text.length >= 2 && DOLLAR_PREFIXES[token.text] !== undefined && this.isPunct(index + 1, '$') && this.onLine(index + 1)) {
      return { code: DOLLAR_PREFIXES[token.text], next: index + 2 };
    }
    if (token.text === 'Rs' || token.text === 'Rs.') {
      const next = this.isPunct(index + 1, '.') && this.glued(index + 1) ? index + 2 : index + 1;
      return { code: 'INR', next };
    }
    if (ISO_CURRENCY_CODES.has(token.text) && this.at(index + 1)?.kind === 'num' && this.onLine(index + 1)) {
      return { code: token.text === 'RMB' ? 'CNY' : token.text, next: index + 1 };
    }
    return undefined;
  }

  /** The number at `index` is part of a name, a code or a clock time, not a quantity. */
  private numberIsLabel(index: number): boolean {
    const token = this.token(index);
    const before = this.token(index - 1);
    if (before && this.glued(index)) {
      // "COVID-19", "F-16", "#3", "+44", "v2", "/2023/"
      if (before.kind === 'punct' && ['#', '+', '/', '\\', '@', '_', '=', '&', '.'].includes(before.text)) return true;
      if (before.kind === 'punct' && (before.text === '-' || before.text === '‑') && this.glued(index - 1)) {
        const word = this.token(index - 2);
        if (word && word.kind !== 'punct' && !HYPHEN_EXEMPT_PREFIXES.has(word.lower)) return true;
      }
    }
    if (before && !token.lineBreakBefore) {
      if (before.kind === 'word') {
        if (LABEL_WORDS.has(before.lower) && !(before.lower === 'day' || before.lower === 'week') ) {
          // "No. 10" has a "." between; a plain lower-case label word is enough.
          return true;
        }
        if ((this.isCapitalised(index - 1) || /[A-Z]/.test(before.text)) && !CAPITALISED_FUNCTION_WORDS.has(before.lower) &&
          MONTHS[before.text] === undefined && MONTH_ABBREVIATIONS[before.text] === undefined &&
          !WEEKDAYS.has(before.text) && DOLLAR_PREFIXES[before.text] === undefined && !ISO_CURRENCY_CODES.has(before.text) &&
          before.text !== 'Rs') {
          // "Boeing 737", "Apollo 11", "Room 2019": a capitalised name before the number.
          return true;
        }
      }
      if (before.text === '.' && this.glued(index - 1) && this.isWordIn(index - 2, NUMBER_ABBREVIATIONS)) return true;
    }
    const after = this.token(index + 1);
    // "in his 90's", "the 747's engines": a number with a possessive or plural 's is a name or an age.
    if (after && this.glued(index + 1) && (after.text === '’' || after.text === "'") && this.isWord(index + 2, 's') && this.glued(index + 2)) return true;
    // Identifiers: long digit strings ("783499116076687360"), attribute values (id="42").
    if (token.digits && token.digits.length >= 13 && isAllDigits(token.digits)) return true;
    if (before && this.glued(index) && (before.text === '"' || before.text === "'") && this.isPunct(index - 2, '=')) return true;
    // Phone numbers and identifiers: "0800 123 456", a leading zero, digit groups in a row.
    if (token.digits && token.digits.length > 1 && token.digits[0] === '0' && token.digits[1] !== '.' && token.digits[1] !== ',') return true;
    if (before && !token.lineBreakBefore && before.kind === 'num') return true;
    if (this.onLine(index + 1) && this.token(index + 1).kind === 'num') return true;
    // "24/7", "9/11", "3/4": glued slashes make a code or a name, not a quantity.
    if (after && this.glued(index + 1) && after.text === '/' && this.glued(index + 2) && this.at(index + 2)?.kind === 'num') return true;
    // Clock times: "10:30", "10 a.m.", "3pm".
    if (after && this.glued(index + 1) && after.text === ':' && this.at(index + 2)?.kind === 'num' && this.onLine(index + 2) && (this.at(index + 2)!.digits ?? '').length === 2) return true;
    if (after && this.onLine(index + 1) && (after.lower === 'am' || after.lower === 'pm' || after.lower === 'gmt' || after.lower === 'utc')) return true;
    if (after && this.onLine(index + 1) && (after.lower === 'a' || after.lower === 'p') && this.isPunct(index + 2, '.') && this.isWord(index + 3, 'm')) return true;
    if (after && this.isWord(index + 1, 'o') && this.isPunct(index + 2, '’', "'") && this.isWord(index + 3, 'clock')) return true;
    // A numbered list item at the start of a line: "1. Preheat" / "2) Stir".
    if ((token.lineBreakBefore || index === 0) && after && this.glued(index + 1) && (after.text === '.' || after.text === ')')) return true;
    // An address: "10 Downing Street".
    if (after && this.onLine(index + 1) && this.isCapitalised(index + 1)) {
      for (let look = index + 1; look <= index + 3 && this.onLine(look) && this.isCapitalised(look); look++) {
        if (['Street', 'St', 'Road', 'Avenue', 'Ave', 'Boulevard', 'Lane', 'Drive', 'Place', 'Square'].includes(this.token(look).text)) return true;
      }
    }
    return false;
  }

  /** The token after a range dash or "to": the second number of "10-20", "$10m to $20m". */
  private readRangeEnd(index: number, first: Quantity, currency: string | undefined, between: boolean, fromBefore: boolean): { quantity: Quantity; next: number } | undefined {
    const joint = this.token(index);
    if (!joint || !this.onLine(index)) return undefined;
    let next: number;
    if (joint.kind === 'punct' && (joint.text === '-' || joint.text === '–' || joint.text === '—')) {
      // A glued hyphen must be glued on both sides; a spaced dash is a range only as an en dash.
      const gluedBoth = this.glued(index) && this.glued(index + 1);
      if (!gluedBoth && joint.text !== '–') return undefined;
      next = index + 1;
    } else if ((joint.lower === 'to' && !fromBefore) || (joint.lower === 'and' && between)) {
      next = index + 1;
    } else {
      return undefined;
    }
    if (!this.onLine(next)) return undefined;
    if (currency) {
      const prefix = this.readCurrencyPrefix(next);
      if (prefix) next = prefix.next;
    }
    const second = this.readNumber(next);
    if (!second || second.vague || second.value === undefined || first.value === undefined) return undefined;
    // "5 to ten" is unusual; keep it simple: both digits or both words.
    if (first.spelled !== second.spelled) return undefined;
    return { quantity: second, next: second.next };
  }

  private matchQuantity(index: number, qualifier: string | undefined): Match | undefined {
    const token = this.token(index);
    if (!token) return undefined;
    // "between 10 and 20"
    if (token.lower === 'between' && this.onLine(index + 1)) {
      const inner = this.matchAmount(index + 1, qualifier, true);
      if (inner && inner.valueMax !== undefined) return { firstToken: index, nextToken: inner.nextToken, kind: inner.kind, value: inner.value, valueMax: inner.valueMax, unit: inner.unit, qualifier: inner.qualifier };
      return undefined;
    }
    return this.matchAmount(index, qualifier, false);
  }

  private matchAmount(index: number, qualifier: string | undefined, between: boolean): Match | undefined {
    const currency = this.readCurrencyPrefix(index);
    const numberIndex = currency ? currency.next : index;
    if (currency && !this.onLine(numberIndex)) return undefined;
    if (!currency && this.token(index).kind === 'word' && !this.readFractionOfScale(index)) {
      // "two-thirds", "a third" before "two" or "a" can be read as a number.
      const fraction = this.matchFractionOrMultiplier(index);
      if (fraction) return { firstToken: fraction.firstToken, nextToken: fraction.nextToken, kind: fraction.kind, value: fraction.value, valueMax: fraction.valueMax, unit: fraction.unit, qualifier };
    }
    const quantity = this.readNumber(numberIndex);
    if (!quantity) {
      if (currency) return undefined;
      return undefined;
    }
    if (!currency && quantity.spelled === false && this.numberIsLabel(numberIndex)) return undefined;
    if (currency && this.numberIsLabelAfter(numberIndex)) return undefined;
    const before = this.token(index - 1);
    // "from $2 million to $5 million" is a change, but "ranging from 5% to 25%" a range.
    const fromBefore = between || (before !== undefined && !this.token(index).lineBreakBefore && before.lower === 'from' && !RANGE_VERBS.has(this.lower(index - 2)));

    let next = quantity.next;
    let value = quantity.value;
    let valueMax: number | undefined;

    // "3-to-1", "3 to 1": odds, not a range.
    const odds = this.readOdds(next, quantity);
    if (odds) return { firstToken: index, nextToken: odds.next, kind: 'ratio', value: odds.value };

    // "from $2 million to $5 million" is a change between two figures, not a range.
    // "between 3% and 5%": a percent sign may follow each end of the range.
    const percentLength = this.percentUnitLength(next);
    let range = quantity.vague ? undefined : this.readRangeEnd(next, quantity, currency?.code, between, fromBefore && !between);
    if (!range && percentLength > 0 && !quantity.vague) {
      range = this.readRangeEnd(next + percentLength, quantity, currency?.code, between, fromBefore && !between);
      if (range && this.percentUnitLength(range.next) === 0) range = undefined;
    }
    if (between && !range) return undefined;
    if (range) {
      const second = range.quantity;
      if (second.value! > value!) {
        valueMax = second.value;
        // "$10-20 million": the scale written once belongs to both ends.
        if (second.scale && !quantity.scale && value! * second.scale <= valueMax!) value = value! * second.scale;
        if (!(value! < valueMax!)) valueMax = undefined;
        else next = range.next;
      } else if (quantity.yearLike && second.value! < 100 && /^\d{2}$/.test(this.token(second.first).digits ?? '') && !currency) {
        // "2019-20": a season or fiscal year.
        const century = Math.floor(value! / 100) * 100;
        if (century + second.value! > value!) {
          valueMax = century + second.value!;
          next = range.next;
        }
      } else if (this.glued(quantity.next) && this.isPunct(quantity.next, '-')) {
        // "3-1" scores and "202-555" codes: not a figure.
        return undefined;
      }
    }
    // A glued hyphen to a non-unit word: "two-state", "5-star". "-year", "-fold", "-strong" handled below.
    if (valueMax === undefined && this.isPunct(next, '-') && this.glued(next) && this.glued(next + 1)) {
      const word = this.lower(next + 1);
      const after = this.token(next + 1);
      if (after.kind === 'num' || after.kind === 'code') return undefined;
      if (word === 'fold') return { firstToken: index, nextToken: next + 2, kind: 'ratio', value, unit: 'times', qualifier };
      if (TIME_UNITS[word] !== undefined) {
        // "a five-year plan", "a 45-year-old man"
        if (this.isPunct(next + 2, '-') && this.glued(next + 2) && this.isWord(next + 3, 'old') && this.glued(next + 3)) {
          return { firstToken: index, nextToken: next + 4, kind: 'measure', value, unit: `${TIME_UNITS[word]} old`, qualifier };
        }
        return { firstToken: index, nextToken: next + 2, kind: 'duration', value, unit: TIME_UNITS[word], qualifier };
      }
      if (MEASURE_UNITS[word] !== undefined && word !== 'm' && word !== 'g') {
        return { firstToken: index, nextToken: next + 2, kind: 'measure', value, unit: MEASURE_UNITS[word], qualifier };
      }
      if (word === 'strong' || word === 'member') {
        return { firstToken: index, nextToken: next + 2, kind: 'count', value, qualifier };
      }
      if (!currency && word !== 'plus') return undefined;
    }

    const base = { firstToken: index, value, valueMax, qualifier };
    if (currency) {
      // "€3bn", "$24 billion", "Rs 500 crore"
      return { firstToken: base.firstToken, value: base.value, valueMax: base.valueMax, qualifier: base.qualifier, nextToken: next, kind: 'money', unit: currency.code };
    }
    if (quantity.gluedUnit) {
      if (quantity.gluedUnit === 'times') return { firstToken: base.firstToken, value: base.value, valueMax: base.valueMax, qualifier: base.qualifier, nextToken: next, kind: 'ratio', unit: 'times' };
      return { firstToken: base.firstToken, value: base.value, valueMax: base.valueMax, qualifier: base.qualifier, nextToken: next, kind: 'measure', unit: quantity.gluedUnit };
    }
    if (quantity.decade) {
      return { firstToken: index, nextToken: next, kind: 'year', value, valueMax: value! + 9, qualifier };
    }
    const unitMatch = this.matchUnitAfter(next, quantity, value);
    if (unitMatch) {
      // Built field by field (what `{ ...base, ...unitMatch }` would give, minus scaleValue):
      // spreads and `delete` were the matcher's hottest lines.
      const result: Match = {
        firstToken: index,
        nextToken: unitMatch.nextToken,
        kind: unitMatch.kind,
        value: 'value' in unitMatch ? unitMatch.value : value,
        valueMax: 'valueMax' in unitMatch ? unitMatch.valueMax : valueMax,
        unit: unitMatch.unit,
        qualifier,
      };
      if (result.value !== undefined && unitMatch.scaleValue !== undefined) {
        result.value = unitMatch.scaleValue(result.value);
        if (result.valueMax !== undefined) result.valueMax = unitMatch.scaleValue(result.valueMax);
      }
      return result;
    }
    return this.matchBareNumber(index, quantity, base, next);
  }

  /** How many tokens of a percent unit start at `index`: "%" or "percent" 1, "per cent" 2, else 0. */
  private percentUnitLength(index: number): number {
    const token = this.token(index);
    if (!token || !this.onLine(index)) return 0;
    if (token.text === '%' || token.lower === 'percent') return 1;
    if (token.lower === 'per' && this.isWord(index + 1, 'cent') && this.onLine(index + 1)) return 2;
    return 0;
  }

  /** With a currency symbol the number may still be a code ("$1.2.3" never parses; "$19:30" is odd). */
  private numberIsLabelAfter(index: number): boolean {
    const after = this.token(index + 1);
    return after !== undefined && this.glued(index + 1) && after.text === ':' && this.at(index + 2)?.kind === 'num';
  }

  private readOdds(index: number, first: Quantity): { next: number; value: number } | undefined {
    if (first.value === undefined || first.vague) return undefined;
    // "3-to-1"
    if (this.isPunct(index, '-') && this.glued(index) && this.isWord(index + 1, 'to') && this.glued(index + 1) &&
      this.isPunct(index + 2, '-') && this.glued(index + 2) && this.glued(index + 3)) {
      const second = this.readNumber(index + 3);
      if (second?.value) return { next: second.next, value: first.value / second.value };
    }
    // "3:1" (a clock time has two digits after the colon)
    if (this.isPunct(index, ':') && this.glued(index) && this.glued(index + 1) && this.at(index + 1)?.kind === 'num') {
      const digits = this.token(index + 1).digits ?? '';
      if (/^\d$/.test(digits) && !this.token(index + 1).suffix && Number(digits) > 0) return { next: index + 2, value: first.value / Number(digits) };
      return undefined;
    }
    // "3 to 1" only with 1 as the second term (otherwise it is a range)
    if (this.isWord(index, 'to') && this.onLine(index) && this.onLine(index + 1)) {
      const second = this.readNumber(index + 1);
      if (second && second.value === 1 && first.value > 1 && !second.scale) return { next: second.next, value: first.value };
    }
    return undefined;
  }

  /** The unit words after a number decide its kind. */
  private matchUnitAfter(
    index: number,
    quantity: Quantity,
    value: number | undefined,
  ): (Partial<Match> & { nextToken: number; kind: FigureKind; scaleValue?: (v: number) => number }) | undefined {
    const token = this.token(index);
    if (!token || !this.onLine(index)) return undefined;
    const word = token.lower;
    // Percentages
    if (token.text === '%' || token.text === '٪') return { nextToken: index + 1, kind: 'percent', unit: '%' };
    if (word === 'percent' || word === 'pct') return { nextToken: index + 1, kind: 'percent', unit: '%' };
    if (word === 'per' && this.isWord(index + 1, 'cent') && this.onLine(index + 1)) return { nextToken: index + 2, kind: 'percent', unit: '%' };
    if (word === 'percentage' && this.isWord(index + 1, 'point', 'points') && this.onLine(index + 1)) {
      return { nextToken: index + 2, kind: 'percent', unit: 'percentage points' };
    }
    if (word === 'basis' && this.isWord(index + 1, 'point', 'points') && this.onLine(index + 1)) {
      return { nextToken: index + 2, kind: 'percent', unit: 'basis points' };
    }
    // Money written after the amount
    const currency = this.readCurrencyAfter(index);
    if (currency) return { nextToken: currency.next, kind: 'money', unit: currency.code || undefined, scaleValue: currency.scaleValue };
    // Multipliers
    if (word === 'times' && !quantity.vague) {
      const comparative = this.onLine(index + 1) && (COMPARATIVE_WORDS.has(this.lower(index + 1)) ||
        (this.token(index + 1)?.kind === 'word' && /er$/.test(this.lower(index + 1)) && this.lower(index + 1).length > 4));
      return { nextToken: index + 1, kind: comparative ? 'ratio' : 'count', unit: 'times' };
    }
    if (word === 'fold') return { nextToken: index + 1, kind: 'ratio', unit: 'times' };
    // "one in five", "three out of four"
    if ((word === 'in' || (word === 'out' && this.isWord(index + 1, 'of'))) && value !== undefined && !quantity.vague && !quantity.scale) {
      const secondIndex = word === 'in' ? index + 1 : index + 2;
      const second = this.onLine(secondIndex) ? this.readNumber(secondIndex) : undefined;
      if (second && second.value && !second.yearLike && second.value >= value && !second.vague) {
        return { nextToken: second.next, kind: 'ratio', value: value / second.value };
      }
    }
    // Time
    const timeUnit = TIME_UNITS[word];
    if (timeUnit !== undefined) {
      // "One day, she said…": an idiom, not a duration, unless a preposition measures it.
      if (quantity.spelled && value === 1 && (word === 'day' || word === 'night') &&
        !['for', 'in', 'within', 'after', 'over', 'than', 'just', 'only', 'about'].includes(this.lower(quantity.first - 1))) return undefined;
      if (this.isWord(index + 1, 'ago') && this.onLine(index + 1)) return { nextToken: index + 2, kind: 'date', unit: timeUnit };
      if (this.isWord(index + 1, 'old') && this.onLine(index + 1)) return { nextToken: index + 2, kind: 'measure', unit: `${timeUnit} old` };
      return { nextToken: index + 1, kind: 'duration', unit: timeUnit };
    }
    // Measures
    if (token.kind === 'word' || token.text === '°') {
      if (token.text === '°') {
        const scale = this.token(index + 1);
        if (scale && this.glued(index + 1) && (scale.text === 'C' || scale.text === 'F')) return { nextToken: index + 2, kind: 'measure', unit: `°${scale.text}` };
        return { nextToken: index + 1, kind: 'measure', unit: '°' };
      }
      if ((word === 'square' || word === 'sq' || word === 'cubic') && this.onLine(index + 1)) {
        let unitIndex = index + 1;
        if (this.isPunct(unitIndex, '.') && this.glued(unitIndex)) unitIndex++;
        const unit = MEASURE_UNITS[this.lower(unitIndex)];
        if (unit !== undefined && unit !== 'g') {
          return { nextToken: unitIndex + 1, kind: 'measure', unit: `${word === 'cubic' ? 'cubic' : 'sq'} ${unit}` };
        }
      }
      const unit = MEASURE_UNITS[word];
      if (unit !== undefined) {
        // A lone "m"/"g" spaced from the number is rarely a unit in news prose.
        if ((word === 'm' || word === 'g') && !(this.isPunct(index + 1, '.', ',', ')') || !this.onLine(index + 1))) return undefined;
        // Money reads "pounds"; only "pounds of cocaine" is left for a weight.
        if ((word === 'pounds' || word === 'pound') && !this.isWord(index + 1, 'of')) return undefined;
        if (unit === '°' && this.onLine(index + 1)) {
          const scale = this.token(index + 1).text;
          if (['Celsius', 'Fahrenheit', 'C', 'F', 'centigrade'].includes(scale)) return { nextToken: index + 2, kind: 'measure', unit: scale.startsWith('F') ? '°F' : '°C' };
        }
        if (word === 'km' && this.isPunct(index + 1, '/') && this.glued(index + 1) && this.isWord(index + 2, 'h')) {
          return { nextToken: index + 3, kind: 'measure', unit: 'km/h' };
        }
        return { nextToken: index + 1, kind: 'measure', unit };
      }
    }
    return undefined;
  }

  /** "dollars", "million euros", "Canadian dollars", "USD", "cents", "pounds of cocaine" (not money). */
  private readCurrencyAfter(index: number): { code: string; next: number; scaleValue?: (v: number) => number } | undefined {
    const token = this.token(index);
    if (!token) return undefined;
    if (token.kind === 'word' && ISO_CURRENCY_CODES.has(token.text)) return { code: token.text === 'RMB' ? 'CNY' : token.text, next: index + 1 };
    let word = token.lower;
    let next = index + 1;
    let adjective: string | undefined;
    // "U.S. dollars"
    if (token.text === 'U' && this.isPunct(index + 1, '.') && this.isWord(index + 2, 's') && this.isPunct(index + 3, '.') && this.onLine(index + 4)) {
      adjective = 'us';
      word = this.lower(index + 4);
      next = index + 5;
    } else if (this.onLine(index + 1) && CURRENCY_WORDS[this.lower(index + 1)] !== undefined && token.kind === 'word' && this.isCapitalised(index)) {
      adjective = word;
      word = this.lower(index + 1);
      next = index + 2;
    } else if (this.onLine(index + 2) && token.kind === 'word' && this.isCapitalised(index) && this.isCapitalised(index + 1) &&
      CURRENCY_WORDS[this.lower(index + 2)] !== undefined) {
      adjective = `${word} ${this.lower(index + 1)}`;
      word = this.lower(index + 2);
      next = index + 3;
    }
    if (word === 'cents' || word === 'cent') {
      if (adjective) return undefined;
      return { code: 'USD', next, scaleValue: (v) => v / 100 };
    }
    if (word === 'pounds' || word === 'pound') {
      // "20 pounds of cocaine" is a weight.
      if (!adjective && this.isWord(next, 'of')) return undefined;
      if (!adjective && this.isWord(next, 'sterling')) next++;
    }
    let code = CURRENCY_WORDS[word];
    if (code === undefined) return undefined;
    if (word === 'real' || word === 'won' || word === 'rand') {
      // Ordinary words too: accept only with a scale before ("5 billion won") or an adjective.
      return undefined;
    }
    if (adjective) {
      const byCountry = CURRENCY_COUNTRY_ADJECTIVES[word.endsWith('s') ? word : `${word}s`];
      const specific = byCountry?.[adjective];
      if (specific) code = specific;
      // "Jamaican dollars": money, but which dollar we do not know.
      else if (byCountry && adjective !== 'us') return { code: '', next };
      // "Swiss francs", "Indian rupees": the name alone decides.
    }
    return { code, next };
  }

  /** A number with no unit: a count, a year, or nothing (a name, a pronoun "one"). */
  private matchBareNumber(index: number, quantity: Quantity, base: Omit<Match, 'nextToken' | 'kind'>, next: number): Match | undefined {
    const before = this.token(index - 1);
    const beforeWord = before && !this.token(index).lineBreakBefore ? before.lower : '';
    // "32 percent below 2005 levels": a year as a baseline.
    if (quantity.yearLike && base.qualifier && this.isWord(next, 'levels', 'level')) {
      return { firstToken: quantity.first, value: base.value, valueMax: base.valueMax, qualifier: undefined, nextToken: next, kind: 'year' };
    }
    if (quantity.yearLike && !base.qualifier) {
      const noun = this.countNounAt(next);
      const cued = YEAR_CUE_WORDS.has(beforeWord) || before?.text === '’' || before?.text === "'" || before?.text === ',';
      if (!noun || cued || COUNT_NOUN_HINTS.has(noun) === false && !noun.endsWith('s')) {
        return { firstToken: base.firstToken, value: base.value, valueMax: base.valueMax, qualifier: base.qualifier, nextToken: next, kind: 'year' };
      }
    }
    if (quantity.spelled && !quantity.vague) {
      // "one" is a pronoun or an article far more often than a figure.
      if (quantity.value === 1 && !quantity.scale) return undefined;
      if (quantity.value === 0) return undefined;
      if (!base.qualifier && REFERRING_DETERMINERS.has(beforeWord)) return undefined;
      // "a high-five", "a follow-up one": a number word glued to a hyphen belongs to a compound.
      if (this.isPunct(quantity.first - 1, '-', '‑') && this.glued(quantity.first)) return undefined;
      // "the nation's two largest unions": a possessive refers, like "the".
      if (!base.qualifier && beforeWord === 's' && this.isPunct(index - 2, '’', "'")) return undefined;
      // "six figures", "three o'clock", "three p.m."
      if (this.isWord(next, 'figures', 'o', 'pm', 'am') || (this.isWord(next, 'a', 'p') && this.isPunct(next + 1, '.') && this.isWord(next + 2, 'm'))) return undefined;
      // "two of them" refers; "two of the victims" counts, so only pronouns after "of" block it.
      if (this.isWord(next, 'of') && ['them', 'us', 'you', 'these', 'those', 'whom', 'which', 'it'].includes(this.lower(next + 1))) return undefined;
      // "Two Sessions", "Big Four": a capitalised number word inside a name.
      if (this.isCapitalised(quantity.first) && index > 0 && !this.token(index).lineBreakBefore && before?.kind === 'word' && !/[.!?:"“”]/.test(before.text)) {
        if (this.isCapitalised(index - 1)) return undefined;
      }
    }
    if (quantity.vague) {
      // "millions of dollars"
      if (this.isWord(next, 'of') && this.onLine(next + 1)) {
        const currency = this.readCurrencyAfter(next + 1);
        if (currency) return { firstToken: base.firstToken, value: undefined, valueMax: undefined, qualifier: base.qualifier, nextToken: currency.next, kind: 'money', unit: currency.code || undefined };
      }
      // "hundreds" as a bare word without "of" or a noun is too often something else ("in the hundreds").
      if (['the', 'by'].includes(beforeWord) && !this.isWord(next, 'of')) return undefined;
      const noun = this.isWord(next, 'of') ? this.countNounAt(next + 1) : this.countNounAt(next);
      return { firstToken: base.firstToken, value: undefined, valueMax: undefined, qualifier: base.qualifier, nextToken: next, kind: 'count', unit: noun };
    }
    if (quantity.value === undefined) return undefined;
    return { firstToken: base.firstToken, value: base.value, valueMax: base.valueMax, qualifier: base.qualifier, nextToken: next, kind: 'count', unit: this.countNounAt(next) };
  }

  /** The counted noun after a number: "people" in "70,000 people". */
  private countNounAt(index: number): string | undefined {
    const token = this.token(index);
    if (!token || token.kind !== 'word' || !this.onLine(index)) return undefined;
    if (token.text !== token.lower || token.lower.length < 3 || NOT_COUNT_NOUNS.has(token.lower)) return undefined;
    // "hundreds marched", "35 randomly selected": verbs and adverbs are not what is counted.
    if (/(?:ly|ed|ing)$/.test(token.lower) && !COUNT_NOUN_HINTS.has(token.lower)) return undefined;
    return token.lower;
  }

  /** "half of", "a third", "two-thirds", "twice", "one in five" without digits. */
  private matchFractionOrMultiplier(index: number): Match | undefined {
    const token = this.token(index);
    if (token.kind !== 'word') return undefined;
    const word = token.lower;
    if (MULTIPLIER_WORDS[word] !== undefined) {
      const value = MULTIPLIER_WORDS[word];
      if (word === 'twice' || word === 'thrice') {
        const comparative = this.onLine(index + 1) && COMPARATIVE_WORDS.has(this.lower(index + 1));
        return { firstToken: index, nextToken: index + 1, kind: comparative ? 'ratio' : 'count', value, unit: 'times' };
      }
      return { firstToken: index, nextToken: index + 1, kind: 'ratio', value, unit: 'times' };
    }
    if (word === 'double' || word === 'triple' || word === 'quadruple') {
      // "double the number": a multiplier; "a double murder" is not.
      if (this.isWord(index + 1, 'the', 'that', 'its', 'their', 'what') && this.onLine(index + 1) && !this.isWord(index - 1, 'a', 'the')) {
        return { firstToken: index, nextToken: index + 1, kind: 'ratio', value: word === 'double' ? 2 : word === 'triple' ? 3 : 4, unit: 'times' };
      }
      return undefined;
    }
    // "half of", "half the", "by half"
    if (word === 'half') {
      const before = this.lower(index - 1);
      if (['first', 'second', 'the', 'other', 'latter', 'better', 'back', 'front'].includes(before)) return undefined;
      if (this.glued(index + 1) && this.isPunct(index + 1, '-')) return undefined;
      if (this.isWord(index + 1, 'an', 'a') && this.onLine(index + 1) && TIME_UNITS[this.lower(index + 2)] && this.onLine(index + 2)) {
        return { firstToken: index, nextToken: index + 3, kind: 'duration', value: 0.5, unit: TIME_UNITS[this.lower(index + 2)] };
      }
      const endsClause = !this.onLine(index + 1) || this.isPunct(index + 1, '.', ',', ';', ')');
      if ((this.onLine(index + 1) && this.isWordIn(index + 1, HALF_FOLLOWERS)) || (before === 'by' || before === 'in') && endsClause) {
        return { firstToken: index, nextToken: index + 1, kind: 'ratio', value: 0.5 };
      }
      return undefined;
    }
    // "a third", "one-third", "two thirds", "three-quarters"
    let numerator: number | undefined;
    let next = index + 1;
    if (word === 'a' || word === 'an') numerator = 1;
    else if (SMALL_NUMBER_WORDS[word] !== undefined && SMALL_NUMBER_WORDS[word] > 0 && SMALL_NUMBER_WORDS[word] < 10) numerator = SMALL_NUMBER_WORDS[word];
    if (numerator === undefined) return undefined;
    if (this.isPunct(next, '-') && this.glued(next) && this.glued(next + 1)) next++;
    else if (!this.onLine(next)) return undefined;
    const fractionWord = this.lower(next);
    const denominator = FRACTION_WORDS[fractionWord];
    if (denominator === undefined || fractionWord === 'half' || fractionWord === 'halves') return undefined;
    if (this.token(next).kind !== 'word') return undefined;
    const plural = fractionWord.endsWith('s');
    if (plural !== numerator > 1) return undefined;
    if (numerator === 1) {
      // "a third term", "a fourth child": ordinals. A fraction is followed by "of", "more", "less" or the end of a clause.
      const after = next + 1;
      const endsClause = !this.onLine(after) || (this.isPunct(after, '.', ',', ';', ')', '—') || this.isPunct(after, '–'));
      if (!endsClause && !this.isWordIn(after, AFTER_FRACTION_WORDS)) return undefined;
      if (fractionWord === 'quarter' && !this.isWord(after, 'of', 'more', 'less')) return undefined;
      if (this.isWord(index - 1, 'the')) return undefined;
    }
    return { firstToken: index, nextToken: next + 1, kind: 'ratio', value: numerator / denominator };
  }
}

// ---------------------------------------------------------------------------------------
// Public API

/** FNV-1a, 32 bits, continued over `text` from `state`: ids hash in pieces without concatenating. */
function fnvUpdate(state: number, text: string): number {
  let h = state;
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** hash(`${kind}\u0000${normalised}\u0000${occurrence}`) without building the string. */
export function figureIdHash(kind: string, normalised: string, occurrence: number): string {
  return hex8(figureIdState(kind, normalised, occurrence));
}

function figureIdState(kind: string, normalised: string, occurrence: number): number {
  let h = fnvUpdate(0x811c9dc5, kind);
  h = Math.imul(h ^ 0, 0x01000193);
  h = fnvUpdate(h, normalised);
  h = Math.imul(h ^ 0, 0x01000193);
  // One digit, the usual case, hashed as its character code: String(occurrence) is that digit.
  if (occurrence >= 0 && occurrence < 10) return Math.imul(h ^ (48 + occurrence), 0x01000193);
  return fnvUpdate(h, String(occurrence));
}

/** `fig-${figureIdHash(kind, normalised, occurrence)}` as one string allocation. */
function figureId(kind: string, normalised: string, occurrence: number): string {
  const h = figureIdState(kind, normalised, occurrence);
  return String.fromCharCode(
    102, 105, 103, 45, // "fig-"
    HEX_CODES[(h >>> 28) & 15], HEX_CODES[(h >>> 24) & 15], HEX_CODES[(h >>> 20) & 15], HEX_CODES[(h >>> 16) & 15],
    HEX_CODES[(h >>> 12) & 15], HEX_CODES[(h >>> 8) & 15], HEX_CODES[(h >>> 4) & 15], HEX_CODES[h & 15],
  );
}

/** `(h >>> 0).toString(16).padStart(8, '0')` as one string allocation. */
function hex8(h: number): string {
  return String.fromCharCode(
    HEX_CODES[(h >>> 28) & 15], HEX_CODES[(h >>> 24) & 15], HEX_CODES[(h >>> 20) & 15], HEX_CODES[(h >>> 16) & 15],
    HEX_CODES[(h >>> 12) & 15], HEX_CODES[(h >>> 8) & 15], HEX_CODES[(h >>> 4) & 15], HEX_CODES[h & 15],
  );
}

const HEX_CODES: Uint8Array = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** Printable ASCII with no doubled space: already collapsed, only lower-casing needed. */
export function isPlainFigureText(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 126 || code < 32 || (code === 32 && index > 0 && text.charCodeAt(index - 1) === 32)) return false;
  }
  return true;
}

/** The text a figure's id is derived from (with its kind and occurrence index). */
export function normaliseFigureText(text: string): string {
  if (isPlainFigureText(text)) return text.toLowerCase();
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Every figure in `text`, in text order. Ids derive from kind, normalised text and the
 * occurrence index of that pair, so they survive edits elsewhere in the document.
 * `source` is left unset: attribution is a later stage.
 */
export function findFigures(text: string): Figure[] {
  const seen: SeenFigures = new Map();
  const figures: Figure[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    // A very long line is read in pieces cut at a space, so its tokens never pile up.
    let pieceStart = lineStart;
    while (lineEnd - pieceStart > MAX_PIECE) {
      let cut = pieceStart + MAX_PIECE;
      const space = text.lastIndexOf(' ', cut);
      if (space > cut - 1024) cut = space;
      collectLine(text, pieceStart, cut, seen, figures);
      pieceStart = cut;
    }
    if (lineEnd > pieceStart) collectLine(text, pieceStart, lineEnd, seen, figures);
    lineStart = lineEnd + 1;
  }
  releaseTokens();
  lineMatches.length = 0;
  return figures;
}

const MAX_PIECE = 16 * 1024;

/** Occurrences so far by kind, then by normalised text: the id's occurrence index. */
type SeenFigures = Map<string, Map<string, number>>;

/** One matcher for every line: it reads the pool's first `count` tokens. */
const lineMatcher = new FigureMatcher(tokenPool);
/** The current line's matches are its first entries (see FigureMatcher.run). */
const lineMatches: Match[] = [];

function collectLine(text: string, lineStart: number, lineEnd: number, seen: SeenFigures, figures: Figure[]): void {
  const count = tokenize(text, lineStart, lineEnd);
  if (count === 0) return;
  const tokens = tokenPool;
  lineMatcher.count = count;
  const matchCount = lineMatcher.run(lineMatches);
  for (let which = 0; which < matchCount; which++) {
    const match = lineMatches[which];
    const start = tokens[match.firstToken].start;
    const end = tokens[match.nextToken - 1].end;
    const figureText = text.slice(start, end);
    const normalised = normaliseFigureText(figureText);
    let seenOfKind = seen.get(match.kind);
    if (seenOfKind === undefined) {
      seenOfKind = new Map();
      seen.set(match.kind, seenOfKind);
    }
    const occurrence = seenOfKind.get(normalised) ?? 0;
    seenOfKind.set(normalised, occurrence + 1);
    const figure: Figure = {
      id: figureId(match.kind, normalised, occurrence),
      span: { start, end },
      text: figureText,
      kind: match.kind,
    };
    if (match.value !== undefined && Number.isFinite(match.value)) figure.value = roundValue(match.value);
    if (match.valueMax !== undefined && Number.isFinite(match.valueMax)) figure.valueMax = roundValue(match.valueMax);
    if (match.unit !== undefined) figure.unit = match.unit;
    if (match.qualifier !== undefined) figure.qualifier = match.qualifier;
    figures.push(figure);
  }
}

/** 1.1e9 rather than 1100000000.0000002 from "1.1bn". */
function roundValue(value: number): number {
  // A nonzero integer below 1e15 prints exactly in 15 significant digits: nothing to round.
  if (Number.isInteger(value) && value !== 0 && value < 1e15 && value > -1e15) return value;
  return Number(value.toPrecision(15));
}

/**
 * For tests: the tokenizer's word checks beside the exact checks they stand for.
 * `mayStartWord(word)`: what the matcher's filter says of `word` read as one token (true
 * if `word` is not one word token); `isStarterWord(word)`: the exact starter test;
 * `lowerIs(word, lower)`: the character-code comparison beside `word.toLowerCase() === lower`.
 */
export const figureWordChecks = {
  starterWords(): string[] {
    return [...STARTER_WORDS, ...STARTER_WORDS_CASED];
  },
  mayStartWord(word: string): boolean {
    const count = tokenize(word, 0, word.length);
    const answer = count !== 1 || tokenPool[0].kind !== 'word' || mayStartFigure(tokenPool[0]);
    releaseTokens();
    return answer;
  },
  isStarterWord(word: string): boolean {
    return STARTER_WORDS.has(word.toLowerCase()) || STARTER_WORDS_CASED.has(word);
  },
  /** The starter flags the filter leaves on `word` (one word token), beside the sets' answers. */
  starterFlags(word: string): { fast: number; exact: number } | undefined {
    const count = tokenize(word, 0, word.length);
    let answer: { fast: number; exact: number } | undefined;
    if (count === 1 && tokenPool[0].kind === 'word' && mayStartFigure(tokenPool[0])) {
      answer = { fast: starterFlagsOf(tokenPool[0]), exact: starterFlagsOfWord(word.toLowerCase(), word) };
    }
    releaseTokens();
    return answer;
  },
  lowerIs(word: string, lower: string): boolean | undefined {
    const count = tokenize(word, 0, word.length);
    const answer = count === 1 ? lowerIs(tokenPool[0], lower) : undefined;
    releaseTokens();
    return answer;
  },
};
