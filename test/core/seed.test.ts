// The seed article's expectations (issue 2): quotes, entities, figures, findings.
import * as assert from 'assert';
import { analyze, directQuotes, entityCalled, entityNamed, findingTexts, readFixture, slice, speakerName } from './helpers';

describe('seed article (fentanyl)', () => {
  const text = readFixture('seed-fentanyl.txt');
  const a = analyze(text);

  describe('quotes', () => {
    const quotes = directQuotes(a);

    it('finds exactly four direct quotations, all by Todd Robinson', () => {
      assert.strictEqual(quotes.length, 4, quotes.map((q) => q.text.slice(0, 30)).join(' | '));
      for (const q of quotes) {
        assert.strictEqual(q.kind, 'direct');
        assert.strictEqual(speakerName(a, q), 'Todd Robinson', q.text.slice(0, 40));
      }
    });

    it('finds the first through "he said" (a pronoun)', () => {
      const q = quotes[0];
      assert.ok(q.text.startsWith('Everything we’ve seen'));
      assert.strictEqual(q.source?.how, 'pronoun');
      assert.strictEqual(q.source?.text, 'he');
      assert.strictEqual(q.source?.cue, 'said');
      assert.strictEqual(slice(text, q.source!.cueSpan!), 'said');
    });

    it('continues his words in two quoted paragraphs without a verb of their own', () => {
      const continued = quotes.filter((q) => q.source?.how === 'continuation');
      assert.deepStrictEqual(
        continued.map((q) => q.text.slice(0, 20)),
        ['I’ve traveled to Mex', 'I would say our coop'],
      );
      for (const q of continued) assert.strictEqual(q.source?.cue, undefined);
    });

    it('finds the last through "Robinson said"', () => {
      const q = quotes[3];
      assert.ok(q.text.startsWith('While we want Mexico'));
      assert.strictEqual(q.source?.how, 'explicit');
      assert.strictEqual(q.source?.text, 'Robinson');
      assert.strictEqual(slice(text, q.source!.span!), 'Robinson');
    });

    it('keeps apostrophes inside quotations (we’ve, I’ve) from closing them', () => {
      assert.ok(quotes[0].text.includes('we’ve seen'));
      assert.ok(quotes[0].text.endsWith('Mexico,'));
      assert.ok(quotes[1].text.includes('I’ve seen what’s being produced'));
    });

    it('records "The diplomat said" as Robinson through his role', () => {
      const q = a.quotes.find((x) => x.kind === 'indirect' && x.text.startsWith('in 2019 China'));
      assert.ok(q, 'indirect attribution of the 2019 sentence');
      assert.strictEqual(q.source?.how, 'role-noun');
      assert.strictEqual(q.source?.text, 'The diplomat');
      assert.strictEqual(speakerName(a, q), 'Todd Robinson');
    });
  });

  describe('entities', () => {
    it('knows Todd Robinson, his surname and his role', () => {
      const e = entityNamed(a, 'Todd Robinson');
      assert.ok(e);
      assert.strictEqual(e.kind, 'person');
      assert.ok(e.aliases.includes('Robinson'));
      assert.strictEqual(e.role, 'assistant secretary of state for international narcotics and law enforcement affairs');
      assert.ok(e.mentions.length >= 5);
    });

    it('finds the other people, with aliases', () => {
      const amlo = entityNamed(a, 'Andres Manuel Lopez Obrador');
      assert.strictEqual(amlo?.kind, 'person');
      assert.ok(amlo.aliases.includes('Lopez Obrador'));
      assert.strictEqual(entityNamed(a, 'Joe Biden')?.kind, 'person');
      assert.strictEqual(entityNamed(a, 'Xi Jinping')?.kind, 'person');
      assert.strictEqual(entityNamed(a, 'Eduard Ribas i Admetlla')?.kind, 'person');
      assert.deepStrictEqual(a.structure.byline?.authors, ['Eduard Ribas i Admetlla']);
    });

    it('finds the organisations, EFE also written Efe', () => {
      assert.strictEqual(entityNamed(a, 'US State Department')?.kind, 'organization');
      const efe = entityNamed(a, 'EFE');
      assert.strictEqual(efe?.kind, 'organization');
      assert.ok(efe.aliases.includes('Efe'));
      assert.strictEqual(entityNamed(a, 'Global Coalition to Address Synthetic Drug Threats')?.kind, 'organization');
      const orgs = a.entities.filter((e) => e.kind === 'organization').map((e) => e.name);
      assert.ok(orgs.some((n) => /Sinaloa/.test(n)), orgs.join(', '));
      assert.ok(orgs.some((n) => /Jalisco Nueva Generacion/.test(n)), orgs.join(', '));
    });

    it('finds the places, United States also written US', () => {
      for (const name of ['Mexico', 'China', 'United States', 'Washington', 'Beijing']) {
        assert.strictEqual(entityNamed(a, name)?.kind, 'place', name);
      }
      assert.ok(entityNamed(a, 'United States')!.aliases.includes('US'));
    });

    it('makes no entity of name fragments or titles', () => {
      const names = a.entities.map((e) => e.name);
      for (const bad of ['Andres Manuel Lopez', 'President Joe', 'President Joe Biden', 'Mexican President', 'Lopez Obrador', 'Robinson', 'Efe', 'US', 'Despite', 'Everything', 'Related Articles']) {
        assert.ok(!names.includes(bad), `unexpected entity "${bad}"`);
      }
    });

    it('gives every mention the text of a name or alias of its entity', () => {
      for (const e of a.entities) {
        for (const m of e.mentions) {
          const written = slice(text, m);
          assert.ok(written === e.name || e.aliases.includes(written), `${e.name}: "${written}"`);
        }
      }
    });
  });

  describe('figures', () => {
    const fig = (t: string) => a.figures.find((f) => f.text === t);

    it('finds each figure with its kind', () => {
      const expected: Array<[string, string[]]> = [
        ['Aug 8', ['date']],
        ['50 times', ['ratio', 'count']],
        ['More than 70,000', ['count']],
        ['last year', ['date', 'duration']],
        ['April', ['date']],
        ['around $24 billion', ['money']],
        ['this fiscal year', ['date', 'duration']],
        ['more than 70', ['count']],
        ['2019', ['year', 'date']],
      ];
      for (const [t, kinds] of expected) {
        const f = fig(t);
        assert.ok(f, `figure "${t}" in ${a.figures.map((x) => x.text).join(' | ')}`);
        assert.ok(kinds.includes(f.kind), `${t}: ${f.kind}`);
      }
    });

    it('reads around $24 billion', () => {
      const f = fig('around $24 billion')!;
      assert.strictEqual(f.value, 24e9);
      assert.strictEqual(f.unit, 'USD');
      assert.strictEqual(f.qualifier, 'around');
      assert.strictEqual(speakerName(a, { ...a.quotes[0], source: f.source }), 'Todd Robinson');
    });

    it('attributes the covered figures to Robinson', () => {
      for (const t of ['around $24 billion', 'more than 70', '2019']) {
        const f = fig(t)!;
        assert.strictEqual(f.source?.entity, 'person:todd-robinson', t);
      }
    });
  });

  describe('findings', () => {
    it('flags exactly "50 times" and "More than 70,000" as unsourced', () => {
      assert.deepStrictEqual(findingTexts(a, text, 'unsourced-figure'), ['50 times', 'More than 70,000']);
    });

    it('has no other finding', () => {
      assert.deepStrictEqual(
        a.findings.map((f) => f.code),
        ['unsourced-figure', 'unsourced-figure'],
      );
    });

    it('says what to do, and carries what a quick fix needs', () => {
      const f = a.findings[1];
      assert.strictEqual(f.message, 'Add a source for “More than 70,000”, or attribute the sentence (e.g. “…, according to X”).');
      const figure = a.figures.find((x) => x.id === f.data?.figureId);
      assert.ok(figure);
      assert.strictEqual(f.data?.text, 'More than 70,000');
      assert.strictEqual(slice(text, { start: f.data!.sentenceStart as number, end: f.data!.sentenceEnd as number }), 'More than 70,000 people died of overdoses in that country last year.');
    });
  });

  describe('structure', () => {
    it('reads kicker, headline, byline, dateline and boilerplate', () => {
      const s = a.structure;
      assert.strictEqual(slice(text, s.kicker!), 'Crime & Justice');
      assert.strictEqual(slice(text, s.headline!), 'US anti-drug official says fentanyl being produced in Mexico');
      assert.strictEqual(slice(text, s.byline!.span), 'By Eduard Ribas i Admetlla');
      assert.deepStrictEqual(
        { place: s.dateline?.place, date: s.dateline?.date, agency: s.dateline?.agency },
        { place: 'Washington', date: 'Aug 8', agency: 'EFE' },
      );
      assert.strictEqual(slice(text, s.dateline!.span), 'Washington, Aug 8 (EFE).-');
      assert.deepStrictEqual(s.boilerplate.map((b) => slice(text, b)), ['Related Articles', 'Back to top button']);
      assert.strictEqual(s.paragraphs.filter((p) => p.kind === 'body').length, 17);
    });
  });

  describe('claims', () => {
    it('lists the quotations as sourced claims and the two statistics as unsourced', () => {
      assert.strictEqual(a.claims.filter((c) => c.kind === 'quote').length, 4);
      const unsourced = a.claims.filter((c) => !c.sourced);
      assert.deepStrictEqual(unsourced.map((c) => c.kind), ['statistic', 'statistic']);
      assert.ok(unsourced[1].text.startsWith('More than 70,000'));
      const ids = new Set(a.claims.map((c) => c.id));
      assert.strictEqual(ids.size, a.claims.length, 'claim ids are unique');
    });
  });
});
