// Entities outside news: regression cases from the GUM dev error analysis (travel guides,
// biographies, court transcripts, podcasts), written afresh — no corpus text.
import * as assert from 'assert';
import { analyze, entityCalled } from './helpers';
import { combineCandidates } from '../../server/src/analysis/entities';
import type { NameSpan } from '../../server/src/analysis/tagger';
import type { Sentence } from '../../server/src/analysis/types';

const kinds = (a: ReturnType<typeof analyze>) => a.entities.map((e) => `${e.kind}:${e.name}`).join(', ');

describe('entities: documents unlike news (GUM error analysis)', () => {
  it('keeps a town written twice after "in" a place though sentence starts read it as a person', () => {
    const text = 'Tarnec was registered as a town in 1902. In 1954, Tarnec was reduced again. In the past, Tarnec was unknown. Slowly, Tarnec has grown. Fishing came to Tarnec. Divers stay in Tarnec. The ferry stops in Tarnec.';
    const a = analyze(text);
    const e = entityCalled(a, 'Tarnec');
    assert.ok(e, kinds(a));
    assert.strictEqual(e!.kind, 'place', kinds(a));
    assert.strictEqual(e!.mentions.length, 7);
  });

  it('keeps a city a place when the tagger reads it so more often than a namesake person is named', () => {
    const text = 'Rosa Lima, a guide, met us at the airport. Lima is the capital of Peru. We flew to Lima in May. The museums of Lima are free on Sundays. Lima has a cool, dry climate.';
    const a = analyze(text);
    const city = a.entities.find((x) => x.kind === 'place' && x.name === 'Lima');
    assert.ok(city, kinds(a));
    assert.ok(city!.mentions.length >= 3, kinds(a));
    assert.strictEqual(entityCalled(a, 'Rosa Lima')?.kind, 'person', kinds(a));
  });

  it('makes a one-word name after a kinship noun a person across the document', () => {
    const text = 'The court heard about the couple and their young daughter, Orlaith. Orlaith developed a rash at four months. By the end, Orlaith could barely move. Doctors said Orlaith was underweight.';
    const a = analyze(text);
    const e = entityCalled(a, 'Orlaith');
    assert.ok(e, kinds(a));
    assert.strictEqual(e!.kind, 'person');
    assert.ok(e!.mentions.length >= 4);
  });

  it('makes no names of interjections or "Oh my God"', () => {
    const a = analyze('Ah, you found the key. Howdy! Oh my God, look at the harbour. Oops. Sorry, I missed that. OK, let us go.');
    assert.deepStrictEqual(a.entities.filter((e) => e.kind !== 'other').map((e) => e.name), []);
  });

  it('makes no names of document parts ("Title IV", "Tab 8")', () => {
    const text = 'The Secretary may waive any Title IV provision. Counsel, please turn to Tab 8 of the brief. Article III requires a concrete injury. Any Title II rule.';
    const names = combineCandidates(text, [{ span: { start: 0, end: text.length }, paragraph: 0 }], [
      { start: text.indexOf('Title'), end: text.indexOf(' provision'), kind: 'organization' },
      { start: text.lastIndexOf('Title'), end: text.lastIndexOf('Title') + 5, kind: 'organization' },
      { start: text.indexOf('Tab'), end: text.indexOf(' of the'), kind: 'place' },
      { start: text.indexOf('Article'), end: text.indexOf(' requires'), kind: 'organization' },
    ], []).map((c) => c.text);
    assert.deepStrictEqual(names, []);
  });

  it('ends a name before a bracket, splits it at a comma and drops a company suffix', () => {
    const text = 'The Coastal Health Agency (CHA) warned divers. Ferries leave Velmora, Portugal daily. Brant Lottery Corporation, Inc. appealed.';
    const agency = text.indexOf('Coastal');
    const town = text.indexOf('Velmora');
    const corp = text.indexOf('Brant');
    // The tagger's spans as a tagger might have drawn them, across the punctuation.
    const tagged: NameSpan[] = [
      { start: agency, end: text.indexOf(')'), kind: 'organization' },
      { start: town, end: text.indexOf(' daily'), kind: 'place' },
      { start: corp, end: text.indexOf(' appealed'), kind: 'organization' },
    ];
    const sentences = [0, text.indexOf('Ferries'), text.indexOf('Brant'), text.length];
    const sents: Sentence[] = sentences.slice(0, -1).map((s, i) => ({ span: { start: s, end: sentences[i + 1] }, paragraph: 0 }));
    const names = combineCandidates(text, sents, tagged, []).map((c) => text.slice(c.span.start, c.span.end));
    assert.deepStrictEqual(names, ['Coastal Health Agency', 'Velmora', 'Portugal', 'Brant Lottery Corporation']);
  });
});
