import * as assert from 'node:assert/strict';
import { FullAnalysisWorker, findOpenDocumentWorkerScript } from '../../server/src/analysisWorker';
import { article } from '../core/incrementalFixture';

describe('full analyses of open documents (worker thread)', function () {
  this.timeout(60_000);

  it('stops a superseded analysis of a large text before its end, and analyses the next text on the same warm worker', async () => {
    const script = findOpenDocumentWorkerScript();
    assert.ok(script, 'the compiled worker script');
    const errors: string[] = [];
    const worker = new FullAnalysisWorker(script, (message) => errors.push(message));
    try {
      const small = article();
      // Warm: the first analysis loads the core in the worker.
      assert.ok(await worker.analyze('file:///warm.txt', small, 5_000_000));
      assert.equal(worker.workersStarted, 1);
      let large = '';
      while (large.length < 400 * 1024) large += article().split('\n\n').slice(6, -2).join('\n\n') + '\n\n';
      large = article().split('\n\n').slice(0, 6).join('\n\n') + '\n\n' + large;
      const started = performance.now();
      const superseded = worker.analyze('file:///large.txt', large, 5_000_000);
      // Let it reach the worker, then supersede it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(worker.busyWith('file:///large.txt'));
      worker.supersede('file:///large.txt');
      assert.equal(await superseded, undefined);
      assert.equal(worker.busyWith('file:///large.txt'), false);
      const next = await worker.analyze('file:///large.txt', small, 5_000_000);
      assert.ok(next && next.claims.length > 0, 'the next text is analysed');
      assert.equal(worker.analysesStopped, 1, 'the superseded analysis stopped between stages');
      assert.equal(worker.workersStarted, 1, 'the warm worker was kept');
      assert.deepEqual(errors, []);
      // Not a timing assertion: a note for whoever reads a slow run.
      if (performance.now() - started > 30_000) console.warn('slow machine: the superseded analysis took long to stop');
    } finally {
      worker.dispose();
    }
  });

  it('drops a waiting request for the key and leaves other documents’ analyses alone', async () => {
    const script = findOpenDocumentWorkerScript();
    const worker = new FullAnalysisWorker(script);
    try {
      const text = article();
      const first = worker.analyze('file:///a.txt', text, 5_000_000);
      const waiting = worker.analyze('file:///b.txt', text, 5_000_000);
      worker.supersede('file:///b.txt');
      assert.equal(await waiting, undefined);
      const analysis = await first;
      assert.ok(analysis && analysis.claims.length > 0);
      // A small text's analysis is not worth a new worker: it is left to finish unsent.
      const small = worker.analyze('file:///a.txt', text, 5_000_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
      worker.supersede('file:///a.txt');
      assert.equal(await small, undefined);
      assert.equal(worker.workersStarted, 1);
    } finally {
      worker.dispose();
    }
  });
});
