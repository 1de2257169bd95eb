import * as assert from 'assert';
import * as fs from 'fs';
import { detokenize, iobMentions, parseConll } from '../../eval/readers/conll';
import { parseEntityField, parseGumDocument, readGum } from '../../eval/readers/gum';
import { parseBrat, pickAnnotations, readPolnear, toUtf16Offsets } from '../../eval/readers/polnear';
import { normalizeFragments } from '../../eval/spans';
import type { GoldDocument } from '../../eval/spans';
import { fixturePath } from './fixtures';

function named(doc: GoldDocument): string[] {
  return (doc.entities ?? []).map((e) => `${e.type}:${doc.text.slice(e.start, e.end)}`);
}

describe('eval readers', () => {
  describe('CoNLL-2003', () => {
    const docs = parseConll(fs.readFileSync(fixturePath('mini.conll'), 'utf8'), 'mini');

    it('splits documents at -DOCSTART- and lays out headline, dateline and body', () => {
      assert.strictEqual(docs.length, 2);
      const lines = docs[0].text.split('\n');
      assert.strictEqual(lines[0], 'HARBOURS - PORTMERE COUNCIL VOTES.');
      assert.strictEqual(lines[1], 'GLENVALE 2031-04-02');
      assert.strictEqual(lines[2], '', 'a blank line ends the header');
    });

    it('joins tokens without spaces before punctuation and clitics, and pairs straight quotes', () => {
      assert.ok(docs[0].text.includes('Mayor Ada Brightwater of Glenvale said "we\'re ready", Ada\'s aides (Northern) agreed.'), docs[0].text);
    });

    it('turns IOB2 and IOB1 tags into character spans over the rebuilt text (MISC left out)', () => {
      assert.deepStrictEqual(named(docs[0]), ['ORG:PORTMERE COUNCIL', 'LOC:GLENVALE', 'PER:Ada Brightwater', 'LOC:Glenvale', 'PER:Ada']);
      assert.deepStrictEqual(named(docs[1]), ['PER:Tessa Quill', 'LOC:Rimport']);
    });

    it('keeps a token→offset map', () => {
      const { text, offsets } = detokenize(['(', 'a', ')', 'b', "'s"]);
      assert.strictEqual(text, "(a) b's");
      assert.deepStrictEqual(offsets, [0, 1, 2, 4, 5]);
      assert.deepStrictEqual(iobMentions(['B-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG']), [
        { type: 'PER', start: 0, end: 2 },
        { type: 'PER', start: 2, end: 3 },
        { type: 'LOC', start: 4, end: 5 },
        { type: 'ORG', start: 5, end: 6 },
      ]);
    });
  });

  describe('GUM CoNLL-U', () => {
    it('parses nested and single-token Entity brackets', () => {
      assert.deepStrictEqual(parseEntityField('(2-abstract-new-x-cf2-2-coref(3-place-new-x-cf3-1-coref-Rimport)'), [
        { open: { id: '2', type: 'abstract', single: false } },
        { open: { id: '3', type: 'place', single: true } },
      ]);
      assert.deepStrictEqual(parseEntityField('7)6)'), [{ close: '7' }, { close: '6' }]);
    });

    it('rebuilds paragraphs and keeps proper-noun-headed person/organization/place names', () => {
      const [doc] = readGum(fixturePath('gum', 'dep'), 'dev');
      assert.strictEqual(doc.id, 'GUM_news_harbour');
      assert.strictEqual(doc.text, "Harbour opens\n\nProfessor Ada Brightwater of the Central Bank of Glenvale didn't come. She met the Glenvale mayor.\n");
      // Title dropped, nested place kept apart, "of" joins a name, common-noun and pronoun heads left out.
      assert.deepStrictEqual(named(doc), ['PER:Ada Brightwater', 'ORG:Central Bank of Glenvale', 'LOC:Glenvale', 'LOC:Glenvale']);
    });

    it('splits dev and train by dev-docs.txt beside the folder', () => {
      assert.deepStrictEqual(readGum(fixturePath('gum', 'dep'), 'train').map((d) => d.id), ['GUM_news_other']);
      assert.strictEqual(readGum(fixturePath('gum', 'dep'), 'all').length, 2);
      assert.strictEqual(readGum(fixturePath('gum', 'dep', 'GUM_news_other.conllu')).length, 1);
    });

    it('gives the words of a multi-word token their own characters', () => {
      const [doc] = readGum(fixturePath('gum', 'dep', 'GUM_news_other.conllu'));
      assert.deepStrictEqual(named(doc).slice(0, 2), ['LOC:Rimport', 'PER:Tessa']);
    });

    it('keeps coordinated people apart, "&" inside a company, and drops plural group names', () => {
      const [doc] = readGum(fixturePath('gum', 'dep', 'GUM_news_other.conllu'));
      // The coordination "Ada and Bo" narrows to its head's name; each conjunct is its own mention.
      assert.deepStrictEqual(named(doc).slice(2, 6), ['PER:Ada', 'PER:Ada', 'PER:Bo', 'ORG:Procter & Gamble']);
    });

    it('keeps a hyphenated name whole, and a name before a hyphen outside its mention alone', () => {
      const conllu = [
        '# newpar',
        '# text = Ana Ortiz-Vela saw Rimport-made boats.',
        '1\tAna\tAna\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=(1-person-new-sss-cf1-1-sgl-Ana_Ortiz-Vela',
        '2\tOrtiz\tOrtiz\tPROPN\tNNP\t_\t1\tflat\t_\tSpaceAfter=No',
        '3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No',
        '4\tVela\tVela\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)',
        '5\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_',
        '6\tRimport\tRimport\tPROPN\tNNP\t_\t8\tcompound\t_\tEntity=(2-place-new-sss-cf1-1-sgl-Rimport)|SpaceAfter=No',
        '7\t-\t-\tPUNCT\tHYPH\t_\t8\tpunct\t_\tSpaceAfter=No',
        '8\tmade\tmake\tVERB\tVBN\t_\t9\tamod\t_\t_',
        '9\tboats\tboat\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No',
        '10\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_',
        '',
      ].join('\n');
      assert.deepStrictEqual(named(parseGumDocument(conllu, 'GUM_news_hyphen')), ['PER:Ana Ortiz-Vela', 'LOC:Rimport']);
    });

    it('keeps a nested place inside an organisation name and drops stacked titles', () => {
      const [doc] = readGum(fixturePath('gum', 'dep', 'GUM_news_other.conllu'));
      assert.deepStrictEqual(named(doc).slice(6), ['LOC:Glenvale', 'ORG:Glenvale State', 'PER:Bo Quill']);
    });
  });

  describe('PolNeAR brat standoff', () => {
    it('reads T and E lines into Source/Cue/Content, split spans as fragments', () => {
      const text = fs.readFileSync(fixturePath('polnear', 'text', 'harbour-vote.txt'), 'utf8');
      const attributions = parseBrat(fs.readFileSync(fixturePath('polnear', 'attributions', 'harbour-vote_b2.ann'), 'utf8'));
      assert.strictEqual(attributions.length, 2);
      const [quote, indirect] = attributions;
      assert.strictEqual(text.slice(quote.source![0].start, quote.source![0].end), 'Mayor Ada Brightwater');
      assert.strictEqual(text.slice(quote.cue![0].start, quote.cue![0].end), 'said');
      assert.strictEqual(indirect.content!.length, 2);
      // The two fragments around the line break merge into one span.
      const merged = normalizeFragments(text, indirect.content!);
      assert.strictEqual(merged.length, 1);
      assert.strictEqual(text.slice(merged[0].start, merged[0].end), 'the budget\nwould double');
    });

    it('scores one annotation per article, chosen by file name order', () => {
      assert.deepStrictEqual([...pickAnnotations(['x', 'x_y'], ['x_y_b.ann', 'x_b.ann', 'x_a.ann', 'x_y_a.ann'])].sort(), [
        ['x', 'x_a.ann'],
        ['x_y', 'x_y_a.ann'],
      ]);
      const docs = readPolnear(fixturePath('polnear'));
      assert.strictEqual(docs.length, 1);
      assert.strictEqual(docs[0].attributions!.length, 1, 'the _a1 annotation holds one attribution');
    });

    it('converts brat code-point offsets to UTF-16 when the text has astral characters', () => {
      const text = '\u{1F600} Ada said';
      const [converted] = toUtf16Offsets(text, [{ source: [{ start: 2, end: 5 }] }]);
      assert.strictEqual(text.slice(converted.source![0].start, converted.source![0].end), 'Ada');
    });
  });
});
