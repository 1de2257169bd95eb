// Allocation cuts in the entity and claim stages, beside the general paths they replace:
// texts written for these tests.
import * as assert from 'assert';
import { nestedPlaceChecks } from '../../server/src/analysis/nestedPlaces';
import { entityOrderChecks, type Mention } from '../../server/src/analysis/entities';
import { mergeInSpanOrder } from '../../server/src/analysis/claims';
import type { Claim } from '../../server/src/analysis/types';
import { analyzeStructure, paragraphContentStart, splitBlocks } from '../../server/src/analysis/structure';
import { analyze } from './helpers';

describe('allocation cuts: same answers as the general paths', () => {
  it('mayHoldPlace (one loop) answers as the words forEachWord cuts', () => {
    const names = [
      'Dhaka University', 'University', 'the Ontario Court of Appeal', 'Manila Bay', "Dhaka University's", 'Dhaka University’s',
      'Harbor, Bay', 'Bay,', 'Bay, Town', '  Gulf  of  Mexico  ', 'Leeds United', 'bay Area', 'Strait;', 'X Museum:', "Bay's",
      "'s Museum", 'Museum s', 'A', '', ' ', 'Court Court', 'University of Pisa', 'San Francisco Bay Bridge',
    ];
    for (const name of names) assert.strictEqual(nestedPlaceChecks.mayHoldPlace(name), nestedPlaceChecks.byWords(name), JSON.stringify(name));
  });

  it('isOpeningWord (keyed filter, then the set) knows every opening word and turns others away', () => {
    const openingWords = nestedPlaceChecks.openingWords();
    for (const w of openingWords) assert.ok(nestedPlaceChecks.isOpeningWord(w), w);
    // Near misses: same length, first and last letter (the filter lets them through, the set says no), and others.
    for (const w of ['Bat', 'Cy', 'Universitary', 'Courts', 'court', 'Baz', 'Museums', 'Municipalityy', 'Airpart', 'Gulf’', '']) {
      assert.strictEqual(nestedPlaceChecks.isOpeningWord(w), openingWords.includes(w), w);
    }
  });

  it('reads a kinship word over a comma, and a locative word without one', () => {
    const kin = 'The family waited all night. Their daughter, Gloria, came home at dawn. Gloria was tired.';
    assert.strictEqual(analyze(kin).entities.find((e) => e.name === 'Gloria')?.kind, 'person');
    const places = 'Tarnec was quiet. Soldiers camped near Tarnec for a week. Trade in Tarnec stopped. Tarnec was rebuilt.';
    assert.strictEqual(analyze(places).entities.find((e) => e.name === 'Tarnec')?.kind, 'place');
  });

  it('makes claims of statistics outside quotations and of reported statements only', () => {
    const text = [
      'Prices rose 12 percent last year, the agency said.',
      '',
      '"We saw 40 cases," Ana Lima said.',
      '',
      'The meeting ended on Monday.',
      '',
      'Lima said the clinic would stay open.',
    ].join('\n');
    const claims = analyze(text).claims.map((c) => `${c.kind}:${c.text}`);
    assert.ok(claims.includes('statistic:Prices rose 12 percent last year, the agency said.'), claims.join(' | '));
    assert.ok(!claims.some((c) => c.includes('meeting ended')), claims.join(' | '));
    assert.ok(claims.some((c) => c.startsWith('quote:') && c.includes('40 cases')), claims.join(' | '));
  });

  it('sorts mentions and spans by start as a stable sort() does: nearly in order, shuffled, with ties', () => {
    let state = 12345;
    const random = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    for (let round = 0; round < 300; round++) {
      const n = 1 + random(60);
      const starts: number[] = [];
      // In order with ties, then a few appended out of place (the byline's and dateline's); every tenth list shuffled.
      for (let i = 0; i < n; i++) starts.push(round % 10 === 0 ? random(20) : i * 3 + random(2) * 3);
      for (let extra = random(4); extra > 0; extra--) starts.push(random(3 * n));
      const mentions: Mention[] = starts.map((start, i) => ({ span: { start, end: start + 1 }, entity: `e${i}`, sentence: i }));
      const expected = mentions.slice().sort((x, y) => x.span.start - y.span.start).map((m) => m.entity);
      assert.deepStrictEqual(entityOrderChecks.sortMentionsByStart(mentions.slice()).map((m) => m.entity), expected);
      const sorted = entityOrderChecks.sortSpansByStart(mentions.map((m) => m.span), mentions.map((m) => m.sentence));
      assert.deepStrictEqual(sorted.sentences.map((i) => `e${i}`), expected);
      assert.deepStrictEqual(sorted.spans.map((s) => s.start), expected.map((id) => starts[Number(id.slice(1))]));
      // Drafts: by first mention, then by the order they were made.
      const drafts = starts.map((start, order): [number, number] => [start, order]);
      const byFirst = drafts.slice().sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((d) => d[1]);
      assert.deepStrictEqual(entityOrderChecks.sortByFirstMention(drafts.slice().reverse()), byFirst);
      assert.deepStrictEqual(entityOrderChecks.sortByFirstMention(drafts), byFirst);
    }
  });

  it('merges quotation and sentence claims as a stable sort of both lists by span does, ties to the first list', () => {
    let state = 777;
    const random = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const claim = (id: string, start: number, end: number): Claim => ({ id, span: { start, end }, text: '', kind: 'quote', figures: [], entities: [], sourced: false });
    const list = (prefix: string, n: number, sorted: boolean): Claim[] => {
      const out: Claim[] = [];
      for (let i = 0; i < n; i++) {
        const start = random(30);
        out.push(claim(`${prefix}${i}`, start, start + random(3)));
      }
      return sorted ? out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) : out;
    };
    for (let round = 0; round < 300; round++) {
      const first = list('q', random(12), round % 7 !== 0);
      const second = list('s', random(12), round % 5 !== 0);
      const expected = first.concat(second).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end).map((c) => c.id);
      assert.deepStrictEqual(mergeInSpanOrder(first, second).map((c) => c.id), expected);
    }
  });

  it('reads Markdown markers per line (packed in one number): headings, list items, block quotes, numbers', () => {
    const text = '# Title here\nFirst line of text\ncontinues here.\n\n## Second heading\n- item one\n- item two\n\n> quoted line\n> more\n\n12. numbered\n3) other\n#NoSpace\n-not a list\n1234. too long';
    const blocks = splitBlocks(text).map((b) => `${text.slice(b.contentStart, b.span.end).split('\n')[0]}${b.heading ? ' (heading)' : ''}`);
    assert.deepStrictEqual(blocks, ['Title here (heading)', 'First line of text', 'Second heading (heading)', 'item one', 'item two', 'quoted line', 'numbered', 'other']);
    // Without blank lines every line is a paragraph; the markers still say where the prose starts.
    const flat = 'No blank lines\n# Heading\n* star item\nplain';
    const structure = analyzeStructure(flat);
    const starts = structure.paragraphs.map((_, i) => flat.slice(paragraphContentStart(flat, structure, i)).split('\n')[0]);
    assert.deepStrictEqual(starts, ['No blank lines', 'Heading', 'star item', 'plain']);
  });

  it('keeps the first appositive role of a person, and lets an appositive replace a title', () => {
    const text = 'Ana Lima, the health minister, spoke on Monday. Later Lima, a former nurse, visited the ward. Lima said the clinic would stay open.';
    assert.strictEqual(analyze(text).entities.find((e) => e.name === 'Ana Lima')?.role, 'health minister');
    const titled = 'Senator Ruth Okafor spoke on Monday. Okafor, the committee chairwoman, visited the ward.';
    assert.strictEqual(analyze(titled).entities.find((e) => e.name === 'Ruth Okafor')?.role, 'committee chairwoman');
  });
});
