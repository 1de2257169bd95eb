import * as assert from 'node:assert/strict';
import { Debouncer } from '../../server/src/scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Debouncer', () => {
  it('runs only the latest task per key, after the delay', async () => {
    const debouncer = new Debouncer<string>();
    const runs: string[] = [];
    debouncer.schedule('a', 20, () => runs.push('a1'));
    debouncer.schedule('a', 20, () => runs.push('a2'));
    debouncer.schedule('b', 20, () => runs.push('b1'));
    assert.deepEqual(runs, []);
    await sleep(60);
    assert.deepEqual(runs.sort(), ['a2', 'b1']);
  });

  it('flushes a pending task at once, and cancels', async () => {
    const debouncer = new Debouncer<string>();
    const runs: string[] = [];
    debouncer.schedule('a', 1000, () => runs.push('a'));
    assert.equal(debouncer.isPending('a'), true);
    assert.equal(debouncer.flush('a'), true);
    assert.deepEqual(runs, ['a']);
    assert.equal(debouncer.flush('a'), false);
    debouncer.schedule('b', 10, () => runs.push('b'));
    debouncer.cancel('b');
    debouncer.schedule('c', 10, () => runs.push('c'));
    debouncer.dispose();
    await sleep(40);
    assert.deepEqual(runs, ['a']);
  });
});
