// The analysis core switches off V8's allocation-site pretenuring when it loads (heapTuning.ts):
// with it on, a mark-compact that falls mid-analysis made V8 allocate the analysis' short-lived
// objects in old space for good, which halved throughput (the bench's "slow mode").
// Checked in fresh processes with V8's own pretenuring trace: with pretenuring on, V8 makes
// decisions about the core's allocation sites while it analyses; after the core loads, none.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

const coreModule = path.resolve(__dirname, '../../server/src/analysis/index.js');
const corpusModule = path.resolve(__dirname, '../../bench/corpus.js');

/** Pretenuring decisions V8 traced while the core analysed ~200 kB of generated articles. */
function pretenuringDecisions(env: NodeJS.ProcessEnv): string[] {
  const script = `
    const { generateCorpus } = require(${JSON.stringify(corpusModule)});
    const { articles } = generateCorpus(2e5, 1);
    const { analyze } = require(${JSON.stringify(coreModule)});
    for (const article of articles) analyze(article);
  `;
  const output = execFileSync(process.execPath, ['--trace-pretenuring-statistics', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Lines like "pretenuring: AllocationSite(0x…): (created, found, ratio) (142, 142, 1.000000) undecided => tenure".
  return output.split('\n').filter((line) => line.includes('pretenuring: AllocationSite'));
}

describe('heap tuning: V8 allocation-site pretenuring', function () {
  this.timeout(90_000);

  it('V8 does make pretenuring decisions during analysis when left on (the trace works)', () => {
    const decisions = pretenuringDecisions({ CLAIMLENS_V8_PRETENURING: '1' });
    assert.ok(decisions.length > 0, 'expected V8 to trace pretenuring decisions with pretenuring on');
  });

  it('makes none once the core has loaded', () => {
    assert.deepStrictEqual(pretenuringDecisions({ CLAIMLENS_V8_PRETENURING: '' }), []);
  });
});
