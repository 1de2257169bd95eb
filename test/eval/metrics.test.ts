import * as assert from 'assert';
import { entityScores, score, scoreAttributions, scoreEntities, scoreFlags, scoreQuotations } from '../../eval/metrics';
import type { ErrorSample } from '../../eval/metrics';
import { isInQuotationMarks, quotationKey, wordTokens } from '../../eval/spans';
import type { CharSpan, TypedSpan } from '../../eval/spans';

/** The span of the nth occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0): CharSpan {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(part, index + 1);
  assert.ok(index >= 0, `${part} not in text`);
  return { start: index, end: index + part.length };
}

describe('eval metrics', () => {
  it('computes precision, recall and F1 with empty denominators as 0', () => {
    assert.deepStrictEqual(score({ tp: 0, fp: 0, fn: 0 }), { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
    const s = score({ tp: 3, fp: 1, fn: 2 });
    assert.strictEqual(s.precision, 0.75);
    assert.strictEqual(s.recall, 0.6);
    assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  });

  describe('entities', () => {
    const text = 'Ada Brightwater of the Central Bank of Glenvale spoke in Glenvale.';
    const per = { type: 'PER' as const, ...at(text, 'Ada Brightwater') };
    const org = { type: 'ORG' as const, ...at(text, 'Central Bank of Glenvale') };
    const nestedLoc = { type: 'LOC' as const, ...at(text, 'Glenvale') };
    const loc = { type: 'LOC' as const, ...at(text, 'Glenvale', 1) };
    const gold: TypedSpan[] = [per, org, nestedLoc, loc];

    it('needs exact span and type; nested gold mentions each count', () => {
      const counts = scoreEntities('d', gold, [per, org, nestedLoc, loc]);
      assert.deepStrictEqual(entityScores(counts).overall.f1, 1);
    });

    it('counts a boundary error as one false positive and one false negative', () => {
      const short = { type: 'ORG' as const, ...at(text, 'Central Bank') };
      const counts = scoreEntities('d', gold, [per, short, nestedLoc, loc]);
      assert.deepStrictEqual(counts.ORG, { tp: 0, fp: 1, fn: 1 });
      assert.deepStrictEqual(counts.PER, { tp: 1, fp: 0, fn: 0 });
    });

    it('counts a type confusion against both types and notes it in the error samples', () => {
      const errors: ErrorSample[] = [];
      const counts = scoreEntities('d', gold, [per, org, nestedLoc, { ...loc, type: 'PER' }], errors);
      assert.deepStrictEqual(counts.PER, { tp: 1, fp: 1, fn: 0 });
      assert.deepStrictEqual(counts.LOC, { tp: 1, fp: 0, fn: 1 });
      assert.deepStrictEqual(errors.map((e) => `${e.kind} ${e.label} ${e.note}`), ['fp PER gold LOC', 'fn LOC predicted PER']);
    });

    it('merges duplicate predictions of the same span and type', () => {
      const counts = scoreEntities('d', gold, [per, per, per]);
      assert.deepStrictEqual(counts.PER, { tp: 1, fp: 0, fn: 0 });
    });
  });

  describe('attributions', () => {
    const text = 'Officials said the budget\nwould double. "We will rebuild," Ada said.';
    const goldIndirect = { source: [at(text, 'Officials')], cue: [at(text, 'said')], content: [at(text, 'the budget'), at(text, 'would double')] };
    const goldDirect = { source: [at(text, 'Ada')], cue: [at(text, 'said', 1)], content: [at(text, '"We will rebuild,"')] };
    const gold = [goldIndirect, goldDirect];

    it('matches a single predicted span against a gold span split across a line break', () => {
      const predicted = [{ source: [at(text, 'Officials')], cue: [at(text, 'said')], content: [at(text, 'the budget\nwould double')] }];
      const counts = scoreAttributions('d', text, gold, predicted);
      assert.deepStrictEqual(counts.Content.exact, { tp: 1, fp: 0, fn: 1 });
      assert.deepStrictEqual(counts.Source.exact, { tp: 1, fp: 0, fn: 1 });
    });

    it('credits overlapping but unequal spans only in the overlap measures', () => {
      // Content without the closing mark and comma; source wider than gold.
      const predicted = [{ source: [at(text, 'Ada said')], content: [at(text, '"We will rebuild')] }];
      const counts = scoreAttributions('d', text, gold, predicted);
      assert.deepStrictEqual(counts.Content.exact, { tp: 0, fp: 1, fn: 2 });
      assert.deepStrictEqual(counts.Content.spanOverlap, { tp: 1, fp: 0, fn: 1, goldFound: 1 });
      // Token overlap: the 4 predicted tokens (" We will rebuild) all lie inside gold content.
      const tokens = wordTokens(text);
      const inside = (s: CharSpan) => tokens.filter((t) => t.start < s.end && s.start < t.end).length;
      const goldTokens = inside(at(text, 'the budget')) + inside(at(text, 'would double')) + inside(at(text, '"We will rebuild,"'));
      assert.deepStrictEqual(counts.Content.tokenOverlap, { overlap: 4, predicted: 4, gold: goldTokens });
      assert.deepStrictEqual(counts.Source.tokenOverlap, { overlap: 1, predicted: 2, gold: 2 });
    });

    it('counts span-overlap recall on the gold side: a prediction inside another adds nothing', () => {
      const clause = at(text, 'the budget');
      const inner = at(text, 'budget');
      const alone = scoreAttributions('d', text, gold, [{ content: [clause] }]);
      const both = scoreAttributions('d', text, gold, [{ content: [clause] }, { content: [inner] }]);
      // Gold Content spans: "the budget⏎would double" (one span across the line break) and the quotation.
      assert.deepStrictEqual(alone.Content.spanOverlap, { tp: 1, fp: 0, fn: 1, goldFound: 1 });
      assert.deepStrictEqual(both.Content.spanOverlap, { tp: 2, fp: 0, fn: 1, goldFound: 1 });
      assert.strictEqual(score(both.Content.spanOverlap).recall, score(alone.Content.spanOverlap).recall);
      assert.strictEqual(score(both.Content.spanOverlap).recall, 1 / 2);
      assert.strictEqual(score(both.Content.spanOverlap).precision, 1);
    });

    it('ignores missing components and duplicate predictions', () => {
      const predicted = [{ content: [at(text, '"We will rebuild,"')] }, { content: [at(text, '"We will rebuild,"')] }];
      const counts = scoreAttributions('d', text, gold, predicted);
      assert.deepStrictEqual(counts.Content.exact, { tp: 1, fp: 0, fn: 1 });
      assert.deepStrictEqual(counts.Cue.exact, { tp: 0, fp: 0, fn: 2 });
    });
  });

  describe('quotations in marks', () => {
    const text = 'Ada Brightwater spoke. \u201CWe will rebuild,\u201D she said. Officials said costs would rise. \u201CNever,\u201D Bo said.';
    const ada = at(text, 'Ada Brightwater');
    const quote1 = at(text, '\u201CWe will rebuild,\u201D');
    const quote2 = at(text, '\u201CNever,\u201D');
    const gold = [
      { source: [at(text, 'she')], cue: [at(text, 'said')], content: [quote1] },
      { source: [at(text, 'Officials')], content: [at(text, 'costs would rise')] },
      { source: [at(text, 'Bo')], content: [quote2] },
    ];

    it('recognises quotations modulo edge punctuation and whitespace', () => {
      assert.ok(isInQuotationMarks(text, { start: quote1.start - 1, end: quote1.end + 1 }));
      assert.ok(!isInQuotationMarks(text, at(text, 'costs would rise')));
      assert.strictEqual(quotationKey(text, quote1), quotationKey(text, at(text, 'We will rebuild')));
    });

    it('scores quote spans and speakers (direct span or resolved entity)', () => {
      const predicted = [
        { span: at(text, 'We will rebuild'), sourceSpan: at(text, 'she') },
        { span: quote2, sourceSpan: ada, sourceEntityMentions: [ada, at(text, 'Bo')] },
        { span: at(text, 'Officials said costs would rise.') },
      ];
      const counts = scoreQuotations('d', text, gold, predicted);
      // The first prediction has no marks of its own: only quotations in marks are compared.
      assert.deepStrictEqual(counts.span, { tp: 1, fp: 0, fn: 1 });
      assert.strictEqual(counts.speakerJudged, 1);
      assert.strictEqual(counts.speakerCorrect, 1, 'resolved entity mentions cover the gold source');
    });

    it('scores each part of a quotation split around its cue as a quotation of its own', () => {
      const split = '\u201CWe will,\u201D Ada said, \u201Crebuild the pier.\u201D';
      const first = at(split, '\u201CWe will,\u201D');
      const second = at(split, '\u201Crebuild the pier.\u201D');
      const goldSplit = [{ source: [at(split, 'Ada')], cue: [at(split, 'said')], content: [first, second] }];
      const predicted = [
        { content: [first], source: [at(split, 'Ada')] },
        { content: [second], source: [at(split, 'Ada')] },
      ];
      const attributionCounts = scoreAttributions('d', split, goldSplit, predicted);
      assert.deepStrictEqual(attributionCounts.Content.exact, { tp: 2, fp: 0, fn: 0 });
      assert.deepStrictEqual(attributionCounts.Source.exact, { tp: 1, fp: 0, fn: 0 }, 'the same source span counts once');
      const quoteCounts = scoreQuotations('d', split, goldSplit, [
        { span: first, sourceSpan: at(split, 'Ada') },
        { span: second, sourceSpan: at(split, 'said') },
      ]);
      assert.deepStrictEqual(quoteCounts.span, { tp: 2, fp: 0, fn: 0 });
      assert.strictEqual(quoteCounts.speakerJudged, 2);
      assert.strictEqual(quoteCounts.speakerCorrect, 1);
    });

    it('marks a wrong speaker wrong', () => {
      const counts = scoreQuotations('d', text, gold, [{ span: quote1, sourceSpan: at(text, 'Officials') }]);
      assert.deepStrictEqual(counts.span, { tp: 1, fp: 0, fn: 1 });
      assert.strictEqual(counts.speakerCorrect, 0);
      assert.strictEqual(counts.speakerJudged, 1);
    });
  });

  describe('flags', () => {
    const text = 'Ada said 40 homes flooded. Some 300 roads closed. "Nobody came to help us all night long," a voice said. "We stay until it is fixed, whatever the cost."';
    const said = { source: [at(text, 'Ada')], cue: [at(text, 'said')], content: [at(text, '40 homes flooded')] };
    const sourceless = { cue: [at(text, 'said', 1)], content: [at(text, '"Nobody came to help us all night long,"')] };
    const gold = [said, sourceless];
    const figures = [at(text, '40'), at(text, '300')];
    const quotes = [at(text, '"Nobody came to help us all night long,"'), at(text, '"We stay until it is fixed, whatever the cost."')];

    it('counts a figure flag inside sourced gold Content as wrong, and an unflagged unsourced figure as missed', () => {
      const counts = scoreFlags('d', text, gold, [{ code: 'unsourced-figure', span: figures[0] }], figures, quotes);
      assert.deepStrictEqual(counts.unsourcedFigure, { tp: 0, fp: 1, fn: 1 });
      const right = scoreFlags('d', text, gold, [{ code: 'unsourced-figure', span: figures[1] }], figures, quotes);
      assert.deepStrictEqual(right.unsourcedFigure, { tp: 1, fp: 0, fn: 0 });
    });

    it('judges a quotation flag by the gold Source, and leaves a quotation no gold covers unjudged', () => {
      const flags = [{ code: 'unattributed-quote', span: quotes[0] }, { code: 'unattributed-quote', span: quotes[1] }];
      const counts = scoreFlags('d', text, gold, flags, figures, quotes);
      assert.deepStrictEqual(counts.unattributedQuote, { tp: 1, fp: 0, fn: 0 });
      assert.strictEqual(counts.quoteFlagsUnjudged, 1);
      const withSource = scoreFlags('d', text, [{ ...sourceless, source: [at(text, 'a voice')] }], flags, figures, quotes);
      assert.deepStrictEqual(withSource.unattributedQuote, { tp: 0, fp: 1, fn: 0 });
      const none = scoreFlags('d', text, gold, [], figures, quotes);
      assert.deepStrictEqual(none.unattributedQuote, { tp: 0, fp: 0, fn: 1 });
    });
  });
});
