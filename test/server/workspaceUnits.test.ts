// The pure parts of workspace indexing: file selection, the entity index, claim filters.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClaimItem } from '../../protocol/requests';
import { DEFAULT_WORKSPACE_SETTINGS, normalizeSettings } from '../../server/src/settings';
import { filterClaims } from '../../server/src/workspace/claims';
import { EntityIndex, normalizeName } from '../../server/src/workspace/entityIndex';
import { enabledGlobs, FileSelection, fileUris } from '../../server/src/workspace/files';
import { cpuMeter, defaultPoolSize, Fifo, FILES_PER_STARTED_WORKER, findWorkerScript, WorkerPool, type CpuReading } from '../../server/src/workspace/pool';
import { analyzeFileSync } from '../../server/src/workspace/analyzeFile';
import { mentionRange, packRanges, storedClaims, storedClaimsJson, storedEntities, storedFindings, storeSummary, summaryTransferList, type EntitySummary, type FileSummary } from '../../server/src/workspace/summary';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

function entity(name: string, aliases: string[] = [], kind: EntitySummary['kind'] = 'person'): EntitySummary {
  return { kind, name, aliases, mentions: packRanges([at(1), at(2)]), defining: 0 };
}

describe('workspace file selection', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'claimlens-select-'));
    const write = (relative: string, text = 'text\n') => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    };
    write('a.txt');
    write('b.md');
    write('c.json');
    write('.gitignore', '*.log.txt\nprivate/\n!keep.log.txt\n');
    write('debug.log.txt');
    write('keep.log.txt');
    write('private/secret.txt');
    write('deep/nested/story.news');
    write('deep/.gitignore', 'nested/skip-*.txt\n');
    write('deep/nested/skip-me.txt');
    write('node_modules/x/readme.md');
    write('.git/info.txt');
    write('out/build.txt');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('applies include and exclude globs, files.exclude and nested .gitignore files', async () => {
    const selection = new FileSelection(root, {
      include: DEFAULT_WORKSPACE_SETTINGS.include,
      exclude: DEFAULT_WORKSPACE_SETTINGS.exclude,
      filesExclude: enabledGlobs({ '**/out': true, '**/b.md': false, '**/*.never': { when: '$(basename).x' } }),
    });
    const files = (await selection.walk()).map((file) => path.relative(root, file).split(path.sep).join('/'));
    assert.deepEqual(files, ['a.txt', 'b.md', 'keep.log.txt', 'deep/nested/story.news']);
    assert.equal(await selection.selects('private/new.txt'), false);
    assert.equal(await selection.selects('deep/nested/skip-2.txt'), false);
    assert.equal(await selection.selects('deep/nested/other.txt'), true);
    assert.equal(await selection.selects('out/x.txt'), false);
    assert.equal(await selection.selects('../outside.txt'), false);
    // A fresh selection reads the .gitignore files as it goes, and answers the same.
    const fresh = new FileSelection(root, { include: DEFAULT_WORKSPACE_SETTINGS.include, exclude: DEFAULT_WORKSPACE_SETTINGS.exclude, filesExclude: [] });
    assert.equal(await fresh.selects('deep/nested/skip-2.txt'), false);
    assert.equal(await fresh.selects('debug.log.txt'), false);
    assert.equal(await fresh.selects('keep.log.txt'), true);
    assert.equal(await fresh.selects('private/new.txt'), false);
    assert.equal(await fresh.selects('deep/nested/other.txt'), true);
  });

  it("hands over each folder's files as it reads them, in the walk's order", async () => {
    const selection = new FileSelection(root, { include: DEFAULT_WORKSPACE_SETTINGS.include, exclude: DEFAULT_WORKSPACE_SETTINGS.exclude, filesExclude: ['**/out'] });
    const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
    const found: string[][] = [];
    const all = await selection.walk(undefined, (files) => found.push(files.map(relative)));
    // The root's files first (before the nested folders are read), then the nested folder's.
    assert.deepEqual(found, [['a.txt', 'b.md', 'keep.log.txt'], ['deep/nested/story.news']]);
    assert.deepEqual(found.flat(), all.map(relative));
  });

  it('gives each file as path.join(root, relative) would, with or without a trailing separator on the root', async () => {
    const rules = { include: DEFAULT_WORKSPACE_SETTINGS.include, exclude: DEFAULT_WORKSPACE_SETTINGS.exclude, filesExclude: ['**/out'] };
    const expected = ['a.txt', 'b.md', 'keep.log.txt', path.join('deep', 'nested', 'story.news')].map((relative) => path.join(root, relative));
    assert.deepEqual(await new FileSelection(root, rules).walk(), expected);
    assert.deepEqual(await new FileSelection(root + path.sep, rules).walk(), expected);
  });

  it('makes the same file URLs as pathToFileURL, each folder URL once', () => {
    const root = path.join(tmpdir(), 'claimlens urls', 'Zürich #1');
    const names = ['article-00001.txt', 'a b.txt', '100%.md', 'café.news', 'what?.txt', 'x#y.txt', '.hidden.md', 'a_b-c.d.txt'];
    const files = [...names.map((name) => path.join(root, name)), ...names.map((name) => path.join(root, 'desk-001', name)), path.join(path.parse(root).root, 'top.txt')];
    assert.deepEqual(fileUris(files), files.map((file) => pathToFileURL(file).href));
    assert.deepEqual(fileUris([]), []);
  });

  it('reads workspace settings tolerantly', () => {
    assert.deepEqual(normalizeSettings({}).workspace, DEFAULT_WORKSPACE_SETTINGS);
    const settings = normalizeSettings({ workspace: { include: ['**/*.txt', 3, ' '], diagnostics: 'loud', analyzeOnStartup: false } });
    assert.deepEqual(settings.workspace.include, ['**/*.txt']);
    assert.equal(settings.workspace.diagnostics, 'openFiles');
    assert.equal(settings.workspace.analyzeOnStartup, false);
    assert.deepEqual(settings.workspace.exclude, DEFAULT_WORKSPACE_SETTINGS.exclude);
  });
});

describe('entity index', () => {
  it('finds entities by name prefix, substring and alias, one per document, capped', () => {
    const index = new EntityIndex();
    index.setDocument('file:///a', [entity('Todd Robinson', ['Robinson']), entity('Mexico', [], 'place')]);
    index.setDocument('file:///b', [entity('Robinson')]);
    index.setDocument('file:///c', [entity('Todd Robinson', ['Robinson', 'Todd'])]);
    const found = index.search('robin', 10).map((m) => `${m.uri} ${m.entity.name}`);
    assert.deepEqual(found, ['file:///b Robinson', 'file:///a Todd Robinson', 'file:///c Todd Robinson']);
    assert.equal(index.search('obins', 10).length, 3, 'substring');
    assert.equal(index.search('robin', 2).length, 2, 'capped');
    assert.deepEqual(index.search('xyz', 10), []);
    // "Robinson" alone stands for Todd Robinson, the only entity with that alias.
    assert.deepEqual(index.related('person', 'Robinson'), ['person:todd robinson', 'person:robinson']);
    assert.deepEqual(index.related('person', 'Todd Robinson'), ['person:todd robinson', 'person:robinson']);
    index.deleteDocument('file:///a');
    index.deleteDocument('file:///c');
    assert.deepEqual(index.related('person', 'Robinson'), ['person:robinson']);
    assert.deepEqual(index.search('todd', 10), []);
  });

  it('leaves an ambiguous surname alone', () => {
    const index = new EntityIndex();
    index.setDocument('file:///a', [entity('Todd Robinson', ['Robinson'])]);
    index.setDocument('file:///b', [entity('Mary Robinson', ['Robinson'])]);
    index.setDocument('file:///c', [entity('Robinson')]);
    assert.deepEqual(index.related('person', 'Robinson'), ['person:robinson']);
    assert.deepEqual(index.related('person', 'Todd Robinson'), ['person:todd robinson']);
  });

  it('normalises names', () => {
    assert.equal(normalizeName('  U.S.   Dept. of  Énergie '), 'us dept of energie');
  });
});

describe('workspace claim filter', () => {
  const claim = (id: string, kind: ClaimItem['kind'], sourced: boolean, speaker?: string): ClaimItem => ({
    id,
    kind,
    text: `Claim ${id} text`,
    range: at(0),
    sourced,
    figures: [],
    entities: [],
    ...(speaker ? { speaker } : {}),
  });
  const documents = [
    { uri: 'file:///1', claims: [claim('a', 'quote', true, 'Jane Doe'), claim('b', 'statistic', false)] },
    { uri: 'file:///2', claims: [claim('c', 'statement', true, 'John Roe'), claim('d', 'statistic', true, 'Jane Doe')] },
  ];
  it('filters by kind, sourced, speaker and text, and caps with a total', async () => {
    assert.equal((await filterClaims(documents, { kinds: ['statistic'] }, 100)).total, 2);
    assert.equal((await filterClaims(documents, { sourced: false }, 100)).total, 1);
    assert.equal((await filterClaims(documents, { speaker: 'jane doe' }, 100)).total, 2);
    assert.equal((await filterClaims(documents, { text: 'CLAIM C' }, 100)).total, 1);
    assert.equal((await filterClaims(documents, { text: 'john' }, 100)).total, 1, 'speaker text matches');
    const capped = await filterClaims(documents, undefined, 3);
    assert.deepEqual([capped.total, capped.truncated, capped.documents.map((d) => d.claims.length)], [4, true, [2, 1]]);
    assert.deepEqual((await filterClaims(documents, { kinds: ['quote'] }, 0)).documents, []);
  });
});

describe('pool queue', () => {
  it('keeps first-in-first-out order across growth and wrap-around, and removes in order', () => {
    const queue = new Fifo<number>();
    const model: number[] = [];
    let next = 0;
    // Interleaved pushes and shifts wrap the ring many times and grow it past 64 and 128.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7 + (round % 5) * 20; i++) {
        queue.push(next);
        model.push(next++);
      }
      for (let i = 0; i < 5 + (round % 3) * 30; i++) assert.equal(queue.shift(), model.shift());
      assert.equal(queue.length, model.length);
    }
    const removed = queue.removeWhere((n) => n % 3 === 0);
    assert.deepEqual(removed, model.filter((n) => n % 3 === 0));
    const kept = model.filter((n) => n % 3 !== 0);
    assert.equal(queue.length, kept.length);
    const drained: number[] = [];
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) drained.push(n);
    assert.deepEqual(drained, kept);
    assert.equal(queue.shift(), undefined);
    assert.equal(queue.length, 0);
  });
});

describe('indexing worker pool', function () {
  this.timeout(30_000);

  it('starts workers beyond the first only while a core is idle, and stops giving them work when others take the CPU (default size)', async () => {
    const script = findWorkerScript();
    assert.ok(script);
    const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace-a', 'harbour-dredging.txt');
    const task = { uri: 'file:///harbour-dredging.txt', path: file, languageId: 'plaintext', maxFileSize: 5_000_000 };
    const readings: (CpuReading | undefined)[] = [{ idleCores: 0, ownCores: 1 }, undefined, { idleCores: 2, ownCores: 0 }];
    const expected = [1, 1, Math.min(2, defaultPoolSize())];
    for (const [i, reading] of readings.entries()) {
      const pool: WorkerPool = new WorkerPool(undefined, script, undefined, () => reading);
      // An indexing run with many files still to come: another worker's warm-up pays.
      pool.expectBacklog(() => 10 * FILES_PER_STARTED_WORKER);
      try {
        const results = await Promise.all(Array.from({ length: 40 }, () => pool.run(task)));
        assert.ok(results.every((result) => result?.summary));
        assert.equal(pool.workers, expected[i], `reading ${JSON.stringify(reading)}`);
      } finally {
        pool.dispose();
      }
    }
    if (defaultPoolSize() < 2) return;
    // Two workers started; then the process gets half a core (others took the rest): one works.
    let reading: CpuReading = { idleCores: 2, ownCores: 0 };
    const pool: WorkerPool = new WorkerPool(undefined, script, undefined, () => reading);
    pool.expectBacklog(() => 10 * FILES_PER_STARTED_WORKER);
    try {
      await Promise.all(Array.from({ length: 40 }, () => pool.run(task)));
      assert.deepEqual([pool.workers, pool.activeCount], [2, 2]);
      // The rest of the run: a worker started already is used again without a backlog.
      pool.expectBacklog(undefined);
      reading = { idleCores: 0, ownCores: 0.5 };
      const results = await Promise.all(Array.from({ length: 40 }, () => pool.run(task)));
      assert.ok(results.every((result) => result?.summary));
      assert.deepEqual([pool.workers, pool.activeCount], [2, 1]);
      reading = { idleCores: 1, ownCores: 1 };
      await Promise.all(Array.from({ length: 40 }, () => pool.run(task)));
      assert.equal(pool.activeCount, 2, 'a core free again: both work');
    } finally {
      pool.dispose();
    }
  });

  it('starts no second worker for a few files, even with a core idle: its warm-up would cost more than it saves', async () => {
    const script = findWorkerScript();
    assert.ok(script);
    if (defaultPoolSize() < 2) return;
    const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace-a', 'harbour-dredging.txt');
    const task = { uri: 'file:///harbour-dredging.txt', path: file, languageId: 'plaintext', maxFileSize: 5_000_000 };
    const reading: CpuReading = { idleCores: 2, ownCores: 0 };
    for (const [backlog, workers] of [[undefined, 1], [FILES_PER_STARTED_WORKER - 100, 1], [FILES_PER_STARTED_WORKER, 2]] as const) {
      const pool: WorkerPool = new WorkerPool(undefined, script, undefined, () => reading);
      if (backlog !== undefined) pool.expectBacklog(() => backlog);
      try {
        const results = await Promise.all(Array.from({ length: 40 }, () => pool.run(task)));
        assert.ok(results.every((result) => result?.summary));
        assert.equal(pool.workers, workers, `backlog ${backlog}`);
      } finally {
        pool.dispose();
      }
    }
  });

  it('measures idle and own CPU over intervals of a quarter second, and forgets an interval of hours', () => {
    let now = 0;
    let idleMs = 10_000;
    let ownMs = 500;
    const cpu = cpuMeter(() => ({ idleMs, ownMs }), () => now);
    now = 100;
    idleMs += 150;
    assert.equal(cpu(), undefined, 'no interval measured yet');
    now = 300;
    idleMs += 150;
    ownMs += 150;
    assert.deepEqual(cpu(), { idleCores: 1, ownCores: 0.5 }, '300 ms idle and 150 ms own over 300 ms');
    now = 400;
    idleMs += 200;
    assert.deepEqual(cpu(), { idleCores: 1, ownCores: 0.5 }, 'too short an interval: the last reading');
    now = 800;
    idleMs += 50;
    ownMs += 500;
    assert.deepEqual(cpu(), { idleCores: 0.5, ownCores: 1 }, '250 ms idle and 500 ms own over 500 ms');
    now = 3_600_000;
    idleMs += 7_000_000;
    assert.equal(cpu(), undefined, 'an interval of an hour says nothing about now');
    now += 250;
    assert.deepEqual(cpu(), { idleCores: 0, ownCores: 0 });
  });

  it('warms up one worker ahead of the first task, which it then answers', async () => {
    const script = findWorkerScript();
    assert.ok(script);
    const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace-a', 'harbour-dredging.txt');
    const pool = new WorkerPool(2, script);
    try {
      pool.warmUp();
      pool.warmUp();
      assert.equal(pool.workers, 1, 'one worker, started once');
      const result = await pool.run({ uri: 'file:///harbour-dredging.txt', path: file, languageId: 'plaintext', maxFileSize: 5_000_000 });
      assert.ok(result?.summary && result.summary.claimCount > 0);
    } finally {
      pool.dispose();
    }
  });

  it('answers each of many tasks batched over two workers with its own file, drops cancelled ones, and fails only a missing file', async () => {
    const script = findWorkerScript();
    assert.ok(script, 'the compiled worker script next to the pool');
    const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-pool-'));
    const pool = new WorkerPool(2, script);
    try {
      const count = 50;
      const tasks = Array.from({ length: count }, (_, i) => {
        const file = path.join(dir, `story-${i}.txt`);
        if (i !== 17) writeFileSync(file, `Council budget\n\nThe council said on Monday the bridge will cost $${i + 1} million.\n`);
        return { uri: `file:///story-${i}.txt`, path: file, languageId: 'plaintext', maxFileSize: 5_000_000 };
      });
      const cancelled = new Set([5, 33]);
      const results = await Promise.all(tasks.map((task, i) => pool.run(task, () => cancelled.has(i))));
      results.forEach((result, i) => {
        if (cancelled.has(i)) return assert.equal(result, undefined, `task ${i} cancelled`);
        if (i === 17) return assert.ok(result?.error && !result.summary, `task ${i} has no file`);
        assert.equal(result?.summary?.uri, tasks[i].uri);
        const claims = storedClaims(result!.summary!);
        assert.ok(claims.some((claim) => claim.text.includes(`$${i + 1} million`)), `task ${i}: ${JSON.stringify(claims)}`);
      });
      assert.equal(pool.pending, 0);
    } finally {
      pool.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace-a', 'harbour-dredging.txt');
  const task = { uri: 'file:///harbour-dredging.txt', path: file, languageId: 'plaintext', maxFileSize: 5_000_000 };

  for (const mode of ['worker thread', 'in-process fallback'] as const) {
    it(`analyses a file into a compact summary (${mode}), and drops queued tasks on cancel`, async () => {
      const script = mode === 'worker thread' ? findWorkerScript() : undefined;
      if (mode === 'worker thread') assert.ok(script, 'the compiled worker script next to the pool');
      const pool = new WorkerPool(1, script);
      try {
        const result = await pool.run(task);
        assert.ok(result?.summary, JSON.stringify(result));
        const summary = result.summary;
        assert.equal(summary.claimCount, storedClaims(summary).length);
        assert.ok(storedClaims(summary).some((claim) => claim.text.includes('$12 million') && !claim.sourced));
        assert.deepEqual(storedFindings(summary).map((finding) => finding.code), ['unsourced-figure']);
        const keller = storedEntities(summary).find((entity) => entity.name === 'Maria Keller');
        assert.ok(keller);
        assert.deepEqual(mentionRange(keller, keller.defining).start, { line: 6, character: 0 });
        assert.ok(!('text' in summary), 'no text kept');

        let cancelled = false;
        const first = pool.run(task);
        const second = pool.run(task, () => cancelled);
        cancelled = true;
        assert.ok((await first)?.summary);
        assert.equal(await second, undefined);
        const missing = await pool.run({ ...task, path: `${file}.missing` });
        assert.ok(missing?.error);
        const tooLarge = await pool.run({ ...task, maxFileSize: 10 });
        assert.deepEqual(storedFindings(tooLarge!.summary!).map((finding) => finding.code), ['document-too-large']);
      } finally {
        pool.dispose();
      }
    });
  }

  it('gets from a worker thread the same summary as analysed in-process, non-ASCII text intact, its bytes moved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-summary-'));
    const pool = new WorkerPool(1, findWorkerScript());
    try {
      const story = path.join(dir, 'story.txt');
      writeFileSync(story, 'Hafen wächst\n\n“We cannot wait,” said Zoë Müller, the mayor of Łódź 😀. About 40% of the 1,200 jobs are seasonal.\n');
      const storyTask = { uri: 'file:///story.txt', path: story, languageId: 'plaintext', maxFileSize: 5_000_000 };
      const fromWorker = (await pool.run(storyTask))?.summary;
      const inProcess = analyzeFileSync({ ...storyTask, id: 1 }).summary;
      assert.ok(fromWorker && inProcess);
      assert.deepEqual(storedClaims(fromWorker), storedClaims(inProcess));
      assert.deepEqual(storedFindings(fromWorker), storedFindings(inProcess));
      assert.deepEqual(storedEntities(fromWorker), storedEntities(inProcess));
      assert.ok(storedClaimsJson(fromWorker).includes('Müller'), storedClaimsJson(fromWorker));
      assert.ok(storedEntities(fromWorker).some((entity) => entity.name.includes('Müller')));
    } finally {
      pool.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores a summary as JSON bytes that parse back to it, in a buffer of its own to transfer', () => {
    const summary: FileSummary = {
      uri: 'file:///a.txt',
      claims: [{ id: 'c1', kind: 'statement', text: '“Ça va” — 😀 ümlaut', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, sourced: false, figures: [], entities: [] }],
      findings: [{ code: 'unsourced-figure', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, message: '40% — no source', severity: 'warning', data: { figure: 'f1' } }],
      entities: [{ kind: 'person', name: 'Zoë Müller', aliases: ['Müller'], mentions: [0, 1, 0, 11], defining: 0 }],
    };
    const stored = storeSummary(summary);
    assert.deepEqual(storedClaims(stored), summary.claims);
    assert.deepEqual(storedFindings(stored), summary.findings);
    assert.deepEqual(storedEntities(stored), summary.entities);
    assert.equal(stored.claimCount, 1);
    assert.equal(stored.findingCount, 1);
    const empty = storeSummary({ uri: 'file:///b.txt', claims: [], findings: [], entities: [] });
    assert.deepEqual([storedClaims(empty), storedFindings(empty), storedEntities(empty)], [[], [], []]);
    const transfer = summaryTransferList([stored, undefined, empty]);
    assert.deepEqual(transfer, [stored.bytes.buffer, empty.bytes.buffer]);
    // A view into a larger (shared) buffer is never transferred: that would take the rest away.
    const shared = { ...stored, bytes: Buffer.from(stored.bytes) };
    if (shared.bytes.buffer.byteLength !== shared.bytes.byteLength) assert.deepEqual(summaryTransferList([shared]), []);
    // Summaries stored one after another, small and large (beyond any scratch space), keep
    // their own bytes: storing the next one changes nothing in those stored before.
    const large: FileSummary = { ...summary, claims: Array.from({ length: 600 }, (_, k) => ({ ...summary.claims[0], id: `c${k}`, text: `“Ça va” ${k} `.repeat(20) })) };
    const copyBefore = Buffer.from(stored.bytes);
    const storedLarge = storeSummary(large);
    assert.ok(storedLarge.bytes.byteLength > 64 * 1024);
    assert.deepEqual(storedClaims(storedLarge), large.claims);
    assert.deepEqual(storedEntities(storedLarge), large.entities);
    const next = storeSummary({ ...summary, uri: 'file:///c.txt', claims: [] });
    assert.deepEqual(Buffer.from(stored.bytes), copyBefore);
    assert.deepEqual(storedClaims(storedLarge), large.claims);
    for (const own of [stored, storedLarge, next]) assert.equal(own.bytes.buffer.byteLength, own.bytes.byteLength);
    assert.equal(new Set([stored, storedLarge, next].map((own) => own.bytes.buffer)).size, 3);
  });
});
