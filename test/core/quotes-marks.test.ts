// Quotation marks as real pages type them: mixed mark families, typing slips, headlines in
// single marks, signed reader comments, and which quotations are whole and which partial.
// Texts are our own.
import * as assert from 'assert';
import { analyze, directQuotes, findingTexts, slice } from './helpers';
import { findQuoteMarks } from '../../server/src/analysis/quotes';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { splitSentences } from '../../server/src/analysis/sentences';

function scan(text: string) {
  const structure = analyzeStructure(text);
  return findQuoteMarks(text, structure, splitSentences(text, structure));
}

const marked = (text: string) => directQuotes(analyze(text)).map((q) => `${q.kind} ${slice(text, q.span)}`);

describe('quotes: mark families and typing slips', () => {
  it('keeps a curly quotation nested in a straight one inside it', () => {
    const text =
      'The harbour master went on.\n\n"The survey asked one question: “Should the pier reopen before winter?” Most said yes," Oscar Lindqvist said.';
    assert.deepStrictEqual(marked(text), ['direct "The survey asked one question: “Should the pier reopen before winter?” Most said yes,"']);
  });

  it('takes curly quotations inside a straight mark that never closes (a block-quote marker)', () => {
    const text = 'The report describes the night.\n\n"Helen was tired. “We are almost there,” she said to the crew.\n\nThe boat docked at dawn. “It was close,” Helen Brandt said.';
    assert.deepStrictEqual(marked(text), ['direct “We are almost there,”', 'direct “It was close,”']);
    // The stray mark is still reported.
    assert.deepStrictEqual(findingTexts(analyze(text), text, 'unbalanced-quote'), ['"']);
  });

  it('continues a quotation into the next paragraph only when that one reopens with the same mark', () => {
    const text = 'She read the letter aloud.\n\n"We lost the boats.\n\n“Nobody came to help,” Helen Brandt said.';
    assert.deepStrictEqual(
      marked(text).filter((q) => q.includes('Nobody')),
      ['direct “Nobody came to help,”'],
    );
  });

  it('reads a right mark that opens a quotation and a left mark that closes one as typing slips', () => {
    const text = 'Readers wrote in.\n\n”The plan is a good start for the valley.” Helen Brandt said. “We need more buses in winter.“ Oscar Lindqvist said.';
    assert.deepStrictEqual(marked(text), ['direct ”The plan is a good start for the valley.”', 'direct “We need more buses in winter.“']);
  });

  it('keeps a doubled curly quotation inside a curly one', () => {
    const text = 'Readers wrote in.\n\n“I would rather live in what he calls “chaos” than in his order,” Helen Brandt said.';
    assert.deepStrictEqual(marked(text), ['direct “I would rather live in what he calls “chaos” than in his order,”']);
  });
});

describe('quotes: headlines in single marks', () => {
  it('reads a headline quotation in single marks, but not apostrophes', () => {
    const text = "Harbour Chief Tells Council: ‘We Will Not Close The Pier’\n\nThe council met on Monday in Rimport. The '90s pier is rock 'n' roll history, Oscar Lindqvist's aide said.";
    const a = analyze(text);
    assert.deepStrictEqual(marked(text), ['direct ‘We Will Not Close The Pier’']);
    assert.deepStrictEqual(findingTexts(a, text, 'unbalanced-quote'), []);
  });

  it('does not report an apostrophe in a headline as an unclosed quotation', () => {
    const text = "Rimport's 'Pier Plan Falls Short\n\nThe council met on Monday.";
    const a = analyze(text);
    assert.deepStrictEqual(findingTexts(a, text, 'unbalanced-quote'), []);
  });
});

describe('quotes: whole or partial', () => {
  it('takes reader comments signed on their own line as whole quotations', () => {
    const text =
      'What readers told us.\n\n“The buses never come on time in winter.” ― Helen Brandt\n“We need a second bridge before the floods.”― Oscar Lindqvist\n';
    assert.deepStrictEqual(marked(text), ['direct “The buses never come on time in winter.”', 'direct “We need a second bridge before the floods.”']);
  });

  it('records the signature (name and dash) of a signed quotation, and only at the end of its line', () => {
    const text =
      'What readers told us.\n\n“The buses never come on time.” ― Edwin G. Monroy\n“The bridge is fine,” — Helen Brandt said on Monday.\n';
    const quotes = scan(text).quotes;
    assert.strictEqual(quotes.length, 2);
    const signature = quotes[0].signature;
    assert.ok(signature);
    assert.strictEqual(slice(text, signature.name), 'Edwin G. Monroy');
    assert.strictEqual(slice(text, signature.dash), '―');
    assert.strictEqual(quotes[1].signature, undefined);
  });

  it('takes a quotation set off by double dashes as whole', () => {
    const text = "Mr. Lindqvist repeated the line -- ''That is the whole plan'' -- twice.";
    assert.deepStrictEqual(marked(text), ["direct ''That is the whole plan''"]);
  });

  it('keeps a lower-case fragment after a comma partial, but not the second half of a split quotation', () => {
    const text =
      'Under the old plan, “the pier would have closed for good.” “We were lucky,” Helen Brandt said, “and the town knows it.”';
    assert.deepStrictEqual(marked(text), ['partial “the pier would have closed for good.”', 'direct “We were lucky,”', 'direct “and the town knows it.”']);
  });

  it('takes a lower-case quotation right after "he said," as whole', () => {
    const text = 'A storm, Oscar Lindqvist said, “could close the pier for a month.”';
    assert.deepStrictEqual(marked(text), ['direct “could close the pier for a month.”']);
  });

  it('takes "called his rival “…”" as whole, but not "a show called “…”"', () => {
    const text = 'Helen Brandt called her rival “a man without a plan.” The station airs a show called “Harbour Lights.”';
    assert.deepStrictEqual(marked(text), ['direct “a man without a plan.”', 'partial “Harbour Lights.”']);
  });

  it('keeps a title in apposition after a comma partial', () => {
    const text = 'Oscar Lindqvist wrote a book, “Harbours of the North,” in 2011. Later, “We will stay,” he said.';
    assert.deepStrictEqual(marked(text), ['partial “Harbours of the North,”', 'direct “We will stay,”']);
  });

  it('keeps a quotation the sentence runs on from partial', () => {
    const text = '“You drove the workers to the breaking point” to lift the share price, Helen Brandt told the board.';
    assert.deepStrictEqual(marked(text), ['partial “You drove the workers to the breaking point”']);
  });

  it('keeps a nickname partial', () => {
    const text = 'Rep. Oscar J. "Ozzie" Lindqvist opened the meeting.';
    assert.deepStrictEqual(marked(text), ['partial "Ozzie"']);
  });

  it('takes the quoted object of a naming verb as whole, but not inside "what it called"', () => {
    const text = 'Helen Brandt called it “a betrayal of the valley.” The board rejected what it called “a costly detour.”';
    assert.deepStrictEqual(marked(text), ['direct “a betrayal of the valley.”', 'partial “a costly detour.”']);
  });
});
