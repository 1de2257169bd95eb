// Places named inside institution and feature names (GUM marks them, our spans are flat):
// regression cases written afresh for the GUM dev error analysis — no corpus text.
import * as assert from 'assert';
import { analyze } from './helpers';

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

  it('keeps mentions in text order with outer names before the places inside them', () => {
    const text = 'He studied at Leiden University and then at Dhaka University.';
    const a = analyze(text);
    const starts = a.entities.flatMap((e) => e.mentions.map((m) => m.start));
    assert.ok(starts.length >= 2);
    for (const e of a.entities) for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start <= e.mentions[i].start);
  });
});
