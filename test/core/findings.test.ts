// Findings: when each rule fires, when it must stay silent, and what it says.
import * as assert from 'assert';
import { analyze, findingTexts, slice } from './helpers';
import { vagueAttribution } from '../../server/src/analysis/findings';
import type { Quote } from '../../server/src/analysis/types';

describe('findings', () => {
  it('flags a statistic nobody is said to have stated', () => {
    const text = 'Prices rose 12 percent in the first quarter.';
    const a = analyze(text);
    assert.deepStrictEqual(findingTexts(a, text, 'unsourced-figure'), ['12 percent']);
    assert.strictEqual(a.findings[0].severity, 'warning');
    assert.strictEqual(a.findings[0].data?.figureId, a.figures.find((f) => f.text === '12 percent')?.id);
  });

  it('never flags dates, years or durations on their own', () => {
    const text = 'The bridge opened in 2019. It closed on March 3 for two weeks. Last year it reopened.';
    const a = analyze(text);
    assert.ok(a.figures.length >= 2);
    assert.deepStrictEqual(a.findings, []);
  });

  it('does not flag figures in an attributed sentence, quote or reported speech', () => {
    const texts = [
      'Prices rose 12 percent in the first quarter, the statistics office said.',
      'The statistics office said prices rose 12 percent in the first quarter.',
      '“Prices rose 12 percent in the first quarter,” said Ana Lima.',
      'Ana Lima said the budget of $4 million would not be enough.',
    ];
    for (const t of texts) assert.deepStrictEqual(analyze(t).findings, [], t);
  });

  it('does not flag figures outside body paragraphs (headline, byline)', () => {
    const text = 'Prices rise 12 percent\n\nBy Ana Lima\n\nThe statistics office said prices rose again.';
    const a = analyze(text);
    assert.strictEqual(a.structure.paragraphs[0].kind, 'headline');
    assert.deepStrictEqual(a.findings, []);
  });

  it('does not flag small numbers written as words', () => {
    assert.deepStrictEqual(analyze('Two ministers met three times before the vote.').findings, []);
  });

  it('flags a measure only when nothing else in its sentence is flagged', () => {
    const text = 'An estimated 4 million people live more than 10 kilometres from a clinic. The new road is 40 kilometres long.';
    const a = analyze(text);
    const flagged = findingTexts(a, text, 'unsourced-figure');
    assert.strictEqual(flagged.length, 2, flagged.join(' | '));
    assert.ok(flagged[0].includes('4 million'));
    assert.ok(flagged[1].startsWith('40 kilometres'));
  });

  it('flags a long direct quotation with no speaker, but not a short one', () => {
    const text = 'The night was long.\n\n“We waited for hours and nobody came to help us at all.”\n\nThe word “chaos” was used.';
    const a = analyze(text);
    assert.deepStrictEqual(findingTexts(a, text, 'unattributed-quote'), ['“We waited for hours and nobody came to help us at all.”']);
    const f = a.findings.find((x) => x.code === 'unattributed-quote')!;
    assert.ok(f.message.startsWith('Say who said'));
    assert.strictEqual(f.data?.quoteId, a.quotes.find((q) => q.kind === 'direct')?.id);
  });

  it('does not flag a quotation whose speaker a reader can see, even when the analysis finds none', () => {
    const cases = [
      // The sentence itself has words outside the marks (a cue the stages do not know).
      'Lena Ortiz took the stage.\n\nOrtiz hummed to the crowd before asking them, “Are you ready to march all the way to the capital tonight?”',
      // A colon introduces it.
      'The letter ended with a warning:\n\n“We will not stay silent while the river dies in front of our eyes.”',
      // A transcript turn: the label is the speaker.
      'A partial transcript follows.\n\n“HOST: Welcome back, tonight we talk about the harbour and the money behind it.”',
      // A speech verb in the next paragraph.
      'The hall fell quiet.\n\n“We have waited eleven years for this bridge and we will wait no longer.”\n\nA woman in the front row shouted the words twice.',
      // Quoted paragraphs in a row are one speaker's.
      'The hall fell quiet.\n\n“We have waited eleven years for this bridge and we will wait no longer.”\n\n“Nobody in this town believes the promises any more, and nobody should.”',
      // Signed by a dash line below.
      'The hall fell quiet.\n\n“We have waited eleven years for this bridge and we will wait no longer.”\n\n- Ana Ruiz, a ferry captain',
    ];
    for (const text of cases) {
      const a = analyze(text);
      assert.deepStrictEqual(findingTexts(a, text, 'unattributed-quote'), [], text);
      assert.ok(a.quotes.some((q) => q.kind === 'direct'), `no quotation found in: ${text}`);
    }
  });

  it('flags a vague attribution with a message that says what to do', () => {
    const text = 'The plant will close, officials said.';
    const a = analyze(text);
    assert.deepStrictEqual(findingTexts(a, text, 'vague-attribution'), ['officials said']);
    assert.ok(a.findings[0].message.includes('name the source'));
    assert.strictEqual(a.findings[0].data?.cue, 'said');
  });

  it('gives a vague source one hint, and none when its cue reports nothing', () => {
    const text = 'Some officials said the plant will close after some demonstrations turned violent.';
    const span = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const quote = (id: string, content: string, source: string, cue: string): Quote => ({
      id, kind: 'indirect', span: span(content), content: span(content), text: content,
      source: { text: source, span: span(source), cue, cueSpan: span(cue), how: 'explicit', vague: true },
    });
    const quotes = [
      quote('q1', 'the plant will close', 'Some officials', 'said'),
      quote('q2', 'the plant will close', 'officials', 'said'),
      quote('q3', 'turned violent', 'some', 'demonstrations'),
    ];
    const flagged = vagueAttribution({ text, quotes, structure: analyze(text).structure, sentences: [], figures: [], unbalanced: [] });
    assert.deepStrictEqual(flagged.map((f) => slice(text, f.span)), ['Some officials said']);
  });

  it('flags a vague attribution of a quote, and not the quote as unattributed', () => {
    const text = '“The plant will close before the end of the summer,” officials said.';
    const a = analyze(text);
    assert.deepStrictEqual(a.findings.map((f) => f.code), ['vague-attribution']);
  });

  it('reports every unsourced figure of a sentence, each with its own id', () => {
    const text = 'The storm destroyed 300 homes and caused $2 million in damage.';
    const a = analyze(text);
    const fs = a.findings.filter((f) => f.code === 'unsourced-figure');
    const flagged = fs.map((f) => slice(text, f.span));
    assert.strictEqual(flagged.length, 2, flagged.join(' | '));
    assert.ok(flagged[0].startsWith('300'));
    assert.strictEqual(flagged[1], '$2 million');
    assert.deepStrictEqual(flagged, fs.map((f) => f.data?.text));
    assert.notStrictEqual(fs[0].data?.figureId, fs[1].data?.figureId);
  });

  it('returns only document-too-large for a text over the limit', () => {
    const text = 'Prices rose 12 percent. '.repeat(10);
    const a = analyze(text, { maxLength: 100 });
    assert.deepStrictEqual(a.findings.map((f) => f.code), ['document-too-large']);
    assert.strictEqual(a.length, text.length);
    assert.deepStrictEqual([a.sentences.length, a.figures.length, a.quotes.length], [0, 0, 0]);
    assert.ok(a.findings[0].message.includes('240'));
    assert.strictEqual(a.findings[0].data?.maxLength, 100);
  });

  it('returns only binary-content for text with NUL bytes or mostly control characters', () => {
    const withNul = analyze('Prices rose 12 percent.\u0000\u0000\u0001');
    assert.deepStrictEqual(withNul.findings.map((f) => f.code), ['binary-content']);
    const control = analyze('\u0001\u0002\u0003\u0004\u0005\u0006ab\u0007\u0008\u000e\u000f');
    assert.deepStrictEqual(control.findings.map((f) => f.code), ['binary-content']);
    assert.deepStrictEqual(analyze('Tabs\tand\r\nline breaks are text.').findings, []);
  });
});
