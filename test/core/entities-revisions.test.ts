// Document-level revisions of name candidates (nameRevisions.ts): regression cases written
// afresh for the GUM dev error analysis — no corpus text.
import * as assert from 'assert';
import { analyze } from './helpers';
import type { NameCandidate } from '../../server/src/analysis/entities';
import { reviseCandidates } from '../../server/src/analysis/nameRevisions';

const named = (text: string) => analyze(text).entities.filter((e) => e.kind !== 'other').map((e) => `${e.kind}:${e.name}`);

describe('entities: document-level revisions (GUM error analysis)', () => {
  it('does not make a storm or its bare name a person', () => {
    const text = 'Cyclone Marva reached the coast at dawn. Forecasters said Marva would weaken inland. Once Hurricane Marva... no, once the storm passed, Anil Rao counted the damage.';
    const names = named(text);
    assert.ok(!names.some((n) => n.endsWith('Marva')), names.join(', '));
    assert.ok(names.includes('person:Anil Rao'), names.join(', '));
  });

  it('keeps "Madam Speaker" whole as the person addressed', () => {
    const text = 'Madam Speaker, the house has voted. I thank you, Madam Speaker, for your patience.';
    const a = analyze(text);
    const people = a.entities.filter((e) => e.kind === 'person');
    assert.deepStrictEqual(people.map((e) => e.name), ['Madam Speaker']);
    assert.deepStrictEqual(people[0].mentions.map((m) => text.slice(m.start, m.end)), ['Madam Speaker', 'Madam Speaker']);
  });

  it('drops a capitalised common word the document also writes in lower case', () => {
    const text = 'Did you see the programme about Hantavirus? It said hantavirus spreads from mice. Rosalind Okafor, a doctor, said the virus is rare.';
    const names = named(text);
    assert.ok(!names.some((n) => n.includes('Hantavirus')), names.join(', '));
    assert.ok(names.includes('person:Rosalind Okafor'), names.join(', '));
  });

  it('keeps a surname that is also a common word when a longer name of the document holds it', () => {
    const text = 'Gordon Brown spoke first. Later, Brown said the plan would work. The leaves turned brown in October.';
    const names = named(text);
    assert.ok(names.includes('person:Gordon Brown'), names.join(', '));
    const brown = analyze(text).entities.find((e) => e.name === 'Gordon Brown');
    assert.strictEqual(brown?.mentions.length, 2);
  });

  it('splits bodies and people the tagger ran together at "and"', () => {
    const text = 'She trained at the Harwick Library and Dunmore University last year. The court read a passage from Lord Brisco and Fenwick and War Office in full.';
    const names = named(text);
    for (const n of ['organization:Harwick Library', 'organization:Dunmore University', 'person:Brisco', 'person:Fenwick', 'organization:War Office']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  });

  it('keeps one body whose name holds "and" after a word that is not a whole name', () => {
    const text = 'The order came from the Lanzhou Post and Telecommunications Administration on Monday.';
    const names = named(text);
    assert.ok(names.includes('organization:Lanzhou Post and Telecommunications Administration'), names.join(', '));
  });

  it('makes a name the document describes as a thing no person anywhere in it', () => {
    const text = 'What you hear is Lanterna, an annual procession of masks. Everyone in town waits for Lanterna. Mira Solberg, a film director, filmed it.';
    const a = analyze(text);
    const lanterna = a.entities.find((e) => e.name === 'Lanterna');
    assert.strictEqual(lanterna?.kind, 'other', named(text).join(', '));
    assert.strictEqual(lanterna?.mentions.length, 2);
    // An appositive whose noun only modifies a person noun ("a film director") keeps the person.
    assert.ok(named(text).includes('person:Mira Solberg'), named(text).join(', '));
  });

  it('makes "the <Name> Plan" and "the <Name> Prize" no person or place', () => {
    const names = named('Truman backed the George Halvorsen Plan in 1948. She won the Lisa Okonkwo Prize for it.');
    assert.ok(!names.some((n) => /^(?:person|place):.*(?:Plan|Prize)/.test(n)), names.join(', '));
    assert.ok(names.includes('person:Truman'), names.join(', '));
  });

  it('makes "the Municipality of <Name>" a place', () => {
    const names = named('The island was split by the creation of the Municipality of Tarbela in 1954.');
    assert.ok(names.includes('place:Municipality of Tarbela'), names.join(', '));
  });

  it('reads the Crown, gulfs and bays, studies, post-nominals, "etc." and "US$" as they are meant', () => {
    const cases: Array<[string, string[], string[]]> = [
      ['The judge said the case made by the Crown was strong.', ['organization:Crown'], []],
      ['Counsel for the defence, Ada Brennan, QC, disagreed.', ['person:Ada Brennan'], ['QC']],
      ['Storms over the Bay of Tarrin often reach Maldova. Ships avoided the Gulf of Aden all week.', ['place:Bay of Tarrin', 'place:Gulf of Aden'], []],
      ['Findings of the Northern Diet Survey came out today. The Coastal Salt Nutrition study agreed.', [], ['Northern Diet Survey', 'Coastal Salt Nutrition']],
      ['Wire services (Reuters etc.) carried the story.', ['organization:Reuters'], ['Reuters etc.']],
      ['Losses reached US$ 4 billion.', [], ['US']],
    ];
    for (const [text, present, absent] of cases) {
      const names = named(text);
      for (const n of present) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
      for (const n of absent) assert.ok(!names.some((x) => x.endsWith(`:${n}`)), `${n} in ${names.join(', ')}`);
    }
  });

  it('reads a town as its school in a document that names the school after it', () => {
    const text = 'In 1801 he was sent to Brackwell, where he stayed four years. He made friends among the Brackwell boys. '
      + 'His years at Brackwell School shaped him. Later he bought a house in Brackwell.';
    const a = analyze(text);
    const kindsOf = (surface: string) => a.entities.filter((e) => e.name === surface || e.aliases.includes(surface)).flatMap((e) => e.mentions.filter((m) => text.slice(m.start, m.end) === surface).map((m) => `${e.kind}@${m.start}`));
    const bare = kindsOf('Brackwell');
    const sentTo = text.indexOf('Brackwell');
    const livedIn = text.lastIndexOf('Brackwell');
    assert.ok(bare.includes(`organization@${sentTo}`), bare.join(', '));
    assert.ok(!bare.includes(`organization@${livedIn}`), bare.join(', '));
  });

  it('reads a platform used as a medium and a virus as no organisation or person', () => {
    const text = 'Facebook said it would act. I put the clip up on YouTube, and it is on my YouTube channel. Did you hear about Norovirus on the ship?';
    const a = analyze(text);
    const orgs = a.entities.filter((e) => e.kind === 'organization').flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end)));
    assert.deepStrictEqual(orgs, ['Facebook'], named(text).join(', '));
    assert.ok(!named(text).some((n) => n.endsWith(':Norovirus')), named(text).join(', '));
  });

  it('names the body behind "the <Body> Wiki" and drops an ordinal before a peerage', () => {
    const text = 'Students wrote the Dunmore State Wiki last year. Its friend was Thomas Carrow, 3rd Earl of Kelby, who rode often.';
    const a = analyze(text);
    const spans = a.entities.filter((e) => e.kind !== 'other').flatMap((e) => e.mentions.map((m) => `${e.kind}:${text.slice(m.start, m.end)}`));
    assert.ok(spans.includes('organization:Dunmore State'), spans.join(', '));
    assert.ok(!spans.some((x) => x.includes('Wiki') || x.includes('3rd')), spans.join(', '));
  });

  it('reads a title after "his book" as a work and "<first name>, <US state>" as a town ("Dwight, Nebraska")', () => {
    const text = 'As Alma Reyes wrote in her book Engines of Plenty, machines shape us. Our cousins farm near Dwight, Nebraska, with their dogs.';
    const names = named(text);
    assert.ok(!names.some((n) => n.endsWith(':Engines of Plenty')), names.join(', '));
    assert.ok(names.includes('person:Alma Reyes'), names.join(', '));
    assert.ok(names.includes('place:Dwight'), names.join(', '));
  });

  it('gives an acronym defined in brackets the kind of the name it stands for', () => {
    const text = 'I posted the video on the Graduate Student Senate (G.S.S.) website. The G.S.S. budget was cut. Later the G.S.S. voted again.';
    const a = analyze(text);
    const acronym = a.entities.filter((e) => e.name === 'G.S.S.' || e.aliases.includes('G.S.S.'));
    assert.ok(acronym.length > 0, named(text).join(', '));
    for (const e of acronym) assert.strictEqual(e.kind, 'organization', named(text).join(', '));
  });

  it('drops the acronym of a field that is no name, keeps the acronym of a body', () => {
    const text = 'Digital Heritage Clinics: training archivists in DH. The DH community is small. The Food Safety Agency (FSA) met the FSA board.';
    const candidate = (surface: string, from: number, kind: NameCandidate['kind']): NameCandidate => {
      const start = text.indexOf(surface, from);
      return { span: { start, end: start + surface.length }, text: surface, sentence: 0, kind, initial: false, possessive: false, tagged: true };
    };
    const candidates = [
      candidate('Digital Heritage Clinics', 0, 'organization'),
      candidate('DH', 0, 'organization'),
      candidate('DH', text.indexOf('The DH'), 'organization'),
      candidate('Food Safety Agency', 0, 'organization'),
      candidate('FSA', 0, 'organization'),
      candidate('FSA', text.indexOf('the FSA'), 'organization'),
    ];
    const kinds = reviseCandidates(text, candidates).map((c) => `${c.kind}:${c.text}`);
    assert.deepStrictEqual(kinds, ['organization:Digital Heritage Clinics', 'other:DH', 'other:DH', 'organization:Food Safety Agency', 'organization:FSA', 'organization:FSA']);
  });

  it('makes no names of seasons, single letters, periods, a people or its adjective', () => {
    const text = 'The book comes out in the Spring. During the Middle Ages, the Veltrans who farmed the hills grew rich. '
      + 'I met an Ostravian sailor there. She said J- no, Jana Dvorak, would come. Jana Dvorak came.';
    const names = named(text);
    for (const n of ['Spring', 'Middle Ages', 'Ostravian', 'J']) assert.ok(!names.some((x) => x.endsWith(`:${n}`)), `${n} in ${names.join(', ')}`);
    assert.ok(names.includes('person:Jana Dvorak'), names.join(', '));
    // A people read as a place: dropped after "the" and before a plural verb, kept elsewhere.
    const people = 'First came the Veltrans who farmed the hills. Ships sailed to Veltrans each year.';
    const at = (from: number): NameCandidate => {
      const start = people.indexOf('Veltrans', from);
      return { span: { start, end: start + 8 }, text: 'Veltrans', sentence: 0, kind: 'place', initial: false, possessive: false, tagged: true };
    };
    const kept = reviseCandidates(people, [at(0), at(people.indexOf('to Veltrans'))]).map((c) => c.span.start);
    assert.deepStrictEqual(kept, [people.indexOf('to Veltrans') + 3]);
  });
});

describe('entities: numbers, kinship words and prefixed names (GUM train error analysis)', () => {
  const named = (text: string) => analyze(text).entities.filter((e) => e.kind !== 'other').flatMap((e) => e.mentions.map((m) => `${e.kind}:${text.slice(m.start, m.end)}`));

  it('makes no person of a number and no house number part of a street', () => {
    const text = 'Today about 120,000 Norvians live abroad. The office is at 2470 Lemoine Avenue in Tarnville.';
    const names = named(text);
    assert.ok(!names.some((n) => n.startsWith('person:') && /\d/.test(n)), names.join(', '));
    assert.ok(!names.some((n) => n.includes('2470')), names.join(', '));
  });

  it('drops kinship words used as names, keeps the named relatives', () => {
    const text = 'There is another one for Dad down there. Oh Dad, from Judy. I asked Mom about it. Well Dad always picks, said Judy Marsh.';
    const names = named(text);
    assert.ok(!names.some((n) => n.endsWith(':Dad') || n.endsWith(':Mom')), names.join(', '));
    assert.ok(names.includes('person:Judy Marsh'), names.join(', '));
  });

  it('leaves a place inside a prefixed modifier alone', () => {
    const text = 'The pro-Beijing camp won seats in Kowloon, while anti-Tokyo protests grew in Seoul.';
    const names = named(text);
    assert.ok(!names.includes('place:Beijing') && !names.includes('place:Tokyo'), names.join(', '));
    assert.ok(names.includes('place:Kowloon') && names.includes('place:Seoul'), names.join(', '));
  });
});
