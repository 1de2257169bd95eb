// The entity stage gathers each entity's mentions, surface forms and ids in bulk (one
// array cut per entity, a set only for a second surface form): checked here against what
// the flat mention list says, on texts written for these tests.
import * as assert from 'assert';
import { extractEntities } from '../../server/src/analysis/entities';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../../server/src/analysis/sentences';

function entitiesOf(text: string) {
  const structure = analyzeStructure(text);
  const sentences = splitSentences(text, structure);
  return extractEntities(text, structure, sentences, tokenizeSentences(text, sentences));
}

const TEXTS = [
  [
    'By Ana Lima and Tom Hale',
    '',
    'LISBON (Reuters) - Portugal’s Health Ministry said on Monday that Ana Lima, the ministry’s spokeswoman, had met officials of the United States.',
    '',
    'Lima said the US and the Health Ministry would meet again at Dhaka University. Hale said Portugal agreed, and the EFE agency, which Efe editors run, reported it.',
    '',
    'Todd Robinson, the assistant secretary of state, said Robinson’s office and the U.S. State Department would answer. Robinson left for Lisbon.',
  ].join('\n'),
  'Maria de la Cruz met Pieter de Vries in Rotterdam. De Vries said Cruz and the Rotterdam Port Authority agreed. ROTTERDAM officials and Rotterdam residents cheered.',
];

describe('entities: mentions and surface forms gathered per entity', () => {
  for (const text of TEXTS) {
    it(`gives each entity its own mentions, those of the flat list, in text order (${text.slice(0, 24)}…)`, () => {
      const { entities, mentions } = entitiesOf(text);
      assert.ok(entities.length >= 4, entities.map((e) => e.name).join(', '));
      // No two entities share one array (an entity without mentions is never listed).
      assert.strictEqual(new Set(entities.map((e) => e.mentions)).size, entities.length);
      const nestedIds = new Set(entities.filter((e) => !mentions.some((m) => m.entity === e.id)).map((e) => e.id));
      for (const e of entities) {
        assert.ok(e.mentions.length > 0, e.id);
        for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start <= e.mentions[i].start, e.id);
        if (nestedIds.has(e.id)) continue; // places inside other names (nestedPlaces) are not in the flat list
        const own = mentions.filter((m) => m.entity === e.id).map((m) => m.span);
        // Nested places add inner mentions to a place of the flat list: the flat ones are all there.
        for (const span of own) assert.ok(e.mentions.some((s) => s.start === span.start && s.end === span.end), `${e.id} ${span.start}`);
        if (e.kind !== 'place') assert.deepStrictEqual(e.mentions, own, e.id);
      }
    });

    it(`takes the name from the surface forms and lists the others as aliases, sorted (${text.slice(0, 24)}…)`, () => {
      const { entities, mentions } = entitiesOf(text);
      for (const e of entities) {
        // The id starts with the kind (nestedPlaces reads the kind from it).
        assert.ok(e.id.startsWith(`${e.kind}:`), e.id);
        const surfaces = new Set(mentions.filter((m) => m.entity === e.id).map((m) => text.slice(m.span.start, m.span.end).replace(/\s+/g, ' ')));
        if (surfaces.size === 0) continue;
        // Every alias was written; only place aliases from the word lists ("US") may be the name itself unwritten.
        for (const alias of e.aliases) assert.ok(surfaces.has(alias), `${e.id}: alias ${alias} not written`);
        assert.deepStrictEqual([...e.aliases].sort(), e.aliases, e.id);
        assert.ok(!e.aliases.includes(e.name), e.id);
        const longest = Math.max(...[...surfaces].map((s) => s.length));
        if (e.kind !== 'place') assert.ok(e.name.length >= longest, `${e.id}: ${e.name} shorter than a surface form`);
      }
    });
  }

  it('keeps both spellings of an organisation, capitals first ("EFE" over "Efe")', () => {
    const text = 'The EFE agency reported it on Monday. Efe editors said the report stood, and EFE repeated it.';
    const { entities } = entitiesOf(text);
    const efe = entities.find((e) => e.name === 'EFE');
    assert.ok(efe, entities.map((e) => `${e.id}`).join(', '));
    assert.deepStrictEqual(efe.aliases, ['Efe']);
    assert.strictEqual(efe.mentions.length, 3);
  });
});
