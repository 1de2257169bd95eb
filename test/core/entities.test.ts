// Entities: kinds, aliases, titles, roles, possessives.
import * as assert from 'assert';
import { analyze, entityCalled, entityNamed } from './helpers';
import { findNameCandidates } from '../../server/src/analysis/entities';

describe('entities', () => {
  it('splits a title off the name and keeps it as the role', () => {
    const a = analyze('On Monday, French President Emmanuel Macron met Prime Minister Giorgia Meloni in Rome.');
    assert.strictEqual(entityNamed(a, 'Emmanuel Macron')?.role, 'French President');
    assert.strictEqual(entityNamed(a, 'Giorgia Meloni')?.kind, 'person');
    assert.strictEqual(entityNamed(a, 'Rome')?.kind, 'place');
    assert.ok(!a.entities.some((e) => /President|Minister|Monday/.test(e.name)));
  });

  it('strips possessives and links surnames', () => {
    const a = analyze('Emmanuel Macron’s plan was criticised. Macron said the plan would stand.');
    const e = entityNamed(a, 'Emmanuel Macron')!;
    assert.deepStrictEqual(e.aliases, ['Macron']);
    assert.strictEqual(e.mentions.length, 2);
  });

  it('links acronyms and full names (US ↔ United States, UN ↔ United Nations)', () => {
    const a = analyze('The United States and the UN disagreed. US diplomats and United Nations staff met in Geneva.');
    const us = entityCalled(a, 'US')!;
    assert.strictEqual(us.name, 'United States');
    assert.strictEqual(us.mentions.length, 2);
    const un = entityCalled(a, 'UN')!;
    assert.strictEqual(un.name, 'United Nations');
    assert.strictEqual(un.kind, 'organization');
  });

  it('links an organisation’s initials to its name', () => {
    const a = analyze('The Drug Enforcement Administration seized the shipment. A DEA agent confirmed it.');
    const e = entityNamed(a, 'Drug Enforcement Administration')!;
    assert.strictEqual(e.kind, 'organization');
    assert.ok(e.aliases.includes('DEA'));
  });

  it('types organisations by keyword, trailing noun or known name', () => {
    const a = analyze('Police said the Gulf cartel and the Norte Group clashed, the Health Ministry and Reuters reported.');
    assert.strictEqual(entityNamed(a, 'Gulf')?.kind, 'organization');
    assert.strictEqual(entityNamed(a, 'Norte Group')?.kind, 'organization');
    assert.strictEqual(entityNamed(a, 'Health Ministry')?.kind, 'organization');
    assert.strictEqual(entityNamed(a, 'Reuters')?.kind, 'organization');
  });

  it('drops sentence-initial common words and month names', () => {
    const a = analyze('However, the deal collapsed in March. Everyone left. Yesterday was quiet.');
    assert.deepStrictEqual(a.entities, []);
  });

  it('keeps name particles inside names', () => {
    const a = analyze('The report was written by Ana de la Fuente and Eduard Ribas i Admetlla.');
    assert.ok(entityNamed(a, 'Ana de la Fuente'));
    assert.ok(entityNamed(a, 'Eduard Ribas i Admetlla'));
  });

  it('exposes the candidate finder on its own (for a tagger to feed or replace)', () => {
    const text = 'Mexican President Andres Manuel Lopez Obrador spoke.';
    const candidates = findNameCandidates(text, [{ span: { start: 0, end: text.length }, paragraph: 0 }]);
    assert.deepStrictEqual(candidates.map((c) => [c.text, c.title]), [['Andres Manuel Lopez Obrador', 'Mexican President']]);
  });

  it('does not make entities from non-Latin scripts without case', () => {
    const a = analyze('北京今天下雨。Tokyo was sunny.');
    assert.deepStrictEqual(a.entities.map((e) => e.name), ['Tokyo']);
  });
});
