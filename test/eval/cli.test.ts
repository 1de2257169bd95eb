import * as assert from 'assert';
import { evaluateCorpus, formatErrors, parseArgs, replaceBetweenMarkers } from '../../eval/cli';
import { formatMarkdown, formatText } from '../../eval/format';
import { evaluateDocuments } from '../../eval/run';
import type { System } from '../../eval/systems';
import { compromise } from '../../eval/systems';
import { fixturePath } from './fixtures';

/** A system that finds nothing. */
function empty(): System {
  return { name: 'empty', run: () => ({ entities: [], attributions: [], quotes: [] }) };
}

describe('eval command', () => {
  it('parses its options', () => {
    const options = parseArgs(['gum', 'x/dep', '--split', 'dev', '--json', '--errors', '5', '--systems', 'ours']);
    assert.strictEqual(options.kind, 'gum');
    assert.strictEqual(options.target, 'x/dep');
    assert.strictEqual(options.split, 'dev');
    assert.strictEqual(options.json, true);
    assert.strictEqual(options.errors, 5);
    assert.deepStrictEqual(options.systems, ['ours']);
    assert.throws(() => parseArgs(['gum', 'x', '--split', 'test']));
  });

  it('scores a perfect system at 100 and an empty one at 0, side by side', () => {
    const { result } = evaluateCorpus('conll', fixturePath('mini.conll'), { split: 'all', systems: ['ours'] });
    const documents = [{ id: 'a', text: 'Ada met Bo in Rimport.', entities: [{ type: 'PER' as const, start: 0, end: 3 }, { type: 'LOC' as const, start: 14, end: 21 }] }];
    const perfect: System = { name: 'perfect', run: () => ({ entities: documents[0].entities, attributions: [], quotes: [] }) };
    const both = evaluateDocuments('t', 't', documents, [perfect, empty()]).result;
    assert.strictEqual(both.systems[0].entities?.overall.f1, 1);
    assert.strictEqual(both.systems[1].entities?.overall.f1, 0);
    assert.strictEqual(both.gold.entities?.PER, 1);
    const table = formatText(both);
    assert.match(table, /Entities micro\s+2\s+100\.0\s+100\.0\s+100\.0\s+0\.0\s+0\.0\s+0\.0/);
    assert.match(formatMarkdown(both), /^\| {2}\| gold \| perfect P \|.*\| empty F1 \|/);
    assert.strictEqual(result.documents, 2);
  });

  it('maps compromise people, places and quotations to clean character spans', () => {
    const text = 'In Rimport, Ada Brightwater said \u201Cwe are ready.\u201D Later she left.';
    const output = compromise.run(text);
    const spans = output.entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
    assert.ok(spans.includes('PER:Ada Brightwater'), spans.join(', '));
    assert.ok(!spans.some((s) => /[,.]$/.test(s)), 'no trailing punctuation');
    assert.deepStrictEqual(output.quotes.map((q) => text.slice(q.span.start, q.span.end)), ['\u201Cwe are ready.\u201D']);
  });

  it('prints evenly spread error samples per group', () => {
    const documents = [{ id: 'a', text: 'Ada met Bo in Rimport.' }];
    const report = formatErrors(
      [
        { doc: 'a', kind: 'fn', label: 'PER', span: { start: 0, end: 3 } },
        { doc: 'a', kind: 'fn', label: 'PER', span: { start: 8, end: 10 } },
        { doc: 'a', kind: 'fp', label: 'LOC', span: { start: 14, end: 21 } },
      ],
      documents,
      1,
    );
    assert.match(report, /== FN PER: 2\n {2}\[a\] …\[\[Ada\]\] met Bo in/);
    assert.match(report, /== FP LOC: 1\n {2}\[a\] …Ada met Bo in \[\[Rimport\]\]\.…/);
  });

  it('replaces a report table between its markers only', () => {
    const doc = 'a\n<!-- eval:gum:start -->\nold\n<!-- eval:gum:end -->\nb\n';
    assert.strictEqual(replaceBetweenMarkers(doc, 'gum', 'new\n'), 'a\n<!-- eval:gum:start -->\nnew\n<!-- eval:gum:end -->\nb\n');
    assert.strictEqual(replaceBetweenMarkers(doc, 'conll', 'x'), doc);
  });
});
