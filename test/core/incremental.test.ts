import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { changedRange, spliceAnalysis, type TextChange } from '../../server/src/analysis/incremental';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { createRng, generateLargeDocument } from '../../bench/corpus';
import { article, windowIndependent } from './incrementalFixture';

/** The text with `[start, end)` replaced, the change, and the splice of the analysis. */
function edit(text: string, start: number, end: number, insert: string) {
  const next = text.slice(0, start) + insert + text.slice(end);
  const change = changedRange(text, next);
  assert.ok(change, 'the edit changes the text');
  return { next, change, spliced: spliceAnalysis(analyze(text), next, change) };
}

function at(text: string, needle: string, occurrence = 0): number {
  let from = -1;
  for (let k = 0; k <= occurrence; k++) {
    from = text.indexOf(needle, from + 1);
    assert.ok(from >= 0, `"${needle}" #${k} in the text`);
  }
  return from;
}

const PARTS = ['structure', 'sentences', 'entities', 'quotes', 'figures', 'claims', 'findings'] as const;

/** Equal to the full analysis, except that a newly unattributed quotation is not flagged
 * yet (the splice holds such findings back; see the test below). */
function assertSameAnalysis(spliced: DocumentAnalysis | undefined, full: DocumentAnalysis, previous: DocumentAnalysis, what: string): void {
  assert.ok(spliced, `${what}: spliced`);
  assert.equal(spliced.length, full.length);
  const flaggedBefore = new Set(previous.findings.filter((f) => f.code === 'unattributed-quote').map((f) => f.data?.quoteId));
  const expected = { ...full, findings: full.findings.filter((f) => f.code !== 'unattributed-quote' || flaggedBefore.has(f.data?.quoteId)) };
  for (const part of PARTS) assert.deepEqual(spliced[part], expected[part], `${what}: ${part}`);
}

describe('incremental analysis: changedRange', () => {
  it('finds the one changed range by common prefix and suffix', () => {
    assert.equal(changedRange('abc', 'abc'), undefined);
    assert.deepEqual(changedRange('hello world', 'hello brave world'), { start: 6, oldEnd: 6, newEnd: 12 });
    assert.deepEqual(changedRange('hello brave world', 'hello world'), { start: 6, oldEnd: 12, newEnd: 6 });
    assert.deepEqual(changedRange('abc', 'xyz'), { start: 0, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedRange('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
    // Repeated text: prefix first, and the ranges never overlap.
    assert.deepEqual(changedRange('aaaa', 'aaaaaa'), { start: 4, oldEnd: 4, newEnd: 6 });
  });

  it('is exact on long texts (chunked comparison)', () => {
    const long = 'x'.repeat(200_000) + 'middle' + 'y'.repeat(150_000);
    const next = long.slice(0, 200_003) + 'NEW' + long.slice(200_003);
    assert.deepEqual(changedRange(long, next), { start: 200_003, oldEnd: 200_003, newEnd: 200_006 });
    const replaced = long.slice(0, 123_456) + 'Z' + long.slice(123_457);
    assert.deepEqual(changedRange(long, replaced), { start: 123_456, oldEnd: 123_457, newEnd: 123_457 });
  });
});

describe('incremental analysis: splice equals the full analysis', () => {
  const text = article();

  const cases: Array<{ name: string; make: (t: string) => [number, number, string] }> = [
    { name: 'insert a word within a paragraph', make: (t) => [at(t, 'budget had been', 1) + 7, at(t, 'budget had been', 1) + 7, 'already '] },
    { name: 'delete words within a paragraph', make: (t) => [at(t, ' over five years', 1), at(t, ' over five years', 1) + 16, ''] },
    { name: 'insert a sentence with an unsourced figure', make: (t) => [at(t, 'Nobody at the meeting'), at(t, 'Nobody at the meeting'), 'Some 4,200 households lost power. '] },
    { name: 'insert a sourced figure', make: (t) => [at(t, 'About 1,200 jobs', 1), at(t, 'About 1,200 jobs', 1), 'Brandt said 75 boats were idle. '] },
    { name: 'repeat a figure that occurs later (ids renumbered)', make: (t) => [at(t, 'Nobody at the meeting'), at(t, 'Nobody at the meeting'), 'Costs rose by more than 40% last year. '] },
    { name: 'repeat a quotation that occurs later (ids renumbered)', make: (t) => [at(t, '“It is a fair deal', 1), at(t, '“It is a fair deal', 1), '“Every month of delay costs the port business,” Brandt said. '] },
    { name: 'delete a figure', make: (t) => [at(t, 'About 1,200 jobs', 1), at(t, 'About 1,200 jobs', 1) + 12, 'Many jobs '] },
    { name: 'delete across two paragraphs (joins them)', make: (t) => [at(t, 'spring.', 1) + 3, at(t, 'told reporters', 1), ''] },
    { name: 'split a paragraph in two', make: (t) => [at(t, ' “The ships are already', 1), at(t, ' “The ships are already', 1) + 1, '\n\n'] },
    { name: 'insert a new paragraph', make: (t) => [at(t, 'Officials said', 1), at(t, 'Officials said', 1), 'Brandt said the unions would accept the timetable.\n\n'] },
    { name: 'delete a whole paragraph', make: (t) => [at(t, 'Officials said', 1), at(t, '“It is a fair deal', 1) - 0, ''] },
    { name: 'replace the speaker', make: (t) => [at(t, 'Brandt said. “The ships'), at(t, 'Brandt said. “The ships') + 6, 'Tomas Brandt'] },
    { name: 'insert a vague attribution', make: (t) => [at(t, 'Nobody at the meeting'), at(t, 'Nobody at the meeting'), 'Critics say the budget is 30% too small. '] },
    { name: 'insert emoji', make: (t) => [at(t, 'turning away.', 1) + 13, at(t, 'turning away.', 1) + 13, ' 🚢🚢'] },
    { name: 'open a quotation and never close it', make: (t) => [at(t, 'Officials said', 1), at(t, 'Officials said', 1), '“'] },
    { name: 'close a quotation early', make: (t) => [at(t, 'cannot wait', 1) + 6, at(t, 'cannot wait', 1) + 6, '”'] },
    { name: 'type one character at a time (no change of meaning)', make: (t) => [at(t, 'regional board', 1), at(t, 'regional board', 1), 'x'] },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const [start, end, insert] = c.make(text);
      const { next, change, spliced } = edit(text, start, end, insert);
      assertSameAnalysis(spliced, analyze(next), analyze(text), c.name);
      assert.deepEqual(spliceAnalysis(analyze(text), next, change, { reuse: true }), spliced, `${c.name}: reuse`);
    });
  }

  it('works the same on CRLF text', () => {
    const crlf = article('\r\n');
    const previous = analyze(crlf);
    for (const c of cases) {
      const [start, end, insert] = c.make(crlf);
      const { next, spliced } = edit(crlf, start, end, insert.replace(/\n/g, '\r\n'));
      assertSameAnalysis(spliced, analyze(next), previous, `CRLF: ${c.name}`);
    }
  });

  it('keeps ids of unrelated claims, quotes and figures', () => {
    const before = analyze(text);
    const start = at(text, 'Nobody at the meeting');
    const { spliced } = edit(text, start, start, 'Some 4,200 households lost power. ');
    assert.ok(spliced);
    const ids = (a: DocumentAnalysis) => new Set([...a.claims, ...a.quotes, ...a.figures].map((x) => x.id));
    const kept = ids(spliced);
    for (const id of ids(before)) assert.ok(kept.has(id), `${id} kept`);
  });
});

describe('incremental analysis: what the window cannot stand in for', () => {
  const text = article();

  it('leaves edits of the header, the first paragraphs and the boilerplate to the full analysis', () => {
    assert.equal(edit(text, 0, 5, 'National').spliced, undefined);
    assert.equal(edit(text, at(text, 'By Ana Ruiz'), at(text, 'By Ana Ruiz') + 2, 'With').spliced, undefined);
    assert.equal(edit(text, at(text, 'The debate lasted'), at(text, 'The debate lasted'), 'Still, ').spliced, undefined);
    assert.equal(edit(text, at(text, 'Related Articles'), at(text, 'Related Articles'), 'More ').spliced, undefined);
    assert.equal(edit(text, text.length, text.length, '\nBack to top\n').spliced, undefined);
  });

  it('leaves an edit that removes every blank line to the full analysis (paragraphs change everywhere)', () => {
    const lines = text.replace(/\n\n/g, '\n');
    const previous = analyze(text);
    const change: TextChange = { start: 0, oldEnd: text.length, newEnd: lines.length };
    assert.equal(spliceAnalysis(previous, lines, change), undefined);
  });

  it('leaves documents that were not analysed, and binary content, to the full analysis', () => {
    const huge = analyze(text, { maxLength: 10 });
    const start = at(text, 'regional board', 1);
    const next = text.slice(0, start) + 'x' + text.slice(start);
    assert.equal(spliceAnalysis(huge, next, changedRange(text, next)!), undefined);
    const nul = text.slice(0, start) + '\u0000' + text.slice(start);
    assert.equal(spliceAnalysis(analyze(text), nul, changedRange(text, nul)!), undefined);
  });

  it('holds back a new unattributed quotation (its speaker may be named before the window)', () => {
    // A quotation set apart by paragraphs with no speaker in them: the full analysis flags it.
    const start = at(text, 'Nobody at the meeting');
    const block = 'The lights went out.\n\n“The harbour will never be the same again after this winter.”\n\nThe room waited.\n\n';
    const { next, spliced } = edit(text, start, start, block);
    const full = analyze(next);
    assert.ok(spliced);
    const quoteStart = start + block.indexOf('“');
    const flagged = full.findings.filter((f) => f.code === 'unattributed-quote' && f.span.start === quoteStart);
    assert.equal(flagged.length, 1, 'the full analysis flags the new quotation');
    assert.deepEqual(spliced.findings, full.findings.filter((f) => !flagged.includes(f)));
    // An unattributed quotation that was flagged before stays flagged when its paragraph is edited.
    const later = edit(next, quoteStart + 10, quoteStart + 10, ' really');
    assert.ok(later.spliced);
    assert.deepEqual(later.spliced.findings, analyze(later.next).findings);
  });
});

describe('incremental analysis: random edits (seeded)', () => {
  const snippets = [
    '',
    ' 40 per cent of the 12,000 households',
    '\n\n',
    '“We will',
    ' he said.',
    'Keller said ',
    '. The',
    ' said Maria Keller, the mayor.',
    '”',
    '\n\n“Nothing has changed,” she said. ',
    'x',
    ' about $3.5 billion',
    '\r\n',
    '🚢',
  ];
  const texts = [article(), article('\r\n'), generateLargeDocument(40_000, 11)];

  it('match the full analysis, and never add a finding the full analysis does not make', function () {
    this.timeout(120_000);
    const rng = createRng(2024);
    let spliced = 0;
    let missing = 0;
    for (let trial = 0; trial < 150; trial++) {
      const text = texts[trial % texts.length];
      const previous = analyze(text);
      const start = Math.floor(text.length * (0.3 + 0.5 * rng()));
      const end = Math.min(text.length, start + (rng() < 0.5 ? 0 : Math.floor(rng() * 80)));
      const insert = snippets[Math.floor(rng() * snippets.length)];
      const next = text.slice(0, start) + insert + text.slice(end);
      const change = changedRange(text, next);
      if (!change) continue;
      const result = spliceAnalysis(previous, next, change);
      // Reusing (taking apart) the previous analysis gives the same result, and leaves it
      // untouched when the window cannot stand in.
      const consumed = analyze(text);
      const reused = spliceAnalysis(consumed, next, change, { reuse: true });
      if (!result) {
        assert.equal(reused, undefined);
        assert.deepEqual(consumed, previous);
        continue;
      }
      assert.deepEqual(reused, result, 'reuse gives the same splice');
      spliced++;
      const full = analyze(next);
      const what = `trial ${trial}: [${start}, ${end}) ← ${JSON.stringify(insert)}`;
      assert.deepEqual(windowIndependent(result), windowIndependent(full), what);
      // Precision first: a spliced finding is always one the full analysis makes too.
      const fullFindings = new Set(full.findings.map((f) => JSON.stringify(f)));
      const splicedFindings = new Set(result.findings.map((f) => JSON.stringify(f)));
      for (const f of splicedFindings) assert.ok(fullFindings.has(f), `${what}: no extra finding ${f}`);
      const late = full.findings.filter((f) => !splicedFindings.has(JSON.stringify(f)));
      if (late.some((f) => f.code !== 'unattributed-quote')) missing++;
      // Every id stays unique and every reference points at an item.
      const figureIds = new Set(result.figures.map((f) => f.id));
      assert.equal(figureIds.size, result.figures.length, `${what}: unique figure ids`);
      assert.equal(new Set(result.quotes.map((q) => q.id)).size, result.quotes.length, `${what}: unique quote ids`);
      assert.equal(new Set(result.claims.map((c) => c.id)).size, result.claims.length, `${what}: unique claim ids`);
      const entityIds = new Set(result.entities.map((e) => e.id));
      for (const c of result.claims) {
        for (const id of c.figures) assert.ok(figureIds.has(id), `${what}: claim figure ${id}`);
        for (const id of c.entities) assert.ok(entityIds.has(id), `${what}: claim entity ${id}`);
      }
      for (const q of result.quotes) if (q.source?.entity) assert.ok(entityIds.has(q.source.entity), `${what}: speaker ${q.source.entity}`);
    }
    assert.ok(spliced >= 50, `most edits were spliced (${spliced})`);
    // Findings that only the whole document shows wait for the full analysis: rarely.
    assert.ok(missing <= spliced / 10, `${missing} of ${spliced} splices lack a finding of the full analysis`);
  });
});
