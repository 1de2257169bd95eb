import * as assert from 'node:assert/strict';
import type { ClaimItem } from '../../protocol/requests';
import { exportClaims, toCsv, toJson, toMarkdown, type ExportDocument } from '../../server/src/export';
import { csvField, neutralizeFormula } from '../../server/src/export/csv';
import { toClaimItems } from '../../server/src/features/claims';
import { articleEntry } from './helpers';

const generator = 'ClaimLens test';

function claim(text: string, extra: Partial<ClaimItem> = {}): ClaimItem {
  return {
    id: `id-${text.length}`,
    kind: 'statement',
    text,
    range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 + text.length } },
    sourced: false,
    figures: [],
    entities: [],
    ...extra,
  };
}

/** A minimal RFC 4180 parser for checking the output round-trips. */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && content[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field, '', 'content ends with CRLF');
  return rows;
}

describe('export: JSON', () => {
  it('carries the schema version, generator and per-claim fields', () => {
    const documents: ExportDocument[] = [{ uri: 'file:///a.txt', path: '/a.txt', claims: toClaimItems(articleEntry()) }];
    const parsed = JSON.parse(toJson(documents, { generator }));
    assert.equal(parsed.schemaVersion, 1);
    assert.equal(parsed.generator, generator);
    assert.equal(parsed.documents[0].path, '/a.txt');
    const [quote, statistic] = parsed.documents[0].claims;
    assert.equal(quote.speaker, 'Jane Doe');
    assert.equal(quote.how, 'pronoun');
    assert.equal(quote.sourceText, 'she');
    assert.equal(quote.line, 3);
    assert.equal(quote.column, 1);
    assert.deepEqual(quote.entities, ['Jane Doe']);
    assert.equal(statistic.sourced, false);
    assert.equal(statistic.speaker, null);
    assert.equal(statistic.figures[0].qualifier, 'about');
  });

  it('is deterministic', () => {
    const documents: ExportDocument[] = [{ uri: 'file:///a.txt', claims: toClaimItems(articleEntry()) }];
    assert.equal(toJson(documents, { generator }), toJson(documents, { generator }));
  });
});

describe('export: CSV', () => {
  it('uses CRLF records, quotes fields with commas, quotes and newlines, doubles quotes', () => {
    const tricky = 'He said "no", then\nleft';
    const content = toCsv([{ uri: 'file:///a.txt', path: 'a, b.txt', claims: [claim(tricky)] }]);
    assert.ok(content.endsWith('\r\n'));
    assert.ok(content.includes('"He said ""no"", then\nleft"'));
    const rows = parseCsv(content);
    assert.equal(rows.length, 2);
    assert.equal(rows[0].length, rows[1].length);
    const header = rows[0];
    assert.equal(rows[1][header.indexOf('text')], tricky);
    assert.equal(rows[1][header.indexOf('document')], 'a, b.txt');
    assert.equal(rows[1][header.indexOf('line')], '3');
    assert.equal(rows[1][header.indexOf('column')], '5');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutralizeFormula(`${start}1+1`), `'${start}1+1`);
    assert.equal(neutralizeFormula('plain'), 'plain');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    const rows = parseCsv(toCsv([{ uri: 'u', claims: [claim('=cmd|calc', { speaker: '@evil', figures: [{ text: '-5', kind: 'count' }] })] }]));
    const header = rows[0];
    assert.equal(rows[1][header.indexOf('text')], "'=cmd|calc");
    assert.equal(rows[1][header.indexOf('speaker')], "'@evil");
    assert.equal(rows[1][header.indexOf('figures')], "'-5");
  });

  it('writes only the header for no claims', () => {
    assert.equal(parseCsv(toCsv([])).length, 1);
  });
});

describe('export: Markdown', () => {
  it('has a heading per document and a table row per claim with its line', () => {
    const content = toMarkdown(
      [
        { uri: 'file:///a.txt', path: 'a.txt', claims: toClaimItems(articleEntry()) },
        { uri: 'file:///b.txt', path: 'b.txt', claims: [] },
      ],
      { generator },
    );
    assert.match(content, /^# Claims/);
    assert.match(content, /\n## a\.txt\n/);
    assert.match(content, /\n## b\.txt\n\nNo claims found\./);
    assert.match(content, /\| 3 \| quote \| yes \| Jane Doe \| “We will build 300 homes,” she said\. \|/);
    assert.match(content, /\| 5 \| statistic \| \*\*no\*\* \|/);
  });

  it('escapes pipes and flattens line breaks so the table holds', () => {
    const content = toMarkdown([{ uri: 'u', claims: [claim('a | b\nc <b>')] }], { generator });
    const row = content.split('\n').find((line) => line.startsWith('| 3 '));
    assert.ok(row);
    assert.ok(row.includes('a \\| b c &lt;b\\>'), row);
    assert.equal(row.split(/(?<!\\)\|/).length, 7);
  });
});

describe('exportClaims', () => {
  it('counts documents and claims for every format', () => {
    const documents: ExportDocument[] = [{ uri: 'file:///a.txt', claims: toClaimItems(articleEntry()) }];
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const result = exportClaims(documents, format, { generator });
      assert.equal(result.documents, 1);
      assert.equal(result.claims, 2);
      assert.ok(result.content.length > 0);
    }
  });
});
