// The indexing worker's packed answers: what the main thread rebuilds is the result the
// worker made, field for field and in the same order, the URI taken from the task.
import * as assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import type { AnalyzeFileResult } from '../../server/src/workspace/analyzeFile';
import { packResults, RESULT_FIELDS, unpackResults, type WorkerResults } from '../../server/src/workspace/resultMessage';
import { storeSummary } from '../../server/src/workspace/summary';

function summaryOf(uri: string, claims: number) {
  return storeSummary({
    uri,
    claims: Array.from({ length: claims }, (_, k) => ({ id: `c${k}`, kind: 'statement' as const, text: `Claim ${k} “é”`, range: { start: { line: k, character: 0 }, end: { line: k, character: 5 } }, sourced: false, figures: [], entities: [] })),
    findings: [{ code: 'unsourced-figure', range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, message: 'No source', severity: 'warning' }],
    entities: [],
  });
}

describe('packed worker results', () => {
  it('rebuilds each plain result exactly, moves the bytes, and passes gone and failed ones whole', async () => {
    const uris = ['file:///a/one.txt', 'file:///a/two%20words.md', 'file:///a/gone.txt', 'file:///a/failed.txt'];
    const results: AnalyzeFileResult[] = [
      { id: 11, summary: summaryOf(uris[0], 2), mtimeMs: 1732840000123.456, size: 2048 },
      { id: 12, summary: summaryOf(uris[1], 0), mtimeMs: 5, size: 0 },
      { id: 13, error: 'ENOENT: no such file' },
      { id: 14, summary: summaryOf(uris[3], 0), mtimeMs: 7, size: 9, failure: { stage: 'analysis', message: 'boom', stack: 'Error: boom\n    at x' } },
    ];
    const expected = structuredClone(results);
    const { message, transfer } = packResults(results);
    assert.equal(message.numbers.length, 2 * RESULT_FIELDS);
    assert.equal(message.bytes.length, 2);
    assert.deepEqual(message.others.map((r) => r.id), [13, 14]);
    assert.equal(transfer.length, 4, 'the numbers and three summaries’ bytes');

    // Through a real port, as from a worker: the bytes move.
    const channel = new MessageChannel();
    const received = new Promise<WorkerResults>((resolve) => channel.port2.once('message', resolve));
    channel.port1.postMessage(message, transfer);
    const arrived = await received;
    channel.port1.close();
    assert.equal(results[0].summary!.bytes.byteLength, 0, 'moved, not copied');

    const tasks = new Map(uris.map((uri, k) => [11 + k, { uri }]));
    const delivered: AnalyzeFileResult[] = [];
    unpackResults(
      arrived,
      (id) => {
        const task = tasks.get(id);
        tasks.delete(id);
        return task;
      },
      (task) => task.uri,
      (_task, result) => delivered.push(result),
    );
    delivered.sort((a, b) => a.id - b.id);
    assert.deepEqual(delivered, expected);
    for (let k = 0; k < delivered.length; k++) {
      assert.deepEqual(Object.keys(delivered[k]), Object.keys(expected[k]), 'same fields in the same order');
      if (delivered[k].summary) assert.deepEqual(Object.keys(delivered[k].summary!), Object.keys(expected[k].summary!));
    }
  });

  it('skips answers whose task is no longer held', () => {
    const { message } = packResults([{ id: 1, summary: summaryOf('file:///x.txt', 1), mtimeMs: 1, size: 1 }, { id: 2, error: 'gone' }]);
    const delivered: number[] = [];
    unpackResults(message, () => undefined, () => 'unused', (_owner, result) => delivered.push(result.id));
    assert.deepEqual(delivered, []);
  });
});
