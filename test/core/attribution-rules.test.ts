// Attribution rules added for issue 3 (PolNeAR error classes), each on a small text of our own.
import * as assert from 'assert';
import { analyze, slice } from './helpers';
import { splitPlannedCue } from '../../server/src/analysis/attribution';

describe('attribution rules (issue 3 error classes)', () => {
  it('takes a plain noun phrase between a comma and a sentence-final cue as the source', () => {
    const text = 'The harbour fee will rise to $40 next spring, lawyers for the ferry company said.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.kind === 'indirect');
    assert.ok(q, 'an indirect attribution');
    assert.strictEqual(slice(text, q!.source!.span!), 'lawyers for the ferry company');
    assert.strictEqual(slice(text, q!.source!.cueSpan!), 'said');
    assert.strictEqual(q!.text, 'The harbour fee will rise to $40 next spring');
  });

  it('reads "show" after a document noun as the cue, and the document noun as part of the source', () => {
    const text = 'Ferry fares rose by 12 percent in May, a review of harbour board reports shows.';
    const a = analyze(text);
    const cues = a.quotes.filter((x) => x.source?.cueSpan).map((x) => slice(text, x.source!.cueSpan!));
    assert.ok(!cues.includes('reports'), `"reports" is a noun here: ${cues.join(', ')}`);
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'shows');
    assert.ok(q, `"shows" is the cue: ${cues.join(', ')}`);
    assert.ok(slice(text, q!.source!.span!).endsWith('harbour board reports'));
  });

  it('reads an opening "In a … poll," as cue and source of the clause after it, so its figures are sourced', () => {
    const text = 'The Glenvale Herald asked 800 voters about the pier.\n\nIn a Glenvale Herald poll released Monday, 62 percent of voters backed the pier.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'In');
    assert.ok(q, 'an attribution with the cue "In"');
    assert.strictEqual(slice(text, q!.source!.span!), 'a Glenvale Herald poll released Monday');
    assert.strictEqual(q!.text, '62 percent of voters backed the pier');
    assert.deepStrictEqual(a.findings.filter((f) => f.code === 'unsourced-figure').map((f) => slice(text, f.span)), []);
  });

  it('gives "… and said" the organisation that is the clause\'s subject', () => {
    const text = 'Brightwater Shipping Corp. reviewed its books and found that 73 percent of its ferries ran at a loss.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'found');
    assert.ok(q, 'an attribution with the cue "found"');
    assert.ok(q!.source!.entity, 'the source is the company');
    assert.match(a.entities.find((e) => e.id === q!.source!.entity)!.name, /Brightwater/);
  });

  it('reads a stance verb right before "that" as a cue ("expects that …")', () => {
    const text = 'The Glenvale Harbour Board expects that ferry traffic will grow by 4 percent next year.';
    const a = analyze(text);
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'expects');
    assert.ok(q, 'an attribution with the cue "expects"');
    assert.strictEqual(slice(text, q!.source!.span!), 'The Glenvale Harbour Board');
    assert.deepStrictEqual(a.findings.filter((f) => f.code === 'unsourced-figure').map((f) => slice(text, f.span)), []);
  });

  it('still leaves "expects" without "that" alone', () => {
    const text = 'The Glenvale Harbour Board expects ferry traffic to grow next year.';
    const a = analyze(text);
    assert.ok(!a.quotes.some((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'expects'));
  });

  it('reads "charges that" and "calculates that" as cues, but not the noun "charges"', () => {
    const text = 'Ada Quill charges that the council gave millions of dollars to the ferry fund. The Glenvale Harbour Board calculates that fares will rise by 9 percent.';
    const a = analyze(text);
    const cues = a.quotes.filter((x) => x.source?.cueSpan).map((x) => slice(text, x.source!.cueSpan!));
    assert.ok(cues.includes('charges'), cues.join(', '));
    assert.ok(cues.includes('calculates'), cues.join(', '));
    const noun = 'The council dropped the charges against the ferry company.';
    assert.ok(!analyze(noun).quotes.some((x) => x.source?.cueSpan && slice(noun, x.source.cueSpan) === 'charges'));
  });

  it('cuts a tagged cue "plans to call on" to "plans", the content starting at "to"', () => {
    const text = 'The board plans to call on the council to fund the pier.';
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const split = splitPlannedCue(text, at('plans to call on'), [at('the council to fund the pier')]);
    assert.ok(split);
    assert.strictEqual(slice(text, split!.cue), 'plans');
    assert.deepStrictEqual(split!.contents.map((c) => slice(text, c)), ['to call on the council to fund the pier']);
    assert.strictEqual(splitPlannedCue(text, at('plans'), []), undefined);
  });

  it('takes a bare weekday that ends the sentence into the cue ("said Friday."), not "on Friday"', () => {
    const text = 'The pier will open in May, Ada Quill said Friday. The ferry will run all winter, Oscar Brightwater said on Friday.';
    const a = analyze(text);
    const cues = a.quotes.filter((x) => x.source?.cueSpan).map((x) => slice(text, x.source!.cueSpan!));
    assert.ok(cues.includes('said Friday'), cues.join(', '));
    assert.ok(!cues.some((c) => c.includes('on Friday')), cues.join(', '));
  });
});
