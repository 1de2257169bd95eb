// Feature extraction shared by the runtime and the training script. Each token gets
// FEATURES_PER_TOKEN hashed feature indices; the model holds one weight row per index.
// The first LOCAL_FEATURES depend on the token's own string only, so the runtime can
// cache their summed weights per distinct word; the rest look at neighbours (±2 tokens).
// Attributes are hashed once per token and combined with integer mixing: no feature
// strings are built. Gazetteer classes (gazetteer.ts: first name, place, common word, …)
// are features of the token and of its neighbours.

import { gazetteerMask } from './gazetteer';

export const LOCAL_FEATURES = 13;
export const CONTEXT_FEATURES = 17;
export const FEATURES_PER_TOKEN = LOCAL_FEATURES + CONTEXT_FEATURES;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Integer hash combiner shared by every feature (exported so the runtime can cache partial sums). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export interface TokenAttributes {
  lower: number;
  exact: number;
  shape: number;
  /** Cap.* below. */
  capClass: number;
  /** Has a lower-case letter (so its sentence is not an all-capitals headline). */
  hasLower: boolean;
  prefix1: number;
  prefix2: number;
  prefix3: number;
  suffix1: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  /** Gazetteer class mask (gazetteer.ts). */
  gaz: number;
}

const CAP_LOWER = 1, CAP_TITLE = 2, CAP_UPPER = 3, CAP_MIXED = 4, CAP_DIGIT = 5, CAP_OTHER = 6;

function lowerCode(token: string, i: number): number {
  const c = token.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48; // digits are all alike
  if (c < 128) return c;
  return token[i].toLowerCase().charCodeAt(0);
}

export function tokenAttributes(token: string): TokenAttributes {
  let exact = FNV_OFFSET;
  let lower = FNV_OFFSET;
  let shape = FNV_OFFSET;
  let lastShapeChar = -1;
  let uppers = 0, lowers = 0, digits = 0;
  let firstUpper = false;
  let prefix1 = 0, prefix2 = 0, prefix3 = 0;
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const raw = token.charCodeAt(i);
    exact = Math.imul(exact ^ raw, FNV_PRIME);
    let c = raw;
    let shapeChar: number;
    if (c >= 65 && c <= 90) { uppers++; if (i === 0) firstUpper = true; shapeChar = 88; c += 32; }
    else if (c >= 97 && c <= 122) { lowers++; shapeChar = 120; }
    else if (c >= 48 && c <= 57) { digits++; shapeChar = 100; c = 48; }
    else if (c >= 128) {
      const ch = token[i];
      const lc = ch.toLowerCase();
      if (lc !== ch) { uppers++; if (i === 0) firstUpper = true; shapeChar = 88; c = lc.charCodeAt(0); }
      else if (ch.toUpperCase() !== ch) { lowers++; shapeChar = 120; }
      else shapeChar = c;
    } else shapeChar = c;
    lower = Math.imul(lower ^ c, FNV_PRIME);
    if (i === 0) prefix1 = lower;
    else if (i === 1) prefix2 = lower;
    else if (i === 2) prefix3 = lower;
    if (shapeChar !== lastShapeChar) { shape = Math.imul(shape ^ shapeChar, FNV_PRIME); lastShapeChar = shapeChar; }
  }
  if (n < 2) prefix2 = prefix1;
  if (n < 3) prefix3 = prefix2;
  let s = FNV_OFFSET;
  let suffix1 = 0, suffix2 = 0, suffix3 = 0, suffix4 = 0;
  for (let i = 0; i < 4; i++) {
    if (i < n) s = Math.imul(s ^ lowerCode(token, n - 1 - i), FNV_PRIME);
    if (i === 0) suffix1 = s; else if (i === 1) suffix2 = s; else if (i === 2) suffix3 = s; else suffix4 = s;
  }
  let capClass: number;
  if (digits > 0) capClass = CAP_DIGIT;
  else if (uppers === 0 && lowers > 0) capClass = CAP_LOWER;
  else if (uppers > 0 && lowers === 0) capClass = n === 1 && firstUpper ? CAP_TITLE : CAP_UPPER;
  else if (firstUpper && uppers === 1) capClass = CAP_TITLE;
  else if (uppers > 0) capClass = CAP_MIXED;
  else capClass = CAP_OTHER;
  return { lower, exact, shape, capClass, hasLower: lowers > 0, prefix1, prefix2, prefix3, suffix1, suffix2, suffix3, suffix4, gaz: gazetteerMask(token) };
}

/** Writes the LOCAL_FEATURES indices of one token at out[k...]. */
export function localFeatures(a: TokenAttributes, bits: number, out: Int32Array, k: number): void {
  const shift = 32 - bits;
  out[k] = mix(1, 0) >>> shift;
  out[k + 1] = mix(2, a.lower) >>> shift;
  out[k + 2] = mix(3, a.exact) >>> shift;
  out[k + 3] = mix(4, a.shape) >>> shift;
  out[k + 4] = mix(5, a.prefix1) >>> shift;
  out[k + 5] = mix(6, a.prefix2) >>> shift;
  out[k + 6] = mix(7, a.prefix3) >>> shift;
  out[k + 7] = mix(8, a.suffix1) >>> shift;
  out[k + 8] = mix(9, a.suffix2) >>> shift;
  out[k + 9] = mix(10, a.suffix3) >>> shift;
  out[k + 10] = mix(11, a.suffix4) >>> shift;
  out[k + 11] = mix(27, a.gaz * 8 + a.capClass) >>> shift;
  out[k + 12] = mix(28, a.gaz) >>> shift;
}

export const PAD_BEFORE = 0x1234567, PAD_AFTER = 0x7654321;

/** Per-sentence neighbour attributes, struct-of-arrays. */
export interface SentenceContext {
  n: number;
  lower: Int32Array;
  shape: Int32Array;
  capClass: Int32Array;
  gaz: Int32Array;
  /** All-capitals headline: no token has a lower-case letter. */
  headline: number;
}

/** True when no token has a lower-case letter and some token has capitals. */
export function isHeadline(attrs: readonly TokenAttributes[]): boolean {
  let upper = false;
  for (const a of attrs) {
    if (a.hasLower) return false;
    if (a.capClass === CAP_UPPER) upper = true;
  }
  return upper;
}

/** Writes the CONTEXT_FEATURES indices of token i at out[k...]. */
export function contextFeatures(ctx: SentenceContext, i: number, bits: number, out: Int32Array, k: number): void {
  const shift = 32 - bits;
  const n = ctx.n;
  const L = ctx.lower, S = ctx.shape, C = ctx.capClass;
  const lower = L[i], shape = S[i], cap = C[i];
  const pl1 = i >= 1 ? L[i - 1] : PAD_BEFORE, ps1 = i >= 1 ? S[i - 1] : PAD_BEFORE, pc1 = i >= 1 ? C[i - 1] : 7;
  const pl2 = i >= 2 ? L[i - 2] : PAD_BEFORE, pc2 = i >= 2 ? C[i - 2] : 7;
  const nl1 = i + 1 < n ? L[i + 1] : PAD_AFTER, ns1 = i + 1 < n ? S[i + 1] : PAD_AFTER, nc1 = i + 1 < n ? C[i + 1] : 8;
  const nl2 = i + 2 < n ? L[i + 2] : PAD_AFTER, nc2 = i + 2 < n ? C[i + 2] : 8;
  const start = i === 0 ? 1 : 0;
  const headline = ctx.headline;
  out[k] = mix(12, pl1) >>> shift;
  out[k + 1] = mix(13, nl1) >>> shift;
  out[k + 2] = mix(14, pl2) >>> shift;
  out[k + 3] = mix(15, nl2) >>> shift;
  out[k + 4] = mix(16, ps1) >>> shift;
  out[k + 5] = mix(17, ns1) >>> shift;
  out[k + 6] = mix(18, mix(ps1, shape)) >>> shift;
  out[k + 7] = mix(19, mix(shape, ns1)) >>> shift;
  out[k + 8] = mix(20, mix(pl1, lower)) >>> shift;
  out[k + 9] = mix(21, mix(lower, nl1)) >>> shift;
  out[k + 10] = mix(22, mix(start, shape)) >>> shift;
  out[k + 11] = mix(23, mix(start, lower)) >>> shift;
  out[k + 12] = mix(24, mix(headline, shape)) >>> shift;
  out[k + 13] = mix(25, (pc1 * 16 + cap) * 16 + nc1) >>> shift;
  out[k + 14] = mix(26, mix(headline * 2 + start, cap * 16 + pc2 * 256 + nc2)) >>> shift;
  out[k + 15] = mix(29, i >= 1 ? ctx.gaz[i - 1] : PAD_BEFORE) >>> shift;
  out[k + 16] = mix(30, i + 1 < n ? ctx.gaz[i + 1] : PAD_AFTER) >>> shift;
}

export function sentenceContext(attrs: readonly TokenAttributes[]): SentenceContext {
  const n = attrs.length;
  const ctx: SentenceContext = { n, lower: new Int32Array(n), shape: new Int32Array(n), capClass: new Int32Array(n), gaz: new Int32Array(n), headline: isHeadline(attrs) ? 1 : 0 };
  for (let i = 0; i < n; i++) { ctx.lower[i] = attrs[i].lower; ctx.shape[i] = attrs[i].shape; ctx.capClass[i] = attrs[i].capClass; ctx.gaz[i] = attrs[i].gaz; }
  return ctx;
}

/**
 * Writes FEATURES_PER_TOKEN hashed feature indices for every token of one sentence into
 * `out` (length >= tokens.length * FEATURES_PER_TOKEN), each in [0, 2^bits).
 */
export function sentenceFeatures(tokens: readonly string[], bits: number, out: Int32Array): void {
  const attrs = tokens.map(tokenAttributes);
  const ctx = sentenceContext(attrs);
  for (let i = 0; i < tokens.length; i++) {
    localFeatures(attrs[i], bits, out, i * FEATURES_PER_TOKEN);
    contextFeatures(ctx, i, bits, out, i * FEATURES_PER_TOKEN + LOCAL_FEATURES);
  }
}
