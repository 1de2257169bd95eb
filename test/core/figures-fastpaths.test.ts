// The figures matcher's fast paths (a starter filter read from character codes, word
// comparisons without cutting strings, a token pool shared by all lines) must answer
// exactly as the plain checks they replace, on texts we write: casing, non-ASCII letters
// whose lower case is ASCII, non-Latin scripts, emoji, CRLF, lines of different lengths.
import * as assert from 'assert';
import { figureWordChecks, findFigures } from '../../server/src/analysis/figures';

/** Deterministic pseudo-random numbers (a small LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function casings(word: string): string[] {
  const title = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  const alternating = [...word].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  return [word, word.toLowerCase(), word.toUpperCase(), title, alternating];
}

/** Words that are not starters but come close: one letter off, cut short, grown, non-ASCII look-alikes. */
const NEAR_MISSES = [
  'the', 'that', 'than', 'this', 'thus', 'thin', 'ten', 'tens', 'tent', 'an', 'and', 'any', 'a', 'i', 's', 'us', 'u',
  'in', 'inn', 'into', 'on', 'one', 'ones', 'once', 'over', 'overt', 'oven', 'about', 'abouts', 'abut', 'more', 'mora',
  'moree', 'some', 'somee', 'home', 'last', 'lasts', 'least', 'past', 'pasta', 'next', 'nex', 'may', 'mayday', 'march',
  'marches', 'june', 'junes', 'half', 'halve', 'twice', 'twine', 'million', 'millions', 'milion', 'billion', 'dozen',
  'dozens', 'zero', 'eleven', 'twelve', 'twenty', 'ninety', 'hundred', 'hundreds', 'thousand', 'approximately',
  'approximatelyy', 'approximatly', 'circa', 'circle', 'upwards', 'upward', 'usd', 'eur', 'gbp', 'rs', 'rss', 'jan',
  'janu', 'sept', 'septe', 'monday', 'mondays', 'yesterday', 'tomorrow', 'tomorro', 'between', 'betwixt', 'nearly',
  // Non-ASCII letters: lower-cased, the Kelvin sign is "k", "İ" is "i" plus a dot, "ſ" stays.
  'oKtober', '\u212Aey', 'İn', 'İN', 'ſome', 'ſix', 'fünf', 'señor', 'año', 'déjà',
  // Non-Latin scripts.
  'год', 'миллион', 'два', '年', '百万', 'مليون', 'दो', 'ελάχιστο',
];

describe('figures fast paths', () => {
  it('the starter filter lets every starter through, whatever its casing', () => {
    const starters = figureWordChecks.starterWords();
    assert.ok(starters.length > 100, 'the starter vocabulary is the matcher’s');
    for (const starter of starters) {
      for (const word of casings(starter)) {
        if (figureWordChecks.isStarterWord(word)) {
          assert.ok(figureWordChecks.mayStartWord(word), `filter drops the starter ${JSON.stringify(word)}`);
        }
      }
    }
  });

  it('the starter filter rejects a word of ASCII letters exactly when no starter spells it, case aside', () => {
    const folded = new Set(figureWordChecks.starterWords().map((word) => word.toLowerCase()));
    const random = rng(7);
    const words = [...NEAR_MISSES.flatMap(casings)];
    for (let k = 0; k < 3000; k++) {
      let word = '';
      const length = 1 + Math.floor(random() * 9);
      for (let i = 0; i < length; i++) word += String.fromCharCode((random() < 0.3 ? 65 : 97) + Math.floor(random() * 26));
      words.push(word);
    }
    for (const word of words) {
      const exact = figureWordChecks.isStarterWord(word);
      const filter = figureWordChecks.mayStartWord(word);
      if (exact) assert.ok(filter, `filter drops the starter ${JSON.stringify(word)}`);
      if (/^[A-Za-z]+$/.test(word)) {
        assert.strictEqual(filter, folded.has(word.toLowerCase()), `filter on ${JSON.stringify(word)}`);
      } else if (/[^\x00-\x7f]/.test(word)) {
        // A non-ASCII letter may lower-case to ASCII: left to the exact check.
        assert.ok(filter, `non-ASCII ${JSON.stringify(word)} goes to the exact check`);
      }
    }
  });

  it('the starter flags the filter leaves on a word agree with the starter sets', () => {
    const random = rng(11);
    const words = [...figureWordChecks.starterWords().flatMap(casings), ...NEAR_MISSES.flatMap(casings), 'MAY', 'May', 'may', 'US', 'Us', 'us', 'In'];
    for (let k = 0; k < 2000; k++) {
      let word = '';
      const length = 1 + Math.floor(random() * 5);
      for (let i = 0; i < length; i++) word += String.fromCharCode((random() < 0.4 ? 65 : 97) + Math.floor(random() * 26));
      words.push(word);
    }
    let checked = 0;
    for (const word of words) {
      const flags = figureWordChecks.starterFlags(word);
      if (flags === undefined) continue; // not one word token, or filtered out
      assert.strictEqual(flags.fast, flags.exact, `starter flags of ${JSON.stringify(word)}`);
      checked++;
    }
    assert.ok(checked > 300, `${checked} words reached the flags`);
  });

  it('comparing a word with a lower-case word by character codes agrees with toLowerCase', () => {
    const targets = ['than', 'excess', 'of', 'least', 'most', 'many', 'much', 'few', 'the', 'k', 'in', 'ago', 'a', 'i', 's'];
    const words = [...NEAR_MISSES.flatMap(casings), ...targets.flatMap(casings), 'K', '\u212A', 'İ', 'ı', '\u212Ago'];
    for (const word of words) {
      for (const target of targets) {
        const answer = figureWordChecks.lowerIs(word, target);
        if (answer === undefined) continue; // not one token
        assert.strictEqual(answer, word.toLowerCase() === target, `${JSON.stringify(word)} vs ${target}`);
      }
    }
  });

  it('a short line never sees the tokens a longer line before it left in the pool', () => {
    // "more than" opens a qualifier; on its own line nothing follows it (stale pooled tokens
    // would give it "more than 70,000" from the line before).
    const text = 'Officials counted 70,000 people at the rally on Friday.\nmore than\nabout\nup to';
    assert.deepStrictEqual(findFigures(text).map((f) => f.text), ['70,000', 'Friday']);
    // The same lines, reordered, find the same figures.
    const reordered = 'more than\nabout\nup to\nOfficials counted 70,000 people at the rally on Friday.';
    assert.deepStrictEqual(findFigures(reordered).map((f) => f.text), ['70,000', 'Friday']);
  });

  it('finds the same figures with CRLF line ends, and none across a line break', () => {
    const lf = 'Prices rose more than 5 percent last year.\nAbout 300 people came.\nIt cost $24 billion in 2019.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (text: string) => findFigures(text).map((f) => [f.text, f.kind, f.value, f.unit, f.qualifier]);
    assert.deepStrictEqual(strip(crlf), strip(lf));
    assert.deepStrictEqual(findFigures('more than\r\n5 percent').map((f) => f.text), ['5 percent']);
  });

  it('reads figures beside emoji, curly quotes and non-Latin words as it does beside plain words', () => {
    const plain = findFigures('He said about 40 people came last week.').map((f) => [f.text, f.kind, f.value, f.qualifier]);
    for (const wrapped of [
      '😀 He said about 40 people came last week. 😀',
      '“He said about 40 people came last week.”',
      'год He said about 40 people came last week. 年',
      'He said about 40 people came last week.😀',
    ]) {
      assert.deepStrictEqual(findFigures(wrapped).map((f) => [f.text, f.kind, f.value, f.qualifier]), plain, wrapped);
    }
  });

  it('keeps the qualifier and the decade readings that start on marks and capitalised words', () => {
    const figures = findFigures('In the ’90s, MORE THAN 5,000 firms, About 12 percent, In April and in 1990s.');
    assert.deepStrictEqual(
      figures.map((f) => [f.text, f.kind, f.qualifier]),
      [
        ['’90s', 'year', undefined],
        ['MORE THAN 5,000', 'count', 'more than'],
        ['About 12 percent', 'percent', 'about'],
        ['April', 'date', undefined],
        ['1990s', 'year', undefined],
      ],
    );
  });

  it('reads cased starters (months, weekdays, currency codes) only in their own casing', () => {
    const strip = (text: string) => findFigures(text).map((f) => [f.text, f.kind, f.unit]);
    assert.deepStrictEqual(strip('It opened May 3, 2020 and in MAY 2021; may 5 people come? US$5 and us $5, USD 40 and usd 40.'), [
      ['May 3, 2020', 'date', undefined],
      ['5', 'count', 'people'],
      ['US$5', 'money', 'USD'],
      ['$5', 'money', 'USD'],
      ['USD 40', 'money', 'USD'],
      ['40', 'count', undefined],
    ]);
    assert.deepStrictEqual(strip('On Friday, FRIDAY and friday; in April, APRIL 4 and april. Rs 500 crore, RS 500, Sept. 9 and SEPT 9.'), [
      ['Friday', 'date', undefined],
      ['April', 'date', undefined],
      ['Rs 500 crore', 'money', 'INR'],
      ['Sept. 9', 'date', undefined],
    ]);
  });

  it('gives the same ids and figures whether a document is read once or twice', () => {
    const text = 'About 300 people came on Monday.\n\nAbout 300 people left on Tuesday, 5% of them by bus.';
    const first = findFigures(text);
    const second = findFigures(text);
    assert.deepStrictEqual(second, first);
    assert.strictEqual(new Set(first.map((f) => f.id)).size, first.length, 'ids are unique');
    assert.match(first[0].id, /^fig-[0-9a-f]{8}$/);
  });
});
