// The built command-line tool, run as users run it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') dir = path.dirname(dir);
  return dir;
})();
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'claimlens.js');
const ARTICLES = path.join('test', 'fixtures', 'cli', 'articles');
const HARBOUR = path.join(ARTICLES, 'harbour.txt');
const CLINIC = path.join(ARTICLES, 'nested', 'clinic.md');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FINDING_LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) ([a-z-]+) (.+)$/;

describe('claimlens CLI', function () {
  this.timeout(60_000);
  let temp: string;

  before(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    temp = mkdtempSync(path.join(os.tmpdir(), 'claimlens-cli-'));
  });

  after(() => rmSync(temp, { recursive: true, force: true }));

  it('prints its version and help', () => {
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: claimlens analyze <files or folders…>/);
    assert.match(help.stdout, /--format <text\|json\|csv\|md>/);
    const none = run();
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage:/);
  });

  it('prints findings like a linter, recursing folders and skipping hidden ones', () => {
    const { status, stdout, stderr } = run('analyze', ARTICLES);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split('\n');
    const findings = lines.slice(0, -1).map((line) => {
      const match = FINDING_LINE.exec(line);
      assert.ok(match, `finding line: ${line}`);
      return match.slice(1, 6).join(' ');
    });
    // The suppressed "Nearly 3,000", the hidden draft and the .rst file are not reported.
    assert.deepEqual(findings, [`${HARBOUR} 13 1 warning unsourced-figure`, `${CLINIC} 3 44 warning unsourced-figure`]);
    assert.match(lines[0], /About 45,000/);
    assert.equal(lines.at(-1), '2 findings (0 errors, 2 warnings) in 2 of 2 files');
  });

  it('exits 1 when a finding has error severity', () => {
    const { status, stdout } = run('analyze', HARBOUR, '--severity', 'unsourced-figure=error');
    assert.equal(status, 1);
    assert.match(stdout, / error unsourced-figure /);
    assert.match(stdout, /1 finding \(1 error, 0 warnings\) in 1 of 1 file/);
    const off = run('analyze', HARBOUR, '--severity=unsourced-figure=off');
    assert.equal(off.status, 0);
    assert.equal(off.stdout, '0 findings (0 errors, 0 warnings) in 0 of 1 file\n');
  });

  it('takes other extensions with --include-ext, and any file named directly', () => {
    const rst = run('analyze', ARTICLES, '--include-ext', 'rst');
    assert.equal(rst.status, 0);
    assert.match(rst.stdout, /readme\.rst:1:1 warning unsourced-figure /);
    assert.match(rst.stdout, /in 1 of 1 file\n$/);
    const direct = run('analyze', path.join(ARTICLES, 'readme.rst'));
    assert.match(direct.stdout, /readme\.rst:1:1 warning unsourced-figure /);
  });

  it('exports claims as JSON, CSV and Markdown', () => {
    const json = run('analyze', ARTICLES, '--format', 'json');
    assert.equal(json.status, 0);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.schemaVersion, 1);
    assert.match(parsed.generator, /^ClaimLens \d+\.\d+\.\d+$/);
    assert.deepEqual(parsed.documents.map((d: { path: string }) => d.path), [HARBOUR, CLINIC]);
    assert.ok(parsed.documents[0].uri.startsWith('file:///'));
    const harbourClaims = parsed.documents[0].claims as { text: string; line: number; sourced: boolean }[];
    const unsourced = harbourClaims.find((claim) => claim.text.includes('About 45,000'));
    assert.ok(unsourced, JSON.stringify(harbourClaims));
    assert.equal(unsourced.line, 13);
    assert.equal(unsourced.sourced, false);

    const csv = run('analyze', ARTICLES, '--format', 'csv');
    assert.equal(csv.status, 0);
    const records = csv.stdout.split('\r\n');
    assert.equal(records[0], 'document,id,kind,line,column,sourced,speaker,source_text,how,vague,figures,entities,text');
    assert.equal(records.at(-1), '');
    const total = parsed.documents.reduce((sum: number, d: { claims: unknown[] }) => sum + d.claims.length, 0);
    assert.equal(records.length, total + 2);

    const md = run('analyze', ARTICLES, '--format', 'md');
    assert.equal(md.status, 0);
    assert.match(md.stdout, /^# Claims\n/);
    assert.ok(md.stdout.includes('## test/fixtures/cli/articles/harbour.txt'));
    assert.match(md.stdout, /\| 13 \| statistic \| \*\*no\*\* \|/);
  });

  it('writes --out files and never overwrites one without --force', () => {
    const out = path.join(temp, 'claims.json');
    const first = run('analyze', HARBOUR, '--format', 'json', '--out', out);
    assert.equal(first.status, 0);
    assert.equal(first.stdout, '');
    const written = readFileSync(out, 'utf8');
    assert.equal(JSON.parse(written).documents.length, 1);

    writeFileSync(out, 'keep me');
    const second = run('analyze', CLINIC, '--format', 'json', '--out', out);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /already exists; use --force/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');

    const forced = run('analyze', CLINIC, '--format', 'json', '--out', out, '--force');
    assert.equal(forced.status, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).documents[0].path, CLINIC);
  });

  it('fails with exit 2 and names a missing path', () => {
    const { status, stdout, stderr } = run('analyze', HARBOUR, 'no/such/article.txt');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read 'no\/such\/article\.txt': no such file or directory/);
  });

  it('fails with exit 2 on usage errors', () => {
    for (const args of [['analyze'], ['analyze', HARBOUR, '--format', 'xml'], ['analyze', HARBOUR, '--bogus'], ['analyze', HARBOUR, '--max-file-size', 'big'], ['analyse', HARBOUR], ['analyze', HARBOUR, '--severity', 'nope=off']]) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.ok(result.stderr.length > 0, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
  });

  it('counts lines and columns exactly with CRLF line endings and emoji', () => {
    const file = path.join(temp, 'crlf.txt');
    writeFileSync(file, 'Title 😀\r\n\r\nThe 😀 mayor spoke. About 45,000 vehicles cross the bridge every day.\r\n');
    const { stdout } = run('analyze', file);
    // Column in UTF-16 code units, as LSP counts: the emoji is two.
    assert.match(stdout, /crlf\.txt:3:21 warning unsourced-figure .*About 45,000/);
  });

  it('skips node_modules and .git, and survives empty, binary and over-size files', () => {
    const root = path.join(temp, 'tree');
    for (const dir of ['node_modules/pkg', '.git', 'sub']) mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/pkg/a.txt'), 'More than 70,000 people died.');
    writeFileSync(path.join(root, '.git/b.txt'), 'More than 70,000 people died.');
    writeFileSync(path.join(root, 'empty.txt'), '');
    writeFileSync(path.join(root, 'sub/binary.txt'), Buffer.from(Array.from({ length: 900 }, (_, i) => i % 256)));
    writeFileSync(path.join(root, 'sub/large.txt'), 'More than 70,000 people died. '.repeat(100));
    const { status, stdout, stderr } = run('analyze', root, '--max-file-size', '1000');
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.ok(!stdout.includes('node_modules') && !stdout.includes('.git'), stdout);
    assert.match(stdout, /sub\/binary\.txt:1:1 information binary-content /);
    assert.match(stdout, /sub\/large\.txt:1:1 information document-too-large .*2\.9 KB.*1000 bytes/);
    assert.match(stdout, /2 findings \(0 errors, 0 warnings, 2 info\) in 2 of 3 files\n$/);
  });

  it('names each file it could not analyse, then the count and the first error with its stack, and exits 2', () => {
    // A copy of the CLI bundle without models/ beside or above it: every analysis throws.
    const bin = path.join(temp, 'cli-without-models');
    mkdirSync(bin);
    const copy = path.join(bin, 'claimlens.js');
    writeFileSync(copy, readFileSync(CLI));
    const folder = path.join(temp, 'failing');
    mkdirSync(folder);
    for (const name of ['a.txt', 'b.md']) writeFileSync(path.join(folder, name), 'Harbour jobs\n\nAbout 40% of the 1,200 jobs are seasonal.\n');
    const result = spawnSync(process.execPath, [copy, 'analyze', folder], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 2);
    const lines = result.stderr.split('\n');
    assert.equal(lines.filter((line) => /^claimlens: analysing '.+\/(a\.txt|b\.md)' failed: ClaimLens model file models\//.test(line)).length, 2, result.stderr);
    const summary = lines.filter((line) => line.startsWith('claimlens: could not analyse'));
    assert.equal(summary.length, 1, result.stderr);
    assert.match(summary[0], /^claimlens: could not analyse 2 of 2 files; the first failure, '.+\/a\.txt': Error: ClaimLens model file models\//);
    assert.match(result.stderr, /\n\s+at /, 'with the stack');
    assert.match(result.stdout, /0 findings \(0 errors, 0 warnings\) in 0 of 2 files\n$/);
  });
});
