// The byte arrays of the trained models (feature rows and int8 weights) live in binary
// files beside their JSON metadata (models/*.bin): raw bytes compress far better in the
// .vsix than base64 text. They are read at run time, found by walking up from this
// module's folder, which works from every place the code runs: the server and CLI
// bundles (dist/server, dist/cli, and the installed extension's dist/server), tsc output
// (out/server/src/analysis) and tsx from the sources (server/src/analysis).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Where a model's bytes are: a file in models/ holding the row bytes, then the weight bytes. */
export interface ModelBinaryRef {
  /** File name inside models/, e.g. ner-model.bin. */
  file: string;
  rowBytes: number;
  weightBytes: number;
}

/** A model's byte arrays: feature rows (LEB128 varint deltas) and int8 weights. */
export interface ModelBytes {
  rows: Uint8Array;
  weights: Uint8Array;
}

/** The path of models/<name> in the nearest folder at or above startDir that has it. */
export function findModelFile(name: string, startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'models', name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`ClaimLens model file models/${name} was not found in ${startDir} or any folder above it; the installation is incomplete (rebuild, or reinstall the extension)`);
}

/** Reads a model's bytes (from filePath, else models/<ref.file> found from this module) and checks their length. */
export function readModelBytes(ref: ModelBinaryRef, filePath?: string): ModelBytes {
  const file = filePath ?? findModelFile(ref.file);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    throw new Error(`ClaimLens model file ${file} could not be read: ${(err as Error).message}`);
  }
  if (data.length !== ref.rowBytes + ref.weightBytes) {
    throw new Error(`ClaimLens model file ${file} has ${data.length} bytes, expected ${ref.rowBytes} + ${ref.weightBytes}; it does not match its JSON metadata`);
  }
  return { rows: data.subarray(0, ref.rowBytes), weights: data.subarray(ref.rowBytes) };
}

/** Reads the bytes of the model whose JSON metadata is at jsonPath (its .bin sits beside it). */
export function readModelBytesBeside(jsonPath: string, ref: ModelBinaryRef): ModelBytes {
  return readModelBytes(ref, path.join(path.dirname(jsonPath), ref.file));
}

/** Writes a model's bytes beside jsonPath (same name, .bin) and returns the reference for its JSON. */
export function writeModelBytesBeside(jsonPath: string, bytes: ModelBytes): ModelBinaryRef {
  const file = path.basename(jsonPath).replace(/\.json$/i, '') + '.bin';
  const out = Buffer.alloc(bytes.rows.length + bytes.weights.length);
  out.set(bytes.rows, 0);
  out.set(bytes.weights, bytes.rows.length);
  writeFileSync(path.join(path.dirname(jsonPath), file), out);
  return { file, rowBytes: bytes.rows.length, weightBytes: bytes.weights.length };
}

/** The dense emission table (2^bits rows × labelCount weights) from the stored sparse
 * form: `rows` holds each stored row's distance from the previous one as a varint, and
 * `weights` holds labelCount int8 weights per stored row; rows not stored are zero. */
export function expandEmissionRows(bits: number, labelCount: number, bytes: ModelBytes): Int8Array {
  const emissions = new Int8Array((1 << bits) * labelCount);
  const rowBytes = bytes.rows;
  const weights = new Int8Array(bytes.weights.buffer, bytes.weights.byteOffset, bytes.weights.length);
  let row = 0, stored = 0, shift = 0, delta = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const b = rowBytes[i];
    delta |= (b & 0x7f) << shift;
    if (b & 0x80) {
      shift += 7;
      continue;
    }
    row += delta;
    const from = stored * labelCount, to = row * labelCount;
    for (let l = 0; l < labelCount; l++) emissions[to + l] = weights[from + l];
    stored++;
    delta = 0;
    shift = 0;
  }
  return emissions;
}
