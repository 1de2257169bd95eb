// Output snapshot of the analysis core: one hash of analyze()'s JSON per document, so a
// refactoring for speed can be checked byte-for-byte against the output before it.
//
//   npx tsx scripts/snapshot-analysis.ts OUT.tsv [--polnear DIR]… [--conll FILE]… [--mb 3]
//   npx tsx scripts/snapshot-analysis.ts --compare A.tsv B.tsv
//
// Documents: every file in samples/ and test/fixtures (recursively), the bench's
// generated corpus (articles and one large document), and, when their paths are given,
// the PolNeAR dev texts (DIR/text/*.txt) and the CoNLL dev documents rebuilt by the
// eval reader (both options may repeat: dev and train). Write OUT outside the repository (e.g. /tmp): corpus texts never enter it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { analyze } from '../server/src/analysis/index';
import { generateCorpus, generateLargeDocument } from '../bench/corpus';
import { readConll } from '../eval/readers/conll-file';

const root = path.resolve(__dirname, '..');

function arg(name: string): string | undefined {
  return args(name)[0];
}

/** Every value of a repeatable option. */
function args(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < process.argv.length; i++) if (process.argv[i] === `--${name}`) out.push(process.argv[i + 1]);
  return out;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

function* documents(): Generator<[string, string]> {
  for (const dir of ['samples', 'test/fixtures']) {
    for (const f of filesUnder(path.join(root, dir))) yield [path.relative(root, f), fs.readFileSync(f, 'utf8')];
  }
  const corpus = generateCorpus(Number(arg('mb') ?? '3') * 1024 * 1024);
  for (let i = 0; i < corpus.articles.length; i++) yield [`bench:article:${i}`, corpus.articles[i]];
  yield ['bench:large', generateLargeDocument(512 * 1024)];
  for (const polnear of args('polnear')) {
    const textDir = path.join(polnear, 'text');
    for (const f of fs.readdirSync(textDir).filter((n) => n.endsWith('.txt')).sort()) {
      yield [`polnear:${path.basename(polnear)}:${f}`, fs.readFileSync(path.join(textDir, f), 'utf8')];
    }
  }
  for (const conll of args('conll')) for (const d of readConll(conll)) yield [`conll:${path.basename(conll)}:${d.id}`, d.text];
}

function compare(a: string, b: string): number {
  const read = (f: string) => new Map(fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => l.split('\t') as [string, string]));
  const left = read(a);
  const right = read(b);
  let differing = 0;
  for (const [name, hash] of left) {
    if (right.get(name) !== hash) {
      differing++;
      if (differing <= 20) console.log(`differs: ${name}`);
    }
  }
  for (const name of right.keys()) if (!left.has(name)) { differing++; console.log(`only in ${b}: ${name}`); }
  console.log(`${left.size} documents, ${differing} differ`);
  return differing;
}

function main(): void {
  if (process.argv[2] === '--compare') {
    process.exitCode = compare(process.argv[3], process.argv[4]) === 0 ? 0 : 1;
    return;
  }
  const out = process.argv[2];
  if (!out || out.startsWith('--')) throw new Error('usage: snapshot-analysis.ts OUT.tsv [--polnear DIR] [--conll FILE] [--mb N]');
  const lines: string[] = [];
  let cpu = 0;
  let chars = 0;
  for (const [name, text] of documents()) {
    const t0 = process.cpuUsage();
    const result = analyze(text);
    const t = process.cpuUsage(t0);
    cpu += (t.user + t.system) / 1000;
    chars += text.length;
    const hash = crypto.createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 24);
    lines.push(`${name}\t${hash}`);
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${lines.length} documents, ${(chars / 1e6).toFixed(2)} M chars, analyze ${cpu.toFixed(0)} ms CPU → ${out}`);
}

main();
