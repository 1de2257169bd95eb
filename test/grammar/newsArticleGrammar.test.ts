// Tokenises small articles of our own with the news-article TextMate grammar, the way
// VS Code does (vscode-textmate + Oniguruma), and checks the scopes of each piece.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

function repositoryRoot(): string {
  let folder = __dirname;
  while (!fs.existsSync(path.join(folder, 'syntaxes', 'news-article.tmLanguage.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find the repository root from ' + __dirname);
    folder = parent;
  }
  return folder;
}

const root = repositoryRoot();
const grammarPath = path.join(root, 'syntaxes', 'news-article.tmLanguage.json');

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.news' ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('text.news');
  if (!grammar) throw new Error('grammar text.news did not load');
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The text covered by consecutive tokens whose innermost-or-outer scopes include `scope`. */
function spansWithScope(lines: Token[][], scope: string): string[] {
  const spans: string[] = [];
  for (const tokens of lines) {
    let current: string | undefined;
    for (const token of tokens) {
      if (token.scopes.includes(scope)) current = (current ?? '') + token.text;
      else if (current !== undefined) {
        spans.push(current);
        current = undefined;
      }
    }
    if (current !== undefined) spans.push(current);
  }
  return spans;
}

const ARTICLE = [
  'Harbour news',
  '',
  'Ferry company cuts winter crossings',
  '',
  'By Ingrid Solberg i Costa',
  '',
  'Bergen, Nov 3 (NTB).- The ferry operator will run 30 fewer crossings this winter, its chief executive said.',
  '',
  '“We can’t fill the boats in January,” Lars Berg told reporters. "It\'s that simple."',
  '',
  'According to the port authority, more than 12,000 passengers used the route last year, paying around $24 billion in fares — up 12% or 3.5 per cent, depending on who counts.',
  '',
  'Tens of thousands of visitors and a third of residents rely on it, and costs rose by €1.2bn since 2019.',
].join('\n');

describe('news-article grammar', () => {
  let grammar: textmate.IGrammar;
  let lines: Token[][];

  before(async () => {
    grammar = await loadGrammar();
    lines = tokenize(grammar, ARTICLE);
  });

  it('is registered in package.json for the news-article language with its scope name', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
    const contribution = manifest.contributes.grammars.find((entry: { language: string }) => entry.language === 'news-article');
    assert.ok(contribution, 'no grammar contribution for news-article');
    assert.strictEqual(contribution.scopeName, raw.scopeName);
    assert.strictEqual(path.resolve(root, contribution.path), grammarPath);
    const language = manifest.contributes.languages.find((entry: { id: string }) => entry.id === 'news-article');
    assert.deepStrictEqual(language.extensions, ['.news', '.article']);
    assert.ok(fs.existsSync(path.resolve(root, language.configuration)), 'language configuration file missing');
  });

  it('marks the dateline with its place, date and agency', () => {
    assert.deepStrictEqual(spansWithScope(lines, 'markup.heading.dateline.news'), ['Bergen, Nov 3 (NTB).-']);
    assert.deepStrictEqual(spansWithScope(lines, 'entity.name.tag.place.news'), ['Bergen']);
    assert.deepStrictEqual(spansWithScope(lines, 'entity.name.tag.agency.news'), ['(NTB)']);
  });

  it('marks datelines in other agencies\' styles', () => {
    const variants = tokenize(grammar, 'OSLO, March 3 (Reuters) - The council voted.\nSão Paulo, Sept. 21 (AP) — Rain fell.\nHe wrote from Washington, Aug 8 (EFE).- on a Monday.\nRio de Janeiro, Jan 2 (EFE).- Heat.');
    assert.deepStrictEqual(spansWithScope(variants, 'markup.heading.dateline.news'), ['OSLO, March 3 (Reuters) -', 'São Paulo, Sept. 21 (AP) —', 'Rio de Janeiro, Jan 2 (EFE).-']);
  });

  it('marks a Markdown-emphasised byline', () => {
    const byline = tokenize(grammar, '*By Maria Jensen*\nBy the way, this is prose.');
    assert.deepStrictEqual(spansWithScope(byline, 'entity.name.tag.author.news'), ['Maria Jensen']);
  });

  it('marks the byline and its author', () => {
    assert.deepStrictEqual(spansWithScope(lines, 'keyword.other.byline.news'), ['By']);
    assert.deepStrictEqual(spansWithScope(lines, 'entity.name.tag.author.news'), ['Ingrid Solberg i Costa']);
  });

  it('marks curly and straight quotations, apostrophes included, as one string each', () => {
    assert.deepStrictEqual(spansWithScope(lines, 'string.quoted.double.news'), [
      '“We can’t fill the boats in January,”',
      '"It\'s that simple."',
    ]);
  });

  it('marks attribution cues', () => {
    assert.deepStrictEqual(spansWithScope(lines, 'keyword.other.cue.news'), ['said', 'told', 'According to']);
  });

  it('marks figures with their qualifiers, money and percentages', () => {
    const figures = spansWithScope(lines, 'constant.numeric.news');
    for (const expected of ['30', 'more than 12,000', 'Tens of thousands', 'a third', '2019']) {
      assert.ok(figures.includes(expected), `${JSON.stringify(expected)} not among ${JSON.stringify(figures)}`);
    }
    assert.deepStrictEqual(spansWithScope(lines, 'constant.numeric.money.news'), ['around $24 billion', '€1.2bn']);
    assert.deepStrictEqual(spansWithScope(lines, 'constant.numeric.percent.news'), ['12%', '3.5 per cent']);
    assert.deepStrictEqual(spansWithScope(lines, 'constant.numeric.qualifier.news'), ['more than', 'around']);
  });

  it('ends an unclosed quotation at the end of its paragraph line', () => {
    const unclosed = tokenize(grammar, '"This quote never closes, he said.\n\nThe next paragraph said 5 things.');
    assert.deepStrictEqual(spansWithScope(unclosed, 'string.quoted.double.news'), ['"This quote never closes, he said.']);
    assert.deepStrictEqual(spansWithScope(unclosed, 'keyword.other.cue.news'), ['said']);
    assert.deepStrictEqual(spansWithScope(unclosed, 'constant.numeric.news'), ['5']);
  });

  it('tokenises a long line of digits and unclosed quotes quickly', () => {
    // 20,000 characters: VS Code's default editor.maxTokenizationLineLength.
    const line = '"1'.repeat(5000) + ' 9'.repeat(5000);
    const started = Date.now();
    const tokens = tokenize(grammar, line);
    assert.ok(tokens[0].length > 0);
    // Generous: catches catastrophic backtracking, not ordinary machine noise.
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});

describe('news-article language configuration', () => {
  const configuration = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));

  it('auto-closes curly and straight double quotes', () => {
    const pairs = configuration.autoClosingPairs.map((pair: { open: string; close: string }) => pair.open + pair.close);
    assert.ok(pairs.includes('“”'));
    assert.ok(pairs.includes('""'));
  });

  it('has a word pattern that keeps apostrophes and hyphens inside words', () => {
    const wordPattern = new RegExp(configuration.wordPattern.pattern, 'g' + (configuration.wordPattern.flags ?? ''));
    const words = 'Kenya’s well-known mayor said 70,000 “hello”'.match(wordPattern);
    assert.deepStrictEqual(words, ['Kenya’s', 'well-known', 'mayor', 'said', '70,000', 'hello']);
  });
});
