// Regression tests for attribution error classes found on PolNeAR dev (issue 3), on texts
// we wrote ourselves.
import * as assert from 'assert';
import { analyze, slice, speakerName } from './helpers';
import { findSourcelessAttributions } from '../../server/src/analysis/sourcelessCues';
import { tokenize } from '../../server/src/analysis/text';
import { attributionSettings } from '../../server/src/analysis/attribution';

describe('attribution error classes (PolNeAR conventions)', () => {
  it('reads a headline speaker label: source, colon cue, and the rest of the line', () => {
    const text = 'Mayor Quill: Harbour Budget Leaves Glenvale ‘Short of Everything’.\n\nThe mayor spoke at the dock on Tuesday.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.source?.cue === ':');
    assert.ok(q, 'a headline attribution');
    assert.strictEqual(slice(text, q!.source!.span!), 'Mayor Quill');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), ':');
    assert.strictEqual(slice(text, q!.span), 'Harbour Budget Leaves Glenvale ‘Short of Everything’');
  });

  it('gives a headline quotation in marks its speaker', () => {
    const text = 'Ada Brightwater: ‘We Will Rebuild the Pier.’\n\nBrightwater made the promise on Monday.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'direct');
    assert.ok(q);
    assert.strictEqual(slice(text, q!.source!.span!), 'Ada Brightwater');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), ':');
  });

  it('does not read headline labels as speakers', () => {
    for (const label of ['The Latest', 'BREAKING', 'Update']) {
      const text = `${label}: Glenvale pier to reopen in May.\n\nThe pier closed in March.`;
      const a = analyze(text);
      assert.ok(!a.quotes.some((x) => x.source?.cue === ':'), label);
    }
  });

  it('keeps a contracted auxiliary in the cue, not in the source', () => {
    const text = 'Oscar Lindqvist spoke at the dock on Friday. He’s claiming that the pier will open in May.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect' && x.source?.cueSpan && slice(text, x.source.cueSpan).includes('claiming'));
    assert.ok(q, 'an attribution on "claiming"');
    assert.strictEqual(slice(text, q!.source!.span!), 'He');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), '’s claiming');
  });

  it('leaves a possessive before a noun alone', () => {
    const text = 'Ada Brightwater’s claims about the pier were checked by the council.';
    const a = analyze(text);
    assert.ok(!a.quotes.some((x) => x.source?.span && slice(text, x.source.span) === 'Ada Brightwater'));
  });

  it('reads "seems to" and "is expected to" as cues with no source, the content around them', () => {
    const text = 'The new pier seems to please the fishermen, but the mayor is worried. Mayor Quill is widely expected to resign in June.';
    const sentences = [text.slice(0, 69), text.slice(70)];
    const found = sentences.map((s) => {
      const tokens = tokenize(s, 0, s.length);
      return findSourcelessAttributions(tokens, tokens.map(() => false), s.length - 1).map((f) => [slice(s, f.cue), ...f.contents.map((c) => slice(s, c))]);
    });
    assert.deepStrictEqual(found, [[['seems', 'The new pier', 'to please the fishermen']], [['is widely expected', 'Mayor Quill', 'to resign in June']]]);
    // Off by default: readers would see "to resign in June" as a quote with no speaker.
    const isExpectedCue = (x: { source?: { cueSpan?: { start: number; end: number } } }) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'is widely expected';
    assert.ok(!analyze(text).quotes.some(isExpectedCue));
    // Switched on, the cue has no source span, and names nobody.
    attributionSettings.sourceless = true;
    try {
      const expected = analyze(text).quotes.find(isExpectedCue);
      assert.ok(expected);
      assert.strictEqual(expected!.source!.span, undefined);
      assert.strictEqual(expected!.source!.vague, true);
    } finally {
      attributionSettings.sourceless = false;
    }
  });

  it('leaves a figure after "seems to" unsourced', () => {
    const text = 'The new pier seems to cost $40 million more than planned.';
    const a = analyze(text);
    const figure = a.figures.find((f) => f.text.includes('40'));
    assert.ok(figure);
    assert.strictEqual(figure!.source, undefined);
  });

  it('does not read a noun after a possessive or before a comma as a cue', () => {
    for (const text of [
      'Brightwater’s show drew more viewers than the harbour debate.',
      'Because of Quill’s Fifth Amendment claims, the council dropped the inquiry.',
    ]) {
      const a = analyze(text);
      assert.ok(!a.quotes.some((q) => q.source?.cueSpan && /^(show|claims)$/.test(slice(text, q.source.cueSpan))), text);
    }
  });

  it('still reads the verb after a quotation: “…,” Quill claims.', () => {
    const text = 'Oscar Quill runs the harbour.\n\n“The pier will be ready in May,” Quill claims.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'direct');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), 'claims');
  });

  it('takes the study or poll that carries the words into the source', () => {
    const text = 'A 2019 study by the Glenvale Institute found that the pier had paid for itself.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect');
    assert.ok(q);
    assert.strictEqual(slice(text, q!.source!.span!), 'A 2019 study by the Glenvale Institute');
  });

  it('keeps the particle of "referred to", "spoke about", "warned of" in the cue', () => {
    const text = 'Ada Brightwater warned of delays at the pier.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect');
    assert.ok(q);
    assert.strictEqual(slice(text, q!.source!.cueSpan!), 'warned of');
    assert.ok(!slice(text, q!.span).startsWith('of '));
  });

  it('leaves a participle aside after a name out of the source', () => {
    const text = 'Ada Brightwater, speaking to reporters at the dock, said the pier would reopen in May.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect');
    assert.ok(q);
    assert.strictEqual(slice(text, q!.source!.span!), 'Ada Brightwater');
  });

  it('takes a subject pronoun alone as the source, not the words before it', () => {
    const text = 'Ada Brightwater spoke on Monday. Unlike the other plans she said the pier must be rebuilt.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'said');
    assert.ok(q);
    assert.strictEqual(slice(text, q!.source!.span!), 'she');
    assert.strictEqual(speakerName(a, q!), 'Ada Brightwater');
  });

  it('reads transcript turns (NAME: words) as their speakers’ attributions', () => {
    const text =
      'Oscar Quill and Ada Brightwater debated the pier on Sunday.\n\n' +
      '"BRIGHTWATER: Will the pier open in May?\n\n' +
      '"QUILL: It will open in May, and the fees will not rise.\n\n' +
      'CORRECTION: An earlier version misspelled a name.';
    const a = analyze(text);
    const turns = a.quotes.filter((q) => q.source?.cue === ':');
    assert.deepStrictEqual(turns.map((q) => [slice(text, q.source!.span!), slice(text, q.span)]), [
      ['BRIGHTWATER', 'Will the pier open in May?'],
      ['QUILL', 'It will open in May, and the fees will not rise.'],
    ]);
    assert.strictEqual(speakerName(a, turns[1]), 'Oscar Quill');
  });

  it('does not read a single capitalised label as a transcript', () => {
    const text = 'The pier opened in May.\n\nCLARIFICATION: An earlier version gave the wrong month.';
    assert.ok(!analyze(text).quotes.some((q) => q.source?.cue === ':'));
  });
});
