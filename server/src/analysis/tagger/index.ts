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
import { CONTEXT_FEATURES, LOCAL_FEATURES, contextFeatures, localFeatures, tokenAttributes, type SentenceContext, type TokenAttributes } from './features';
import { LABELS, loadModel, type ModelArtifact, type TaggerModel } from './model';
import { tokenize } from './tokenize';
import defaultArtifact from '../../../../models/ner-model.json';

export { tokenize, type Token, type Sentence } from './tokenize';
export { loadModel, type ModelArtifact, type TaggerModel } from './model';

export type NameKind = 'person' | 'organization' | 'place' | 'other';

export interface NameSpan {
  start: number;
  end: number;
  kind: NameKind;
}

let defaultModel: TaggerModel | undefined;

/** The bundled model, decoded on first call (a few tens of ms) and kept. */
export function getDefaultModel(): TaggerModel {
  if (!defaultModel) defaultModel = loadModel(defaultArtifact as ModelArtifact);
  return defaultModel;
}

const KIND_BY_TYPE: Record<string, NameKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };
const LABEL_COUNT = LABELS.length;
const LABEL_TYPE = LABELS.map((l) => (l === 'O' ? '' : l.slice(2)));
const LABEL_INSIDE = LABELS.map((l) => l.startsWith('I-'));
const FORBIDDEN = -1e9;

/** Per model: transitions with BIO violations forbidden, and a per-word cache. */
interface DecoderState {
  transitions: Float64Array;
  words: Map<string, { attrs: TokenAttributes; emit: Int32Array }>;
}
const decoderStates = new WeakMap<TaggerModel, DecoderState>();
const WORD_CACHE_LIMIT = 200_000;

function decoderState(model: TaggerModel): DecoderState {
  let state = decoderStates.get(model);
  if (!state) {
    const L = model.labelCount;
    const transitions = new Float64Array((L + 1) * L);
    for (let prev = 0; prev <= L; prev++) {
      for (let cur = 0; cur < L; cur++) {
        const allowed = !LABEL_INSIDE[cur] || (prev < L && LABEL_TYPE[prev] === LABEL_TYPE[cur]);
        transitions[prev * L + cur] = allowed ? model.transitions[prev * L + cur] : FORBIDDEN;
      }
    }
    state = { transitions, words: new Map() };
    decoderStates.set(model, state);
  }
  return state;
}

const localIndices = new Int32Array(LOCAL_FEATURES);
const contextIndices = new Int32Array(CONTEXT_FEATURES);
const CAP_TITLE = 2, CAP_UPPER = 3, CAP_MIXED = 4;
/** Tokens further than this from any capitalised token are labelled O without scoring. */
const ACTIVE_RADIUS = 2;

// Scratch buffers reused across sentences (grown on demand) to spare the garbage collector.
let emitBuffer = new Int32Array(0);
let scoreBuffer = new Float64Array(0);
let backBuffer = new Uint8Array(0);
let ctxBuffer: SentenceContext = { n: 0, lower: new Int32Array(0), shape: new Int32Array(0), capClass: new Int32Array(0), headline: 0 };

/** Best label index (into LABELS) per token of one sentence: Viterbi under BIO constraints. */
export function decodeSentence(tokens: readonly string[], model: TaggerModel): Uint8Array {
  const n = tokens.length;
  const L = model.labelCount;
  const labels = new Uint8Array(n); // 0 is O
  if (n === 0) return labels;
  const state = decoderState(model);
  const W = model.emissions;
  const bits = model.bits;
  if (state.words.size > WORD_CACHE_LIMIT) state.words.clear();
  if (emitBuffer.length < n * L) {
    emitBuffer = new Int32Array(n * L * 2);
    scoreBuffer = new Float64Array(n * L * 2);
    backBuffer = new Uint8Array(n * L * 2);
    ctxBuffer = { n: 0, lower: new Int32Array(n * 2), shape: new Int32Array(n * 2), capClass: new Int32Array(n * 2), headline: 0 };
  }
  const emit = emitBuffer;
  const ctx = ctxBuffer;
  ctx.n = n;
  // Word-local features are summed once per distinct word.
  let hasLower = false, hasUpper = false;
  for (let i = 0; i < n; i++) {
    let entry = state.words.get(tokens[i]);
    if (!entry) {
      const a = tokenAttributes(tokens[i]);
      localFeatures(a, bits, localIndices, 0);
      const e = new Int32Array(L);
      for (let f = 0; f < LOCAL_FEATURES; f++) {
        const row = localIndices[f] * L;
        for (let l = 0; l < L; l++) e[l] += W[row + l];
      }
      entry = { attrs: a, emit: e };
      state.words.set(tokens[i], entry);
    }
    const a = entry.attrs;
    ctx.lower[i] = a.lower;
    ctx.shape[i] = a.shape;
    ctx.capClass[i] = a.capClass;
    if (a.hasLower) hasLower = true;
    if (a.capClass === CAP_UPPER) hasUpper = true;
    emit.set(entry.emit, i * L);
  }
  ctx.headline = !hasLower && hasUpper ? 1 : 0;
  // Decode each run of tokens near a capitalised word; the rest stay O.
  let i = 0;
  while (i < n) {
    let runStart = -1;
    for (; i < n; i++) {
      const c = ctx.capClass[i];
      if (c === CAP_TITLE || c === CAP_UPPER || c === CAP_MIXED) { runStart = Math.max(0, i - ACTIVE_RADIUS); break; }
    }
    if (runStart < 0) break;
    let lastCap = i;
    for (; i < n && i <= lastCap + ACTIVE_RADIUS; i++) {
      const c = ctx.capClass[i];
      if (c === CAP_TITLE || c === CAP_UPPER || c === CAP_MIXED) lastCap = i;
    }
    decodeRun(ctx, runStart, i, model, state.transitions, labels);
  }
  return labels;
}

function decodeRun(ctx: SentenceContext, from: number, to: number, model: TaggerModel, T: Float64Array, labels: Uint8Array): void {
  const L = model.labelCount;
  const W = model.emissions;
  const emit = emitBuffer, score = scoreBuffer, back = backBuffer;
  for (let i = from; i < to; i++) {
    contextFeatures(ctx, i, model.bits, contextIndices, 0);
    const base = i * L;
    for (let f = 0; f < CONTEXT_FEATURES; f++) {
      const row = contextIndices[f] * L;
      for (let l = 0; l < L; l++) emit[base + l] += W[row + l];
    }
  }
  // A run that does not start the sentence follows an O.
  const startRow = from === 0 ? L : 0;
  for (let cur = 0; cur < L; cur++) score[from * L + cur] = T[startRow * L + cur] + emit[from * L + cur];
  for (let i = from + 1; i < to; i++) {
    const prevBase = (i - 1) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity, arg = 0;
      for (let prev = 0; prev < L; prev++) {
        const s = score[prevBase + prev] + T[prev * L + cur];
        if (s > best) { best = s; arg = prev; }
      }
      score[i * L + cur] = best + emit[i * L + cur];
      back[i * L + cur] = arg;
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
  const spans: NameSpan[] = [];
  for (const sentence of tokenize(text)) {
    const labels = decodeSentence(sentence.map((t) => t.text), model);
    let open: NameSpan | undefined;
    let openType = '';
    for (let i = 0; i < sentence.length; i++) {
      const label = labels[i];
      const type = LABEL_TYPE[label];
      if (open && (!LABEL_INSIDE[label] || type !== openType)) { spans.push(open); open = undefined; }
      if (type && !open) {
        open = { start: sentence[i].start, end: sentence[i].end, kind: KIND_BY_TYPE[type] };
        openType = type;
      } else if (open) {
        open.end = sentence[i].end;
      }
    }
    if (open) spans.push(open);
  }
  return spans;
}
