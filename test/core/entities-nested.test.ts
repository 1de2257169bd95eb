// Places named inside institution and feature names (GUM marks them, our spans are flat):
// regression cases written afresh for the GUM dev error analysis — no corpus text.
import * as assert from 'assert';
import { analyze } from './helpers';
import { analyzeStages } from '../../server/src/analysis/index';
import { analyzeStructure } from '../../server/src/analysis/structure';

const placeMentions = (text: string) => {
  const a = analyze(text);
  const out: string[] = [];
  for (const e of a.entities) if (e.kind === 'place') for (const m of e.mentions) out.push(text.slice(m.start, m.end));
  return { a, places: out.sort() };
};

describe('entities: places inside other names', () => {
  it('lists the town inside a university, a court and a bay as places of their own', () => {
    const text = 'She taught at Dhaka University for a decade. The Ontario Court of Appeal agreed. Ferries cross Manila Bay every hour.';
    const { a, places } = placeMentions(text);
    for (const inner of ['Dhaka', 'Ontario', 'Manila']) assert.ok(places.includes(inner), `${inner} in ${places.join(', ')}`);
    // The outer names keep their own entities and spans.
    assert.ok(a.entities.some((e) => e.name === 'Dhaka University' && e.kind === 'organization'), a.entities.map((e) => `${e.kind}:${e.name}`).join(', '));
  });

  it('joins an inner place to the same place named on its own', () => {
    const text = 'The Ontario Court of Appeal ruled first. Lawyers in Ontario were surprised.';
    const a = analyze(text);
    const ontario = a.entities.filter((e) => e.kind === 'place' && e.name === 'Ontario');
    assert.strictEqual(ontario.length, 1, a.entities.map((e) => `${e.kind}:${e.name}`).join(', '));
    assert.strictEqual(ontario[0].mentions.length, 2);
  });

  it('opens a pair of places joined by "and" inside a court\'s name', () => {
    const text = 'The Newfoundland and Labrador Court of Appeal heard the case in March.';
    const { places } = placeMentions(text);
    assert.deepStrictEqual(places, ['Labrador', 'Newfoundland', 'Newfoundland and Labrador']);
  });

  it('does not open a club or company named after its town', () => {
    const text = 'Leeds United beat Swindon Town 2-1. Shares in Toronto Dominion rose.';
    const { places } = placeMentions(text);
    assert.deepStrictEqual(places.filter((p) => p === 'Leeds' || p === 'Toronto'), []);
  });

  it('keeps each entity\'s mentions in text order and the flat mention list free of overlaps', () => {
    const text = 'He studied at Leiden University and then at Dhaka University. Dhaka was hot.';
    const a = analyze(text);
    const dhaka = a.entities.find((e) => e.kind === 'place' && e.name === 'Dhaka');
    assert.ok(dhaka && dhaka.mentions.length === 2, a.entities.map((e) => `${e.kind}:${e.name}`).join(', '));
    for (const e of a.entities) for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start <= e.mentions[i].start);
    // Speakers and claims read the flat list: one name per stretch of text.
    const flat = analyzeStages(text, analyzeStructure(text)).mentions;
    for (let i = 1; i < flat.length; i++) assert.ok(flat[i - 1].span.end <= flat[i].span.start, JSON.stringify(flat));
  });
});

describe('entities: the place of "University of X"', () => {
  it('takes what follows "University of" as a place, known or not, but not a common word', () => {
    const text = 'She studied at the University of Tarnovia and later taught at the University of Technology in Oslo.';
    const places = analyze(text).entities.filter((e) => e.kind === 'place').map((e) => e.name);
    assert.ok(places.includes('Tarnovia'), places.join(', '));
    assert.ok(!places.includes('Technology'), places.join(', '));
  });
});
