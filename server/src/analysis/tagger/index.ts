// Named-entity tagger for English text: finds person, organization and place names
// (and other proper names: events, nationalities, works) in raw text.
//
//   import { tagNames } from './tagger';
//   tagNames('Todd Robinson met officials from the US State Department in Washington.')
//   // -> [{ start: 0, end: 13, kind: 'person' }, { start: 37, end: 56, kind: 'organization' },
//   //     { start: 60, end: 70, kind: 'place' }]
//
// Spans are UTF-16 offsets into `text` (text.slice(start, end) is the name), sorted,
// non-overlapping. Deterministic, linear in the text length, no I/O: the model is an
// averaged structured perceptron over hashed features (int8 weights, BIO-constrained
// Viterbi per sentence), bundled as JSON and decoded once on first use. It is trained by
// scripts/train-tagger.ts from CoNLL-2003 and GUM (see NOTICE).
import { LOCAL_FEATURES, PAD_AFTER, PAD_BEFORE, localFeatures, mix, tokenAttributes } from './features';
import { LABELS, loadModel, type ModelArtifact, type TaggerModel } from './model';
import { scanTokens, type TokenArrays } from './tokenize';
import defaultArtifact from '../../../../models/ner-model.json';
import { readModelBytes } from '../modelFiles';

export { tokenize, scanTokens, type Token, type Sentence, type TokenArrays } from './tokenize';
export { loadModel, type ModelArtifact, type TaggerModel } from './model';

export type NameKind = 'person' | 'organization' | 'place' | 'other';

export interface NameSpan {
  start: number;
  end: number;
  kind: NameKind;
}

let defaultModel: TaggerModel | undefined;

/** The shipped model (JSON bundled, bytes read from models/ner-model.bin), decoded on first call (a few tens of ms) and kept. */
export function getDefaultModel(): TaggerModel {
  if (!defaultModel) {
    const artifact = defaultArtifact as ModelArtifact;
    defaultModel = loadModel(artifact, readModelBytes(artifact.binary));
  }
  return defaultModel;
}

const KIND_BY_TYPE: Record<string, NameKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };
const LABEL_COUNT = LABELS.length;
const LABEL_TYPE = LABELS.map((l) => (l === 'O' ? '' : l.slice(2)));
const LABEL_INSIDE = LABELS.map((l) => l.startsWith('I-'));
/** The name kind of each label (unused for O), by label index. */
const LABEL_KIND: NameKind[] = LABEL_TYPE.map((type) => KIND_BY_TYPE[type] ?? 'other');
const FORBIDDEN = -1e9;

/**
 * Per model: BIO-allowed predecessors, and a per-word cache. Emission scores are sums of
 * integer weight rows, so they are regrouped exactly: every feature that depends on one
 * word only (its own local features, and the features it gives a neighbour at -2..+2) is
 * summed once per distinct word; the features of two adjacent words (and a word's own
 * vector) once per distinct word pair; the cap-class features once per combination of
 * classes. A token's emission is then five vector reads per label.
 */
interface DecoderState {
  /** (labels + 1) x labels transition weights (forbidden ones are never read). */
  transitions: Int32Array;
  /** The labels x labels part of transitions, transposed: [cur * labels + prev]. */
  transitionsByCur: Int32Array;
  /** For label cur: allowed predecessors are prevList[prevFrom[cur] .. prevFrom[cur + 1]). */
  prevFrom: Int32Array;
  prevList: Int32Array;
  /** Transitions from the sentence start and from O, with BIO violations forbidden. */
  startRow: Float64Array;
  afterO: Float64Array;
  /**
   * Open-addressing table keyed by the words' FNV hash, SLOT_INTS ints a slot: word id + 1
   * (0 = empty), hash, where the word's code units start in `chars`, length. A lookup
   * reads one slot and the word's code units: no string object, no second array.
   */
  slots: Int32Array;
  /** The cached words' code units, one after another. */
  chars: Uint16Array;
  charCount: number;
  wordCount: number;
  /**
   * Per word: WORD_VECTORS vectors of labelCount weights (see SELF...NEXT2): sums of at
   * most LOCAL_FEATURES + 3 = 16 int8 rows, so int16 holds them exactly at half the memory.
   */
  vectors: Int16Array;
  /** Per word: lower, shape, capClass, hasLower. */
  attrs: Int32Array;
  /**
   * Per adjacent word pair (a, b): open-addressing table of pair ids + 1 (0 = empty), the
   * pair's words, and 2 x labelCount weights: what a gives b (b's prev-word vector of a plus the shape and
   * lower pair features) then a's own vector plus what b gives a (the mirror). Sums of at most 21 int8 rows (or 9 plus 4 differences of 2 rows).
   */
  pairSlots: Int32Array;
  pairFirst: Int32Array;
  pairSecond: Int32Array;
  pairVectors: Int16Array;
  pairCount: number;
  /**
   * Set when the word cache was emptied: ids read before that in the current sentence are
   * stale, so pairs built from them are dropped once the sentence is decoded.
   */
  pairsStale: boolean;
  /**
   * Per combination of the cap classes at -2..+2 with the start and headline flags (key:
   * see capComboId): id + 1 (0 = not yet seen) of the summed rows of features 25 and 26.
   */
  capComboIds: Uint16Array;
  capComboVectors: Int16Array;
  capComboCount: number;
}
const decoderStates = new WeakMap<TaggerModel, DecoderState>();
const WORD_CACHE_LIMIT = 200_000;
/** Words the per-model tables hold at first (they double as needed). */
const INITIAL_WORDS = 32;
const WORD_VECTORS = 5;
const SELF = 0, PREV1 = 1, NEXT1 = 2, PREV2 = 3, NEXT2 = 4;
const ATTRS = 4;
/** The pseudo-word outside the sentence. */
const PAD = 0;

function addRow(out: Int16Array, at: number, W: Int8Array, row: number, L: number): void {
  const r = row * L;
  for (let l = 0; l < L; l++) out[at + l] += W[r + l];
}

function decoderState(model: TaggerModel): DecoderState {
  let state = decoderStates.get(model);
  if (!state) {
    const L = model.labelCount;
    const startRow = new Float64Array(L);
    const afterO = new Float64Array(L);
    const prevFrom = new Int32Array(L + 1);
    const prevList: number[] = [];
    for (let cur = 0; cur < L; cur++) {
      prevFrom[cur] = prevList.length;
      for (let prev = 0; prev < L; prev++) {
        if (!LABEL_INSIDE[cur] || LABEL_TYPE[prev] === LABEL_TYPE[cur]) prevList.push(prev);
      }
      startRow[cur] = LABEL_INSIDE[cur] ? FORBIDDEN : model.transitions[L * L + cur];
      afterO[cur] = LABEL_INSIDE[cur] ? FORBIDDEN : model.transitions[cur];
    }
    prevFrom[L] = prevList.length;
    const W = model.emissions;
    const shift = 32 - model.bits;
    // Word id PAD stands for the positions outside the sentence (its neighbour vectors only).
    // The word tables start small, so that they grow within the first article, before the
    // engine optimises addWord: growing later would find no type feedback there and
    // deoptimise it (and decodeRun, which inlines it).
    const vectors = new Int16Array(INITIAL_WORDS * WORD_VECTORS * L);
    addRow(vectors, PREV1 * L, W, mix(12, PAD_BEFORE) >>> shift, L);
    addRow(vectors, PREV1 * L, W, mix(16, PAD_BEFORE) >>> shift, L);
    addRow(vectors, NEXT1 * L, W, mix(13, PAD_AFTER) >>> shift, L);
    addRow(vectors, NEXT1 * L, W, mix(17, PAD_AFTER) >>> shift, L);
    addRow(vectors, PREV2 * L, W, mix(14, PAD_BEFORE) >>> shift, L);
    addRow(vectors, NEXT2 * L, W, mix(15, PAD_AFTER) >>> shift, L);
    addRow(vectors, PREV1 * L, W, mix(29, PAD_BEFORE) >>> shift, L);
    addRow(vectors, NEXT1 * L, W, mix(30, PAD_AFTER) >>> shift, L);
    const transitionsByCur = new Int32Array(L * L);
    for (let prev = 0; prev < L; prev++) for (let cur = 0; cur < L; cur++) transitionsByCur[cur * L + prev] = model.transitions[prev * L + cur];
    state = {
      transitions: model.transitions, transitionsByCur, prevFrom, prevList: Int32Array.from(prevList), startRow, afterO,
      slots: new Int32Array(INITIAL_WORDS * 2 * SLOT_INTS), chars: new Uint16Array(INITIAL_WORDS * 4), charCount: 0, wordCount: 1, vectors, attrs: new Int32Array(INITIAL_WORDS * ATTRS),
      pairSlots: new Int32Array(PAIR_SLOTS_INITIAL), pairFirst: new Int32Array(PAIR_SLOTS_INITIAL / 2),
      pairSecond: new Int32Array(PAIR_SLOTS_INITIAL / 2), pairVectors: new Int16Array((PAIR_SLOTS_INITIAL / 2) * 2 * L), pairCount: 0, pairsStale: false,
      capComboIds: new Uint16Array(CAP_COMBO_KEYS), capComboVectors: new Int16Array(64 * L), capComboCount: 0,
    };
    decoderStates.set(model, state);
  }
  return state;
}

const localIndices = new Int32Array(LOCAL_FEATURES);
// Int16 word vectors hold a sum of up to 255 int8 rows exactly.
if (LOCAL_FEATURES + 3 > 255) throw new Error('tagger: too many local features for int16 word vectors');

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** Ints per word slot: id + 1, hash, start in chars, length. */
const SLOT_INTS = 4;

/** The cache id of the word text.slice(start, end), computing its vectors on first sight. */
function wordIdAt(state: DecoderState, model: TaggerModel, text: string, start: number, end: number): number {
  const h = hashRange(text, start, end);
  const slots = state.slots;
  const chars = state.chars;
  const mask = slots.length / SLOT_INTS - 1;
  const len = end - start;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const at = slot * SLOT_INTS;
    const v = slots[at];
    if (v === 0) break;
    if (slots[at + 1] !== h || slots[at + 3] !== len) continue;
    // Compared inline: words are short, and a builtin call costs more than the loop.
    const from = slots[at + 2];
    let k = 0;
    while (k < len && chars[from + k] === text.charCodeAt(start + k)) k++;
    if (k === len) return v - 1;
  }
  return addWord(state, model, text, start, end, h);
}

/** Puts a word's slot (id + 1, hash, chars start, length) in the first free slot from its hash. */
function insertSlot(slots: Int32Array, id1: number, h: number, from: number, len: number): void {
  const mask = slots.length / SLOT_INTS - 1;
  let slot = h & mask;
  while (slots[slot * SLOT_INTS] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT_INTS;
  slots[at] = id1;
  slots[at + 1] = h;
  slots[at + 2] = from;
  slots[at + 3] = len;
}

function addWord(state: DecoderState, model: TaggerModel, text: string, start: number, end: number, h: number): number {
  if (state.wordCount >= WORD_CACHE_LIMIT) {
    state.slots.fill(0); state.charCount = 0; state.wordCount = 1;
    // Word ids are reused from now on: pairs keyed by the old ids are stale.
    clearPairs(state);
    state.pairsStale = true;
  }
  const L = model.labelCount;
  const id = state.wordCount++;
  if ((id + 1) * WORD_VECTORS * L > state.vectors.length) {
    const grown = new Int16Array(state.vectors.length * 2);
    grown.set(state.vectors);
    state.vectors = grown;
    const grownAttrs = new Int32Array(state.attrs.length * 2);
    grownAttrs.set(state.attrs);
    state.attrs = grownAttrs;
  }
  // Keep the table at most half full.
  if (state.wordCount * 2 > state.slots.length / SLOT_INTS) {
    const old = state.slots;
    const slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT_INTS) if (old[at] !== 0) insertSlot(slots, old[at], old[at + 1], old[at + 2], old[at + 3]);
    state.slots = slots;
  }
  const len = end - start;
  if (state.charCount + len > state.chars.length) {
    let size = state.chars.length * 2;
    while (state.charCount + len > size) size *= 2;
    const grown = new Uint16Array(size);
    grown.set(state.chars.subarray(0, state.charCount));
    state.chars = grown;
  }
  const from = state.charCount;
  for (let k = 0; k < len; k++) state.chars[from + k] = text.charCodeAt(start + k);
  state.charCount += len;
  insertSlot(state.slots, id + 1, h, from, len);
  const word = text.slice(start, end);
  const a = tokenAttributes(word);
  const W = model.emissions;
  const shift = 32 - model.bits;
  const V = state.vectors;
  const base = id * WORD_VECTORS * L;
  V.fill(0, base, base + WORD_VECTORS * L);
  localFeatures(a, model.bits, localIndices, 0);
  const self = base + SELF * L;
  for (let f = 0; f < LOCAL_FEATURES; f++) addRow(V, self, W, localIndices[f], L);
  // Context features of the word itself, as if it neither starts the sentence nor is in a
  // headline (the decoder corrects both cases).
  addRow(V, self, W, mix(22, mix(0, a.shape)) >>> shift, L);
  addRow(V, self, W, mix(23, mix(0, a.lower)) >>> shift, L);
  addRow(V, self, W, mix(24, mix(0, a.shape)) >>> shift, L);
  // What the word contributes to its neighbours' scores.
  addRow(V, base + PREV1 * L, W, mix(12, a.lower) >>> shift, L);
  addRow(V, base + PREV1 * L, W, mix(16, a.shape) >>> shift, L);
  addRow(V, base + NEXT1 * L, W, mix(13, a.lower) >>> shift, L);
  addRow(V, base + NEXT1 * L, W, mix(17, a.shape) >>> shift, L);
  addRow(V, base + PREV2 * L, W, mix(14, a.lower) >>> shift, L);
  addRow(V, base + NEXT2 * L, W, mix(15, a.lower) >>> shift, L);
  addRow(V, base + PREV1 * L, W, mix(29, a.gaz) >>> shift, L);
  addRow(V, base + NEXT1 * L, W, mix(30, a.gaz) >>> shift, L);
  const A = state.attrs;
  A[id * ATTRS] = a.lower;
  A[id * ATTRS + 1] = a.shape;
  A[id * ATTRS + 2] = a.capClass;
  A[id * ATTRS + 3] = a.hasLower ? 1 : 0;
  return id;
}

// Small, so that the pair table grows within the first article (before decodeRun is
// optimised, which inlines the growth: growing first later would deoptimise it).
const PAIR_SLOTS_INITIAL = 1 << 7;
/** At most this many pairs (2 x 9 int16 each) are kept; the table is emptied beyond. */
const PAIR_LIMIT = 1 << 18;
/**
 * Cap classes are 1..6, 7 before and 8 after the sentence; a position sees at most seven
 * of them (7 only before the token, 8 only after), so each is keyed in base 7 (1..6 → 0..5,
 * 7 or 8 → 6): keys of five of them and 2 flags, in a table small enough to stay in cache.
 */
const CAP_COMBO_KEYS = 7 * 7 * 7 * 7 * 7 * 4;
/** At most 7 * 7 * 6 * 7 * 7 * 4 combinations occur (the token's own class is 1..6): their ids + 1 fit 16 bits. */
if (7 * 7 * 6 * 7 * 7 * 4 > 0xffff) throw new Error('tagger: cap combination ids overflow');

/** A cap class (1..8) as a base-7 digit of the combination key. */
function capDigit(c: number): number {
  return c >= 7 ? 6 : c - 1;
}

/** The id of the summed rows of features 25 and 26 for these cap classes and flags. */
function capComboId(state: DecoderState, model: TaggerModel, pc2: number, pc1: number, cap: number, nc1: number, nc2: number, flags: number): number {
  const key = ((((capDigit(pc2) * 7 + capDigit(pc1)) * 7 + capDigit(cap)) * 7 + capDigit(nc1)) * 7 + capDigit(nc2)) * 4 + flags;
  const known = state.capComboIds[key];
  if (known !== 0) return known - 1;
  const L = model.labelCount;
  const id = state.capComboCount++;
  if ((id + 1) * L > state.capComboVectors.length) {
    const grown = new Int16Array(state.capComboVectors.length * 2);
    grown.set(state.capComboVectors);
    state.capComboVectors = grown;
  }
  const shift = 32 - model.bits;
  const W = model.emissions;
  const r25 = (mix(25, (pc1 * 16 + cap) * 16 + nc1) >>> shift) * L;
  const r26 = (mix(26, mix(flags, cap * 16 + pc2 * 256 + nc2)) >>> shift) * L;
  const C = state.capComboVectors;
  for (let l = 0; l < L; l++) C[id * L + l] = W[r25 + l] + W[r26 + l];
  state.capComboIds[key] = id + 1;
  return id;
}

function clearPairs(state: DecoderState): void {
  state.pairSlots.fill(0);
  state.pairCount = 0;
}

function pairHash(a: number, b: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

function insertPairSlot(slots: Int32Array, h: number, id: number): void {
  const mask = slots.length - 1;
  let slot = h & mask;
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  slots[slot] = id + 1;
}

/** Makes room for `more` new pairs without moving or dropping any pair during a run. */
function reservePairs(state: DecoderState, L: number, more: number): void {
  while ((state.pairCount + more) * 2 > state.pairSlots.length) {
    // Both comparisons made on every growth (the first growth has no pairs yet): a
    // comparison first made after optimisation would have no type feedback.
    const atLimit = state.pairSlots.length >= PAIR_LIMIT * 2;
    if (state.pairCount > 0 && atLimit) { clearPairs(state); continue; }
    const slots = new Int32Array(state.pairSlots.length * 2);
    const cap = slots.length / 2;
    const first = new Int32Array(cap), second = new Int32Array(cap), vectors = new Int16Array(cap * 2 * L);
    first.set(state.pairFirst.subarray(0, state.pairCount));
    second.set(state.pairSecond.subarray(0, state.pairCount));
    vectors.set(state.pairVectors.subarray(0, state.pairCount * 2 * L));
    for (let p = 0; p < state.pairCount; p++) insertPairSlot(slots, pairHash(first[p], second[p]), p);
    state.pairSlots = slots; state.pairFirst = first; state.pairSecond = second; state.pairVectors = vectors;
  }
}

/**
 * The id of the adjacent word pair (a, b) (either may be PAD), computing its vectors on
 * first sight: what a gives b (b's neighbour vector of a, features 12/16/29 at -1, and
 * the pair features 18 and 20) and what b gives a (features 13/17/30 at +1, 19 and 21),
 * plus a's own vector (the second half is read only at a's position); with a = PAD, the
 * first half also corrects b's vector for starting the sentence.
 * The caller has reserved room (reservePairs).
 */
function pairIdOf(state: DecoderState, model: TaggerModel, a: number, b: number): number {
  const h = pairHash(a, b);
  const slots = state.pairSlots;
  const mask = slots.length - 1;
  const first = state.pairFirst, second = state.pairSecond;
  let slot = h & mask;
  for (; ; slot = (slot + 1) & mask) {
    const v = slots[slot];
    if (v === 0) break;
    if (first[v - 1] === a && second[v - 1] === b) return v - 1;
  }
  const id = state.pairCount++;
  slots[slot] = id + 1;
  first[id] = a;
  second[id] = b;
  const L = model.labelCount;
  const W = model.emissions;
  const shift = 32 - model.bits;
  const A = state.attrs;
  const V = state.vectors;
  const stride = WORD_VECTORS * L;
  const lowerA = a === PAD ? PAD_BEFORE : A[a * ATTRS], shapeA = a === PAD ? PAD_BEFORE : A[a * ATTRS + 1];
  const lowerB = b === PAD ? PAD_AFTER : A[b * ATTRS], shapeB = b === PAD ? PAD_AFTER : A[b * ATTRS + 1];
  const toB = a * stride + PREV1 * L, toA = b * stride + NEXT1 * L, selfA = a * stride + SELF * L;
  const r18 = (mix(18, mix(shapeA, shapeB)) >>> shift) * L;
  const r20 = (mix(20, mix(lowerA, lowerB)) >>> shift) * L;
  const r19 = (mix(19, mix(shapeA, shapeB)) >>> shift) * L;
  const r21 = (mix(21, mix(lowerA, lowerB)) >>> shift) * L;
  const P = state.pairVectors;
  const at = id * 2 * L;
  for (let l = 0; l < L; l++) {
    P[at + l] = V[toB + l] + W[r18 + l] + W[r20 + l];
    P[at + L + l] = V[selfA + l] + V[toA + l] + W[r19 + l] + W[r21 + l];
  }
  if (a === PAD) {
    // b starts the sentence (the first half is read only there): the word's cached
    // vector assumed a non-initial token (features 22 and 23).
    const s0 = (mix(22, mix(0, shapeB)) >>> shift) * L, s1 = (mix(22, mix(1, shapeB)) >>> shift) * L;
    const t0 = (mix(23, mix(0, lowerB)) >>> shift) * L, t1 = (mix(23, mix(1, lowerB)) >>> shift) * L;
    for (let l = 0; l < L; l++) P[at + l] += W[s1 + l] - W[s0 + l] + W[t1 + l] - W[t0 + l];
  }
  return id;
}

const CAP_TITLE = 2, CAP_UPPER = 3, CAP_MIXED = 4;
/** Tokens further than this from any capitalised token are labelled O without scoring. */
const ACTIVE_RADIUS = 2;

// Scratch buffers reused across sentences (grown on demand) to spare the garbage collector.
let idBuffer = new Int32Array(256);
let emitBuffer = new Int32Array(256 * 9);
let scoreBuffer = new Float64Array(256 * 9);
let backBuffer = new Uint8Array(256 * 9);
let capBuffer = new Int32Array(256);

function ensureBuffers(n: number, L: number): void {
  if (idBuffer.length >= n) return;
  const size = n * 2;
  idBuffer = new Int32Array(size);
  capBuffer = new Int32Array(size);
  emitBuffer = new Int32Array(size * L);
  scoreBuffer = new Float64Array(size * L);
  backBuffer = new Uint8Array(size * L);
}

/** Best label index (into LABELS) per token of one sentence: Viterbi under BIO constraints. */
export function decodeSentence(tokens: readonly string[], model: TaggerModel): Uint8Array {
  const n = tokens.length;
  const labels = new Uint8Array(n); // 0 is O
  if (n === 0) return labels;
  const state = decoderState(model);
  ensureBuffers(n, model.labelCount);
  for (let i = 0; i < n; i++) idBuffer[i] = wordIdAt(state, model, tokens[i], 0, tokens[i].length);
  decodeIds(state, model, n, labels);
  return labels;
}

/** Decodes the sentence whose word ids are idBuffer[0..n) into labels. */
function decodeIds(state: DecoderState, model: TaggerModel, n: number, labels: Uint8Array): void {
  const A = state.attrs;
  let hasLower = false, hasUpper = false;
  for (let i = 0; i < n; i++) {
    const at = idBuffer[i] * ATTRS;
    const cap = A[at + 2];
    capBuffer[i] = cap;
    if (A[at + 3]) hasLower = true;
    if (cap === CAP_UPPER) hasUpper = true;
  }
  const headline = !hasLower && hasUpper ? 1 : 0;
  // Decode each run of tokens near a capitalised word; the rest stay O.
  let i = 0;
  while (i < n) {
    let runStart = -1;
    for (; i < n; i++) {
      const c = capBuffer[i];
      if (c === CAP_TITLE || c === CAP_UPPER || c === CAP_MIXED) { runStart = Math.max(0, i - ACTIVE_RADIUS); break; }
    }
    if (runStart < 0) break;
    let lastCap = i;
    for (; i < n && i <= lastCap + ACTIVE_RADIUS; i++) {
      const c = capBuffer[i];
      if (c === CAP_TITLE || c === CAP_UPPER || c === CAP_MIXED) lastCap = i;
    }
    decodeRun(state, model, n, headline, runStart, i, labels);
  }
  if (state.pairsStale) { clearPairs(state); state.pairsStale = false; }
}

/** The runtime's label set (LABELS): O, then B- and I- of four types. */
const NINE_LABELS = 9;

/** The best predecessor of a label that any label may precede (first of equals, as in the loop). */
function argBest9(s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number, s8: number, Tc: Int32Array, o: number): number {
  let best = s0 + Tc[o], arg = 0, s = s1 + Tc[o + 1];
  if (s > best) { best = s; arg = 1; }
  s = s2 + Tc[o + 2]; if (s > best) { best = s; arg = 2; }
  s = s3 + Tc[o + 3]; if (s > best) { best = s; arg = 3; }
  s = s4 + Tc[o + 4]; if (s > best) { best = s; arg = 4; }
  s = s5 + Tc[o + 5]; if (s > best) { best = s; arg = 5; }
  s = s6 + Tc[o + 6]; if (s > best) { best = s; arg = 6; }
  s = s7 + Tc[o + 7]; if (s > best) { best = s; arg = 7; }
  s = s8 + Tc[o + 8]; if (s > best) { arg = 8; }
  return arg;
}

/**
 * Viterbi over positions from+1..to-1 for LABELS (O = 0, B-x odd, I-x = B-x + 1): the
 * general loop below unrolled, with the same sums, order and tie-breaking. O and B-x may
 * follow any label; I-x only B-x or I-x. Tc is the transposed transition matrix.
 */
function viterbiNine(Tc: Int32Array, emit: Int32Array, score: Float64Array, back: Uint8Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const pb = (i - 1) * 9, at = i * 9;
    const s0 = score[pb], s1 = score[pb + 1], s2 = score[pb + 2], s3 = score[pb + 3], s4 = score[pb + 4];
    const s5 = score[pb + 5], s6 = score[pb + 6], s7 = score[pb + 7], s8 = score[pb + 8];
    for (let cur = 0; cur < 9; cur++) {
      const o = cur * 9;
      let arg: number;
      if (cur === 0 || (cur & 1) === 1) {
        arg = argBest9(s0, s1, s2, s3, s4, s5, s6, s7, s8, Tc, o);
      } else {
        // I-x after B-x (cur - 1) or I-x (cur); the B- comes first, so it wins ties.
        arg = score[pb + cur] + Tc[o + cur] > score[pb + cur - 1] + Tc[o + cur - 1] ? cur : cur - 1;
      }
      score[at + cur] = (score[pb + arg] + Tc[o + arg]) + emit[at + cur];
      back[at + cur] = arg;
    }
  }
}

function decodeRun(state: DecoderState, model: TaggerModel, n: number, headline: number, from: number, to: number, labels: Uint8Array): void {
  const L = model.labelCount;
  const W = model.emissions;
  const shift = 32 - model.bits;
  const V = state.vectors;
  const stride = WORD_VECTORS * L;
  const emit = emitBuffer, score = scoreBuffer, back = backBuffer;
  const ids = idBuffer, caps = capBuffer;
  const A = state.attrs;
  reservePairs(state, L, to - from + 1);
  let leftPair = pairIdOf(state, model, from >= 1 ? ids[from - 1] : PAD, ids[from]);
  const P = state.pairVectors;
  for (let i = from; i < to; i++) {
    const base = i * L;
    const rightPair = pairIdOf(state, model, ids[i], i + 1 < n ? ids[i + 1] : PAD);
    // The right pair's second half holds the token's own vector too.
    const fromPrev = leftPair * 2 * L, selfAndNext = rightPair * 2 * L + L;
    const p2 = (i >= 2 ? ids[i - 2] : PAD) * stride + PREV2 * L;
    const n2 = (i + 2 < n ? ids[i + 2] : PAD) * stride + NEXT2 * L;
    // Cap-class features (see contextFeatures), summed once per combination.
    const start = i === 0 ? 1 : 0;
    const combo = capComboId(state, model, i >= 2 ? caps[i - 2] : 7, i >= 1 ? caps[i - 1] : 7, caps[i],
      i + 1 < n ? caps[i + 1] : 8, i + 2 < n ? caps[i + 2] : 8, headline * 2 + start) * L;
    const C = state.capComboVectors;
    for (let l = 0; l < L; l++) {
      emit[base + l] = P[selfAndNext + l] + P[fromPrev + l] + V[p2 + l] + V[n2 + l] + C[combo + l];
    }
    leftPair = rightPair;
    if (headline === 1) {
      const shape = A[ids[i] * ATTRS + 1];
      const h0 = (mix(24, mix(0, shape)) >>> shift) * L, h1 = (mix(24, mix(1, shape)) >>> shift) * L;
      for (let l = 0; l < L; l++) emit[base + l] += W[h1 + l] - W[h0 + l];
    }
  }
  const T = state.transitions;
  const prevFrom = state.prevFrom, prevList = state.prevList;
  // A run that does not start the sentence follows an O.
  if (from === 0) {
    for (let cur = 0; cur < L; cur++) score[cur] = state.startRow[cur] + emit[cur];
  } else {
    for (let cur = 0; cur < L; cur++) score[from * L + cur] = state.afterO[cur] + emit[from * L + cur];
  }
  if (L === NINE_LABELS) viterbiNine(state.transitionsByCur, emit, score, back, from, to);
  else {
    for (let i = from + 1; i < to; i++) {
      const prevBase = (i - 1) * L;
      for (let cur = 0; cur < L; cur++) {
        let best = -Infinity, arg = 0;
        const first = prevFrom[cur], last = prevFrom[cur + 1];
        if (last - first === L) {
          for (let prev = 0; prev < L; prev++) {
            const s = score[prevBase + prev] + T[prev * L + cur];
            if (s > best) { best = s; arg = prev; }
          }
        } else {
          for (let k = first; k < last; k++) {
            const prev = prevList[k];
            const s = score[prevBase + prev] + T[prev * L + cur];
            if (s > best) { best = s; arg = prev; }
          }
        }
        score[i * L + cur] = best + emit[i * L + cur];
        back[i * L + cur] = arg;
      }
    }
  }
  // A run that ends before the sentence does is followed by an O: no name may end on a
  // dangling I- that O cannot follow, so any label is a valid end.
  let best = -Infinity, arg = 0;
  for (let l = 0; l < L; l++) if (score[(to - 1) * L + l] > best) { best = score[(to - 1) * L + l]; arg = l; }
  for (let i = to - 1; i >= from; i--) {
    labels[i] = arg;
    arg = back[i * L + arg];
  }
}

/**
 * Finds names in raw text. Returns spans in text order with UTF-16 offsets;
 * kind 'other' marks proper names that are not a person, organization or place.
 */
export function tagNames(text: string, model: TaggerModel = getDefaultModel()): NameSpan[] {
  return tagSpans(text, model, false);
}

/** A name span with how strongly the tagger read each type over its tokens. */
export interface ScoredNameSpan extends NameSpan {
  /**
   * Per type, in the order of SCORED_KINDS (person, organization, place, other): the
   * span's emission score for that type (B- on the first token, I- on the rest), in the
   * model's trained units. The difference between two entries is the tagger's margin.
   */
  scores: number[];
}

export const SCORED_KINDS: readonly NameKind[] = ['person', 'organization', 'place', 'other'];
const SCORED_B = ['B-PER', 'B-ORG', 'B-LOC', 'B-MISC'].map((l) => LABELS.indexOf(l as (typeof LABELS)[number]));

/** tagNames, with each span's per-type scores (for document-level type votes). */
export function tagNamesScored(text: string, model: TaggerModel = getDefaultModel()): ScoredNameSpan[] {
  return tagSpans(text, model, true) as ScoredNameSpan[];
}

/**
 * The score of the sentence's best path with the span [from, to] relabelled as each type
 * in turn, less the rest of the path: emissions plus the transitions into, inside and
 * out of the span.
 */
function spanScores(model: TaggerModel, labels: Uint8Array, n: number, from: number, to: number): number[] {
  const L = model.labelCount;
  const T = model.transitions;
  const scale = model.scale ?? 1;
  const prevRow = from === 0 ? L : labels[from - 1];
  const next = to + 1 < n ? labels[to + 1] : -1;
  // An array literal of exactly four: pushing onto [] would reserve room for seventeen.
  return [
    typeScore(L, T, prevRow, next, from, to, SCORED_B[0]) / scale,
    typeScore(L, T, prevRow, next, from, to, SCORED_B[1]) / scale,
    typeScore(L, T, prevRow, next, from, to, SCORED_B[2]) / scale,
    typeScore(L, T, prevRow, next, from, to, SCORED_B[3]) / scale,
  ];
}

/** spanScores' sum for the type whose B- label is b. */
function typeScore(L: number, T: Int32Array, prevRow: number, next: number, from: number, to: number, b: number): number {
  let sum = emitBuffer[from * L + b] + T[prevRow * L + b];
  for (let i = from + 1; i <= to; i++) sum += emitBuffer[i * L + b + 1] + T[(i === from + 1 ? b : b + 1) * L + b + 1];
  if (next >= 0) sum += T[(to > from ? b + 1 : b) * L + next];
  return sum;
}

function tagSpans(text: string, model: TaggerModel, withScores: boolean): NameSpan[] {
  const spans: NameSpan[] = [];
  const t = scanTokens(text);
  if (t.count === 0) return spans;
  const state = decoderState(model);
  let labels = labelBuffer;
  let first = 0;
  for (let s = 0; s < t.sentenceCount; s++) {
    const end = t.sentenceEnds[s];
    const n = end - first;
    ensureBuffers(n, model.labelCount);
    if (labels.length < n) labels = labelBuffer = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) idBuffer[i] = wordIdAt(state, model, text, t.starts[first + i], t.ends[first + i]);
    labels.fill(0, 0, n);
    decodeIds(state, model, n, labels);
    // The open name's first token (openAt < 0: none) and label; its span object is made
    // once it closes, whole: adding `scores` to a made object would grow it.
    let openAt = -1;
    let openLabel = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      if (label === 0 && openAt < 0) continue; // most tokens: O outside a name
      const type = LABEL_TYPE[label];
      if (openAt >= 0 && (!LABEL_INSIDE[label] || type !== LABEL_TYPE[openLabel])) {
        spans.push(closedSpan(model, labels, n, t, first, openAt, i - 1, openLabel, withScores));
        openAt = -1;
      }
      if (type && openAt < 0) {
        openAt = i;
        openLabel = label;
      }
    }
    if (openAt >= 0) spans.push(closedSpan(model, labels, n, t, first, openAt, n - 1, openLabel, withScores));
    first = end;
  }
  return spans;
}

let labelBuffer = new Uint8Array(256);

/** The name over the sentence's tokens from..to (token `first` + i is the sentence's i-th), its label `label`'s kind. */
function closedSpan(model: TaggerModel, labels: Uint8Array, n: number, t: TokenArrays, first: number, from: number, to: number, label: number, withScores: boolean): NameSpan {
  const start = t.starts[first + from];
  const end = t.ends[first + to];
  const kind = LABEL_KIND[label];
  if (!withScores) return { start, end, kind };
  const scored: ScoredNameSpan = { start, end, kind, scores: spanScores(model, labels, n, from, to) };
  return scored;
}
