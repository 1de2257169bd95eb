// Entities from the trained tagger combined with the rules: regression cases from the
// CoNLL-2003 / GUM error analysis, written afresh (no corpus text).
import * as assert from 'assert';
import { analyze, entityNamed } from './helpers';

describe('entities: tagger and rules together', () => {
  it('links a repeated surname to the full name even where the tagger typed it otherwise', () => {
    const a = analyze('Marta Kowalczyk opened the clinic in 2010. Kowalczyk said the clinic would stay open. Patients thanked Kowalczyk.');
    const e = entityNamed(a, 'Marta Kowalczyk')!;
    assert.strictEqual(e.kind, 'person');
    assert.deepStrictEqual(e.aliases, ['Kowalczyk']);
    assert.strictEqual(e.mentions.length, 3);
    assert.ok(!a.entities.some((x) => x.name === 'Kowalczyk'));
  });

  it('makes a full name typed as an organisation the person its surname speaks for', () => {
    const a = analyze('Nadia Voss chairs the board.\n\n"Fares will rise," Voss said.');
    const e = entityNamed(a, 'Nadia Voss')!;
    assert.strictEqual(e.kind, 'person');
    assert.deepStrictEqual(e.aliases, ['Voss']);
    assert.strictEqual(a.quotes[0].source?.entity, e.id);
  });

  it('keeps an organisation whose name has an organisation word when a person shares its last word', () => {
    const a = analyze('Harbour Trust Voss cut fares. Ana Voss runs it.\n\n"Fares will rise," Voss said.');
    assert.ok(!a.entities.some((x) => x.kind === 'person' && /Trust/.test(x.name)), a.entities.map((x) => `${x.kind}:${x.name}`).join(', '));
  });

  it('keeps sentence openers out of names', () => {
    const a = analyze('I will not be there tonight. And Susan is going to it too.');
    assert.ok(!a.entities.some((e) => /^And /.test(e.name)), a.entities.map((e) => e.name).join(', '));
  });

  it('gives one name one kind across the document', () => {
    const a = analyze('Delmont Foods cut 300 jobs. Delmont Foods said sales fell. Analysts said Delmont Foods would recover.');
    const kinds = new Set(a.entities.filter((e) => e.name === 'Delmont Foods').map((e) => e.kind));
    assert.strictEqual(kinds.size, 1);
  });

  it('does not take a sports heading for a dateline place', () => {
    const a = analyze('SOCCER - LEEDS BEAT HULL.\n\nLeeds beat Hull 2-1 on Saturday, the club said.');
    assert.ok(!a.entities.some((e) => e.name.toUpperCase() === 'SOCCER'), a.entities.map((e) => e.name).join(', '));
  });

  it('finds names in a single sentence of a megabyte of capitalised words without blowing up', function () {
    this.timeout(60000);
    const caps = 'Gamma Delta '.repeat(20000);
    const a = analyze(caps);
    assert.ok(a.entities.length <= 2, `${a.entities.length} entities`);
  });

  it('keeps titles out of a person’s name', () => {
    const a = analyze('The court heard Mr. Okafor first. Emperor Tavita ruled the island for forty years.');
    assert.ok(!a.entities.some((e) => /^(Mr\.?|Emperor) /.test(e.name)), a.entities.map((e) => e.name).join(', '));
  });

  it('drops a common word that only opens a sentence', () => {
    const a = analyze('The survey measured iodine in bread. Iodine keeps the thyroid working.');
    assert.ok(!a.entities.some((e) => e.name === 'Iodine'), a.entities.map((e) => e.name).join(', '));
  });
});
