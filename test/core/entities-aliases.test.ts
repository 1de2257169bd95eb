// People resolved across a document — surnames, lists of people, roles — on small texts
// written for these tests (no corpus text).
import * as assert from 'assert';
import { analyze } from './helpers';

const mentionsOf = (text: string, name: string) => {
  const entity = analyze(text).entities.find((e) => e.name === name);
  return entity ? entity.mentions.map((m) => text.slice(m.start, m.end)) : [];
};

describe('entities: people across a document', () => {
  it('takes a surname that opens a sentence as the person named in full before', () => {
    const text = 'Police arrested Daniel Okafor, a chemist from Lagos. Okafor denied the charges.';
    assert.deepStrictEqual(mentionsOf(text, 'Daniel Okafor'), ['Daniel Okafor', 'Okafor']);
  });

  it('gives the role of an appositive after a sentence-initial surname to the person', () => {
    const text = 'Jonas Berg met the press in Oslo. Berg, the prime minister, declined to comment.';
    const berg = analyze(text).entities.find((e) => e.name === 'Jonas Berg');
    assert.deepStrictEqual(berg?.aliases, ['Berg']);
    assert.strictEqual(berg?.role, 'prime minister');
  });

  it('leaves a sentence-initial word alone when the document writes it in lower case', () => {
    const text = 'Coach Ana Hope trains the team. Hope is what they need, she said, and hope was in short supply.';
    assert.deepStrictEqual(mentionsOf(text, 'Ana Hope'), ['Ana Hope']);
  });

  it('does not make the last word of a thing an appositive describes a surname', () => {
    const text = 'Crowds gathered for Suruma Kelavi, an annual procession of lanterns. Kelavi. Say it slowly: Kelavi.';
    const names = analyze(text).entities.filter((e) => e.kind === 'person').map((e) => e.name);
    assert.deepStrictEqual(names, []);
  });

  it('splits two people the tagger ran together at "and" or "&"', () => {
    const text = 'Together Kowalski and Brandtner tried to discover more about the flow. He had two brothers, Niklas and Johan II.';
    const people = analyze(text).entities.filter((e) => e.kind === 'person');
    const all = people.flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)));
    assert.ok(!all.some((m) => / and | & /.test(m)), all.join(', '));
    assert.ok(all.includes('Kowalski') && all.includes('Brandtner') && all.includes('Niklas') && all.includes('Johan II'), all.join(', '));
  });

  it('keeps aliases and roles: "US" for the United States, a surname, a role noun', () => {
    const text = 'Todd Robinson, the assistant secretary of state, said the United States would act. "We are not done," Robinson said. The US has spent billions, he added. The diplomat said Mexico had helped.';
    const a = analyze(text);
    const robinson = a.entities.find((e) => e.name === 'Todd Robinson');
    assert.deepStrictEqual(robinson?.aliases, ['Robinson']);
    assert.strictEqual(robinson?.role, 'assistant secretary of state');
    const us = a.entities.find((e) => e.name === 'United States');
    assert.deepStrictEqual(us?.aliases, ['US']);
    const diplomat = a.quotes.find((q) => q.source?.text === 'The diplomat');
    assert.strictEqual(diplomat?.source?.entity, robinson?.id);
  });
});

describe('entities: authors cited in the scholarly way', () => {
  it('finds surnames before a year in brackets and before "et al."', () => {
    const text = 'Attention grows with practice (Dye & Baumer, 2010; Kowalczyk 2014), as earlier work showed (Lindqvist et al., 2012).';
    const people = analyze(text).entities.filter((e) => e.kind === 'person').flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)));
    assert.deepStrictEqual(people.sort(), ['Baumer', 'Dye', 'Kowalczyk', 'Lindqvist']);
  });

  it('leaves a title before a year in brackets alone, and places in brackets are places', () => {
    const text = 'She starred in Nightjar (2013) and toured (Paris, 2015).';
    const a = analyze(text);
    assert.ok(!a.entities.some((e) => e.kind === 'person' && e.name === 'Nightjar'));
    assert.strictEqual(a.entities.find((e) => e.name === 'Paris')?.kind, 'place');
  });
});

describe('entities: place aliases', () => {
  it('takes Britain as the United Kingdom, with "UK" as another alias', () => {
    const text = 'Britain will send aid, the minister said. The UK has sent aid before, and Great Britain may again.';
    const uk = analyze(text).entities.filter((e) => e.kind === 'place');
    assert.deepStrictEqual(uk.map((e) => e.name), ['United Kingdom']);
    assert.deepStrictEqual(uk[0].aliases, ['Britain', 'Great Britain', 'UK']);
  });

  it('takes Earth as a place', () => {
    const text = 'The probe left Earth in May. Earth will be far behind by June.';
    const earth = analyze(text).entities.find((e) => e.name === 'Earth');
    assert.strictEqual(earth?.kind, 'place');
    assert.strictEqual(earth?.mentions.length, 2);
  });
});
