import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRng, generateArticle, generateCorpus, generateLargeDocument, writeArticleFolder } from '../../bench/corpus';

const DATELINE = /^[A-Z][\p{L} ]+, (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \([A-Za-z]+\)\.- /mu;

describe('bench corpus', () => {
  it('the PRNG is deterministic per seed and stays in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 1000 }, () => a());
    const seqB = Array.from({ length: 1000 }, () => b());
    const seqC = Array.from({ length: 1000 }, () => c());
    assert.deepStrictEqual(seqA, seqB);
    assert.notDeepStrictEqual(seqA, seqC);
    assert.ok(seqA.every((x) => x >= 0 && x < 1));
    // Not degenerate: the values spread over the interval.
    assert.ok(seqA.some((x) => x < 0.1) && seqA.some((x) => x > 0.9));
  });

  it('generates the same corpus for the same seed and a different one for another seed', () => {
    const first = generateCorpus(50_000, 5);
    const again = generateCorpus(50_000, 5);
    const other = generateCorpus(50_000, 6);
    assert.strictEqual(first.text, again.text);
    assert.notStrictEqual(first.text, other.text);
  });

  it('reaches the requested size and reports its UTF-8 size exactly', () => {
    const corpus = generateCorpus(200_000);
    assert.ok(corpus.bytes >= 200_000, `only ${corpus.bytes} bytes`);
    assert.strictEqual(corpus.bytes, Buffer.byteLength(corpus.text, 'utf8'));
    assert.strictEqual(corpus.text, corpus.articles.join('\n'));
    // Curly quotes make UTF-8 larger than UTF-16 length: the size is in bytes, not characters.
    assert.ok(corpus.bytes > corpus.text.length);
  });

  it('writes news-like articles: dateline, headline, byline, quotes, attributions and figures', () => {
    const rng = createRng(9);
    const article = generateArticle(rng, { markdown: false, paragraphs: 40 });
    const paragraphs = article.trim().split('\n\n');
    assert.match(paragraphs[2], /^By [A-Z]/);
    assert.match(article, DATELINE);
    assert.match(article, /“[^”]+,” (said [A-Z]|(he|she) )/);
    assert.match(article, / said that /);
    assert.match(article, /\d{1,3}(,\d{3})+ |\$\d+ (million|billion)| per cent|€\d\.\dbn|\d+%/);
  });

  it('writes Markdown variants on request', () => {
    const article = generateArticle(createRng(1), { markdown: true });
    assert.match(article, /^# .+\n\n## .+\n\n\*By [^*]+\*\n/);
    const plain = generateArticle(createRng(1), { markdown: false });
    assert.doesNotMatch(plain, /^#/m);
  });

  it('makes one large document with a single dateline', () => {
    const doc = generateLargeDocument(300_000);
    assert.ok(Buffer.byteLength(doc, 'utf8') >= 300_000);
    assert.strictEqual(doc.match(new RegExp(DATELINE.source, 'gmu'))?.length, 1);
    assert.strictEqual(doc, generateLargeDocument(300_000));
  });

  it('writes a folder of articles, a quarter of them Markdown', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-test-'));
    try {
      const folder = writeArticleFolder(root, 250);
      const files: string[] = [];
      for (const dir of fs.readdirSync(root)) for (const file of fs.readdirSync(path.join(root, dir))) files.push(path.join(root, dir, file));
      assert.strictEqual(files.length, 250);
      assert.strictEqual(files.filter((f) => f.endsWith('.md')).length, 62);
      assert.strictEqual(fs.readdirSync(root).length, 3);
      const total = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
      assert.strictEqual(folder.bytes, total);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
