// Bad input and invariants: CRLF, emoji, scripts, empty text, pathological input,
// determinism, id stability.
import * as assert from 'assert';
import { analyze, directQuotes, readFixture, slice, speakerName } from './helpers';
import type { DocumentAnalysis } from '../../server/src/analysis';

/** Every span in the analysis lies inside the text and is well-formed. */
function assertSpansSane(a: DocumentAnalysis, text: string): void {
  const spans = [
    ...a.structure.paragraphs.map((p) => p.span),
    ...a.sentences.map((s) => s.span),
    ...a.entities.flatMap((e) => e.mentions),
    ...a.quotes.flatMap((q) => [q.span, q.content, ...(q.source?.span ? [q.source.span] : [])]),
    ...a.figures.map((f) => f.span),
    ...a.claims.map((c) => c.span),
    ...a.findings.map((f) => f.span),
  ];
  for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, JSON.stringify(s));
  for (const q of a.quotes) assert.strictEqual(q.text, slice(text, q.content));
  for (const f of a.figures) assert.strictEqual(f.text, slice(text, f.span));
}

describe('robustness', () => {
  const seed = readFixture('seed-fentanyl.txt');

  it('gives the same results with CRLF line endings, offsets exact', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const a = analyze(seed);
    const b = analyze(crlf);
    assertSpansSane(b, crlf);
    assert.deepStrictEqual(b.findings.map((f) => slice(crlf, f.span)), a.findings.map((f) => slice(seed, f.span)));
    assert.deepStrictEqual(directQuotes(b).map((q) => q.text.replace(/\r\n/g, '\n')), directQuotes(a).map((q) => q.text));
    assert.deepStrictEqual(b.entities.map((e) => [e.name, e.kind, e.mentions.length]), a.entities.map((e) => [e.name, e.kind, e.mentions.length]));
    for (const p of b.structure.paragraphs) assert.ok(!slice(crlf, p.span).endsWith('\r'));
    assert.deepStrictEqual(b.claims.map((c) => c.id), a.claims.map((c) => c.id));
  });

  it('keeps UTF-16 offsets exact around emoji and non-Latin scripts', () => {
    const text = '🙂🙂 Ελληνικά 中文 — “Prices doubled in a single week, everyone says so,” said Ana Lima 🎉. The storm destroyed 300 homes.';
    const a = analyze(text);
    assertSpansSane(a, text);
    const [q] = directQuotes(a);
    assert.strictEqual(speakerName(a, q), 'Ana Lima');
    assert.deepStrictEqual(a.findings.map((f) => f.code), ['unsourced-figure']);
    assert.ok(slice(text, a.findings[0].span).startsWith('300'));
    assert.strictEqual(slice(text, a.findings[0].span), a.findings[0].data?.text);
    const lima = a.entities.find((e) => e.name === 'Ana Lima')!;
    assert.strictEqual(slice(text, lima.mentions[0]), 'Ana Lima');
  });

  it('handles empty and whitespace-only text', () => {
    for (const t of ['', '   ', '\n\n\r\n']) {
      const a = analyze(t);
      assert.deepStrictEqual([a.sentences, a.entities, a.quotes, a.figures, a.claims, a.findings], [[], [], [], [], [], []]);
      assert.strictEqual(a.length, t.length);
    }
  });

  it('survives 100,000 unclosed quotation marks', function () {
    this.timeout(60000); // the work is linear; a loaded test machine is not
    for (const mark of ['“', '"']) {
      const text = `Officials said ${mark.repeat(100000)} the plant is closing.`;
      const a = analyze(text);
      assertSpansSane(a, text);
      const unbalanced = a.findings.filter((f) => f.code === 'unbalanced-quote');
      assert.ok(unbalanced.length <= 1, `${unbalanced.length} unbalanced findings`);
      assert.ok(a.quotes.length <= 2, `${a.quotes.length} quotes`);
    }
    const alternating = 'a “ b ” c '.repeat(20000) + '“';
    const b = analyze(alternating);
    assert.strictEqual(b.findings.filter((f) => f.code === 'unbalanced-quote').length, 1);
    assertSpansSane(b, alternating);
  });

  it('survives a megabyte of digits and of capitalised words', function () {
    this.timeout(60000);
    const digits = '7'.repeat(1 << 20);
    const a = analyze(digits);
    assertSpansSane(a, digits);
    assert.ok(a.figures.length <= 1);
    const caps = 'Alpha Beta '.repeat(50000);
    const b = analyze(caps);
    assertSpansSane(b, caps);
    assert.ok(b.entities.length <= 2, `${b.entities.length} entities`);
  });

  it('is deterministic', () => {
    assert.deepStrictEqual(analyze(seed), analyze(seed));
  });

  it('keeps claim ids when an unrelated paragraph is edited', () => {
    const a = analyze(seed);
    const edited = seed.replace(
      'Despite those differences, Robinson hailed US-Mexico bilateral cooperation in both the technical and political dimensions.',
      'Despite those differences, Robinson praised the cooperation between the two governments in several areas, at length.',
    );
    assert.notStrictEqual(edited, seed);
    const b = analyze(edited);
    const idsA = new Map(a.claims.map((c) => [c.text, c.id]));
    let same = 0;
    for (const c of b.claims) {
      if (idsA.has(c.text)) {
        assert.strictEqual(c.id, idsA.get(c.text), c.text.slice(0, 40));
        same++;
      }
    }
    assert.ok(same >= a.claims.length - 1, `${same} of ${a.claims.length} claims kept`);
    const inserted = analyze(seed.replace('\n\nMore than 70,000', '\n\nThe weather in Washington was hot that week, and the talks ran late.\n\nMore than 70,000'));
    assert.deepStrictEqual(
      inserted.claims.filter((c) => idsA.has(c.text)).map((c) => c.id),
      a.claims.map((c) => c.id),
    );
  });

  it('ties every claim to its figures and entities by id', () => {
    const a = analyze(seed);
    const figureIds = new Set(a.figures.map((f) => f.id));
    const entityIds = new Set(a.entities.map((e) => e.id));
    for (const c of a.claims) {
      for (const f of c.figures) assert.ok(figureIds.has(f));
      for (const e of c.entities) assert.ok(entityIds.has(e));
    }
    assert.strictEqual(new Set(a.entities.map((e) => e.id)).size, a.entities.length);
  });
});

describe('ids', () => {
  it('hashes normalised text in one pass, equal to hashing the normalised string', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { hash32, hashNormalized, normalizeForId } = require('../../server/src/analysis/text');
    for (const s of ['  “Hello,”  World\r\n again ', 'ÉCOLE ’90s', '', 'a\tb']) {
      assert.strictEqual(hashNormalized(s), hash32(normalizeForId(s)), JSON.stringify(s));
    }
  });
});
