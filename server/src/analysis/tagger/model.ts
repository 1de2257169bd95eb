// The compact model artifact and its in-memory form. The artifact is small JSON metadata
// (bundled as data) plus a binary file (models/ner-model.bin, read at run time, see
// ../modelFiles): hashed feature rows kept after pruning, their indices delta-and-varint
// encoded, their weights quantised to int8.
import { expandEmissionRows, type ModelBinaryRef, type ModelBytes } from '../modelFiles';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];

export interface ModelArtifact {
  format: 'claimlens-ner/1';
  /** Feature indices live in [0, 2^bits). */
  bits: number;
  labels: string[];
  /** Emission and transition weights are integers; divide by scale for the trained values. */
  scale: number;
  /** (labels + 1) x labels transition weights; the last row is the sentence start. */
  transitions: number[];
  /** The binary file with the kept feature indices (ascending, LEB128 varint deltas), then
   * the int8 weights (labels per kept row). */
  binary: ModelBinaryRef;
  /** Free text: what the model was trained on. */
  trainedOn?: string;
}

export interface TaggerModel {
  bits: number;
  labelCount: number;
  /** Dense (2^bits x labelCount) emission weights. */
  emissions: Int8Array;
  /** (labelCount + 1) x labelCount transition weights in emission units. */
  transitions: Int32Array;
  /** Integer weights divided by scale are the trained values. */
  scale?: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Decodes base64; works with or without Node's Buffer (the runtime may run in a browser). */
export function decodeBase64(text: string): Uint8Array {
  // Node's native decoder when present (several times faster); the loop below otherwise.
  const NodeBuffer = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(text, 'base64');
  return decodeBase64Portable(text);
}

/** Base64 decoding in plain JavaScript, for hosts without Buffer. */
export function decodeBase64Portable(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let acc = 0, bitsHeld = 0, o = 0;
  for (let i = 0; i < len; i++) {
    const v = B64_INDEX[text.charCodeAt(i)];
    if (v < 0) throw new Error('invalid base64 in model');
    acc = (acc << 6) | v;
    bitsHeld += 6;
    if (bitsHeld >= 8) {
      bitsHeld -= 8;
      out[o++] = (acc >>> bitsHeld) & 0xff;
    }
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = i + 1 < bytes.length ? bytes[i + 1] : 0, c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    s += B64[(triple >>> 18) & 63] + B64[(triple >>> 12) & 63];
    s += i + 1 < bytes.length ? B64[(triple >>> 6) & 63] : '=';
    s += i + 2 < bytes.length ? B64[triple & 63] : '=';
  }
  return s;
}

export function loadModel(artifact: ModelArtifact, bytes: ModelBytes): TaggerModel {
  if (artifact.format !== 'claimlens-ner/1') throw new Error(`unknown tagger model format ${artifact.format}`);
  const labelCount = artifact.labels.length;
  if (labelCount !== LABELS.length || artifact.labels.some((l, i) => l !== LABELS[i])) {
    throw new Error('tagger model labels do not match the runtime');
  }
  const emissions = expandEmissionRows(artifact.bits, labelCount, bytes);
  return { bits: artifact.bits, labelCount, emissions, transitions: Int32Array.from(artifact.transitions), scale: artifact.scale };
}
