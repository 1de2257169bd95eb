import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { promoteYoungGeneration } from '../../server/src/common/youngGeneration';
import { ensureBuilt, TestClient } from './lspClient';

const URI = 'file:///tmp/young-generation.txt';
const TEXT = 'Maria Keller, the mayor, said the plan would cost $24 million.\n\n“We cannot wait,” Keller said. Nobody disputes that 40% of homes flooded.\n';
const GC_TAG = 'claimlens-test-gc ';

/** Preloaded into the server: reports each forced garbage collection of its main thread
 * (kind 1 = a scavenge of the young generation, flag 4 = forced), one line on stderr each. */
const HOOK = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = entry.detail ?? entry;
      if (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) process.stderr.write(${JSON.stringify(GC_TAG)} + kind + '\\n');
    }
  }).observe({ entryTypes: ['gc'] });
}
`;

describe('after a full analysis arrives, its young objects are promoted at once', function () {
  this.timeout(30_000);
  let client: TestClient;
  let folder: string;

  before(() => {
    ensureBuilt();
    folder = mkdtempSync(path.join(os.tmpdir(), 'claimlens-young-'));
    const hook = path.join(folder, 'hook.js');
    writeFileSync(hook, HOOK);
    client = new TestClient(['--stdio'], { preload: hook });
  });

  after(() => {
    client?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const forcedScavenges = () => client.stderr.split('\n').filter((line) => line === `${GC_TAG}1`).length;

  /** Waits until `count` forced scavenges were reported (stderr is read as it comes). */
  async function waitForScavenges(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (forcedScavenges() < count) {
      if (Date.now() > deadline) throw new Error(`${forcedScavenges()} forced scavenges, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('by two scavenges the server asks for once the analysis is published (none before)', async () => {
    await client.initializeWithoutFolder();
    // A hover before any analysis: the server answers, and has forced nothing.
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 2 } }), null);
    assert.equal(forcedScavenges(), 0);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT },
    });
    await client.waitFor(() => client.analysisChanged.some((n) => n.uri === URI), 'the full analysis');
    await waitForScavenges(2);
    // Hovers still answer from the analysis.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    assert.match(JSON.stringify(hover), /Maria Keller/);
  });
});

describe('promoteYoungGeneration', () => {
  it('scavenges without giving this context a global gc', () => {
    const hadGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    assert.equal(promoteYoungGeneration(), true);
    assert.equal(typeof (globalThis as { gc?: unknown }).gc === 'function', hadGc);
  });
});
