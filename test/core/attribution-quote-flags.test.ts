// attribute() hands the tagger the quote flags it found for a sentence (pushQuoteFlags,
// from the first quotation that ends after the sentence starts) instead of the tagger
// finding them again (quoteFlags, by bisection): both must flag the same tokens (texts of our own).
import * as assert from 'assert';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../../server/src/analysis/sentences';
import { findQuoteMarks } from '../../server/src/analysis/quotes';
import { pushQuoteFlags } from '../../server/src/analysis/attribution';
import { quoteFlags } from '../../server/src/analysis/attributionModel/index';

const TEXT = [
  'Glenvale Pier Reopens',
  '“We will rebuild the pier,” Mayor Dana Quill said on Tuesday. “It will take time. But it will open by May,” she added.',
  'The harbour board called the plan “optimistic” and said costs had risen. Critics said: “No one has seen the figures.”',
  '“This quotation runs on. It spans three sentences. And it ends here,” a board member said, asking not to be named.',
  'Nothing here is quoted, Quill said.',
].join('\n\n');

describe('attribution: quote flags handed to the tagger', () => {
  it('flag the same tokens as the tagger finds itself, sentence by sentence', () => {
    const structure = analyzeStructure(TEXT);
    const sentences = splitSentences(TEXT, structure);
    const tokens = tokenizeSentences(TEXT, sentences);
    const marks = findQuoteMarks(TEXT, structure, sentences).quotes;
    assert.ok(marks.length >= 5, `${marks.length} quotations`);
    let first = 0;
    let flagged = 0;
    sentences.forEach((s, si) => {
      // As attributeSentence: the first quotation that ends after the sentence starts.
      while (first < marks.length && marks[first].span.end <= s.span.start) first++;
      const pushed: boolean[] = [];
      pushQuoteFlags(tokens[si], marks, first, pushed);
      const found = quoteFlags(tokens[si], marks, s.span).slice(0, tokens[si].length);
      assert.deepStrictEqual(pushed, found, TEXT.slice(s.span.start, s.span.end));
      flagged += pushed.filter(Boolean).length;
    });
    assert.ok(flagged > 20, `${flagged} tokens flagged`);
  });
});
