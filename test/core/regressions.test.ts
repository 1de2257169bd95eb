// Small regressions found by reading the project's own samples (texts written here).
import * as assert from 'assert';
import { analyze, entityNamed, findingTexts, speakerName } from './helpers';

describe('regressions', () => {
  it('links a particle surname ("De Vries") to the full name', () => {
    const a = analyze('“We cannot wait,” said Pieter de Vries, the council’s chairman.\n\nDe Vries said the barrier would take six years.');
    const e = entityNamed(a, 'Pieter de Vries')!;
    assert.ok(e.aliases.includes('De Vries'));
    assert.strictEqual(e.role, 'council’s chairman');
    assert.strictEqual(a.entities.filter((x) => x.kind === 'person').length, 1);
  });

  it('does not read "an estimated" as a speech cue', () => {
    const text = 'An estimated 4 million people live far from a clinic.';
    const a = analyze(text);
    assert.strictEqual(a.quotes.length, 0);
    assert.strictEqual(findingTexts(a, text, 'unsourced-figure').length, 1);
  });

  it('takes the content before the source when the cue is followed by circumstance', () => {
    const a = analyze('The ministry has closed 42 clinics this year, a spokeswoman said on Friday, as the shortage spreads.');
    const ind = a.quotes.find((q) => q.kind === 'indirect')!;
    assert.strictEqual(ind.text, 'The ministry has closed 42 clinics this year');
    assert.strictEqual(ind.source?.how, 'role-noun');
    assert.strictEqual(a.findings.length, 0);
  });

  it('names a dateline place in its ordinary case', () => {
    const a = analyze('ROTTERDAM, March 3 (Reuters) - The Rotterdam council met on Tuesday.');
    const e = entityNamed(a, 'Rotterdam')!;
    assert.strictEqual(e.kind, 'place');
    assert.deepStrictEqual(e.aliases, ['ROTTERDAM']);
  });

  it('resolves "it said" to the last organisation, and drops it when there is none', () => {
    const a = analyze('The Health Ministry published its report. It said 42 clinics had closed.');
    const ind = a.quotes.find((q) => q.kind === 'indirect')!;
    assert.strictEqual(ind.source?.how, 'pronoun');
    assert.strictEqual(speakerName(a, ind), 'Health Ministry');
    assert.strictEqual(analyze('It said nothing.').quotes.length, 0);
  });

  it('gives "they said" a source even when it cannot be resolved', () => {
    const text = 'The clinics closed last month. They said 42 clinics had closed.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect')!;
    assert.strictEqual(ind.source?.text, 'They');
    assert.strictEqual(findingTexts(a, text, 'unsourced-figure').length, 0);
  });

  it('reads quotations in a Markdown block quote', () => {
    const a = analyze('Ana Lima spoke first.\n\n> “We will rebuild every school that the storm destroyed,” Lima said.');
    const [q] = a.quotes.filter((x) => x.kind === 'direct');
    assert.strictEqual(speakerName(a, q), 'Ana Lima');
  });
});
