import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, SymbolKind, type MarkupContent, type TextEdit } from 'vscode-languageserver';
import { makeEntry } from '../../server/src/analysisStore';
import { analyzeWithinLimit, utf8Length } from '../../server/src/common/limits';
import { toClaimItems } from '../../server/src/features/claims';
import { codeActions, SET_RULE_SEVERITY_COMMAND } from '../../server/src/features/codeActions';
import { diagnosticHref, toDiagnostics } from '../../server/src/features/diagnostics';
import { formatFigureValue, hoverAt } from '../../server/src/features/hover';
import { findSuppressions, maskSuppressionComments, unsuppressedFindings } from '../../server/src/features/suppressions';
import { documentSymbols } from '../../server/src/features/symbols';
import { LineIndex } from '../../server/src/common/positions';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/settings';
import { ARTICLE, articleEntry, spanOf } from './helpers';

function hoverText(entry: ReturnType<typeof articleEntry>, needle: string): string {
  const at = entry.lines.positionAt(spanOf(ARTICLE, needle).start + 1);
  const hover = hoverAt(entry, at);
  assert.ok(hover, `a hover on ${needle}`);
  return (hover.contents as MarkupContent).value;
}

describe('settings', () => {
  it('fall back to defaults for missing or invalid values', () => {
    assert.deepEqual(normalizeSettings(undefined), { ...DEFAULT_SETTINGS, severity: {} });
    const settings = normalizeSettings({ enable: 'yes', maxFileSize: -1, debounceMs: 50, severity: { 'unsourced-figure': 'OFF', 'vague-attribution': 'loud', bogus: 'error' } });
    assert.equal(settings.enable, true);
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(settings.debounceMs, 50);
    assert.deepEqual(settings.severity, { 'unsourced-figure': 'off' });
  });
});

describe('diagnostics', () => {
  it('map findings with code, source, link, data and related information', () => {
    const [diagnostic, ...rest] = toDiagnostics(articleEntry(), DEFAULT_SETTINGS);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'unsourced-figure');
    assert.equal(diagnostic.source, 'ClaimLens');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.codeDescription?.href, diagnosticHref('unsourced-figure'));
    assert.match(diagnostic.codeDescription!.href, /docs\/diagnostics\/unsourced-figure\.md$/);
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } });
    assert.deepEqual(diagnostic.data, { figure: 'f2' });
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, 'file:///tmp/article.txt');
  });

  it('apply the severity setting, and drop codes set to off', () => {
    const entry = articleEntry();
    const error = toDiagnostics(entry, normalizeSettings({ severity: { 'unsourced-figure': 'error' } }));
    assert.equal(error[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(toDiagnostics(entry, normalizeSettings({ severity: { 'unsourced-figure': 'off' } })), []);
  });
});

describe('suppression comments', () => {
  const text = [
    'claimlens-disable-next-line unsourced-figure',
    'About 40% rent.',
    '<!-- claimlens-disable-next-line -->',
    'Half of them, 50%, own.',
    'claimlens-disable-next-line vague-attribution',
    'Another 10% moved.',
  ].join('\n');
  const lines = new LineIndex(text);

  it('are found with their codes', () => {
    const found = findSuppressions(text, lines);
    assert.deepEqual(found.get(1)?.codes, ['unsourced-figure']);
    assert.deepEqual(found.get(3)?.codes, []);
    assert.deepEqual(found.get(5)?.codes, ['vague-attribution']);
  });

  it('are blanked before analysis, keeping every offset', () => {
    const masked = maskSuppressionComments(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked.indexOf('claimlens'), -1);
    assert.deepEqual(masked.split('\n').map((line) => line.trim()), ['', 'About 40% rent.', '', 'Half of them, 50%, own.', '', 'Another 10% moved.']);
    const inProse = 'He typed claimlens-disable-next-line in a sentence.';
    assert.equal(maskSuppressionComments(inProse), inProse);
    const crlf = 'a\r\n<!-- claimlens-disable-next-line -->\r\nb';
    assert.equal(maskSuppressionComments(crlf), `a\r\n${' '.repeat(36)}\r\nb`);
  });

  it('silence only the listed codes on the next line', () => {
    const finding = (needle: string) => ({ code: 'unsourced-figure' as const, span: spanOf(text, needle), message: 'm', severity: 'warning' as const });
    const kept = unsuppressedFindings([finding('40%'), finding('50%'), finding('10%')], text, lines);
    assert.deepEqual(kept.map((f) => text.slice(f.span.start, f.span.end)), ['10%']);
  });
});

describe('hover', () => {
  const entry = articleEntry();

  it('describes an entity: name, kind, role, aliases, mentions and quotes', () => {
    const text = hoverText(entry, 'Jane Doe');
    assert.match(text, /\*\*Jane Doe\*\* — person/);
    assert.match(text, /Role: the mayor of Springfield/);
    assert.match(text, /Also: Doe/);
    assert.match(text, /1 mention, 1 quote/);
  });

  it('describes a figure with its value, qualifier and missing source', () => {
    const text = hoverText(entry, 'About 40%');
    assert.match(text, /percent/);
    assert.match(text, /Value: 40/);
    assert.match(text, /Qualifier: about/);
    assert.match(text, /no source/);
  });

  it('describes a sourced figure with its speaker', () => {
    assert.match(hoverText(entry, '300 homes'), /Source: Jane Doe \(from 'she', the last named speaker\)/);
  });

  it('says who spoke a quote and how the speaker was found', () => {
    const text = hoverText(entry, '“We will');
    assert.match(text, /speaker: Jane Doe \(from 'she', the last named speaker\)/);
  });

  it('resolves the words that name a source', () => {
    const at = entry.lines.positionAt(spanOf(ARTICLE, 'she said').start);
    const hover = hoverAt(entry, at);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /^\*\*Source\*\* of direct quote[\s\S]*speaker: Jane Doe \(from 'she'/);
    assert.equal(hover.range?.end.character, hover.range!.start.character + 3);
  });

  it('formats money with its currency and years without separators', () => {
    const money = { id: 'm', span: { start: 0, end: 1 }, text: '$24 billion', kind: 'money' as const, value: 24e9, unit: 'USD' };
    assert.equal(formatFigureValue(money), '$24,000,000,000');
    assert.equal(formatFigureValue({ ...money, kind: 'year', value: 2019, unit: undefined }), '2019');
    assert.equal(formatFigureValue({ ...money, kind: 'count', value: 10, valueMax: 20, unit: undefined }), '10–20');
    assert.equal(formatFigureValue({ ...money, value: undefined }), undefined);
  });

  it('gives the hovered range, and nothing outside any item', () => {
    const at = entry.lines.positionAt(spanOf(ARTICLE, 'Jane Doe').start + 2);
    assert.deepEqual(hoverAt(entry, at)?.range, entry.lines.rangeOf(spanOf(ARTICLE, 'Jane Doe')));
    assert.equal(hoverAt(entry, entry.lines.positionAt(spanOf(ARTICLE, 'spoke').start)), null);
  });
});

describe('document symbols', () => {
  it('group people, places and quotes with sensible kinds and valid ranges', () => {
    const symbols = documentSymbols(articleEntry());
    assert.deepEqual(symbols.map((s) => s.name), ['People', 'Places', 'Quotes']);
    const jane = symbols[0].children![0];
    assert.equal(jane.name, 'Jane Doe');
    assert.equal(jane.kind, SymbolKind.Object);
    assert.equal(jane.detail, 'the mayor of Springfield');
    const quote = symbols[2].children![0];
    assert.equal(quote.kind, SymbolKind.String);
    assert.match(quote.name, /^Jane Doe: “We will build 300 homes,”/);
  });
});

describe('claims', () => {
  it('resolve speakers, figures and entity names', () => {
    const [quote, statistic] = toClaimItems(articleEntry());
    assert.equal(quote.speaker, 'Jane Doe');
    assert.equal(quote.sourceText, 'she');
    assert.equal(quote.sourceHow, 'pronoun');
    assert.deepEqual(quote.entities, ['Jane Doe']);
    assert.deepEqual(quote.figures, [{ text: '300 homes', kind: 'count', value: 300, unit: 'homes' }]);
    assert.equal(statistic.sourced, false);
    assert.equal(statistic.speaker, undefined);
    assert.deepEqual(statistic.range.start, { line: 4, character: 0 });
  });
});

describe('code actions', () => {
  function apply(text: string, edit: TextEdit): string {
    const lines = new LineIndex(text);
    return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
  }

  it('offer an attribution placeholder, an ignore comment and turning the rule off', () => {
    const entry = articleEntry();
    const diagnostics = toDiagnostics(entry, DEFAULT_SETTINGS);
    const actions = codeActions(entry, diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add “according to …”',
      'Ignore this unsourced-figure finding',
      'Set severity of unsourced-figure to off',
    ]);
    const [attribution] = actions[0].edit!.changes!['file:///tmp/article.txt'];
    assert.match(apply(ARTICLE, attribution), /About 40% of residents rent, according to \[source\]\./);
    const [ignore] = actions[1].edit!.changes!['file:///tmp/article.txt'];
    const ignored = apply(ARTICLE, ignore);
    assert.match(ignored, /\nclaimlens-disable-next-line unsourced-figure\nAbout 40%/);
    assert.deepEqual(actions[2].command, { title: 'Set severity of unsourced-figure to off', command: SET_RULE_SEVERITY_COMMAND, arguments: ['unsourced-figure', 'off'] });
    // The comment really silences the finding once the text has it.
    const lines = new LineIndex(ignored);
    const moved = { ...entry.analysis.findings[0], span: spanOf(ignored, 'About 40%') };
    assert.equal(unsuppressedFindings([moved], ignored, lines).length, 0);
  });

  it('use an HTML comment in Markdown and extend an existing comment', () => {
    const entry = articleEntry({}, 'file:///tmp/article.md');
    const diagnostics = toDiagnostics(entry, DEFAULT_SETTINGS);
    const ignore = codeActions(entry, diagnostics[0].range, diagnostics)[1].edit!.changes!['file:///tmp/article.md'][0];
    assert.equal(ignore.newText, '<!-- claimlens-disable-next-line unsourced-figure -->\n');

    const text = 'x\n<!-- claimlens-disable-next-line vague-attribution -->\nAbout 40% rent.\n';
    const withComment = makeEntry('file:///tmp/b.md', 1, 'markdown', text, { ...articleEntry().analysis, sentences: [] });
    const range = withComment.lines.rangeOf(spanOf(text, 'About 40%'));
    const diagnostic = { range, code: 'unsourced-figure', source: 'ClaimLens', message: 'm' };
    const edit = codeActions(withComment, range, [diagnostic])[1].edit!.changes!['file:///tmp/b.md'][0];
    assert.equal(apply(text, edit), 'x\n<!-- claimlens-disable-next-line vague-attribution unsourced-figure -->\nAbout 40% rent.\n');
  });

  it('offer only turning the rule off for a file-level finding, which no comment can silence', () => {
    const entry = articleEntry();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const code of ['document-too-large', 'binary-content', 'analysis-failed']) {
      const actions = codeActions(entry, range, [{ range, code, source: 'ClaimLens', message: 'm' }]);
      assert.deepEqual(actions.map((a) => a.title), [`Set severity of ${code} to off`], code);
    }
  });

  it('ignore diagnostics from other sources', () => {
    const entry = articleEntry();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepEqual(codeActions(entry, range, [{ range, code: 'unsourced-figure', source: 'cSpell', message: 'x' }]), []);
  });
});

describe('size limit', () => {
  it('counts UTF-8 bytes like Buffer.byteLength', () => {
    for (const text of ['', 'abc', 'ümlaut', '日本', '😀x', '\ud800 lone']) assert.equal(utf8Length(text), Buffer.byteLength(text), text);
  });

  it('reports a too-large document at 0:0 without analysing it', () => {
    const analysis = analyzeWithinLimit('x'.repeat(2000), 1000);
    assert.equal(analysis.findings.length, 1);
    assert.equal(analysis.findings[0].code, 'document-too-large');
    assert.deepEqual(analysis.findings[0].span, { start: 0, end: 0 });
    assert.match(analysis.findings[0].message, /2 KB.*1000 bytes.*claimlens\.maxFileSize/);
    assert.equal(analysis.claims.length, 0);
  });
});
