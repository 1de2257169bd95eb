// `npm run eval -- <conll|gum|polnear|figures|report> <path> [--json] [--split dev|train|all]
//                  [--errors N] [--errors-file FILE] [--errors-system NAME] [--systems a,b]`
// Reads a corpus, runs our analysis core and compromise on every document, prints the table.
import * as fs from 'fs';
import * as path from 'path';
import type { ErrorSample } from './metrics';
import { formatMarkdown, formatText } from './format';
import { readConll } from './readers/conll-file';
import { GumSplit, readGum } from './readers/gum';
import { readPolnear } from './readers/polnear';
import { CorpusResult, evaluateDocuments } from './run';
import type { GoldDocument } from './spans';
import { SYSTEMS } from './systems';

const USAGE = `usage: npm run eval -- <conll|gum|polnear|figures> <path> [--json] [--split dev|train|all]
                       [--errors N] [--errors-file FILE] [--errors-system ours|compromise] [--systems ours,compromise]
       npm run eval -- report [<eval root, default ../shared/eval>] [--doc docs/accuracy.md]`;

interface CliOptions {
  kind: string;
  target?: string;
  json: boolean;
  split: GumSplit;
  errors: number;
  errorsFile?: string;
  errorsSystem: string;
  systems?: string[];
  doc: string;
}

export function parseArgs(argv: string[]): CliOptions {
  const positional: string[] = [];
  const options: CliOptions = { kind: '', json: false, split: 'all', errors: 0, errorsSystem: 'ours', doc: 'docs/accuracy.md' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--split') {
      const split = value();
      if (split !== 'dev' && split !== 'train' && split !== 'all') throw new Error(`--split: dev, train or all, not ${split}`);
      options.split = split;
    } else if (arg === '--errors') options.errors = Math.max(0, Number.parseInt(value(), 10) || 0);
    else if (arg === '--errors-file') options.errorsFile = value();
    else if (arg === '--errors-system') options.errorsSystem = value();
    else if (arg === '--systems') options.systems = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--doc') options.doc = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  options.kind = positional[0] ?? '';
  options.target = positional[1];
  return options;
}

export function readCorpus(kind: string, target: string, split: GumSplit): GoldDocument[] {
  if (kind === 'conll') return readConll(target);
  if (kind === 'gum') return readGum(target, split);
  if (kind === 'polnear') return readPolnear(target);
  throw new Error(`unknown corpus kind ${kind}\n${USAGE}`);
}

export function evaluateCorpus(kind: string, target: string, options: Pick<CliOptions, 'split' | 'systems'> & { collectErrors?: Set<string> }) {
  const documents = readCorpus(kind, target, options.split);
  const systems = options.systems ? SYSTEMS.filter((s) => options.systems?.includes(s.name)) : SYSTEMS;
  if (systems.length === 0) throw new Error(`--systems: choose among ${SYSTEMS.map((s) => s.name).join(', ')}`);
  const label = kind === 'gum' && options.split !== 'all' ? `gum (${options.split})` : kind;
  return { ...evaluateDocuments(label, target, documents, systems, { collectErrors: options.collectErrors }), documents };
}

/** Evenly spread samples of each error group, with a little context, for error analysis. */
export function formatErrors(samples: ErrorSample[], documents: GoldDocument[], perGroup: number): string {
  const textById = new Map(documents.map((d) => [d.id, d.text]));
  const groups = new Map<string, ErrorSample[]>();
  for (const sample of samples) {
    const key = `${sample.kind.toUpperCase()} ${sample.label}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const lines: string[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`== ${key}: ${group.length}`);
    const step = Math.max(1, Math.floor(group.length / Math.max(1, perGroup)));
    for (let i = 0, shown = 0; i < group.length && shown < perGroup; i += step, shown++) {
      const sample = group[i];
      const text = textById.get(sample.doc) ?? '';
      const flat = (s: string) => s.replace(/\s+/g, ' ');
      const left = flat(text.slice(Math.max(0, sample.span.start - 50), sample.span.start));
      const middle = flat(text.slice(sample.span.start, Math.min(sample.span.end, sample.span.start + 300)));
      const right = flat(text.slice(sample.span.end, sample.span.end + 30));
      lines.push(`  [${sample.doc}] …${left}[[${middle}]]${right}…${sample.note ? `  (${sample.note})` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

interface FiguresModule {
  evaluateFigures(setPath: string): unknown;
  formatFigureReport?(report: unknown): string;
}

/** eval/figures.ts is written separately; loaded at run time so this CLI builds without it. */
async function runFigures(target: string, json: boolean): Promise<void> {
  let figures: FiguresModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    figures = require('./figures') as FiguresModule;
  } catch (error) {
    throw new Error(`figures evaluation is not available (eval/figures.ts): ${(error as Error).message}`);
  }
  const result = await Promise.resolve(figures.evaluateFigures(target));
  if (!json && figures.formatFigureReport) process.stdout.write(figures.formatFigureReport(result));
  else if (typeof result === 'string') process.stdout.write(result.endsWith('\n') ? result : `${result}\n`);
  else if (!json && result && typeof result === 'object' && typeof (result as { table?: unknown }).table === 'string') {
    process.stdout.write(`${(result as { table: string }).table}\n`);
  } else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** The corpora the report regenerates, relative to the eval root. */
const REPORT_RUNS: { id: string; kind: string; relative: string; split: GumSplit }[] = [
  { id: 'conll', kind: 'conll', relative: 'conll2003/dev.txt', split: 'all' },
  { id: 'gum', kind: 'gum', relative: 'gum/dep', split: 'dev' },
  { id: 'polnear', kind: 'polnear', relative: 'polnear/dev', split: 'all' },
];

/** Replaces the text between `<!-- eval:ID:start -->` and `<!-- eval:ID:end -->` markers. */
export function replaceBetweenMarkers(doc: string, id: string, body: string): string {
  const start = `<!-- eval:${id}:start -->`;
  const end = `<!-- eval:${id}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) return doc;
  return `${doc.slice(0, from + start.length)}\n${body}${doc.slice(to)}`;
}

/** The checkout's commit, so a table says which core it measured ("" outside git). */
function currentCommit(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('child_process') as typeof import('child_process');
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server/src/analysis'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} + uncommitted core changes` : head;
  } catch {
    return '';
  }
}

function runReport(root: string, docPath: string): void {
  let doc = fs.readFileSync(docPath, 'utf8');
  const commit = currentCommit();
  const results: CorpusResult[] = [];
  for (const run of REPORT_RUNS) {
    const target = path.join(root, run.relative);
    const { result } = evaluateCorpus(run.kind, target, { split: run.split });
    results.push(result);
    const shownPath = path.relative(process.cwd(), target) || target;
    const measured = commit ? `, measured at ${commit}` : '';
    const summary = `${result.documents} documents, ${result.characters.toLocaleString('en-US')} characters (\`${shownPath}\`${measured}).\n\n`;
    doc = replaceBetweenMarkers(doc, run.id, summary + formatMarkdown(result));
    process.stdout.write(formatText(result) + '\n');
  }
  fs.writeFileSync(docPath, doc);
  process.stdout.write(`updated ${docPath}\n`);
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.kind === 'report') {
    runReport(options.target ?? path.join('..', 'shared', 'eval'), options.doc);
    return 0;
  }
  if (!options.kind || !options.target) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(options.target)) {
    process.stderr.write(`no such file or folder: ${options.target}\n`);
    return 2;
  }
  if (options.kind === 'figures') {
    await runFigures(options.target, options.json);
    return 0;
  }
  const collect = options.errors > 0 ? new Set([options.errorsSystem]) : undefined;
  const { result, errors, documents } = evaluateCorpus(options.kind, options.target, { ...options, collectErrors: collect });
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatText(result));
  if (options.errors > 0) {
    const report = formatErrors(errors.get(options.errorsSystem) ?? [], documents, options.errors);
    if (options.errorsFile) fs.writeFileSync(options.errorsFile, report);
    else process.stderr.write(report);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
