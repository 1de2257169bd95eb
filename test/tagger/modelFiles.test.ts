import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findModelFile, readModelBytes, readModelBytesBeside, writeModelBytesBeside } from '../../server/src/analysis/modelFiles';
import nerArtifact from '../../models/ner-model.json';
import attributionArtifact from '../../models/attribution-model.json';

describe('model binary files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlens-models-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the shipped .bin files and they match their JSON byte counts', () => {
    for (const artifact of [nerArtifact, attributionArtifact]) {
      const bytes = readModelBytes(artifact.binary);
      assert.equal(bytes.rows.length, artifact.binary.rowBytes);
      assert.equal(bytes.weights.length, artifact.binary.weightBytes);
      assert.ok(bytes.weights.length > 0);
    }
  });

  it('walks up from a nested folder to the nearest models/<file>', () => {
    fs.mkdirSync(path.join(tmp, 'models'));
    fs.writeFileSync(path.join(tmp, 'models', 'm.bin'), Buffer.from([1, 2, 3]));
    const nested = path.join(tmp, 'dist', 'server');
    fs.mkdirSync(nested, { recursive: true });
    assert.equal(findModelFile('m.bin', nested), path.join(tmp, 'models', 'm.bin'));
  });

  it('gives a clear error when the file is missing', () => {
    assert.throws(() => findModelFile('claimlens-no-such-model.bin', tmp), /models\/claimlens-no-such-model\.bin was not found/);
  });

  it('round-trips bytes through a .bin beside the JSON and rejects a length mismatch', () => {
    const jsonPath = path.join(tmp, 'toy-model.json');
    const rows = Uint8Array.from([5, 0x81, 1]);
    const weights = Uint8Array.from([0, 255, 128, 7]);
    const ref = writeModelBytesBeside(jsonPath, { rows, weights });
    assert.deepEqual(ref, { file: 'toy-model.bin', rowBytes: 3, weightBytes: 4 });
    const back = readModelBytesBeside(jsonPath, ref);
    assert.deepEqual(Array.from(back.rows), Array.from(rows));
    assert.deepEqual(Array.from(back.weights), Array.from(weights));
    assert.throws(() => readModelBytesBeside(jsonPath, { ...ref, weightBytes: 5 }), /has 7 bytes, expected 3 \+ 5/);
  });
});
