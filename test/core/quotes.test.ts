// Quotation marks: straight and curly, apostrophes, partial quotes, paragraphs.
import * as assert from 'assert';
import { analyze, directQuotes, slice, speakerName } from './helpers';

describe('quotes', () => {
  it('reads straight double quotes', () => {
    const text = '"We will rebuild the school before the winter comes," said Maria Gonzalez.';
    const a = analyze(text);
    const [q] = directQuotes(a);
    assert.strictEqual(q.text, 'We will rebuild the school before the winter comes,');
    assert.strictEqual(slice(text, q.span), '"We will rebuild the school before the winter comes,"');
    assert.strictEqual(speakerName(a, q), 'Maria Gonzalez');
  });

  it('reads curly quotes with apostrophes inside (we’ve, ’90s, don’t)', () => {
    const text = '“We’ve not seen prices like this since the ’90s, and we don’t expect relief,” said Maria Gonzalez.';
    const a = analyze(text);
    const qs = directQuotes(a);
    assert.strictEqual(qs.length, 1);
    assert.ok(qs[0].text.startsWith('We’ve not seen'));
    assert.ok(qs[0].text.endsWith('relief,'));
    assert.strictEqual(a.findings.length, 0);
  });

  it('reads a partial quotation inside a sentence', () => {
    const text = 'Maria Gonzalez called the decision “a betrayal of the families” on Tuesday.';
    const a = analyze(text);
    const [q] = directQuotes(a);
    assert.strictEqual(q.kind, 'partial');
    assert.strictEqual(q.text, 'a betrayal of the families');
    assert.strictEqual(a.findings.filter((f) => f.code === 'unattributed-quote').length, 0);
  });

  it('attributes a partial quotation to the sentence’s speaker', () => {
    const text = 'Maria Gonzalez said the decision was “a betrayal of the families who trusted us.”';
    const a = analyze(text);
    const q = directQuotes(a)[0];
    assert.strictEqual(q.kind, 'partial');
    assert.strictEqual(speakerName(a, q), 'Maria Gonzalez');
  });

  it('joins a quotation across paragraphs (open paragraph, next one reopens)', () => {
    const text =
      '“We lost the roof, the windows and most of the furniture.\n\n“But we are alive, and we will rebuild,” said Maria Gonzalez.';
    const a = analyze(text);
    const qs = directQuotes(a);
    assert.strictEqual(qs.length, 1);
    assert.ok(qs[0].text.includes('furniture.'));
    assert.ok(qs[0].text.endsWith('rebuild,'));
    assert.strictEqual(speakerName(a, qs[0]), 'Maria Gonzalez');
    assert.strictEqual(a.findings.length, 0);
  });

  it('reports an unclosed quotation mark once per paragraph', () => {
    const text = 'Maria Gonzalez said: “We lost the roof and the windows.\n\nThe storm moved north.';
    const a = analyze(text);
    const f = a.findings.filter((x) => x.code === 'unbalanced-quote');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(slice(text, f[0].span), '“');
    assert.ok(f[0].message.includes('never closed'));
  });

  it('finds an unclosed quotation in CRLF text, offsets exact, no \\r in the quote', () => {
    const text = 'The storm moved north.\r\n\r\nMaria Gonzalez said: “We lost the roof and the windows.\r\n\r\nThe storm moved on.\r\n';
    const a = analyze(text);
    const f = a.findings.filter((x) => x.code === 'unbalanced-quote');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].span.start, text.indexOf('“'));
    const [q] = directQuotes(a);
    assert.strictEqual(q.text, 'We lost the roof and the windows.');
    assert.ok(!slice(text, q.span).includes('\r'));
  });

  it("reads two apostrophes ('') as a double quotation mark", () => {
    const text = "''The sooner he releases his returns, the better,'' Mr. Goldberg told CNBC.";
    const a = analyze(text);
    const [q] = directQuotes(a);
    assert.strictEqual(q.text, 'The sooner he releases his returns, the better,');
    assert.strictEqual(slice(text, q.span), "''The sooner he releases his returns, the better,''");
    assert.strictEqual(q.source?.text, 'Mr. Goldberg');
    assert.ok(!a.entities.some((e) => e.name === 'The'));
    assert.deepStrictEqual(analyze("It's the '90s' sound, isn't it?").quotes, []);
  });

  it('does not open a quotation at inch marks', () => {
    const a = analyze('The pipe is 12" wide and 3 m long, engineers at the site said.');
    assert.strictEqual(directQuotes(a).length, 0);
    assert.strictEqual(a.findings.filter((f) => f.code === 'unbalanced-quote').length, 0);
  });

  it('does not flag short scare quotes as unattributed', () => {
    const a = analyze('The so-called “experts” disagreed with each other.');
    assert.strictEqual(a.findings.filter((f) => f.code === 'unattributed-quote').length, 0);
  });

  it('gives quotes stable, distinct ids', () => {
    const text = '“Yes, we will do it again and again,” said Ana Lima. “Yes, we will do it again and again,” said Ana Lima.';
    const a = analyze(text);
    const ids = directQuotes(a).map((q) => q.id);
    assert.strictEqual(ids.length, 2);
    assert.notStrictEqual(ids[0], ids[1]);
    assert.deepStrictEqual(directQuotes(analyze(text)).map((q) => q.id), ids);
  });

  it('takes a doubled-apostrophe quotation after "he said." as a direct quotation', () => {
    const text = "Oscar Lindqvist spoke at the dock.\n\n''The pier is closed for the winter,'' Mr. Lindqvist said. ''We will reopen it when the ice is gone.''";
    const a = analyze(text);
    const quotes = directQuotes(a);
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(quotes[1].text, 'We will reopen it when the ice is gone.');
    assert.strictEqual(speakerName(a, quotes[1]), 'Oscar Lindqvist');
  });

  it('keeps a quotation right after a word inside the clause, unless the word is a speech verb', () => {
    const text = 'Helen Brandt said the plan failed because “nobody asked the workers what they needed,” and she left. Oscar Lindqvist says “the harbour will be open by the spring.”';
    const a = analyze(text);
    const kinds = a.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.kind);
    assert.deepStrictEqual(kinds, ['partial', 'direct']);
    const direct = a.quotes.find((q) => q.kind === 'direct');
    assert.strictEqual(speakerName(a, direct!), 'Oscar Lindqvist');
  });
});
