import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findFigures } from '../../server/src/analysis/figures';
import type { Figure } from '../../server/src/analysis/types';
import { evaluateFigures } from '../../eval/figures';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'seed-fentanyl.txt'), 'utf8');

function texts(text: string): string[] {
  return findFigures(text).map((figure) => figure.text);
}

function only(text: string): Figure {
  const figures = findFigures(text);
  assert.strictEqual(figures.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figures.map((f) => f.text))}`);
  return figures[0];
}

function pick(figure: Figure): Partial<Figure> {
  const { text, kind, value, valueMax, unit, qualifier } = figure;
  const picked: Partial<Figure> = { text, kind };
  if (value !== undefined) picked.value = value;
  if (valueMax !== undefined) picked.valueMax = valueMax;
  if (unit !== undefined) picked.unit = unit;
  if (qualifier !== undefined) picked.qualifier = qualifier;
  return picked;
}

describe('figures', () => {
  describe('the seed article', () => {
    const figures = findFigures(SEED);

    it('finds exactly the nine figures, in order, with their kinds', () => {
      assert.deepStrictEqual(
        figures.map((f) => [f.text, f.kind]),
        [
          ['Aug 8', 'date'],
          ['50 times', 'ratio'],
          ['More than 70,000', 'count'],
          ['last year', 'date'],
          ['April', 'date'],
          ['around $24 billion', 'money'],
          ['this fiscal year', 'date'],
          ['more than 70', 'count'],
          ['2019', 'year'],
        ],
      );
    });

    it('reads values, units and qualifiers', () => {
      const byText = new Map(figures.map((f) => [f.text, f]));
      assert.deepStrictEqual(pick(byText.get('50 times')!), { text: '50 times', kind: 'ratio', value: 50, unit: 'times' });
      const deaths = byText.get('More than 70,000')!;
      assert.strictEqual(deaths.value, 70000);
      assert.strictEqual(deaths.qualifier, 'more than');
      assert.ok(SEED.slice(deaths.span.start).startsWith('More than 70,000 people'));
      const money = byText.get('around $24 billion')!;
      assert.strictEqual(money.value, 24_000_000_000);
      assert.strictEqual(money.unit, 'USD');
      assert.strictEqual(money.qualifier, 'around');
      assert.strictEqual(byText.get('more than 70')!.value, 70);
      assert.strictEqual(byText.get('2019')!.value, 2019);
    });

    it('spans are exact offsets into the text and no figure has a source yet', () => {
      for (const figure of figures) {
        assert.strictEqual(SEED.slice(figure.span.start, figure.span.end), figure.text);
        assert.strictEqual(figure.source, undefined);
      }
    });

    it('finds nothing in "Back to top", "US-led", "Xi" or the pronoun "one"', () => {
      for (const figure of figures) {
        assert.ok(!/Back|US-led|Xi\b|\bone\b/i.test(figure.text), figure.text);
      }
      assert.deepStrictEqual(texts('Back to top button'), []);
      assert.deepStrictEqual(texts('the US-led coalition met Xi Jinping'), []);
    });

    it('reads words named like built-in object properties as words', () => {
      assert.deepStrictEqual(texts('He hired 5 constructor workers.').map((t) => t), ['5']);
      assert.deepStrictEqual(texts('It happened a constructor ago, not a toString ago.'), []);
      assert.deepStrictEqual(texts('They paid 20 __proto__ dollars and 3 hasOwnProperty pesos.'), ['20', '3']);
    });
  });

  describe('numbers', () => {
    it('reads digit separators without confusing a decimal comma', () => {
      assert.strictEqual(only('about 70,000 people').value, 70000);
      assert.strictEqual(only('1.5 percent').value, 1.5);
      assert.strictEqual(only('a rate of 3,5 percent').value, 3.5);
      assert.strictEqual(only('1,234,567 votes').value, 1234567);
    });

    it('reads number words, dozens and scales', () => {
      assert.deepStrictEqual(pick(only('fifty soldiers')), { text: 'fifty', kind: 'count', value: 50, unit: 'soldiers' });
      assert.strictEqual(only('Two dozen journalists').value, 24);
      assert.strictEqual(only('two hundred and fifty troops').value, 250);
      assert.strictEqual(only('Twenty-five officers').value, 25);
      assert.strictEqual(only('half a million refugees').value, 500_000);
      assert.strictEqual(only('a million homes').value, 1_000_000);
      assert.strictEqual(only('1.5m voters').value, 1_500_000);
    });

    it('keeps vague magnitudes as counts without a value', () => {
      for (const text of ['tens of thousands of people', 'hundreds of residents', 'Thousands fled']) {
        const figure = findFigures(text)[0];
        assert.strictEqual(figure.kind, 'count', text);
        assert.strictEqual(figure.value, undefined, text);
      }
      assert.strictEqual(findFigures('tens of thousands of people')[0].text, 'tens of thousands');
    });
  });

  describe('money', () => {
    const cases: [string, string, number, string][] = [
      ['cost $24 billion', '$24 billion', 24e9, 'USD'],
      ['a US$5.5bn deal', 'US$5.5bn', 5.5e9, 'USD'],
      ['a €3bn loan', '€3bn', 3e9, 'EUR'],
      ['a £2.3 million fine', '£2.3 million', 2.3e6, 'GBP'],
      ['Rs 500 crore for roads', 'Rs 500 crore', 5e9, 'INR'],
      ['2 trillion yen', '2 trillion yen', 2e12, 'JPY'],
      ['500 million pesos', '500 million pesos', 5e8, 'MXN'],
      ['10 Canadian dollars', '10 Canadian dollars', 10, 'CAD'],
      ['50 cents', '50 cents', 0.5, 'USD'],
      ['¥300 a night', '¥300', 300, 'JPY'],
    ];
    for (const [text, figureText, value, unit] of cases) {
      it(`${figureText}`, () => {
        assert.deepStrictEqual(pick(only(text)), { text: figureText, kind: 'money', value, unit });
      });
    }

    it('reads "millions of dollars" as money without a value', () => {
      assert.deepStrictEqual(pick(only('cost taxpayers millions of dollars')), { text: 'millions of dollars', kind: 'money', unit: 'USD' });
    });

    it('"pounds of" is a weight, not money', () => {
      assert.deepStrictEqual(pick(only('20 pounds of cocaine')), { text: '20 pounds', kind: 'measure', value: 20, unit: 'lb' });
      assert.deepStrictEqual(pick(only('it cost 20 pounds')), { text: '20 pounds', kind: 'money', value: 20, unit: 'GBP' });
    });
  });

  describe('percentages, ratios and fractions', () => {
    it('reads %, per cent, percent and percentage points', () => {
      assert.deepStrictEqual(pick(only('rose 12%')), { text: '12%', kind: 'percent', value: 12, unit: '%' });
      assert.deepStrictEqual(pick(only('fell 12 per cent')), { text: '12 per cent', kind: 'percent', value: 12, unit: '%' });
      assert.deepStrictEqual(pick(only('up 12 percent')), { text: '12 percent', kind: 'percent', value: 12, unit: '%' });
      assert.deepStrictEqual(pick(only('by 3 percentage points')), { text: '3 percentage points', kind: 'percent', value: 3, unit: 'percentage points' });
    });

    it('reads multipliers and odds', () => {
      assert.deepStrictEqual(pick(only('50 times more powerful')), { text: '50 times', kind: 'ratio', value: 50, unit: 'times' });
      assert.deepStrictEqual(pick(only('twice as many')), { text: 'twice', kind: 'ratio', value: 2, unit: 'times' });
      assert.deepStrictEqual(pick(only('a 3-to-1 margin')), { text: '3-to-1', kind: 'ratio', value: 3 });
      assert.deepStrictEqual(pick(only('a tenfold rise')), { text: 'tenfold', kind: 'ratio', value: 10, unit: 'times' });
      // A repeated event is a count of times, not a multiplier.
      assert.deepStrictEqual(pick(only('arrested three times')), { text: 'three times', kind: 'count', value: 3, unit: 'times' });
    });

    it('reads "one in five", "a third", "half of", "two-thirds"', () => {
      assert.deepStrictEqual(pick(only('One in five children')), { text: 'One in five', kind: 'ratio', value: 0.2 });
      assert.ok(Math.abs(only('a third of doctors').value! - 1 / 3) < 1e-9);
      assert.deepStrictEqual(pick(only('nearly half of voters')), { text: 'nearly half', kind: 'ratio', value: 0.5, qualifier: 'nearly' });
      assert.ok(Math.abs(only('two-thirds of members').value! - 2 / 3) < 1e-9);
    });

    it('does not read ordinals as fractions', () => {
      assert.deepStrictEqual(texts('he won a third term'), []);
      assert.deepStrictEqual(texts('in the second half of the match'), []);
      assert.deepStrictEqual(texts('The First Lady spoke first'), []);
    });
  });

  describe('ranges and qualifiers', () => {
    it('reads ranges into value and valueMax', () => {
      assert.deepStrictEqual(pick(only('between 10 and 20 people')), { text: 'between 10 and 20', kind: 'count', value: 10, valueMax: 20, unit: 'people' });
      assert.deepStrictEqual(pick(only('10-20 people')), { text: '10-20', kind: 'count', value: 10, valueMax: 20, unit: 'people' });
      assert.deepStrictEqual(pick(only('10 to 20 people')), { text: '10 to 20', kind: 'count', value: 10, valueMax: 20, unit: 'people' });
      assert.deepStrictEqual(pick(only('a 10-15% rise')), { text: '10-15%', kind: 'percent', value: 10, valueMax: 15, unit: '%' });
      assert.deepStrictEqual(pick(only('$10-20 million')), { text: '$10-20 million', kind: 'money', value: 10e6, valueMax: 20e6, unit: 'USD' });
    });

    it('keeps "from X to Y" as two figures, unless a verb of range leads it', () => {
      assert.deepStrictEqual(texts('grew from $2 million to $5 million'), ['$2 million', '$5 million']);
      assert.deepStrictEqual(pick(only('tariffs ranging from 5 percent to 25 percent')), { text: '5 percent to 25 percent', kind: 'percent', value: 5, valueMax: 25, unit: '%' });
      assert.deepStrictEqual(texts('fines that vary from $200 to $900'), ['$200 to $900']);
    });

    it('reads a scale joined by a hyphen', () => {
      assert.deepStrictEqual(pick(only('a $400-million-a-year business')), { text: '$400-million', kind: 'money', value: 400e6, unit: 'USD' });
    });

    it('includes the qualifier in the span and lower-cases it', () => {
      const qualified: [string, string][] = [
        ['More than 70,000 died', 'more than'],
        ['around $24 billion', 'around'],
        ['About 300 homes', 'about'],
        ['nearly 3,000 miles', 'nearly'],
        ['almost 95% effective', 'almost'],
        ['at least 14 people', 'at least'],
        ['up to 500 megawatts', 'up to'],
        ['Over 60% of households', 'over'],
        ['under 18 players', 'under'],
        ['Fewer than 100 tickets', 'fewer than'],
        ['roughly 40 percent', 'roughly'],
        ['some $450 million', 'some'],
        ['an estimated 40%', 'an estimated'],
        ['approximately 2,500 students', 'approximately'],
      ];
      for (const [text, qualifier] of qualified) {
        const figure = only(text);
        assert.strictEqual(figure.qualifier, qualifier, text);
        assert.ok(text.startsWith(figure.text), `${text} → ${figure.text}`);
      }
    });

    it('does not treat "over" before a span of time as a qualifier', () => {
      assert.deepStrictEqual(texts('prices rose 8 percent over three months'), ['8 percent', 'three months']);
    });
  });

  describe('dates, years and durations', () => {
    it('reads calendar dates', () => {
      assert.deepStrictEqual(texts('on August 8, 2023, and on 8 August and on 2023-08-08 and 8/8/2023'), [
        'August 8, 2023', '8 August', '2023-08-08', '8/8/2023',
      ]);
      assert.deepStrictEqual(texts('Washington, Aug 8 (EFE).-'), ['Aug 8']);
      assert.strictEqual(only('He resigned in April.').kind, 'date');
      assert.strictEqual(only('They met on Monday.').kind, 'date');
    });

    it('needs a cue before an ambiguous month', () => {
      assert.deepStrictEqual(texts('May is the wettest month'), []);
      assert.deepStrictEqual(texts('the vote in May'), ['May']);
      assert.deepStrictEqual(texts('April Ryan asked a question'), []);
    });

    it('reads time references', () => {
      for (const text of ['last year', 'this fiscal year', 'next month', 'two years ago', 'a decade ago', 'last Monday']) {
        assert.deepStrictEqual(pick(only(`It happened ${text}.`)).kind, 'date', text);
        assert.strictEqual(only(`It happened ${text}.`).text, text);
      }
    });

    it('reads years by context, not every four-digit number', () => {
      assert.deepStrictEqual(pick(only('in 2019 China')), { text: '2019', kind: 'year', value: 2019 });
      assert.deepStrictEqual(pick(only('in the 1990s')), { text: '1990s', kind: 'year', value: 1990, valueMax: 1999 });
      assert.strictEqual(only('a survey of 2,019 people').kind, 'count');
      assert.deepStrictEqual(texts('Meeting room 2019 is upstairs'), []);
      assert.strictEqual(only('the 2019-20 season').valueMax, 2020);
    });

    it('reads durations, ages and measures', () => {
      assert.deepStrictEqual(pick(only('for three weeks')), { text: 'three weeks', kind: 'duration', value: 3, unit: 'weeks' });
      assert.deepStrictEqual(pick(only('jailed for 10 years')), { text: '10 years', kind: 'duration', value: 10, unit: 'years' });
      assert.deepStrictEqual(pick(only('a five-year plan')), { text: 'five-year', kind: 'duration', value: 5, unit: 'years' });
      assert.deepStrictEqual(pick(only('a 45-year-old man')), { text: '45-year-old', kind: 'measure', value: 45, unit: 'years old' });
      assert.deepStrictEqual(pick(only('5 km away')), { text: '5 km', kind: 'measure', value: 5, unit: 'km' });
      assert.deepStrictEqual(pick(only('12 tonnes of cocaine')), { text: '12 tonnes', kind: 'measure', value: 12, unit: 't' });
      assert.deepStrictEqual(pick(only('30 degrees in the shade')), { text: '30 degrees', kind: 'measure', value: 30, unit: '°' });
      assert.deepStrictEqual(pick(only('41 degrees Celsius')), { text: '41 degrees Celsius', kind: 'measure', value: 41, unit: '°C' });
    });
  });

  describe('things that are not figures', () => {
    const negatives = [
      'One of them said no one knew.',
      'one of the best',
      'COVID-19 cases rose',
      'G20 and G7 leaders',
      'the F-16 and the Su-27',
      'at No. 10 Downing Street',
      'at 10 Downing Street',
      'Apollo 11 landed',
      'the Boeing 737 Max',
      'version 1.2.3 shipped',
      'Version 2.1 of the app',
      'Call 202-555-0100 now',
      'call 0800 123 456',
      'at 10:30 a.m.',
      'at 3pm',
      'Manchester United won 3-1',
      'the two leaders met',
      'World War II',
      'a 5G network and 3D printers',
      'in his 30s',
    ];
    for (const text of negatives) {
      it(JSON.stringify(text), () => {
        assert.deepStrictEqual(texts(text), []);
      });
    }
  });

  describe('forms found on real news text', () => {
    it('reads a span of days after a month and apostrophe decades', () => {
      assert.deepStrictEqual(texts('The survey was conducted September 16-19, 2016.'), ['September 16-19, 2016']);
      assert.deepStrictEqual(pick(only('growth in the 90’s')), { text: '90’s', kind: 'year', value: 1990, valueMax: 1999 });
      assert.deepStrictEqual(texts('a man in his 90\'s'), []);
    });

    it('reads a fraction of a scale as one number', () => {
      assert.deepStrictEqual(pick(only('a quarter of a million dollars')), { text: 'a quarter of a million dollars', kind: 'money', value: 250_000, unit: 'USD' });
    });

    it('reads spaced dollar prefixes with two letters only', () => {
      assert.deepStrictEqual(pick(only('a cost of NZ $ 26 million')), { text: 'NZ $ 26 million', kind: 'money', value: 26e6, unit: 'NZD' });
      assert.strictEqual(only('A $5 fee').unit, 'USD');
    });

    it('does not take "about" or "around" for a qualifier when it is a preposition or particle', () => {
      assert.deepStrictEqual(pick(only('learn more about 529 plans')), { text: '529', kind: 'count', value: 529, unit: 'plans' });
      assert.strictEqual(only('the boat was turned around twice').qualifier, undefined);
    });

    it('skips identifiers, idioms and compounds', () => {
      assert.deepStrictEqual(texts('<tweet tweet-id="783499116076687360">'), []);
      assert.deepStrictEqual(texts('they shared a high-five at three o\'clock'), []);
      assert.deepStrictEqual(texts('a salary in six figures'), []);
      assert.deepStrictEqual(texts('the nation\'s two largest unions'), []);
      assert.deepStrictEqual(texts('24/7 coverage of the 9/11 anniversary'), []);
    });

    it('reads vulgar fractions and colon ratios, but not clock times', () => {
      assert.deepStrictEqual(pick(only('survived 5 ½ years in prison')), { text: '5 ½ years', kind: 'duration', value: 5.5, unit: 'years' });
      assert.deepStrictEqual(pick(only('a 3:1 ratio')), { text: '3:1', kind: 'ratio', value: 3 });
      assert.deepStrictEqual(texts('at 11: 06 a.m. and at 10:30'), []);
    });

    it('keeps a year used as a baseline without a qualifier', () => {
      assert.deepStrictEqual(texts('cut emissions 32 percent below 2005 levels'), ['32 percent', '2005']);
      assert.strictEqual(findFigures('cut emissions 32 percent below 2005 levels')[1].kind, 'year');
    });
  });

  describe('ids', () => {
    it('are deterministic and unique', () => {
      const first = findFigures(SEED).map((f) => f.id);
      const second = findFigures(SEED).map((f) => f.id);
      assert.deepStrictEqual(first, second);
      assert.strictEqual(new Set(first).size, first.length);
    });

    it('survive an edit elsewhere in the document', () => {
      const before = findFigures('Prices rose 12% last year.');
      const after = findFigures('Unrelated opening sentence here. Prices rose 12% last year.');
      assert.deepStrictEqual(before.map((f) => f.id), after.map((f) => f.id));
      assert.notDeepStrictEqual(before.map((f) => f.span), after.map((f) => f.span));
    });

    it('tell repeated figures apart by occurrence', () => {
      const figures = findFigures('12% here and 12% there');
      assert.strictEqual(figures.length, 2);
      assert.notStrictEqual(figures[0].id, figures[1].id);
    });
  });

  describe('bad input', () => {
    it('copes with empty text, emoji and line breaks', () => {
      assert.deepStrictEqual(findFigures(''), []);
      const text = '😀 About 300 people 😀\r\nmore than\n70 later';
      const figures = findFigures(text);
      // A qualifier never reaches across a line break: "70" stands alone.
      assert.deepStrictEqual(figures.map((f) => [f.text, f.qualifier]), [['About 300', 'about'], ['70', undefined]]);
      assert.strictEqual(text.slice(figures[0].span.start, figures[0].span.end), 'About 300');
    });

    it('stays linear on pathological input', function () {
      // Timings are not asserted (the machine is shared); these finish only if the scan is linear.
      this.timeout(60_000);
      assert.deepStrictEqual(findFigures('7'.repeat(1 << 20)), []);
      assert.deepStrictEqual(findFigures('$'.repeat(100_000)), []);
      assert.strictEqual(findFigures('$1 '.repeat(20_000)).length, 20_000);
      assert.deepStrictEqual(findFigures('1-'.repeat(100_000)), []);
      assert.deepStrictEqual(findFigures('more than '.repeat(50_000)), []);
      assert.deepStrictEqual(findFigures('between '.repeat(50_000)), []);
    });
  });

  describe('the figure set', () => {
    it('scores well on the sentences we annotated', function () {
      this.timeout(20_000);
      const report = evaluateFigures(path.join(REPO_ROOT, 'test', 'figures', 'figure-set.jsonl'));
      assert.ok(report.sentences >= 150, `${report.sentences} sentences`);
      assert.ok(report.exact.precision >= 0.9, `precision ${report.exact.precision}`);
      assert.ok(report.exact.recall >= 0.85, `recall ${report.exact.recall}`);
      assert.ok(report.valueAccuracy >= 0.9, `value accuracy ${report.valueAccuracy}`);
      assert.ok(report.qualifierAccuracy >= 0.9, `qualifier accuracy ${report.qualifierAccuracy}`);
    });
  });
});
