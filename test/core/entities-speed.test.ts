// Fast paths of the entity stage checked against the general forms they replace, on
// texts written for these tests.
import * as assert from 'assert';
import { combineCandidates, findNameCandidates, hasIrregularSpace, nameLists, resolveEntities } from '../../server/src/analysis/entities';
import { CITIES, COUNTRIES, KNOWN_ORGS, ORG_ALIASES, PLACE_ALIASES } from '../../server/src/analysis/lexicon';
import { reviseCandidates, thingHeadsPhrase } from '../../server/src/analysis/nameRevisions';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../../server/src/analysis/sentences';
import { tagNamesScored } from '../../server/src/analysis/tagger';

describe('entities: fast paths', () => {
  it('nameLists finds every listed name, and nothing else, past its key filter', () => {
    const lists: Array<Iterable<string>> = [COUNTRIES, CITIES, PLACE_ALIASES.keys(), KNOWN_ORGS, ORG_ALIASES.keys()];
    const listed = new Map<string, number>();
    lists.forEach((names, i) => {
      for (const name of names) listed.set(name, (listed.get(name) ?? 0) | (1 << i));
    });
    const wrong: string[] = [];
    for (const name of listed.keys()) {
      for (const asked of [name, name.toLowerCase(), name.toUpperCase(), `${name}s`, name.slice(1), name.slice(0, -1), ` ${name}`, `${name}’s`]) {
        if (nameLists(asked) !== (listed.get(asked) ?? 0)) wrong.push(asked);
      }
    }
    assert.deepStrictEqual(wrong, []);
    assert.notStrictEqual(nameLists('Mexico'), 0);
    assert.strictEqual(nameLists('Okafor'), 0);
  });

  it('thingHeadsPhrase walks the words as the split phrase would be read', () => {
    // Over words whose classes the reference knows: nouns of things, words that may
    // follow the head noun, the words that stop the search, others, and '' (two spaces).
    const things = new Set(['festival', 'film', 'song', 'disease']);
    const followers = new Set(['of', 'that', 'in', 'and']);
    const reference = (phrase: string): boolean => {
      const words = phrase.split(' ');
      const last = phrase.length + 5 >= 90 ? words.length - 1 : words.length;
      for (let i = 0; i < last && i < 4; i++) {
        if (things.has(words[i])) return i + 1 >= words.length || followers.has(words[i + 1]);
        if (words[i] === 'of' || words[i] === 'who' || words[i] === 'and') break;
      }
      return false;
    };
    const vocabulary = ['festival', 'film', 'song', 'disease', 'of', 'that', 'in', 'and', 'who', 'director', 'big', 'x-ray', ''];
    const phrases: string[] = [];
    const grow = (words: string[]): void => {
      if (words.length > 0) phrases.push(words.join(' '));
      if (words.length < 4) for (const w of vocabulary) grow([...words, w]);
    };
    grow([]);
    const padding = 'abcdefghij '.repeat(8);
    for (const p of phrases.slice(0, 3000)) phrases.push(`${p} ${padding}`.slice(0, 86), `${p} ${padding}film`, padding + p);
    const wrong = phrases.filter((p) => thingHeadsPhrase(p) !== reference(p));
    assert.deepStrictEqual(wrong, []);
    assert.ok(phrases.some((p) => thingHeadsPhrase(p)) && phrases.some((p) => !thingHeadsPhrase(p)));
  });

  it('hasIrregularSpace answers as /[^\\S ]|  / for every code unit, alone and between letters', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, ` ${ch}`, `${ch} `, `Ana${ch}${ch}Lima`]) if (hasIrregularSpace(s) !== /[^\S ]|  /.test(s)) wrong.push(c);
    }
    assert.deepStrictEqual(wrong, []);
    assert.strictEqual(hasIrregularSpace('Todd Robinson'), false);
    assert.strictEqual(hasIrregularSpace('Todd  Robinson'), true);
    assert.strictEqual(hasIrregularSpace('Todd\nRobinson'), true);
  });

  it('lists mentions in text order, as the entities\' mentions joined and sorted would', () => {
    // A dateline and a byline: their names are resolved after the body's, out of text order.
    const text = [
      'By Ana Lima and Tom Hale',
      '',
      'LISBON (Reuters) - Portugal’s Health Ministry said on Monday that Ana Lima, the ministry’s spokeswoman, had met Reuters.',
      '',
      'Lima said the Lisbon Chamber and the Health Ministry would meet again. Hale said Portugal agreed.',
    ].join('\n');
    const structure = analyzeStructure(text);
    const sentences = splitSentences(text, structure);
    const tokens = tokenizeSentences(text, sentences);
    const rules = findNameCandidates(text, sentences, tokens);
    const result = resolveEntities(text, structure, sentences, reviseCandidates(text, combineCandidates(text, sentences, tagNamesScored(text), rules)));
    assert.ok(result.entities.length >= 4, result.entities.map((e) => e.name).join(', '));
    // The dateline's place and agency are resolved last: the pending names are out of text order.
    assert.ok(result.mentions.some((m) => m.sentence < 0), 'a dateline mention');
    // The long way: every entity's mentions in entity order, stably sorted by start.
    const joined = result.entities.flatMap((e) => e.mentions.map((span) => ({ start: span.start, end: span.end, entity: e.id })));
    joined.sort((x, y) => x.start - y.start);
    assert.deepStrictEqual(result.mentions.map((m) => ({ start: m.span.start, end: m.span.end, entity: m.entity })), joined);
    for (const e of result.entities) for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start <= e.mentions[i].start, e.name);
    // Each mention's sentence is the one holding it (the byline's and dateline's: -1).
    for (const m of result.mentions) {
      if (m.sentence < 0) continue;
      const s = sentences[m.sentence].span;
      assert.ok(s.start <= m.span.start && m.span.end <= s.end, `${text.slice(m.span.start, m.span.end)} in sentence ${m.sentence}`);
    }
  });
});
