import * as assert from 'assert';
import { cpuModel } from '../../bench/machine';
import { buildRows, verdict } from '../../bench/report';
import { parseProcStatCpuMs, readProcCpuMs } from '../../bench/lsp';
import { hoverPositions } from '../../bench/server';
import { formatBytes, formatMarkdownTable, formatTable, mbPerSecond, median, percentile, ratio } from '../../bench/stats';
import type { EngineResult } from '../../bench/throughput';

describe('bench stats', () => {
  it('median of odd, even and empty samples, independent of order', () => {
    assert.strictEqual(median([5, 1, 3]), 3);
    assert.strictEqual(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('nearest-rank percentiles', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted input
    assert.strictEqual(percentile(hundred, 99), 99);
    assert.strictEqual(percentile(hundred, 50), 50);
    assert.strictEqual(percentile(hundred, 100), 100);
    assert.strictEqual(percentile(hundred, 0), 1);
    assert.strictEqual(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 95), 1000);
    assert.strictEqual(percentile([7], 99), 7);
    assert.throws(() => percentile([1], 101), RangeError);
  });

  it('throughput and ratios', () => {
    assert.strictEqual(mbPerSecond(5e6, 500), 10);
    assert.strictEqual(ratio(10, 4), 2.5);
    assert.strictEqual(ratio(10, 0), undefined);
    assert.strictEqual(ratio(undefined, 4), undefined);
  });

  it('formats numbers and bytes', () => {
    assert.strictEqual(formatBytes(1_500_000), '1.50 MB');
    assert.strictEqual(formatBytes(2_500), '2.50 kB');
    assert.strictEqual(formatBytes(12), '12 B');
  });

  it('pads table columns to the widest cell', () => {
    const table = formatTable(['A', 'Bee'], [['long cell', 'x'], ['y', 'z']]).split('\n');
    assert.strictEqual(table[0], 'A         | Bee');
    assert.strictEqual(table[1], '----------|----');
    assert.strictEqual(table[2], 'long cell | x');
    const md = formatMarkdownTable(['A', 'B'], [['a|b', 'c']]).split('\n');
    assert.deepStrictEqual(md, ['| A | B |', '|---|---|', '| a\\|b | c |']);
  });

  it('reads the CPU model from /proc/cpuinfo text', () => {
    assert.strictEqual(cpuModel('processor\t: 0\nmodel name\t: Example CPU 9000\nflags\t: fpu\n'), 'Example CPU 9000');
  });
});

describe('bench report', () => {
  const engine = (name: EngineResult['engine'], mbps: number): EngineResult => ({
    engine: name,
    workload: name,
    bytes: 1e6,
    articles: 10,
    repetitions: 3,
    medianMs: 1000 / mbps,
    mbPerSecond: mbps / 2,
    cpuMedianMs: 1000 / mbps,
    cpuMbPerSecond: mbps,
    items: 1,
    loadMs: 1,
    peakRssBytes: 100e6,
    peakHeapUsedBytes: 10e6,
  });

  it('judges targets in both directions and says n/a without a value', () => {
    assert.strictEqual(verdict(12, 10, 'atLeast'), 'pass');
    assert.strictEqual(verdict(8, 10, 'atLeast'), 'miss');
    assert.strictEqual(verdict(40, 50, 'atMost'), 'pass');
    assert.strictEqual(verdict(60, 50, 'atMost'), 'miss');
    assert.strictEqual(verdict(undefined, 50, 'atMost'), 'n/a');
  });

  it('prints ratios of ours to each peer and marks missing server measures n/a', () => {
    const rows = buildRows({
      throughput: [engine('claimlens', 8), engine('compromise', 0.2), engine('wink', 2), engine('regex', 80)],
      edits: [],
      indexing: { files: 10_000, bytes: 1, na: 'n/a (no workspace indexing yet)' },
      hoverIndexing: { count: 0, withContent: 0, na: 'n/a (no workspace indexing yet)' },
      workspaceFiles: 10_000,
    });
    const throughput = rows.find((r) => r.measure.startsWith('Analysis throughput'))!;
    assert.strictEqual(throughput.verdict, 'miss');
    const compromise = rows.find((r) => r.measure.includes('compromise'))!;
    assert.match(compromise.ratios, /= 40\.0× \(wall 40\.0×\)/);
    const regex = rows.find((r) => r.measure.includes('regex'))!;
    assert.match(regex.ratios, /0\.10×/);
    const indexing = rows.filter((r) => r.measure.startsWith('Indexing'));
    assert.strictEqual(indexing.length, 2);
    assert.ok(indexing.every((r) => r.verdict === 'n/a' && r.ours === 'n/a (no workspace indexing yet)'));
    const hover = rows.find((r) => r.measure.startsWith('Hover latency while'))!;
    assert.strictEqual(hover.verdict, 'n/a');
  });

  it('judges edit latency on the median and hover on the p99', () => {
    const rows = buildRows({
      throughput: [],
      edits: [{ setting: 'claimlens.debounceMs = 0', debounceMs: 0, edits: 5, timeouts: 0, medianMs: 30, p95Ms: 70 }],
      hoverIndexing: { count: 100, withContent: 50, medianMs: 1, p99Ms: 6 },
      workspaceFiles: 10_000,
    });
    assert.strictEqual(rows.find((r) => r.measure.startsWith('Edit'))!.verdict, 'pass');
    assert.strictEqual(rows.find((r) => r.measure.startsWith('Hover latency while'))!.verdict, 'miss');
  });
});

describe('bench hover positions', () => {
  it('points inside names and quotations, spread over the text', () => {
    const text = 'Intro line\n“Quote here,” said Todd Robinson.\nMore text about Maria Jensen.\n';
    const positions = hoverPositions(text, 10);
    assert.deepStrictEqual(positions, [
      { line: 1, character: 1 },
      { line: 1, character: 21 },
      { line: 2, character: 18 },
    ]);
  });
});

describe('bench process CPU time', () => {
  it('parses utime + stime from /proc/<pid>/stat, even with spaces and parentheses in the name', () => {
    const stat = '4242 (node (my server)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 11 0 5000 1000 2000';
    assert.strictEqual(parseProcStatCpuMs(stat), (250 + 37) * 10);
    assert.strictEqual(parseProcStatCpuMs('garbage'), undefined);
  });

  it('reads this process (Linux /proc) and sees it grow after work', () => {
    const before = readProcCpuMs(process.pid)!;
    const start = process.cpuUsage();
    let spin = 0;
    while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < 80) spin++;
    assert.ok(spin > 0);
    assert.ok(readProcCpuMs(process.pid)! - before >= 40);
  });
});
