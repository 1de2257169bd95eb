// The shared text stages' fast paths must give exactly what the plain code they replaced
// gave: text.tokenize's ASCII table, structure's line search by indexOf, the sentence
// splitter's jump to the next terminal mark, findings' excerpt without a regex when the
// text is already on one line. The plain versions are kept here as references and both
// run on texts we write: CRLF, emoji and surrogate pairs, non-Latin scripts, curly quotes,
// abbreviations, Unicode spaces, and seeded random mixes of all of them.
import * as assert from 'assert';
import { isApostrophe, isDigitCode, isLetterCode, isSpaceCode, isUpperCode, tokenize, Token } from '../../server/src/analysis/text';
import { analyzeStructure, splitBlocks } from '../../server/src/analysis/structure';
import { splitSentences, TerminalFinder } from '../../server/src/analysis/sentences';
import { excerpt } from '../../server/src/analysis/findings';
import type { Span } from '../../server/src/analysis/types';

interface Block {
  span: Span;
  contentStart: number;
  heading: boolean;
}

// ---- references: the code as it was before the fast paths -----------------------------

/** text.tokenize as it was, testing letters and digits with isLetterCode || isDigitCode. */
function referenceTokenize(text: string, start: number, end: number, out: Token[] = []): Token[] {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (c === 93 /* ] */ && i + 1 < end && text.charCodeAt(i + 1) === 40 /* ( */) {
      // Markdown link target: skip to the closing parenthesis (bounded to the line).
      out.push({ start: i, end: i + 1, text: ']', word: false });
      let j = i + 2;
      const limit = Math.min(end, i + 2048);
      while (j < limit && text.charCodeAt(j) !== 41 && text.charCodeAt(j) !== 10) j++;
      i = j < limit && text.charCodeAt(j) === 41 ? j + 1 : i + 1;
      continue;
    }
    if (isLetterCode(c) || isDigitCode(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isLetterCode(d) || isDigitCode(d)) {
          j++;
          continue;
        }
        if (j + 1 < end) {
          const n = text.charCodeAt(j + 1);
          // inner apostrophe, period between letters (U.S), separator between digits (70,000 / 3.5)
          if (isApostrophe(d) && isLetterCode(n)) {
            j += 2;
            continue;
          }
          if (d === 46 && isLetterCode(n) && j - i <= 3 && isLetterCode(text.charCodeAt(j - 1)) && (j + 2 >= end || !isLetterCode(text.charCodeAt(j + 2)) || text.charCodeAt(j + 2) === 46)) {
            j += 2;
            continue;
          }
          if ((d === 44 || d === 46) && isDigitCode(n) && isDigitCode(text.charCodeAt(j - 1))) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // URL: "http://…" — skip to whitespace.
      if (j + 2 < end && text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47) {
        let k = j;
        while (k < end && !isSpaceCode(text.charCodeAt(k))) k++;
        i = k;
        continue;
      }
      // A trailing period stays with an initial or a dotted acronym ("J.", "U.S.").
      if (j < end && text.charCodeAt(j) === 46) {
        const w = j - i;
        const single = w === 1 && isUpperCode(c);
        const dotted = w >= 3 && text.charCodeAt(j - 2) === 46;
        if (single || dotted) j++;
      }
      out.push({ start: i, end: j, text: text.slice(i, j), word: true });
      i = j;
      continue;
    }
    // Surrogate pairs (emoji) stay one punctuation token.
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    out.push({ start: i, end: i + len, text: text.slice(i, i + len), word: false });
    i += len;
  }
  return out;
}


/** structure.splitBlocks as it was, finding line ends character by character. */
function referenceSplitBlocks(text: string): Block[] {
  // One pass over the lines; a second, cheap pass over the (few) line spans.
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let hasBlank = false;
  let lineStart = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.charCodeAt(i) === 10) {
      let a = lineStart;
      let b = i;
      while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
      if (a >= b) hasBlank = true;
      starts.push(a);
      ends.push(b);
      lineStart = i + 1;
    }
  }
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k];
    const b = ends[k];
    if (a >= b) {
      current = undefined;
      continue;
    }
    const marker = markdownMarker(text, a, b);
    const startsOwn = !hasBlank || marker.own;
    if (current && !startsOwn && !current.heading) {
      current.span.end = b;
    } else {
      current = { span: { start: a, end: b }, contentStart: marker.contentStart, heading: marker.heading };
      blocks.push(current);
    }
    if (marker.heading) current = undefined;
  }
  return blocks;
}

function markdownMarker(text: string, start: number, end: number): { own: boolean; heading: boolean; contentStart: number } {
  const c = text.charCodeAt(start);
  let i = start;
  if (c === 35 /* # */) {
    while (i < end && i - start < 6 && text.charCodeAt(i) === 35) i++;
    if (i < end && text.charCodeAt(i) === 32) return { own: true, heading: true, contentStart: skipSpaces(text, i, end) };
    return { own: false, heading: false, contentStart: start };
  }
  if (c === 62 /* > */) return { own: false, heading: false, contentStart: skipSpaces(text, start + 1, end) };
  if ((c === 45 || c === 42 || c === 43) && start + 1 < end && text.charCodeAt(start + 1) === 32) {
    return { own: true, heading: false, contentStart: skipSpaces(text, start + 1, end) };
  }
  if (c >= 48 && c <= 57) {
    while (i < end && i - start < 3 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i + 1 < end && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 41) && text.charCodeAt(i + 1) === 32) {
      return { own: true, heading: false, contentStart: skipSpaces(text, i + 1, end) };
    }
  }
  return { own: false, heading: false, contentStart: start };
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}


/** findings.excerpt as it was. */
function referenceExcerpt(s: string, max = 48): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

// ---- texts -----------------------------------------------------------------------------

const PIECES = [
  'a', 'B', 'z', 'Z', '0', '9', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\r\n\r\n', '.', '!', '?', '…', '?!', '...', ',', ':',
  "'", '’', '‘', '"', '“', '”', '«', '»', '(', ')', '[', ']', '*', '_', '#', '# ', '> ', '- ', '1. ', '—', '–', '-', '$', '€',
  'K', '\u212A', 'İ', 'ſ', 'é', 'ß', '年', 'год', 'Москва', 'مرحبا', 'नमस्ते', '😀', '👍🏽', '\ud83d', '\ude00', '\u00a0', '\u2009',
  '\u202f', '\u200b', '\ufeff', '\u3000', '\u2028', '\u1680', '\u0301', 'U.S.', 'U.S', 'Mr.', 'Dr. ', 'Inc.', 'e.g.', 'J. R.', 'No.',
  'http://x.y/z', 'https://a.b/c?d=e', '](http://a)', '](x', '70,000', '3.5', '2019.', '1990s', '’90s', 'we’ve', "don't", 'Biden’s',
  'The', 'Officials said', 'more than', 'about', 'In', 'MAY', 'May 3', 'said. The', 'ends. “Quote', 'Aug. 8', 'Reuters) -',
];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function randomTexts(count: number, seed: number): string[] {
  const random = rng(seed);
  const texts: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    const parts = 1 + Math.floor(random() * 60);
    for (let i = 0; i < parts; i++) text += PIECES[Math.floor(random() * PIECES.length)];
    texts.push(text);
  }
  return texts;
}

const WRITTEN = [
  '',
  'WASHINGTON (Reuters) - The U.S. said on Aug. 8 that Mr. Smith, of Acme Inc., would go. He did not.',
  'Line one.\r\nLine two!\r\n\r\nA new paragraph… with an ellipsis? Yes?! “Quoted.” Next.',
  'Emoji 😀 in a sentence. 👍🏽 Another one! Surrogate halves alone: \ud83d and \ude00.',
  'Москва заявила. 北京表示。 القاهرة قالت. Ελλάδα είπε. The end.',
  '# A heading\n\n> A quote line\n- a list item\n1. numbered\n\nBody text after.  \n  \n\t\nLast line',
  'Trailing newline.\n',
  '\n\n\nLeading blank lines. And spaces\u00a0\u2009between\u202fwords.\u3000Ideographic space.',
  'No terminal mark at all',
  '...',
  'e.g. this. i.e. that. J. R. R. Tolkien wrote. Gen. Smith came. See No. 5. It was 3.5 percent.',
  'Visit https://example.com/a.b?c=d. Or the [link](http://example.com/x.y). Done.',
  'we’ve don\'t Biden’s O’Neill’s — dashes – and ‘single quotes’.',
];

describe('text stages fast paths', () => {
  const texts = [...WRITTEN, ...randomTexts(400, 11)];

  it('text.tokenize gives the tokens the plain letter-and-digit tests gave', () => {
    for (const text of texts) {
      assert.deepStrictEqual(tokenize(text, 0, text.length), referenceTokenize(text, 0, text.length), JSON.stringify(text));
      // A range inside the text, cutting words and surrogate pairs.
      const from = Math.floor(text.length / 3);
      const to = Math.floor((2 * text.length) / 3) + 1;
      if (to <= text.length) assert.deepStrictEqual(tokenize(text, from, to), referenceTokenize(text, from, to), JSON.stringify(text));
    }
  });

  it('structure.splitBlocks finds the lines and blocks the character-by-character scan found', () => {
    for (const text of texts) assert.deepStrictEqual(splitBlocks(text), referenceSplitBlocks(text), JSON.stringify(text));
  });

  it('the terminal-mark finder answers what a scan from each offset answers, asked in any order', () => {
    const random = rng(5);
    for (const text of texts) {
      const naive = (from: number) => {
        for (let i = from; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 46 || c === 33 || c === 63 || c === 0x2026) return i;
        }
        return text.length;
      };
      const finder = new TerminalFinder(text);
      // Rising offsets, as the splitter asks.
      for (let from = 0; from <= text.length; from++) assert.strictEqual(finder.next(from), naive(from), `${JSON.stringify(text)} @${from}`);
      // Any order.
      for (let k = 0; k < 20; k++) {
        const from = Math.floor(random() * (text.length + 1));
        assert.strictEqual(finder.next(from), naive(from), `${JSON.stringify(text)} @${from}`);
      }
    }
  });

  it('splits sentences at terminal marks and not at abbreviations, decimals or initials', () => {
    const text = 'The U.S. said on Aug. 8 that Mr. Smith paid 3.5 percent. He left?! “Yes.” J. R. Smith agreed… Then it ended';
    const sentences = splitSentences(text, analyzeStructure(text)).map((s) => text.slice(s.span.start, s.span.end));
    assert.deepStrictEqual(sentences, [
      'The U.S. said on Aug. 8 that Mr. Smith paid 3.5 percent.',
      'He left?!',
      '“Yes.”',
      'J. R. Smith agreed…',
      'Then it ended',
    ]);
    const crlf = 'One sentence.\r\nTwo sentences!\r\n\r\nA paragraph. 😀 Emoji after.';
    const crlfSentences = splitSentences(crlf, analyzeStructure(crlf)).map((s) => crlf.slice(s.span.start, s.span.end));
    assert.deepStrictEqual(crlfSentences, ['One sentence.', 'Two sentences!', 'A paragraph. 😀 Emoji after.']);
  });

  it('findings.excerpt gives what collapsing white space with a regex gave', () => {
    const samples = [...texts, ' leading', 'trailing ', 'two  spaces', 'tab\there', 'nbsp\u00a0here', 'zwsp\u200bkept', 'bom\ufeffhere',
      'line\u2028sep', 'ogham\u1680space', 'x'.repeat(60), `${'word '.repeat(12)}end`, 'control\u0001char', 'del\u007fchar'];
    for (const text of samples) {
      for (const max of [48, 40, 5]) assert.strictEqual(excerpt(text, max), referenceExcerpt(text, max), JSON.stringify(text));
    }
  });
});
