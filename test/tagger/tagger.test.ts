import * as assert from 'node:assert/strict';
import { tagNames, tagNamesScored, SCORED_KINDS, tokenize, getDefaultModel, loadModel, type NameSpan } from '../../server/src/analysis/tagger';
import { gazetteerMask, GAZ } from '../../server/src/analysis/tagger/gazetteer';
import { decodeBase64, decodeBase64Portable, encodeBase64 } from '../../server/src/analysis/tagger/model';

function named(text: string, spans: NameSpan[]): string[] {
  return spans.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
}

describe('tagger tokenize', () => {
  it('splits punctuation and possessives like CoNLL, keeps abbreviations', () => {
    const text = "Mr. Smith's U.S. firm, Acme Corp., didn't pay $1,200.50 (about 3.5%).";
    const tokens = tokenize(text).flat().map((t) => t.text);
    assert.deepEqual(tokens, ['Mr.', 'Smith', "'s", 'U.S.', 'firm', ',', 'Acme', 'Corp.', ',', 'did', "n't", 'pay', '$', '1,200.50', '(', 'about', '3.5', '%', ')', '.']);
  });

  it('keeps the period of a state abbreviation but not of an ordinary word', () => {
    const tokens = tokenize('She moved to Austin, Tex. from a town in Calif. last year. We wash.').flat().map((t) => t.text);
    assert.ok(tokens.includes('Tex.') && tokens.includes('Calif.'), tokens.join(' '));
    assert.deepEqual(tokens.slice(-3), ['We', 'wash', '.']);
  });

  it('gives UTF-16 offsets that slice back to each token, with emoji and CRLF', () => {
    const text = 'Hi 👋🏽 there.\r\nAnna Berg said “yes” — ok.';
    for (const t of tokenize(text).flat()) assert.equal(text.slice(t.start, t.end), t.text);
    const words = tokenize(text).flat().map((t) => t.text);
    assert.ok(words.includes('👋'));
    assert.ok(words.includes('Anna'));
  });

  it('infers sentence starts from final punctuation and line breaks, not abbreviations', () => {
    const text = 'He met Dr. Jones in the U.S. Senate. Then he left.\n\nNew paragraph here';
    const sentences = tokenize(text).map((s) => s.map((t) => t.text).join(' '));
    assert.deepEqual(sentences, ['He met Dr. Jones in the U.S. Senate .', 'Then he left .', 'New paragraph here']);
  });

  it('keeps a closing quote with the sentence it ends', () => {
    const sentences = tokenize('She said "no." Then she left.').map((s) => s.map((t) => t.text).join(' '));
    assert.deepEqual(sentences, ['She said " no. "', 'Then she left .'].map((s) => s.replace('no.', 'no .')));
  });
});

describe('tagNames', () => {
  it('finds a person, an organization and a place with exact spans', () => {
    const text = 'Todd Robinson met officials from the US State Department in Washington.';
    assert.deepEqual(named(text, tagNames(text)), ['person:Todd Robinson', 'organization:US State Department', 'place:Washington']);
    assert.deepEqual(tagNames(text), [
      { start: 0, end: 13, kind: 'person' }, { start: 37, end: 56, kind: 'organization' }, { start: 60, end: 70, kind: 'place' },
    ]);
  });

  it('tags names in ordinary news sentences', () => {
    const text = 'Angela Merkel flew to Paris on Monday for talks with Emmanuel Macron.';
    assert.deepEqual(named(text, tagNames(text)), ['person:Angela Merkel', 'place:Paris', 'person:Emmanuel Macron']);
    const text2 = 'Shares of Microsoft rose after the company said it would hire 500 engineers in Dublin.';
    assert.deepEqual(named(text2, tagNames(text2)), ['organization:Microsoft', 'place:Dublin']);
  });

  it('does not take a possessive into the name', () => {
    const text = "Maria Lopez's lawyer spoke to reporters in Chicago.";
    const spans = named(text, tagNames(text));
    assert.ok(spans.includes('person:Maria Lopez'), spans.join());
    assert.ok(spans.includes('place:Chicago'), spans.join());
  });

  it('keeps offsets exact when emoji and CRLF come before the names', () => {
    const text = '🔥🔥 Breaking:\r\nPolice in Berlin arrested two men, said Chief Inspector Klaus Weber.\r\n';
    const spans = tagNames(text);
    const found = named(text, spans);
    assert.ok(found.includes('place:Berlin'), found.join());
    assert.ok(found.some((f) => f.endsWith('Klaus Weber') && f.startsWith('person:')), found.join());
    for (const s of spans) {
      assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
      assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
    }
  });

  it('returns nothing for empty, blank or name-free text', () => {
    assert.deepEqual(tagNames(''), []);
    assert.deepEqual(tagNames(' \n\r\n\t '), []);
    assert.deepEqual(tagNames('the price of bread went up again this week.'), []);
  });

  it('returns sorted, non-overlapping spans', () => {
    const text = 'Apple and Google met the European Commission in Brussels. Tim Cook spoke first.';
    const spans = tagNames(text);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start);
  });

  it('is deterministic and runs in linear time on long text', () => {
    const paragraph = 'Todd Robinson met officials from the US State Department in Washington on Tuesday. ';
    getDefaultModel();
    const small = paragraph.repeat(100);
    const big = paragraph.repeat(1000);
    const t0 = performance.now();
    const a = tagNames(small);
    const t1 = performance.now();
    const b = tagNames(big);
    const t2 = performance.now();
    assert.equal(a.length * 10, b.length);
    assert.deepEqual(tagNames(small), a);
    // 10x the text should take about 10x the time; allow generous noise.
    assert.ok(t2 - t1 < (t1 - t0) * 30 + 50, `small ${t1 - t0} ms, big ${t2 - t1} ms`);
  });

  it('handles a single very long line without sentence breaks', () => {
    const text = 'word '.repeat(20000) + 'in London';
    const spans = tagNames(text);
    assert.deepEqual(named(text, spans).slice(-1), ['place:London']);
  });
});

describe('tagger model encoding', () => {
  it('round-trips bytes through base64 with and without Buffer', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + (i >> 3)) & 0xff);
    for (const len of [0, 1, 2, 3, 4, 999, 1000]) {
      const slice = bytes.subarray(0, len);
      const text = encodeBase64(slice);
      assert.equal(text, Buffer.from(slice).toString('base64'));
      assert.deepEqual(Array.from(decodeBase64Portable(text)), Array.from(slice));
      assert.deepEqual(Array.from(decodeBase64(text)), Array.from(slice));
    }
  });

  it('rejects a model whose labels do not match the runtime', () => {
    const binary = { file: 'none.bin', rowBytes: 0, weightBytes: 0 };
    const bytes = { rows: new Uint8Array(0), weights: new Uint8Array(0) };
    assert.throws(() => loadModel({ format: 'claimlens-ner/1', bits: 4, labels: ['O'], scale: 1, transitions: [], binary }, bytes), /labels/);
  });
});

describe('tagger gazetteer and span scores', () => {
  it('knows first names, places and common words', () => {
    assert.ok(gazetteerMask('Gloria') & GAZ.FIRST);
    assert.ok(gazetteerMask('ATHENS') & GAZ.PLACE);
    assert.ok(gazetteerMask('University') & GAZ.ORG_KEYWORD);
    assert.strictEqual(gazetteerMask('walked') & (GAZ.FIRST | GAZ.LAST | GAZ.PLACE | GAZ.ORG), 0);
    assert.strictEqual(gazetteerMask('Zqxvbnm'), 0);
  });

  it('scores every span for each kind, the chosen kind highest, with the spans of tagNames', () => {
    const text = 'Todd Robinson met officials from the US State Department in Washington. Maria Lopez flew to Madrid on Monday.';
    const scored = tagNamesScored(text);
    assert.deepEqual(scored.map(({ start, end, kind }) => ({ start, end, kind })), tagNames(text));
    assert.ok(scored.length >= 4);
    for (const s of scored) {
      assert.strictEqual(s.scores.length, SCORED_KINDS.length);
      const best = s.scores.indexOf(Math.max(...s.scores));
      assert.strictEqual(SCORED_KINDS[best], s.kind, `${text.slice(s.start, s.end)} ${s.scores}`);
    }
  });
});

describe('tagger word cache', () => {
  it('tags the same after its word cache filled up and was emptied (200,000 distinct words)', function () {
    this.timeout(60000);
    // A copy of the model object has a decoder state (and word cache) of its own.
    const model = { ...getDefaultModel() };
    const sample = 'Todd Robinson met officials from the US State Department in Washington. Maria de la Cruz, of the Lisbon Chamber, said so.';
    const before = tagNamesScored(sample, model);
    assert.deepEqual(before, tagNamesScored(sample));
    // Lower-case made-up words, each new: a letter code per word count.
    const word = (n: number) => {
      let w = '';
      for (let k = n + 26 * 26; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
      return w;
    };
    for (let n = 0; n < 210_000; n += 10_000) {
      const words: string[] = [];
      for (let k = n; k < n + 10_000; k++) words.push(word(k));
      tagNames(`${words.join(' ')}.`, model);
    }
    assert.deepEqual(tagNamesScored(sample, model), before);
    assert.deepEqual(tagNamesScored('Robinson and de la Cruz spoke in Washington.', model), tagNamesScored('Robinson and de la Cruz spoke in Washington.'));
  });
});
