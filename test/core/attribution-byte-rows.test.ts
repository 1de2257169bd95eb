// The tagger reads its six word-pair rows per token from "byte rows" (model.ts byteRows):
// biased bytes, widened into 16-bit lanes by masking. Decoding a row the way the scoring
// loop does must give back every int8 weight, extremes included.
import * as assert from 'assert';
import { LABEL_COUNT } from '../../server/src/analysis/attributionModel/features';
import { byteRows } from '../../server/src/analysis/attributionModel/model';

/** A row's weights as the scoring loop sees them: lanes of the masked words, bias taken off. */
function decode(rows: Int32Array, row: number): number[] {
  const a = rows[row * 2], b = rows[row * 2 + 1];
  const lanes = [a & 0x00ff00ff, (a >>> 8) & 0x00ff00ff, b & 0x00ff00ff];
  const out: number[] = [];
  for (const w of lanes) out.push((w & 0xffff) - 128, (w >>> 16) - 128);
  out.push((b >>> 24) - 128);
  return out;
}

describe('attribution tagger: byte rows', () => {
  it('decode to the int8 weights of every row, extremes included', () => {
    const values = [-128, 127, -1, 0, 1, -127, 64, -64];
    const rows = 50;
    const em = new Int8Array(rows * LABEL_COUNT);
    for (let i = 0; i < em.length; i++) em[i] = values[(i * 5 + Math.floor(i / 7)) % values.length];
    const packed = byteRows(em);
    assert.strictEqual(packed.length, rows * 2);
    for (let r = 0; r < rows; r++) assert.deepStrictEqual(decode(packed, r), [...em.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT)], `row ${r}`);
  });

  it('sum six rows in lanes that never carry into each other', () => {
    const em = new Int8Array(6 * LABEL_COUNT).fill(127);
    const packed = byteRows(em);
    let s0 = 0, s3 = 0;
    for (let r = 0; r < 6; r++) {
      s0 += packed[r * 2] & 0x00ff00ff;
      s3 += packed[r * 2 + 1] >>> 24;
    }
    assert.strictEqual((s0 & 0xffff) - 6 * 128, 6 * 127);
    assert.strictEqual((s0 >>> 16) - 6 * 128, 6 * 127);
    assert.strictEqual(s3 - 6 * 128, 6 * 127);
  });
});
