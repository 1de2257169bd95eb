// Features of the attribution tagger, shared by the runtime and the training script
// (scripts/train-attribution.ts). Each token of a sentence gets FEATURES_PER_TOKEN hashed
// feature indices in [0, 2^bits): its words and their neighbours, its shape, whether it
// sits in quotation marks, and where it stands relative to the nearest cue-like word
// (a word the training corpus often marks as a Cue) on either side.
import type { Token } from '../text';

/** Source, Cue and Content (Q), in BIO. */
export const ROLE_LABELS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-Q', 'I-Q'] as const;
export type RoleLabel = (typeof ROLE_LABELS)[number];
export const LABEL_COUNT = ROLE_LABELS.length;
/** Rule codes (ruleCodes) run from 0 (nothing) to B/I of the three roles, like the labels. */
export const RULE_CODE_COUNT = 7;

export const FEATURES_PER_TOKEN = 38;

/** Entity kinds of name mentions, as the features see them (0: no mention). */
export const MENTION_KINDS: Record<string, number> = { person: 1, organization: 2, place: 3, other: 4 };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, seed: number): number {
  let h = Math.imul(FNV_OFFSET ^ seed, FNV_PRIME);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export const BOS = hashString('<s>', 2);
export const EOS = hashString('</s>', 3);

const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u2018', '\u2019', "'", '\u00ab', '\u00bb']);

function shapeOf(s: string, word: boolean): number {
  if (!word) return QUOTE_CHARS.has(s) ? 1 : 2;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) return 3;
  const lower = s.toLowerCase();
  if (lower === s) return 4;
  if (s.toUpperCase() === s && s.length > 1) return 5;
  return 6;
}

/** What the features need of one token text (see WordTable). */
export interface WordFacts {
  /** hashString of the lower case, seed 1. */
  hash: number;
  /** hashString of the lower case's last three code units, seed 9 (the hash if it has three or fewer). */
  suffix: number;
  wordShape: number;
  markShape: number;
  /** 1 + the index of the lower case among the cue words, 0 for other words. */
  cueSlot: number;
  comma: number;
  that: number;
}

/** The facts of `text` by their definition (lower-casing the whole text). */
export function wordFacts(text: string, cueSlots: ReadonlyMap<string, number>): WordFacts {
  const lw = text.toLowerCase();
  const h = hashString(lw, 1);
  return {
    hash: h,
    suffix: lw.length > 3 ? hashString(lw.slice(-3), 9) : h,
    wordShape: shapeOf(text, true),
    markShape: shapeOf(text, false),
    cueSlot: cueSlots.get(lw) ?? 0,
    comma: text === ',' ? 1 : 0,
    that: lw === 'that' ? 1 : 0,
  };
}

/** Lower-case cue word → its cue slot (1 + its index in the lexicon's order). */
export function cueSlotsOf(cueWords: ReadonlySet<string>): Map<string, number> {
  return new Map(Array.from(cueWords, (w, i) => [w, i + 1]));
}

/** text.toLowerCase() === lower, for a text whose lower case changes only A-Z. */
function sameLowerCase(text: string, lower: string): boolean {
  const n = text.length;
  if (lower.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Words a new WordTable has room for. Small, so the table grows during the first
 * article, before the engine optimises idOf: growing later then finds the type feedback
 * it needs instead of deoptimising idOf ("insufficient type feedback").
 */
const INITIAL_WORDS = 64;

/**
 * What the features need of each distinct token text, computed once: a sentence's
 * features then look words up by id instead of lower-casing and hashing every token.
 * Only depends on the text (and on the cue lexicon and bits the table was made for).
 *
 * Words are keyed by their facts (WordFacts), not by their text: everything the table
 * holds of a word is a function of its key, so two texts with the same facts may share
 * an id. The key of an ASCII text is computed in one pass over its code units (no
 * lower-cased copy, no string hashing by the engine, no text kept); other texts take the
 * definition (wordFacts).
 */
export class WordTable {
  size = 0;
  hash = new Int32Array(INITIAL_WORDS);
  suffix = new Int32Array(INITIAL_WORDS);
  mix11 = new Int32Array(INITIAL_WORDS);
  mix19 = new Int32Array(INITIAL_WORDS);
  wordShape = new Int8Array(INITIAL_WORDS);
  markShape = new Int8Array(INITIAL_WORDS);
  cue = new Uint8Array(INITIAL_WORDS);
  /** 1 + the index of the word's lower case among the cue words, 0 for other words (the runtime's per-cue tables). */
  cueSlot = new Int16Array(INITIAL_WORDS);
  comma = new Uint8Array(INITIAL_WORDS);
  that = new Uint8Array(INITIAL_WORDS);
  /** Lower-case cue word → its cue slot. */
  private readonly cueSlots: Map<string, number>;
  /**
   * The cue words' hashes, open addressing (0: empty), each entry's cue slot beside it in
   * cueSlotAt: a cue word is found by its hash and then its code units, with no lower-cased
   * copy and no string hashing. A cue word hashing to 0 is not entered (its hash marks
   * empty): words hashing to 0 ask cueSlots.
   */
  private readonly cueHashes: Int32Array;
  private readonly cueSlotAt: Int16Array;
  /** Cue slot → its word (index 0 unused). */
  private readonly cueWordOfSlot: string[];
  /** Each word's small facts, packed (packFacts): with hash and suffix, its key. */
  private facts = new Int32Array(INITIAL_WORDS);
  /**
   * Open addressing over the keys, SLOT_WORDS int32 per slot: the key (hash, suffix,
   * facts) and id + 1 (0: empty). The whole key sits in the slot's 16 bytes, one cache
   * line: a found word (most lookups) costs one random read, not three (a slot, then the
   * word's suffix and facts in arrays of their own). Twice as many slots as the per-word
   * arrays' capacity: both grow together.
   */
  private slots = new Int32Array(2 * SLOT_WORDS * INITIAL_WORDS);

  constructor(readonly cueWords: ReadonlySet<string>, readonly bits: number) {
    this.cueSlots = cueSlotsOf(cueWords);
    let size = 64;
    while (size < cueWords.size * 4) size *= 2;
    this.cueHashes = new Int32Array(size);
    this.cueSlotAt = new Int16Array(size);
    this.cueWordOfSlot = [''];
    for (const [w, slot] of this.cueSlots) {
      this.cueWordOfSlot.push(w);
      const h = hashString(w, 1);
      if (h === 0) continue;
      let i = (h ^ (h >>> 15)) & (size - 1);
      while (this.cueHashes[i] !== 0) i = (i + 1) & (size - 1);
      this.cueHashes[i] = h;
      this.cueSlotAt[i] = slot;
    }
  }

  /** Cue slots run from 1 to this count (0: not a cue word). */
  get cueSlotCount(): number {
    return this.cueSlots.size;
  }

  /**
   * cueSlots.get(text.toLowerCase()) ?? 0 for a text of ASCII and caseless code units
   * (whose lower case changes only A-Z) whose lower case hashes to h (hashString, seed 1).
   */
  private cueSlotOfCaseless(text: string, h: number): number {
    if (h === 0) return this.cueSlots.get(text.toLowerCase()) ?? 0;
    const table = this.cueHashes;
    const last = table.length - 1;
    for (let i = (h ^ (h >>> 15)) & last; table[i] !== 0; i = (i + 1) & last) {
      if (table[i] !== h) continue;
      const slot = this.cueSlotAt[i];
      if (sameLowerCase(text, this.cueWordOfSlot[slot])) return slot;
    }
    return 0;
  }

  idOf(text: string): number {
    const n = text.length;
    // hashString(text.toLowerCase(), 1), with the shapes' case facts, for texts of ASCII
    // and caseless punctuation (curly quotes, dashes).
    let h = Math.imul(FNV_OFFSET ^ 1, FNV_PRIME);
    let upper = false;
    let lower = false;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128 && !isCaseless(c)) {
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) {
        upper = true;
        c += 32;
      } else if (c >= 97 && c <= 122) lower = true;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (!ascii) return this.idOfFacts(wordFacts(text, this.cueSlots));
    // Past here the text is ASCII or caseless punctuation: lower- and upper-casing change only A-Z and a-z.
    let suffix = h;
    if (n > 3) {
      suffix = Math.imul(FNV_OFFSET ^ 9, FNV_PRIME);
      for (let i = n - 3; i < n; i++) {
        const c = text.charCodeAt(i);
        suffix = Math.imul(suffix ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
      }
    }
    const c0 = text.charCodeAt(0);
    // shapeOf: ASCII lower-casing changes only A-Z and upper-casing only a-z.
    const wordShape = c0 >= 48 && c0 <= 57 ? 3 : !upper ? 4 : !lower && n > 1 ? 5 : 6;
    const markShape = n === 1 && isQuoteCode(c0) ? 1 : 2;
    const comma = n === 1 && c0 === 44 ? 1 : 0;
    const that = n === 4 && (c0 | 32) === 116 && (text.charCodeAt(1) | 32) === 104 && (text.charCodeAt(2) | 32) === 97 && (text.charCodeAt(3) | 32) === 116 ? 1 : 0;
    const cueSlot = this.cueSlotOfCaseless(text, h);
    return this.idOfKey(h, suffix, packFacts(wordShape, markShape, cueSlot, comma, that));
  }

  private idOfFacts(f: WordFacts): number {
    return this.idOfKey(f.hash, f.suffix, packFacts(f.wordShape, f.markShape, f.cueSlot, f.comma, f.that));
  }

  private idOfKey(h: number, suffix: number, facts: number): number {
    const i = this.find(h, suffix, facts);
    const found = this.slots[i * SLOT_WORDS + 3];
    return found !== 0 ? found - 1 : this.add(h, suffix, facts, i);
  }

  /** The slot holding the key, or the empty slot where its probe ended. */
  private find(h: number, suffix: number, facts: number): number {
    const slots = this.slots;
    const last = (slots.length >> 2) - 1; // slots.length / SLOT_WORDS - 1
    let i = slotOf(h, suffix, facts, last);
    for (let at = i * SLOT_WORDS; slots[at + 3] !== 0; at = i * SLOT_WORDS) {
      if (slots[at] === h && slots[at + 1] === suffix && slots[at + 2] === facts) return i;
      i = (i + 1) & last;
    }
    return i;
  }

  /** Adds a new key, whose probe ended at the empty slot i. */
  private add(h: number, suffix: number, facts: number, i: number): number {
    const id = this.size++;
    if (id >= this.hash.length) i = this.grow(h, suffix, facts);
    const at = i * SLOT_WORDS;
    this.slots[at] = h;
    this.slots[at + 1] = suffix;
    this.slots[at + 2] = facts;
    this.slots[at + 3] = id + 1;
    const mask = (1 << this.bits) - 1;
    const cueSlot = facts >> 7;
    this.hash[id] = h;
    this.suffix[id] = suffix;
    this.facts[id] = facts;
    this.mix11[id] = mix(h, 11) & mask;
    this.mix19[id] = mix(suffix, 19) & mask;
    this.wordShape[id] = facts & 7;
    this.markShape[id] = (facts >> 3) & 3;
    this.cue[id] = cueSlot > 0 ? 1 : 0;
    this.cueSlot[id] = cueSlot;
    this.comma[id] = (facts >> 5) & 1;
    this.that[id] = (facts >> 6) & 1;
    return id;
  }

  /** Doubles the per-word arrays and the slots; returns the empty slot for the key being added. */
  private grow(h: number, suffix: number, facts: number): number {
    const capacity = this.hash.length * 2;
    const grown = <T extends Int32Array | Int16Array | Int8Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.hash = grown(this.hash);
    this.suffix = grown(this.suffix);
    this.facts = grown(this.facts);
    this.mix11 = grown(this.mix11);
    this.mix19 = grown(this.mix19);
    this.wordShape = grown(this.wordShape);
    this.markShape = grown(this.markShape);
    this.cue = grown(this.cue);
    this.cueSlot = grown(this.cueSlot);
    this.comma = grown(this.comma);
    this.that = grown(this.that);
    const slots = new Int32Array(capacity * 2 * SLOT_WORDS);
    const last = capacity * 2 - 1;
    // Every word added so far (ids below size - 1), into the new slots.
    for (let id = 0; id < this.size - 1; id++) {
      let i = slotOf(this.hash[id], this.suffix[id], this.facts[id], last);
      while (slots[i * SLOT_WORDS + 3] !== 0) i = (i + 1) & last;
      const at = i * SLOT_WORDS;
      slots[at] = this.hash[id];
      slots[at + 1] = this.suffix[id];
      slots[at + 2] = this.facts[id];
      slots[at + 3] = id + 1;
    }
    this.slots = slots;
    let i = slotOf(h, suffix, facts, last);
    while (slots[i * SLOT_WORDS + 3] !== 0) i = (i + 1) & last;
    return i;
  }
}

/** Int32 words per slot of WordTable's key index: hash, suffix, facts, id + 1. */
const SLOT_WORDS = 4;

/** Where the probe for a key starts, among last + 1 slots. */
function slotOf(h: number, suffix: number, facts: number, last: number): number {
  return (h ^ Math.imul(suffix, 0x9e3779b1) ^ facts) & last;
}

/**
 * Code units outside ASCII that lower- and upper-casing leave alone and that are no
 * letters: the General Punctuation block (dashes, curly quotes, ellipsis) and « ».
 */
function isCaseless(c: number): boolean {
  return (c >= 0x2000 && c <= 0x206f) || c === 0xab || c === 0xbb;
}

/** Is the one-code-unit text with this code one of QUOTE_CHARS? */
function isQuoteCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}

/** The small facts of a word in one integer: shape (3 bits), mark shape (2), comma, "that", cue slot. */
function packFacts(wordShape: number, markShape: number, cueSlot: number, comma: number, that: number): number {
  return wordShape | (markShape << 3) | (comma << 5) | (that << 6) | (cueSlot << 7);
}

/**
 * Slots of the features that depend on one token text only: the token's own (1, 9, 20,
 * 28; 35 with the rule code) and its neighbours' (2, 3, 4, 5, 10, 11). The runtime scores these once per
 * distinct word (see wordFeatureIndices) instead of once per token.
 */
export const WORD_SLOTS: readonly number[] = [1, 2, 3, 4, 5, 9, 10, 11, 20, 28, 35];
/** Where the neighbour of slots 2, 3, 4, 5, 10, 11 stands, relative to the token. */
export const NEIGHBOUR_OFFSETS: readonly number[] = [-1, 1, -2, 2, -3, 3];
const NEIGHBOUR_SEEDS = [12, 13, 14, 15, 20, 21];
/** Length of wordFeatureIndices' output. */
export const WORD_FEATURE_COUNT = 12 + RULE_CODE_COUNT;

/**
 * The single-word feature indices of word `id` of `table`, as sentenceFeatures computes
 * them: [slot 1, slot 9, slot 20 outside / inside quotes, slot 28 as a word / as a mark,
 * then the word seen as the neighbour at each NEIGHBOUR_OFFSETS, then slot 35 for each
 * rule code below RULE_CODE_COUNT (wordRuleFeature for others)]. id -1 / -2 stands for
 * the sentence start / end padding (only its neighbour entries are meaningful).
 */
export function wordFeatureIndices(table: WordTable, id: number, out: Int32Array): void {
  const mask = (1 << table.bits) - 1;
  const h = id === -1 ? BOS : id === -2 ? EOS : table.hash[id];
  if (id >= 0) {
    const suffix = table.suffix[id];
    out[0] = table.mix11[id];
    out[1] = table.mix19[id];
    out[2] = mix(mix(h, 0), 30) & mask;
    out[3] = mix(mix(h, 1), 30) & mask;
    out[4] = mix(mix(suffix, table.wordShape[id]), 38) & mask;
    out[5] = mix(mix(suffix, table.markShape[id]), 38) & mask;
  } else out.fill(0, 0, 6);
  for (let i = 0; i < 6; i++) out[6 + i] = mix(h, NEIGHBOUR_SEEDS[i]) & mask;
  for (let r = 0; r < RULE_CODE_COUNT; r++) out[12 + r] = id >= 0 ? wordRuleFeature(table, id, r) : 0;
}

/** Slot 35 of word `id` with rule code `rule`. */
export function wordRuleFeature(table: WordTable, id: number, rule: number): number {
  return mix(mix(rule, table.hash[id]), 45) & ((1 << table.bits) - 1);
}

/**
 * mix(raw, seed) & mask of the features over small integers (slot: largest raw value
 * + 1), memoised per slot; raw values outside the memo are mixed directly.
 */
const SMALL_SLOT_SIZES: Record<number, number> = { 8: 16, 12: 2, 13: 1024, 15: 1024, 17: 32, 18: 128, 19: 128, 21: 8, 24: 256, 27: 8, 30: 16, 31: 16384, 34: 16, 36: 256, 37: 128 };
let smallMemo: { bits: number; memos: Int32Array[] } | undefined;

function smallMixes(bits: number): Int32Array[] {
  if (!smallMemo || smallMemo.bits !== bits) {
    const memos: Int32Array[] = [];
    for (let slot = 0; slot < FEATURES_PER_TOKEN; slot++) memos.push(new Int32Array(SMALL_SLOT_SIZES[slot] ?? 0).fill(-1));
    smallMemo = { bits, memos };
  }
  return smallMemo.memos;
}

function mixSmall(memo: Int32Array, raw: number, seed: number, mask: number): number {
  if (raw >= 0 && raw < memo.length) {
    let v = memo[raw];
    if (v < 0) memo[raw] = v = mix(raw, seed) & mask;
    return v;
  }
  return mix(raw, seed) & mask;
}

/**
 * Bound on the word table's size: past it, the table starts afresh (between sentences).
 * A little under 2^15, so the per-word caches (doubling from INITIAL_WORDS) stop at 32768 entries.
 */
const WORD_TABLE_LIMIT = 32_000;
let words: WordTable | undefined;

/** The word table shared by training and the runtime for this lexicon and bits (it may start afresh between calls). */
export function wordTable(cueWords: ReadonlySet<string>, bits: number): WordTable {
  if (!words || words.cueWords !== cueWords || words.bits !== bits || words.size > WORD_TABLE_LIMIT) words = new WordTable(cueWords, bits);
  return words;
}

/**
 * A cheap "surely no cue word" for a token, with no hashing: the lengths of the lexicon's
 * cue words (lower case) per first and last code unit. A word passes when its lower case
 * could be one of them; words whose ends are not ASCII always pass, and every word does
 * when the lexicon holds a word this table cannot describe (not ASCII, or over 31 units).
 */
export class CueWordFilter {
  private readonly lengthsByEnds = new Uint32Array(128 * 128);
  private readonly passesAll: boolean;

  constructor(readonly cueWords: ReadonlySet<string>) {
    let passesAll = false;
    for (const w of cueWords) {
      const n = w.length;
      let ascii = n >= 1 && n <= 31;
      for (let i = 0; i < n && ascii; i++) ascii = w.charCodeAt(i) < 128;
      if (!ascii) passesAll = true;
      else this.lengthsByEnds[w.charCodeAt(0) * 128 + w.charCodeAt(n - 1)] |= 1 << n;
    }
    this.passesAll = passesAll;
  }

  /**
   * false: text.toLowerCase() is surely not a cue word. (With ASCII ends, a lower case of
   * another length than the text's holds a code unit that is not ASCII: no cue word here.)
   */
  mayBeCueWord(text: string): boolean {
    const n = text.length;
    if (this.passesAll || n > 31) return true;
    if (n === 0) return false;
    let first = text.charCodeAt(0);
    let last = text.charCodeAt(n - 1);
    if (first >= 128 || last >= 128) return true;
    if (first >= 65 && first <= 90) first += 32;
    if (last >= 65 && last <= 90) last += 32;
    return ((this.lengthsByEnds[first * 128 + last] >>> n) & 1) === 1;
  }
}

let cueWordFilterOfLexicon: CueWordFilter | undefined;

/** The cue word filter of this lexicon (kept for the next call). */
export function cueWordFilter(cueWords: ReadonlySet<string>): CueWordFilter {
  if (!cueWordFilterOfLexicon || cueWordFilterOfLexicon.cueWords !== cueWords) cueWordFilterOfLexicon = new CueWordFilter(cueWords);
  return cueWordFilterOfLexicon;
}

// Per-sentence scratch arrays, reused (feature extraction is synchronous and the arrays
// never leave sentenceFeatures).
const scratch = {
  capacity: 0,
  ids: new Int32Array(0),
  wordHash: new Int32Array(6),
  isCue: new Uint8Array(0),
  shape: new Int32Array(0),
  leftCue: new Int32Array(0),
  rightCue: new Int32Array(0),
  commasBefore: new Int32Array(1),
  thatsBefore: new Int32Array(1),
  quotesBefore: new Int32Array(1),
};

function grow(n: number): void {
  if (n <= scratch.capacity) return;
  const c = Math.max(n, scratch.capacity * 2, 64);
  scratch.capacity = c;
  scratch.ids = new Int32Array(c);
  scratch.wordHash = new Int32Array(c + 6);
  scratch.isCue = new Uint8Array(c);
  scratch.shape = new Int32Array(c);
  scratch.leftCue = new Int32Array(c);
  scratch.rightCue = new Int32Array(c);
  scratch.commasBefore = new Int32Array(c + 1);
  scratch.thatsBefore = new Int32Array(c + 1);
  scratch.quotesBefore = new Int32Array(c + 1);
}

export function distanceBucket(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 14 ? 6 : 7;
}

/**
 * The feature indices of every token of one sentence, FEATURES_PER_TOKEN per token, into
 * `out` (resized as needed). `inQuote[k]` says token k sits inside quotation marks;
 * `cueWords` is the model's lexicon of cue-like words (lower case).
 */
export function sentenceFeatures(
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  cueWords: ReadonlySet<string>,
  bits: number,
  mention?: ArrayLike<number>,
  rule?: ArrayLike<number>,
  buffer?: Int32Array,
  /** Leave the WORD_SLOTS unwritten (the runtime scores them per word). */
  skipWordSlots = false,
): Int32Array {
  const n = tokens.length;
  const F = FEATURES_PER_TOKEN;
  // The runtime passes a buffer it reuses; training keeps one array per sentence.
  const out = buffer && buffer.length >= n * F ? buffer : new Int32Array(n * F);
  const mask = (1 << bits) - 1;
  const words = wordTable(cueWords, bits);
  const small = smallMixes(bits);
  grow(n);
  const { ids, wordHash, isCue, shape, leftCue, rightCue, commasBefore, thatsBefore, quotesBefore } = scratch;
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    const id = words.idOf(t.text);
    ids[k] = id;
    wordHash[k + 3] = words.hash[id];
    shape[k] = t.word ? words.wordShape[id] : words.markShape[id];
    isCue[k] = !inQuote[k] && t.word && words.cue[id] === 1 && !(k > 0 && shape[k] === 6) ? 1 : 0;
  }
  wordHash[0] = wordHash[1] = wordHash[2] = BOS;
  wordHash[n + 3] = wordHash[n + 4] = wordHash[n + 5] = EOS;
  // Nearest cue-like word on the left / right, with the commas and "that" between.
  for (let k = 0, last = -1; k < n; k++) {
    leftCue[k] = last;
    if (isCue[k]) last = k;
  }
  for (let k = n - 1, next = -1; k >= 0; k--) {
    rightCue[k] = next;
    if (isCue[k]) next = k;
  }
  commasBefore[0] = thatsBefore[0] = quotesBefore[0] = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    commasBefore[k + 1] = commasBefore[k] + words.comma[id];
    thatsBefore[k + 1] = thatsBefore[k] + words.that[id];
    quotesBefore[k + 1] = quotesBefore[k] + (inQuote[k] ? 1 : 0);
  }
  const sentenceHasQuote = quotesBefore[n] > 0 ? 1 : 0;
  const sentenceHasCue = leftCue[n - 1] >= 0 || (n > 0 && isCue[n - 1]) ? 1 : 0;
  for (let k = 0; k < n; k++) {
    const o = k * F;
    const w0 = wordHash[k + 3], wm1 = wordHash[k + 2], wp1 = wordHash[k + 4], wm2 = wordHash[k + 1], wp2 = wordHash[k + 5];
    const wm3 = wordHash[k], wp3 = k + 6 < n + 6 ? wordHash[k + 6] : EOS;
    const q = inQuote[k] ? 1 : 0;
    const id = ids[k];
    const suffix = words.suffix[id];
    const lc = leftCue[k];
    const rc = rightCue[k];
    const ld = lc >= 0 ? distanceBucket(k - lc) : 15;
    const rd = rc >= 0 ? distanceBucket(rc - k) : 15;
    const lCommas = lc >= 0 ? Math.min(2, commasBefore[k] - commasBefore[lc + 1]) : 3;
    const rCommas = rc >= 0 ? Math.min(2, commasBefore[rc] - commasBefore[k + 1]) : 3;
    const lThat = lc >= 0 ? Math.min(1, thatsBefore[k] - thatsBefore[lc + 1]) : 2;
    const lcWord = lc >= 0 ? wordHash[lc + 3] : 0;
    const rcWord = rc >= 0 ? wordHash[rc + 3] : 0;
    const pos = k === 0 ? 0 : k === n - 1 ? 1 : k < 4 ? 2 : 3;
    out[o + 0] = (1) & mask;
    if (!skipWordSlots) out[o + 1] = words.mix11[id];
    if (!skipWordSlots) out[o + 2] = (mix(wm1, 12)) & mask;
    if (!skipWordSlots) out[o + 3] = (mix(wp1, 13)) & mask;
    if (!skipWordSlots) out[o + 4] = (mix(wm2, 14)) & mask;
    if (!skipWordSlots) out[o + 5] = (mix(wp2, 15)) & mask;
    out[o + 6] = (mix(mix(wm1, w0), 16)) & mask;
    out[o + 7] = (mix(mix(w0, wp1), 17)) & mask;
    out[o + 8] = mixSmall(small[8], shape[k] * 2 + q, 18, mask);
    if (!skipWordSlots) out[o + 9] = words.mix19[id];
    if (!skipWordSlots) out[o + 10] = (mix(wm3, 20)) & mask;
    if (!skipWordSlots) out[o + 11] = (mix(wp3, 21)) & mask;
    out[o + 12] = mixSmall(small[12], isCue[k] ? 1 : 0, 22, mask);
    out[o + 13] = mixSmall(small[13], ld * 64 + lCommas * 8 + lThat * 2 + q, 23, mask);
    out[o + 14] = (mix(mix(lcWord, ld), 24)) & mask;
    out[o + 15] = mixSmall(small[15], rd * 64 + rCommas * 8 + q, 25, mask);
    out[o + 16] = (mix(mix(rcWord, rd), 26)) & mask;
    out[o + 17] = mixSmall(small[17], pos * 4 + shape[k], 27, mask);
    out[o + 18] = mixSmall(small[18], k > 0 ? shape[k - 1] * 8 + shape[k] : 99, 28, mask);
    out[o + 19] = mixSmall(small[19], k + 1 < n ? shape[k] * 8 + shape[k + 1] : 98, 29, mask);
    if (!skipWordSlots) out[o + 20] = (mix(mix(w0, q), 30)) & mask;
    out[o + 21] = mixSmall(small[21], sentenceHasQuote * 4 + sentenceHasCue * 2 + q, 31, mask);
    out[o + 22] = (mix(mix(wm1, wm2), 32)) & mask;
    out[o + 23] = (mix(mix(wp1, wp2), 33)) & mask;
    out[o + 24] = mixSmall(small[24], ld * 16 + rd, 34, mask);
    out[o + 25] = (mix(mix(w0, ld * 16 + rd), 35)) & mask;
    out[o + 26] = (mix(mix(lcWord, lThat * 4 + lCommas), 36)) & mask;
    out[o + 27] = mixSmall(small[27], q * 4 + (k > 0 && inQuote[k - 1] ? 2 : 0) + (k + 1 < n && inQuote[k + 1] ? 1 : 0), 37, mask);
    if (!skipWordSlots) out[o + 28] = (mix(mix(suffix, shape[k]), 38)) & mask;
    out[o + 29] = (mix(mix(wm1, wp1), 39)) & mask;
    out[o + 30] = mixSmall(small[30], mentionAt(mention, k), 40, mask);
    out[o + 31] = mixSmall(small[31], (k > 0 ? mentionAt(mention, k - 1) : 99) * 128 + mentionAt(mention, k) * 16 + (k + 1 < n ? mentionAt(mention, k + 1) : 15), 41, mask);
    out[o + 32] = (mix(mix(mentionAt(mention, k), ld * 16 + rd), 42)) & mask;
    out[o + 33] = (mix(mix(mentionAt(mention, k) * 4 + q, lcWord), 43)) & mask;
    out[o + 34] = mixSmall(small[34], mentionAt(rule, k), 44, mask);
    if (!skipWordSlots) out[o + 35] = (mix(mix(mentionAt(rule, k), w0), 45)) & mask;
    out[o + 36] = mixSmall(small[36], (k > 0 ? mentionAt(rule, k - 1) : 15) * 16 + mentionAt(rule, k), 46, mask);
    out[o + 37] = mixSmall(small[37], mentionAt(rule, k) * 16 + (k + 1 < n ? mentionAt(rule, k + 1) : 15), 47, mask);
  }
  return out;
}

/** Mention code of token k: kind * 2, plus 1 when the token continues the mention. */
function mentionAt(mention: ArrayLike<number> | undefined, k: number): number {
  return mention ? mention[k] : 0;
}

/**
 * Mention codes per token from name mentions (sorted, not nested): kind * 2, plus one for
 * tokens after a mention's first.
 */
export function mentionCodes(
  tokens: readonly Token[],
  mentions: ReadonlyArray<{ span: { start: number; end: number }; kind: number }>,
  from = 0,
  /** A buffer to fill instead (its first tokens.length codes; at least that long). */
  into?: Int8Array,
): Int8Array {
  const out = into ?? new Int8Array(tokens.length);
  let p = from;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    while (p < mentions.length && mentions[p].span.end <= t.start) p++;
    out[k] = p < mentions.length && mentions[p].span.start <= t.start ? mentions[p].kind * 2 + (mentions[p].span.start < t.start ? 1 : 0) : 0;
  }
  return out;
}

const RULE_ROLE = { Source: 0, Cue: 1, Content: 2 } as const;
const RULE_PRIORITY = [2, 3, 1];

/**
 * What the rules found, per token, in the labels' own coding (0: nothing, then B/I of
 * Source, Cue, Content); a cue inside a source or clause wins, then a source.
 */
export function ruleCodes(
  tokens: readonly Token[],
  spans: ReadonlyArray<{ span: { start: number; end: number }; role: keyof typeof RULE_ROLE }>,
  /** A buffer to fill instead (its first tokens.length codes; at least that long). */
  into?: Int8Array,
): Int8Array {
  const n = tokens.length;
  const out = into ?? new Int8Array(n);
  // A loop, not fill: sentences are short, and the builtin's call costs more than the stores.
  if (into) for (let k = 0; k < n; k++) out[k] = 0;
  for (let i = 0; i < spans.length; i++) {
    const { span, role } = spans[i];
    // RULE_ROLE[role] by comparison with the constant strings (no keyed property load).
    const r = role === 'Source' ? 0 : role === 'Cue' ? 1 : 2;
    // Tokens come in text order: those starting inside the span are one run, found by bisection.
    let lo = 0;
    for (let hi = n; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < n; k++) {
      const t = tokens[k];
      if (t.start >= span.end) break;
      const current = out[k] === 0 ? -1 : (out[k] - 1) >> 1;
      if (current >= 0 && RULE_PRIORITY[current] >= RULE_PRIORITY[r]) continue;
      out[k] = 1 + 2 * r + (t.start > span.start ? 1 : 0);
    }
  }
  return out;
}

/** Marks the tokens that sit inside one of `spans` (sorted by start). */
export function tokensInSpans(tokens: readonly Token[], spans: ReadonlyArray<{ start: number; end: number }>): boolean[] {
  const out: boolean[] = new Array(tokens.length).fill(false);
  let p = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    while (p < spans.length && spans[p].end <= t.start) p++;
    out[k] = p < spans.length && spans[p].start <= t.start && t.end <= spans[p].end;
  }
  return out;
}
