// The attribution tagger: an averaged structured perceptron over BIO tags for Source, Cue
// and Content, decoded per sentence with Viterbi. The artifact is JSON metadata (bundled as
// data) plus a binary file (models/attribution-model.bin, read at run time, see
// ../modelFiles): hashed feature rows kept after pruning, delta-and-varint encoded,
// weights quantised to int8; plus the cue-like word list the features look at.
import { expandEmissionRows, type ModelBinaryRef, type ModelBytes } from '../modelFiles';
import type { Token } from '../text';
import * as features from './features';
import type { WordTable } from './features';

// Module-local bindings of what the scoring loops use per token: when modules are loaded
// one by one (tsx: the bench and the scripts), each read of an imported binding is a
// getter call; in the bundle these are plain aliases.
const { BOS, EOS, LABEL_COUNT, NEIGHBOUR_OFFSETS, ROLE_LABELS, RULE_CODE_COUNT, WORD_FEATURE_COUNT, distanceBucket, mix, wordRuleFeature, wordFeatureIndices, wordTable } = features;

export interface AttributionModelArtifact {
  format: 'claimlens-attribution/1';
  bits: number;
  labels: string[];
  /** Weights are integers; divide by scale for the trained values. */
  scale: number;
  /** (labels + 1) x labels transition weights; the last row is the sentence start. */
  transitions: number[];
  /** The binary file with the kept feature indices (ascending, LEB128 varint deltas), then
   * the int8 weights (labels per kept row). */
  binary: ModelBinaryRef;
  /** Lower-case words the corpus often marks as cues (single words, no corpus text). */
  cueWords: string[];
  trainedOn?: string;
}

export interface AttributionModel {
  bits: number;
  /** Weights per feature row: L int8 per row. */
  emissions: Int8Array;
  /** The same rows packed two labels per int32 (packedRows), for the scoring loop. */
  emissionPairs?: Int32Array;
  /** The same rows as biased bytes, two int32 per row (byteRows), for the word-pair rows. */
  emissionBytes?: Int32Array;
  transitions: Int32Array;
  cueWords: Set<string>;
}

export type Role = 'Source' | 'Cue' | 'Content';

/** A span of one role, in token indices [first, last] of its sentence. */
export interface RoleSpan {
  role: Role;
  first: number;
  last: number;
}

export function loadAttributionModel(artifact: AttributionModelArtifact, bytes: ModelBytes): AttributionModel {
  if (artifact.format !== 'claimlens-attribution/1') throw new Error(`unknown attribution model format ${artifact.format}`);
  if (artifact.labels.length !== LABEL_COUNT || artifact.labels.some((l, i) => l !== ROLE_LABELS[i])) {
    throw new Error('attribution model labels do not match the runtime');
  }
  const L = LABEL_COUNT;
  const emissions = expandEmissionRows(artifact.bits, L, bytes);
  return { bits: artifact.bits, emissions, emissionPairs: packedRows(emissions), emissionBytes: byteRows(emissions), transitions: Int32Array.from(artifact.transitions), cueWords: new Set(artifact.cueWords) };
}

/** Below any sum of weights (a sentence of < 100,000 tokens of |score| < 10,000): an I-* label at the sentence start. */
const UNREACHABLE = -(2 ** 30);

/** May label `to` follow label `from` (-1: sentence start)? I-X only continues X. */
export function allowedTransition(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true; // O and B-* anywhere
  return from === to || from === to - 1;
}

/**
 * Viterbi over emission scores `scores` (n x L) and transitions ((L + 1) x L, last row the
 * start). Returns the best label per token.
 */
export function viterbi(
  scores: Int32Array,
  n: number,
  transitions: ArrayLike<number>,
  /** A buffer for the labels (its first n entries; at least n long). */
  into?: Int8Array,
): Int8Array {
  const L = LABEL_COUNT;
  const labels = into ?? new Int8Array(n);
  if (n === 0) return labels;
  if (backBuffer.length < n * L) backBuffer = new Int8Array(n * L * 2);
  const back = backBuffer;
  // Seven labels, unrolled, the best scores of the previous token in locals; the same
  // sums, the same ascending order of predecessors and strict comparisons as the plain
  // loop (viterbiReference in the tests), so the same labels on ties.
  // Every label's first allowed predecessor is one whose score is finite (O and B-* may
  // start a sentence), so it initialises the maximum without a comparison; the I-* labels
  // cannot start one: UNREACHABLE, an integer below every finite sum (the sums stay small
  // integers, which the engine adds as int32, not as doubles).
  const t00 = transitions[0],
    t10 = transitions[7],
    t20 = transitions[14],
    t30 = transitions[21],
    t40 = transitions[28],
    t50 = transitions[35],
    t60 = transitions[42],
    t01 = transitions[1],
    t11 = transitions[8],
    t21 = transitions[15],
    t31 = transitions[22],
    t41 = transitions[29],
    t51 = transitions[36],
    t61 = transitions[43],
    t12 = transitions[9],
    t22 = transitions[16],
    t03 = transitions[3],
    t13 = transitions[10],
    t23 = transitions[17],
    t33 = transitions[24],
    t43 = transitions[31],
    t53 = transitions[38],
    t63 = transitions[45],
    t34 = transitions[25],
    t44 = transitions[32],
    t05 = transitions[5],
    t15 = transitions[12],
    t25 = transitions[19],
    t35 = transitions[26],
    t45 = transitions[33],
    t55 = transitions[40],
    t65 = transitions[47],
    t56 = transitions[41],
    t66 = transitions[48];
  const start = L * L;
  let p0 = scores[0] + transitions[start + 0];
  let p1 = scores[1] + transitions[start + 1];
  let p2 = UNREACHABLE;
  let p3 = scores[3] + transitions[start + 3];
  let p4 = UNREACHABLE;
  let p5 = scores[5] + transitions[start + 5];
  let p6 = UNREACHABLE;
  for (let k = 1; k < n; k++) {
    const o = k * L;
    let m0 = p0 + t00, a0 = 0;
    if (p1 + t10 > m0) { m0 = p1 + t10; a0 = 1; }
    if (p2 + t20 > m0) { m0 = p2 + t20; a0 = 2; }
    if (p3 + t30 > m0) { m0 = p3 + t30; a0 = 3; }
    if (p4 + t40 > m0) { m0 = p4 + t40; a0 = 4; }
    if (p5 + t50 > m0) { m0 = p5 + t50; a0 = 5; }
    if (p6 + t60 > m0) { m0 = p6 + t60; a0 = 6; }
    let m1 = p0 + t01, a1 = 0;
    if (p1 + t11 > m1) { m1 = p1 + t11; a1 = 1; }
    if (p2 + t21 > m1) { m1 = p2 + t21; a1 = 2; }
    if (p3 + t31 > m1) { m1 = p3 + t31; a1 = 3; }
    if (p4 + t41 > m1) { m1 = p4 + t41; a1 = 4; }
    if (p5 + t51 > m1) { m1 = p5 + t51; a1 = 5; }
    if (p6 + t61 > m1) { m1 = p6 + t61; a1 = 6; }
    let m2 = p1 + t12, a2 = 1;
    if (p2 + t22 > m2) { m2 = p2 + t22; a2 = 2; }
    let m3 = p0 + t03, a3 = 0;
    if (p1 + t13 > m3) { m3 = p1 + t13; a3 = 1; }
    if (p2 + t23 > m3) { m3 = p2 + t23; a3 = 2; }
    if (p3 + t33 > m3) { m3 = p3 + t33; a3 = 3; }
    if (p4 + t43 > m3) { m3 = p4 + t43; a3 = 4; }
    if (p5 + t53 > m3) { m3 = p5 + t53; a3 = 5; }
    if (p6 + t63 > m3) { m3 = p6 + t63; a3 = 6; }
    let m4 = p3 + t34, a4 = 3;
    if (p4 + t44 > m4) { m4 = p4 + t44; a4 = 4; }
    let m5 = p0 + t05, a5 = 0;
    if (p1 + t15 > m5) { m5 = p1 + t15; a5 = 1; }
    if (p2 + t25 > m5) { m5 = p2 + t25; a5 = 2; }
    if (p3 + t35 > m5) { m5 = p3 + t35; a5 = 3; }
    if (p4 + t45 > m5) { m5 = p4 + t45; a5 = 4; }
    if (p5 + t55 > m5) { m5 = p5 + t55; a5 = 5; }
    if (p6 + t65 > m5) { m5 = p6 + t65; a5 = 6; }
    let m6 = p5 + t56, a6 = 5;
    if (p6 + t66 > m6) { m6 = p6 + t66; a6 = 6; }
    back[o + 0] = a0;
    back[o + 1] = a1;
    back[o + 2] = a2;
    back[o + 3] = a3;
    back[o + 4] = a4;
    back[o + 5] = a5;
    back[o + 6] = a6;
    p0 = m0 + scores[o + 0];
    p1 = m1 + scores[o + 1];
    p2 = m2 + scores[o + 2];
    p3 = m3 + scores[o + 3];
    p4 = m4 + scores[o + 4];
    p5 = m5 + scores[o + 5];
    p6 = m6 + scores[o + 6];
  }
  // The best last label: the first of the highest (strict comparisons, ascending).
  let arg = 0, best = p0;
  if (p1 > best) { best = p1; arg = 1; }
  if (p2 > best) { best = p2; arg = 2; }
  if (p3 > best) { best = p3; arg = 3; }
  if (p4 > best) { best = p4; arg = 4; }
  if (p5 > best) { best = p5; arg = 5; }
  if (p6 > best) arg = 6;
  for (let k = n - 1; k >= 0; k--) {
    labels[k] = arg;
    arg = back[k * L + arg];
  }
  return labels;
}

const ROLES: readonly Role[] = ['Source', 'Cue', 'Content'];

/** Runs of B/I labels (the first n) as role spans. */
export function labelSpans(labels: ArrayLike<number>, n = labels.length): RoleSpan[] {
  const spans: RoleSpan[] = [];
  for (let k = 0; k < n; k++) {
    const l = labels[k];
    if (l === 0) continue;
    const role = ROLES[(l - 1) >> 1];
    // Not spans[-1] when there is none: a read before the array is the engine's slow path.
    const last = spans.length > 0 ? spans[spans.length - 1] : undefined;
    if (l % 2 === 0 && last !== undefined && last.role === role && last.last === k - 1) last.last = k;
    else spans.push({ role, first: k, last: k });
  }
  return spans;
}

// Scratch space reused from sentence to sentence (tagging is synchronous).
let scoreBuffer = new Int32Array(0);
let backBuffer = new Int8Array(0);
let labelBuffer = new Int8Array(0);

/*
 * Scores are added two labels at a time: a "packed row" is four int32 words, each holding
 * two signed 16-bit lanes (lo + hi * 65536; word 3 holds label 6 alone, and in its high
 * half a "filled" flag in the memo tables). A sum of packed words is the packed sum of
 * the lanes as long as every lane's sum fits in 16 bits: a token adds at most ~40 int8
 * weights (|sum| ≤ 5,120), so the lanes never carry into each other and the unpacked
 * sums are the same integers as label-by-label addition.
 */
const PACKED = 4;

/** Packs two small signed integers into one int32 word. */
function packPair(lo: number, hi: number): number {
  return (hi << 16) + lo;
}

/** The low lane of a packed sum. */
function lowLane(word: number): number {
  return (word << 16) >> 16;
}

/** The high lane of a packed sum. */
function highLane(word: number): number {
  return (word - lowLane(word)) >> 16;
}

/** The emission table as packed rows (PACKED int32 per feature row). */
function packedRows(em: Int8Array): Int32Array {
  const rows = em.length / LABEL_COUNT;
  const packed = new Int32Array(rows * PACKED);
  for (let f = 0; f < rows; f++) {
    const e = f * LABEL_COUNT, p = f * PACKED;
    packed[p] = packPair(em[e], em[e + 1]);
    packed[p + 1] = packPair(em[e + 2], em[e + 3]);
    packed[p + 2] = packPair(em[e + 4], em[e + 5]);
    packed[p + 3] = em[e + 6];
  }
  return packed;
}

/*
 * The emission table again as "byte rows", half the size of the packed rows (512 KB, not
 * 1 MB: it stays in a core's L2 cache), for the six random word-pair rows per token. A
 * row is two int32 words of four bytes, each weight biased by +128 (0..255): word 0 holds
 * labels 0, 2, 1, 3 and word 1 labels 4, -, 5, 6 (its second byte 0). Masking a word with
 * 0x00ff00ff, or shifting word 0 right by 8 first, widens two bytes into the two 16-bit
 * lanes of a packed word (labels 0/1, 2/3, 4/5); label 6 is word 1's top byte: the packed row plus 128 per lane.
 * Summing BYTE_ROWS_PER_TOKEN such rows adds 128 * BYTE_ROWS_PER_TOKEN per lane, taken off
 * once: the same integer sums as the packed rows.
 */
const BYTE_ROW_WORDS = 2;
const BYTE_BIAS = 128;
const LOW_BYTES = 0x00ff00ff;

/** The emission table as byte rows (BYTE_ROW_WORDS int32 per feature row). */
export function byteRows(em: Int8Array): Int32Array {
  const rows = em.length / LABEL_COUNT;
  const out = new Int32Array(rows * BYTE_ROW_WORDS);
  for (let f = 0; f < rows; f++) {
    const e = f * LABEL_COUNT, b = f * BYTE_ROW_WORDS;
    const u = (l: number) => em[e + l] + BYTE_BIAS;
    out[b] = u(0) | (u(2) << 8) | (u(1) << 16) | (u(3) << 24);
    out[b + 1] = u(4) | (u(5) << 16) | (u(6) << 24);
  }
  return out;
}

/*
 * Per-word scores, laid out for the cache: everything a token reads of its own word and
 * of its six neighbours' words sits in one record of packed rows per word (256 bytes),
 * instead of a row of the large emission table per feature:
 *   row 0: slots 1, 9 and 28 summed, slot 28 for the word as a word or as a mark as the
 *   token that first asked was (WordScores.known: 1 word, 2 mark);
 *   rows 1-6: the word as each neighbour (NEIGHBOUR_OFFSETS order);
 *   rows 7-8: slot 20 outside and inside quotes;
 *   rows 9-15: slot 35 by rule code below RULE_CODE_COUNT.
 * Records 0 and 1 are the sentence start and end as neighbours (only their neighbour
 * rows are meaningful). Offsets below are in int32 words.
 */
const RECORD_WORDS = 64;
const RECORD_NEIGHBOURS = PACKED;
const RECORD_QUOTE = 7 * PACKED;
const RECORD_RULES = 9 * PACKED;
/** Word id i has record i + FIRST_WORD_RECORD. */
const FIRST_WORD_RECORD = 2;

if (NEIGHBOUR_OFFSETS.join() !== '-1,1,-2,2,-3,3') throw new Error('the scoring loop reads neighbours in NEIGHBOUR_OFFSETS order');
if (RECORD_RULES + RULE_CODE_COUNT * PACKED > RECORD_WORDS) throw new Error('a word record holds the rows of every rule code');

interface WordScores {
  table: WordTable;
  /** Per word id: 0 its record is not filled yet, 1 filled for a word, 2 for a mark. */
  known: Uint8Array;
  records: Int32Array;
}

const wordScores = new WeakMap<AttributionModel, WordScores>();
const wordIndices = new Int32Array(WORD_FEATURE_COUNT);

/** Copies the packed emission row of `feature` to `into` at `at`. */
function copyRow(em: Int32Array, feature: number, into: Int32Array, at: number): void {
  const row = feature * PACKED;
  into[at] = em[row];
  into[at + 1] = em[row + 1];
  into[at + 2] = em[row + 2];
  into[at + 3] = em[row + 3];
}

function wordScoresFor(model: AttributionModel, em: Int32Array, table: WordTable): WordScores {
  let cache = wordScores.get(model);
  if (!cache || cache.table !== table) {
    // Small at first, so that it grows within the first article, before the engine
    // optimises scoreWord: growing later would find no type feedback there.
    const capacity = 32;
    cache = { table, known: new Uint8Array(capacity), records: new Int32Array((capacity + FIRST_WORD_RECORD) * RECORD_WORDS) };
    const bos = new Int32Array(WORD_FEATURE_COUNT);
    const eos = new Int32Array(WORD_FEATURE_COUNT);
    wordFeatureIndices(table, -1, bos);
    wordFeatureIndices(table, -2, eos);
    // Only the start's negative-offset rows and the end's positive ones are ever read.
    for (let i = 0; i < 6; i++) {
      copyRow(em, bos[6 + i], cache.records, RECORD_NEIGHBOURS + i * PACKED);
      copyRow(em, eos[6 + i], cache.records, RECORD_WORDS + RECORD_NEIGHBOURS + i * PACKED);
    }
    wordScores.set(model, cache);
  }
  return cache;
}

function growWordScores(cache: WordScores, id: number): void {
  const capacity = Math.max(id + 1, cache.known.length * 2);
  const known = new Uint8Array(capacity);
  known.set(cache.known);
  const records = new Int32Array((capacity + FIRST_WORD_RECORD) * RECORD_WORDS);
  records.set(cache.records);
  cache.known = known;
  cache.records = records;
}

/** Fills word `id`'s record; `word`: the token that asks is a word (not a mark). */
function scoreWord(em: Int32Array, cache: WordScores, id: number, word: boolean): void {
  if (id >= cache.known.length) growWordScores(cache, id);
  wordFeatureIndices(cache.table, id, wordIndices);
  const record = (id + FIRST_WORD_RECORD) * RECORD_WORDS;
  const records = cache.records;
  const r1 = wordIndices[0] * PACKED, r9 = wordIndices[1] * PACKED, r28 = wordIndices[word ? 4 : 5] * PACKED;
  for (let w = 0; w < PACKED; w++) records[record + w] = em[r1 + w] + em[r9 + w] + em[r28 + w];
  for (let i = 0; i < 6; i++) copyRow(em, wordIndices[6 + i], records, record + RECORD_NEIGHBOURS + i * PACKED);
  for (let q = 0; q < 2; q++) copyRow(em, wordIndices[2 + q], records, record + RECORD_QUOTE + q * PACKED);
  for (let r = 0; r < RULE_CODE_COUNT; r++) copyRow(em, wordIndices[12 + r], records, record + RECORD_RULES + r * PACKED);
  cache.known[id] = word ? 1 : 2;
}

/*
 * The features keyed on the nearest cue-like word (slots 14, 16, 26, 33) and slot 32 take
 * their rows from small per-model tables, copied from the emission table on first use:
 * a cue word has at most a few dozen such rows, and the lexicon has some 700 words. Packed
 * rows, the filled flag in the high half of word 3. Regions, by cue slot
 * (WordTable.cueSlot, 0: no cue on that side):
 *   between: slot 32 by (mention code < 16, left distance bucket, right bucket), bucket 0: no cue;
 *   right: slot 16 by (right cue slot, right bucket);
 *   left: by left cue slot, LEFT_ROWS rows: slot 14 by bucket (8), slot 26 by
 *   lThat * 4 + lCommas (16; 11 when there is no cue), slot 33 by mention code * 4 + quote (64).
 */
const LEFT_ROWS = 8 + 16 + 64;
const LEFT_26 = 8;
const LEFT_33 = 24;
const BETWEEN_ROWS = 16 * 8 * 8;
/** Word 3's high half in a filled memo or cue row. */
const FILLED = 1 << 16;

interface CueRows {
  rows: Int32Array;
  /** Row index where the right and left regions start. */
  right: number;
  left: number;
}

const cueRowTables = new WeakMap<AttributionModel, CueRows>();

function cueRowsFor(model: AttributionModel, table: WordTable): CueRows {
  let cue = cueRowTables.get(model);
  const slots = table.cueSlotCount + 1;
  if (!cue || cue.left + slots * LEFT_ROWS > cue.rows.length / PACKED) {
    const right = BETWEEN_ROWS;
    const left = right + slots * 8;
    cue = { rows: new Int32Array((left + slots * LEFT_ROWS) * PACKED), right, left };
    cueRowTables.set(model, cue);
  }
  return cue;
}

/** Fills the cue row at word offset `at` with the emission row of `feature`. */
function cueRow(em: Int32Array, rows: Int32Array, at: number, feature: number): void {
  copyRow(em, feature, rows, at);
  rows[at + 3] += FILLED;
}

/** Tags one sentence: Source, Cue and Content spans in token indices. */
export function tagSentence(
  model: AttributionModel,
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  mention?: ArrayLike<number>,
  rule?: ArrayLike<number>,
  words?: SentenceWords,
): RoleSpan[] {
  const n = tokens.length;
  if (n === 0) return [];
  if (labelBuffer.length < n) labelBuffer = new Int8Array(n * 2);
  const labels = viterbi(scoreSentence(model, tokens, inQuote, mention, rule, words), n, model.transitions, labelBuffer);
  return labelSpans(labels, n);
}

/** A sentence's tokens as ids of the word table they were looked up in. */
export interface SentenceWords {
  table: WordTable;
  /** Per token (a reused buffer: valid until the next sentenceWords call). */
  ids: Int32Array;
}

let lastSentenceWords: SentenceWords | undefined;

/** Looks a sentence's tokens up in the model's word table, once for the cue check and the scoring. */
export function sentenceWords(model: AttributionModel, tokens: readonly Token[]): SentenceWords {
  const table = wordTable(model.cueWords, model.bits);
  growScratch(tokens.length);
  const ids = scratch.ids;
  for (let k = 0; k < tokens.length; k++) ids[k] = table.idOf(tokens[k].text);
  // One answer object, reused like the ids it points to (no allocation per sentence).
  if (lastSentenceWords === undefined) return (lastSentenceWords = { table, ids });
  lastSentenceWords.table = table;
  lastSentenceWords.ids = ids;
  return lastSentenceWords;
}

/*
 * The runtime computes the same features as sentenceFeatures, but adds their weights as
 * it goes instead of writing the feature indices out first. The features over small
 * integers (shapes, quote and cue context, mention and rule codes) come in groups whose
 * summed rows are memoised per combination of their inputs: a few small, cache-friendly
 * tables instead of one random row of the large emission table per feature. The sums are
 * of the same int8 weights in another order: the same integers.
 */

/** Memoised group sums: packed rows, the filled flag in the high half of word 3. */
const GROUP_SHAPES = 0; // slots 8, 17, 18, 19: ((((prevShape * 8 + shape) * 8 + nextShape) * 4 + pos) * 2 + q; shape 7: none
const GROUP_FLAGS = GROUP_SHAPES + 4096; // slots 0, 12, 21, 27: (isCue * 4 + sentence quote / cue flags) * 8 + quote pattern
// slots 13, 15, 24: ((((ld * 4 + lCommas) * 4 + lThat) * 8 + rd) * 4 + rCommas) * 2 + q, with
// distance bucket 15 (no cue on that side) as 0 (a cue is at least one token away: bucket ≥ 1)
const GROUP_CUES = GROUP_FLAGS + 64;
const GROUP_MENTIONS = GROUP_CUES + 8192; // slots 30, 31: (prev * 16 + mention) * 16 + next; prev 15: none (raw 99)
const GROUP_RULES = GROUP_MENTIONS + 4096; // slots 34, 36, 37: (prev * 16 + rule) * 16 + next; 15: none (as in the raw)
const GROUP_ENTRIES = GROUP_RULES + 4096;

const groupMemos = new WeakMap<AttributionModel, Int32Array>();

function groupMemoFor(model: AttributionModel): Int32Array {
  let memo = groupMemos.get(model);
  if (!memo) {
    memo = new Int32Array(GROUP_ENTRIES * PACKED);
    groupMemos.set(model, memo);
  }
  return memo;
}

/** Adds the packed emission row of feature index `feature` to the memo row at `at`. */
function addPacked(em: Int32Array, feature: number, memo: Int32Array, at: number): void {
  const row = feature * PACKED;
  memo[at] += em[row];
  memo[at + 1] += em[row + 1];
  memo[at + 2] += em[row + 2];
  memo[at + 3] += em[row + 3];
}

/** Fills memo entry `entry` (an index into the groups above) from its key. */
function fillGroup(em: Int32Array, mask: number, memo: Int32Array, entry: number): void {
  const at = entry * PACKED;
  memo.fill(0, at, at + PACKED);
  if (entry < GROUP_FLAGS) {
    const key = entry - GROUP_SHAPES;
    const q = key & 1, pos = (key >> 1) & 3, next = (key >> 3) & 7, shape = (key >> 6) & 7, prev = (key >> 9) & 7;
    addPacked(em, mix(shape * 2 + q, 18) & mask, memo, at);
    addPacked(em, mix(pos * 4 + shape, 27) & mask, memo, at);
    addPacked(em, mix(prev === 7 ? 99 : prev * 8 + shape, 28) & mask, memo, at);
    addPacked(em, mix(next === 7 ? 98 : shape * 8 + next, 29) & mask, memo, at);
  } else if (entry < GROUP_CUES) {
    const key = entry - GROUP_FLAGS;
    const pattern = key & 7, flags = (key >> 3) & 3, isCue = key >> 5;
    addPacked(em, 1 & mask, memo, at);
    addPacked(em, mix(isCue, 22) & mask, memo, at);
    addPacked(em, mix(flags * 2 + (pattern >> 2), 31) & mask, memo, at);
    addPacked(em, mix(pattern, 37) & mask, memo, at);
  } else if (entry < GROUP_MENTIONS) {
    const key = entry - GROUP_CUES;
    const q = key & 1, rCommas = (key >> 1) & 3, rd = (key >> 3) & 7 || 15, lThat = (key >> 6) & 3, lCommas = (key >> 8) & 3, ld = key >> 10 || 15;
    addPacked(em, mix(ld * 64 + lCommas * 8 + lThat * 2 + q, 23) & mask, memo, at);
    addPacked(em, mix(rd * 64 + rCommas * 8 + q, 25) & mask, memo, at);
    addPacked(em, mix(ld * 16 + rd, 34) & mask, memo, at);
  } else if (entry < GROUP_RULES) {
    const key = entry - GROUP_MENTIONS;
    const next = key & 15, cur = (key >> 4) & 15, prev = key >> 8;
    addPacked(em, mix(cur, 40) & mask, memo, at);
    addPacked(em, mix((prev === 15 ? 99 : prev) * 128 + cur * 16 + next, 41) & mask, memo, at);
  } else {
    const key = entry - GROUP_RULES;
    const next = key & 15, cur = (key >> 4) & 15, prev = key >> 8;
    addPacked(em, mix(cur, 44) & mask, memo, at);
    addPacked(em, mix(prev * 16 + cur, 46) & mask, memo, at);
    addPacked(em, mix(cur * 16 + next, 47) & mask, memo, at);
  }
  memo[at + 3] += FILLED;
}

// Per-sentence scratch arrays, reused (scoring is synchronous).
const scratch = {
  capacity: 0,
  ids: new Int32Array(0),
  /** Word offsets of the tokens' word records, with three sentence-start / -end paddings on either side. */
  records: new Int32Array(6),
  /** Per token, the WORD_ROWS rows scored from the emission table after the rest. */
  wordRows: new Int32Array(0),
  /** Per token, its packed sums so far. */
  packed: new Int32Array(0),
  /** Word hashes with three sentence-start / -end paddings on either side. */
  wordHash: new Int32Array(6),
  /** mix(hash of token j - 1, hash of token j) for j in [0, n + 1], paddings included. */
  pairHash: new Int32Array(2),
  shape: new Int8Array(0),
  /** Per token, the word record kind it needs (WordScores.known): 1 a word, 2 a mark. */
  recordKind: new Uint8Array(0),
  isCue: new Uint8Array(0),
  quoted: new Uint8Array(0),
  leftCue: new Int32Array(0),
  rightCue: new Int32Array(0),
  commasBefore: new Int32Array(1),
  thatsBefore: new Int32Array(1),
};

function growScratch(n: number): void {
  if (n <= scratch.capacity) return;
  const c = Math.max(n, scratch.capacity * 2, 64);
  scratch.capacity = c;
  scratch.ids = new Int32Array(c);
  scratch.records = new Int32Array(c + 6);
  scratch.wordRows = new Int32Array(c * WORD_ROWS);
  scratch.packed = new Int32Array(c * PACKED);
  scratch.wordHash = new Int32Array(c + 6);
  scratch.pairHash = new Int32Array(c + 2);
  scratch.shape = new Int8Array(c);
  scratch.recordKind = new Uint8Array(c);
  scratch.isCue = new Uint8Array(c);
  scratch.quoted = new Uint8Array(c);
  scratch.leftCue = new Int32Array(c);
  scratch.rightCue = new Int32Array(c);
  scratch.commasBefore = new Int32Array(c + 1);
  scratch.thatsBefore = new Int32Array(c + 1);
}

/** Per token: byte rows of the word-pair and word-context features (slots 6, 7, 22, 23, 25, 29). */
const WORD_ROWS = 6;
/** The byte rows' bias of WORD_ROWS rows in a packed word's two lanes. */
const WORD_ROWS_BIAS = WORD_ROWS * BYTE_BIAS * 65537;
/** Rows (feature index * PACKED) of the features scored straight from the emission table. */
const directRows = new Int32Array(32);
/** Word offsets, in the cue rows, of the cue-keyed features of one token. */
const cueOffsets = new Int32Array(8);
/** Memo entries of the grouped features of one token. */
const groupEntries = new Int32Array(8);

/**
 * The per-token facts of a sentence that the scoring loop reads, into `scratch`: word ids,
 * records and hashes, shapes, quote and cue flags, nearest cues, running counts of commas
 * and "that". Returns the sentence's quote / cue flags. (Apart from the scoring loop, so
 * that the loop's own small calls fit the optimiser's inlining budget.)
 */
function prepareSentence(
  em: Int32Array,
  table: WordTable,
  cache: WordScores,
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  words: SentenceWords | undefined,
): number {
  const n = tokens.length;
  // The ids looked up before stand unless the table has started afresh since.
  const known = words !== undefined && words.table === table && words.ids === scratch.ids;
  growScratch(n);
  const { ids, records, wordHash, pairHash, shape, recordKind, isCue, quoted, leftCue, rightCue, commasBefore, thatsBefore } = scratch;
  let quotedCount = 0;
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    const id = known ? ids[k] : table.idOf(t.text);
    ids[k] = id;
    records[k + 3] = (id + FIRST_WORD_RECORD) * RECORD_WORDS;
    wordHash[k + 3] = table.hash[id];
    const s = t.word ? table.wordShape[id] : table.markShape[id];
    shape[k] = s;
    recordKind[k] = t.word ? 1 : 2;
    const q = inQuote[k] ? 1 : 0;
    quoted[k] = q;
    quotedCount += q;
    isCue[k] = q === 0 && t.word && table.cue[id] === 1 && !(k > 0 && s === 6) ? 1 : 0;
  }
  // Per-word scores after the ids: scoring a word never renumbers the table.
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    if (id >= cache.known.length || !cache.known[id]) scoreWord(em, cache, id, tokens[k].word);
  }
  records[0] = records[1] = records[2] = 0;
  records[n + 3] = records[n + 4] = records[n + 5] = RECORD_WORDS;
  wordHash[0] = wordHash[1] = wordHash[2] = BOS;
  wordHash[n + 3] = wordHash[n + 4] = wordHash[n + 5] = EOS;
  // A word pair is a feature of three tokens (slots 6, 7 and 23): mixed once.
  for (let j = 0; j <= n + 1; j++) pairHash[j] = mix(wordHash[j + 2], wordHash[j + 3]);
  // Nearest cue-like word on the left / right, with the commas and "that" between.
  for (let k = 0, last = -1; k < n; k++) {
    leftCue[k] = last;
    if (isCue[k]) last = k;
  }
  for (let k = n - 1, next = -1; k >= 0; k--) {
    rightCue[k] = next;
    if (isCue[k]) next = k;
  }
  commasBefore[0] = thatsBefore[0] = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    commasBefore[k + 1] = commasBefore[k] + table.comma[id];
    thatsBefore[k + 1] = thatsBefore[k] + table.that[id];
  }
  // Whether the sentence quotes (2) and has a cue-like word (1).
  return (quotedCount > 0 ? 2 : 0) + (leftCue[n - 1] >= 0 || (n > 0 && isCue[n - 1]) ? 1 : 0);
}

/**
 * Emission scores (n x L) of one sentence: per token and label, the sum of the weights of
 * its features (sentenceFeatures). A view of a buffer reused by the next call.
 */
export function emissionScores(
  model: AttributionModel,
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  mention?: ArrayLike<number>,
  rule?: ArrayLike<number>,
  /** The sentence's word ids, if sentenceWords has looked them up. */
  words?: SentenceWords,
): Int32Array {
  return scoreSentence(model, tokens, inQuote, mention, rule, words).subarray(0, tokens.length * LABEL_COUNT);
}

/** emissionScores in the first n x L entries of the reused buffer (no view made per sentence). */
function scoreSentence(
  model: AttributionModel,
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  mention: ArrayLike<number> | undefined,
  rule: ArrayLike<number> | undefined,
  words: SentenceWords | undefined,
): Int32Array {
  const n = tokens.length;
  const L = LABEL_COUNT;
  if (scoreBuffer.length < n * L) scoreBuffer = new Int32Array(n * L * 2);
  const scores = scoreBuffer;
  const em = model.emissionPairs ?? (model.emissionPairs = packedRows(model.emissions));
  const bytes = model.emissionBytes ?? (model.emissionBytes = byteRows(model.emissions));
  const mask = (1 << model.bits) - 1;
  const table = wordTable(model.cueWords, model.bits);
  const cache = wordScoresFor(model, em, table);
  const memo = groupMemoFor(model);
  const cue = cueRowsFor(model, table);
  const sentenceFlags = prepareSentence(em, table, cache, tokens, inQuote, words);
  const { ids, records: recordAt, wordRows, packed, wordHash, pairHash, shape, recordKind, isCue, quoted, leftCue, rightCue, commasBefore, thatsBefore } = scratch;
  const records = cache.records;
  const known = cache.known;
  const cueRows = cue.rows;
  const cueSlot = table.cueSlot;
  // The cue rows change only when their inputs do: kept from the previous token until
  // then (-1: not computed yet).
  let at14 = 0, at16 = 0, at26 = 0, at32 = 0, at33 = 0;
  let key14 = -1, key16 = -1, key26 = -1, key32 = -1, key33 = -1;
  for (let k = 0; k < n; k++) {
    const w0 = wordHash[k + 3], wm1 = wordHash[k + 2], wp1 = wordHash[k + 4], wm2 = wordHash[k + 1];
    const q = quoted[k];
    const lc = leftCue[k];
    const rc = rightCue[k];
    const ld = lc >= 0 ? distanceBucket(k - lc) : 15;
    const rd = rc >= 0 ? distanceBucket(rc - k) : 15;
    const lCommas = lc >= 0 ? Math.min(2, commasBefore[k] - commasBefore[lc + 1]) : 3;
    const rCommas = rc >= 0 ? Math.min(2, commasBefore[rc] - commasBefore[k + 1]) : 3;
    const lThat = lc >= 0 ? Math.min(1, thatsBefore[k] - thatsBefore[lc + 1]) : 2;
    const lcWord = lc >= 0 ? wordHash[lc + 3] : 0;
    const rcWord = rc >= 0 ? wordHash[rc + 3] : 0;
    // Bucket 0 stands for "no cue on that side" (a cue is at least one token away).
    const ldIndex = lc >= 0 ? ld : 0;
    const rdIndex = rc >= 0 ? rd : 0;
    const pos = k === 0 ? 0 : k === n - 1 ? 1 : k < 4 ? 2 : 3;
    const m = mention ? mention[k] : 0;
    const ldrd = ld * 16 + rd;
    let d = 0;
    let c = 0;
    // Keys: the cue's position (which fixes its word) with the small inputs; lc + 1 ≥ 0.
    const leftRows = cue.left + (lc >= 0 ? cueSlot[ids[lc]] : 0) * LEFT_ROWS;
    const k14 = (lc + 1) * 16 + ld;
    if (k14 !== key14) {
      key14 = k14;
      at14 = (leftRows + ldIndex) * PACKED;
      if (cueRows[at14 + 3] === 0) cueRow(em, cueRows, at14, mix(mix(lcWord, ld), 24) & mask);
    }
    const k16 = (rc + 1) * 16 + rd;
    if (k16 !== key16) {
      key16 = k16;
      at16 = (cue.right + (rc >= 0 ? cueSlot[ids[rc]] : 0) * 8 + rdIndex) * PACKED;
      if (cueRows[at16 + 3] === 0) cueRow(em, cueRows, at16, mix(mix(rcWord, rd), 26) & mask);
    }
    const k26 = (lc + 1) * 16 + lThat * 4 + lCommas;
    if (k26 !== key26) {
      key26 = k26;
      at26 = (leftRows + LEFT_26 + lThat * 4 + lCommas) * PACKED;
      if (cueRows[at26 + 3] === 0) cueRow(em, cueRows, at26, mix(mix(lcWord, lThat * 4 + lCommas), 36) & mask);
    }
    cueOffsets[c++] = at14;
    cueOffsets[c++] = at16;
    cueOffsets[c++] = at26;
    if (m >= 0 && m < 16) {
      const k32 = m * 256 + ldrd;
      if (k32 !== key32) {
        key32 = k32;
        at32 = (((m * 8 + ldIndex) * 8) + rdIndex) * PACKED;
        if (cueRows[at32 + 3] === 0) cueRow(em, cueRows, at32, mix(mix(m, ldrd), 42) & mask);
      }
      const k33 = (lc + 1) * 256 + m * 4 + q;
      if (k33 !== key33) {
        key33 = k33;
        at33 = (leftRows + LEFT_33 + m * 4 + q) * PACKED;
        if (cueRows[at33 + 3] === 0) cueRow(em, cueRows, at33, mix(mix(m * 4 + q, lcWord), 43) & mask);
      }
      cueOffsets[c++] = at32;
      cueOffsets[c++] = at33;
    } else {
      key32 = key33 = -1;
      directRows[d++] = (mix(mix(m, ldrd), 42) & mask) * PACKED;
      directRows[d++] = (mix(mix(m * 4 + q, lcWord), 43) & mask) * PACKED;
    }
    const wr = k * WORD_ROWS;
    wordRows[wr] = (mix(pairHash[k], 16) & mask) * BYTE_ROW_WORDS;
    wordRows[wr + 1] = (mix(pairHash[k + 1], 17) & mask) * BYTE_ROW_WORDS;
    wordRows[wr + 2] = (mix(mix(wm1, wm2), 32) & mask) * BYTE_ROW_WORDS;
    wordRows[wr + 3] = (mix(pairHash[k + 2], 33) & mask) * BYTE_ROW_WORDS;
    wordRows[wr + 4] = (mix(mix(w0, ldrd), 35) & mask) * BYTE_ROW_WORDS;
    wordRows[wr + 5] = (mix(mix(wm1, wp1), 39) & mask) * BYTE_ROW_WORDS;
    let g = 0;
    const prevShape = k > 0 ? shape[k - 1] : 7;
    const nextShape = k + 1 < n ? shape[k + 1] : 7;
    groupEntries[g++] = GROUP_SHAPES + ((((prevShape * 8 + shape[k]) * 8 + nextShape) * 4 + pos) * 2 + q);
    const pattern = q * 4 + (k > 0 && quoted[k - 1] ? 2 : 0) + (k + 1 < n && quoted[k + 1] ? 1 : 0);
    groupEntries[g++] = GROUP_FLAGS + ((isCue[k] * 4 + sentenceFlags) * 8 + pattern);
    groupEntries[g++] = GROUP_CUES + ((((ldIndex * 4 + lCommas) * 4 + lThat) * 8 + rdIndex) * 4 + rCommas) * 2 + q;
    // Mention and rule codes outside the groups' keys (none the runtime makes) are scored directly.
    const mPrev = k > 0 ? (mention ? mention[k - 1] : 0) : 15;
    const mNext = k + 1 < n ? (mention ? mention[k + 1] : 0) : 15;
    if (m >= 0 && m < 16 && mPrev >= 0 && mPrev < 16 && (mPrev < 15 || k === 0) && mNext >= 0 && mNext < 16) {
      groupEntries[g++] = GROUP_MENTIONS + ((mPrev * 16 + m) * 16 + mNext);
    } else {
      directRows[d++] = (mix(m, 40) & mask) * PACKED;
      directRows[d++] = (mix((k > 0 ? mPrev : 99) * 128 + m * 16 + mNext, 41) & mask) * PACKED;
    }
    const r = rule ? rule[k] : 0;
    const rPrev = k > 0 ? (rule ? rule[k - 1] : 0) : 15;
    const rNext = k + 1 < n ? (rule ? rule[k + 1] : 0) : 15;
    if (r >= 0 && r < 16 && rPrev >= 0 && rPrev < 16 && rNext >= 0 && rNext < 16) {
      groupEntries[g++] = GROUP_RULES + ((rPrev * 16 + r) * 16 + rNext);
    } else {
      directRows[d++] = (mix(r, 44) & mask) * PACKED;
      directRows[d++] = (mix(rPrev * 16 + r, 46) & mask) * PACKED;
      directRows[d++] = (mix(r * 16 + rNext, 47) & mask) * PACKED;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < g; i++) {
      const at = groupEntries[i] * PACKED;
      if (memo[at + 3] === 0) fillGroup(em, mask, memo, groupEntries[i]);
      s0 += memo[at];
      s1 += memo[at + 1];
      s2 += memo[at + 2];
      s3 += memo[at + 3];
    }
    for (let i = 0; i < c; i++) {
      const at = cueOffsets[i];
      s0 += cueRows[at];
      s1 += cueRows[at + 1];
      s2 += cueRows[at + 2];
      s3 += cueRows[at + 3];
    }
    // Its own word: slots 1, 9 and 28 from the record (or, for a token that is a word where
    // the record has a mark or the reverse, from the emission table), 20 by quote, 35 by rule code.
    const id = ids[k];
    const record = recordAt[k + 3];
    if (known[id] === recordKind[k]) {
      s0 += records[record];
      s1 += records[record + 1];
      s2 += records[record + 2];
      s3 += records[record + 3];
    } else {
      directRows[d++] = table.mix11[id] * PACKED;
      directRows[d++] = table.mix19[id] * PACKED;
      directRows[d++] = (mix(mix(table.suffix[id], shape[k]), 38) & mask) * PACKED;
    }
    const quoteRow = record + RECORD_QUOTE + q * PACKED;
    s0 += records[quoteRow];
    s1 += records[quoteRow + 1];
    s2 += records[quoteRow + 2];
    s3 += records[quoteRow + 3];
    if (r >= 0 && r < RULE_CODE_COUNT) {
      const rb = record + RECORD_RULES + r * PACKED;
      s0 += records[rb];
      s1 += records[rb + 1];
      s2 += records[rb + 2];
      s3 += records[rb + 3];
    } else {
      directRows[d++] = wordRuleFeature(table, id, r) * PACKED;
    }
    for (let i = 0; i < d; i++) {
      const row = directRows[i];
      s0 += em[row];
      s1 += em[row + 1];
      s2 += em[row + 2];
      s3 += em[row + 3];
    }
    // The neighbours' words (NEIGHBOUR_OFFSETS -1, 1, -2, 2, -3, 3), rows 1-6 of their records.
    const n0 = recordAt[k + 2] + RECORD_NEIGHBOURS, n1 = recordAt[k + 4] + RECORD_NEIGHBOURS + PACKED;
    const n2 = recordAt[k + 1] + RECORD_NEIGHBOURS + 2 * PACKED, n3 = recordAt[k + 5] + RECORD_NEIGHBOURS + 3 * PACKED;
    const n4 = recordAt[k] + RECORD_NEIGHBOURS + 4 * PACKED, n5 = recordAt[k + 6] + RECORD_NEIGHBOURS + 5 * PACKED;
    s0 += records[n0] + records[n1] + records[n2] + records[n3] + records[n4] + records[n5];
    s1 += records[n0 + 1] + records[n1 + 1] + records[n2 + 1] + records[n3 + 1] + records[n4 + 1] + records[n5 + 1];
    s2 += records[n0 + 2] + records[n1 + 2] + records[n2 + 2] + records[n3 + 2] + records[n4 + 2] + records[n5 + 2];
    s3 += records[n0 + 3] + records[n1 + 3] + records[n2 + 3] + records[n3 + 3] + records[n4 + 3] + records[n5 + 3];
    const po = k * PACKED;
    packed[po] = s0;
    packed[po + 1] = s1;
    packed[po + 2] = s2;
    packed[po + 3] = s3;
  }
  // The rows of the word pairs and word contexts (slots 6, 7, 22, 23, 25, 29), from the
  // emission table as byte rows, in a loop of their own: most of their reads miss the L1
  // cache, and a short loop keeps many of them in flight at once. Then the packed sums unpacked.
  for (let k = 0; k < n; k++) {
    const po = k * PACKED;
    const wr = k * WORD_ROWS;
    let s0 = packed[po] - WORD_ROWS_BIAS, s1 = packed[po + 1] - WORD_ROWS_BIAS, s2 = packed[po + 2] - WORD_ROWS_BIAS, s3 = packed[po + 3] - WORD_ROWS * BYTE_BIAS;
    for (let i = 0; i < WORD_ROWS; i++) {
      const row = wordRows[wr + i];
      const a = bytes[row], b = bytes[row + 1];
      s0 += a & LOW_BYTES;
      s1 += (a >>> 8) & LOW_BYTES;
      s2 += b & LOW_BYTES;
      s3 += b >>> 24;
    }
    const so = k * L;
    scores[so] = lowLane(s0);
    scores[so + 1] = highLane(s0);
    scores[so + 2] = lowLane(s1);
    scores[so + 3] = highLane(s1);
    scores[so + 4] = lowLane(s2);
    scores[so + 5] = highLane(s2);
    scores[so + 6] = lowLane(s3);
  }
  return scores;
}
