// The ClaimLens command-line tool: the analysis core over files and folders, printing
// findings like a linter or exporting claims (the same export code as the server).
//   claimlens analyze <files or folders> [--format text|json|csv|md] [--out FILE] …
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExportFormat } from '../../protocol/requests';
import type { FindingCode, Severity } from './analysis/types';
import { makeEntry } from './analysisStore';
import { analyze } from './analysis';
import { describeFileError, tooLargeAnalysis } from './common/limits';
import { exportClaims, type ExportDocument } from './export';
import { toClaimItems } from './features/claims';
import { effectiveFindings } from './features/findings';
import { maskSuppressionComments } from './features/suppressions';
import { DEFAULT_MAX_FILE_SIZE, FINDING_CODES, parseSeveritySetting, type SeveritySetting } from './settings';
import { GENERATOR, VERSION } from './version';

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: claimlens analyze <files or folders…> [options]

Finds quotes, speakers, figures and claims in news articles and reports what has no source.
Folders are searched recursively (node_modules, .git and hidden folders are skipped).

Options:
  --format <text|json|csv|md>   text: findings like a linter (default);
                                json, csv, md: the claims export
  --out <file>                  write the output to a file (refuses to overwrite; see --force)
  --force                       allow --out to replace an existing file
  --include-ext <list>          extensions searched in folders (default: .txt,.md,.markdown)
  --max-file-size <bytes>       larger files are reported, not analysed (default: ${DEFAULT_MAX_FILE_SIZE})
  --severity <code=level>       override a rule's severity (error, warning, information,
                                hint, off); repeatable
  -h, --help                    show this help
  -v, --version                 show the version

Exit status: 0 no error-severity findings, 1 at least one, 2 usage error, unreadable path
or a file that could not be analysed.
`;

type OutputFormat = 'text' | 'json' | 'csv' | 'md';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  out?: string;
  force: boolean;
  includeExt: string[];
  maxFileSize: number;
  severity: Partial<Record<FindingCode, SeveritySetting>>;
}

class UsageError extends Error {}

const FORMAT_ALIASES: Record<string, OutputFormat> = { text: 'text', json: 'json', csv: 'csv', md: 'md', markdown: 'md' };

export function parseAnalyzeArgs(args: string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'text',
    force: false,
    includeExt: ['.txt', '.md', '.markdown'],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    severity: {},
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--format': {
        const raw = value();
        const format = FORMAT_ALIASES[raw.toLowerCase()];
        if (!format) throw new UsageError(`unknown format "${raw}" (use text, json, csv or md)`);
        options.format = format;
        break;
      }
      case '--out':
        options.out = value();
        break;
      case '--force':
        options.force = true;
        break;
      case '--include-ext':
        options.includeExt = value()
          .split(',')
          .map((ext) => ext.trim().toLowerCase())
          .filter((ext) => ext.length > 0)
          .map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
        if (options.includeExt.length === 0) throw new UsageError('--include-ext needs at least one extension');
        break;
      case '--max-file-size': {
        const raw = value();
        const size = Number(raw);
        if (!/^\d+$/.test(raw) || !Number.isSafeInteger(size)) throw new UsageError(`--max-file-size must be a number of bytes, not "${raw}"`);
        options.maxFileSize = size;
        break;
      }
      case '--severity': {
        const raw = value();
        const [code, level] = raw.split('=');
        const severity = parseSeveritySetting(level);
        if (!FINDING_CODES.includes(code as FindingCode) || !severity) {
          throw new UsageError(`--severity expects code=level, e.g. unsourced-figure=error (got "${raw}")`);
        }
        options.severity[code as FindingCode] = severity;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no files or folders given');
  return options;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files to analyse under `root`, depth first in sorted order; directories are read one at a time. */
async function* walk(root: string, includeExt: string[], onError: (file: string, error: unknown) => void): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch (error) {
    onError(root, error);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      yield* walk(full, includeExt, onError);
    } else if (entry.isFile() && includeExt.includes(path.extname(entry.name).toLowerCase())) {
      yield full;
    }
  }
}

/** Buffers output and respects stream backpressure. */
class Output {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WritableStream | undefined) {}
  readonly collected: string[] = [];

  async write(text: string): Promise<void> {
    if (!this.stream) {
      this.collected.push(text);
      return;
    }
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.stream || this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream!.once('drain', () => resolve()));
  }
}


interface Loaded {
  file: string;
  text?: string;
  size: number;
  error?: unknown;
}

async function load(file: string, maxFileSize: number): Promise<Loaded> {
  try {
    const stat = await fs.stat(file);
    // Too large: report without reading it into memory.
    if (stat.size > maxFileSize) return { file, size: stat.size };
    return { file, size: stat.size, text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    return { file, size: 0, error };
  }
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

export async function runAnalyze(options: CliOptions, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  let exitCode = EXIT_OK;
  const problem = (file: string, error: unknown): void => {
    stderr.write(`claimlens: cannot read '${file}': ${describeFileError(error)}\n`);
    exitCode = EXIT_USAGE;
  };

  // Every named path must exist before any work starts.
  const roots: { path: string; directory: boolean }[] = [];
  for (const given of options.paths) {
    try {
      const stat = await fs.stat(given);
      if (stat.isDirectory()) roots.push({ path: given, directory: true });
      else {
        await fs.access(given, fsConstants.R_OK);
        roots.push({ path: given, directory: false });
      }
    } catch (error) {
      problem(given, error);
    }
  }
  if (exitCode !== EXIT_OK) return exitCode;

  if (options.out !== undefined && !options.force) {
    const exists = await fs
      .access(options.out)
      .then(() => true)
      .catch(() => false);
    if (exists) {
      stderr.write(`claimlens: '${options.out}' already exists; use --force to replace it\n`);
      return EXIT_USAGE;
    }
  }

  const output = new Output(options.out === undefined ? stdout : undefined);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const exported: ExportDocument[] = [];
  let files = 0;
  let filesWithFindings = 0;
  /** Files whose analysis threw, and the first such error: told once, with its stack, at the end. */
  let failedAnalyses = 0;
  let firstFailure: { file: string; error: unknown } | undefined;

  async function* allFiles(): AsyncGenerator<string> {
    for (const root of roots) {
      if (root.directory) yield* walk(root.path, options.includeExt, problem);
      else yield root.path;
    }
  }

  // Read the next file while the current one is analysed: bounded to one file ahead.
  const iterator = allFiles();
  const next = async (): Promise<Loaded | undefined> => {
    const item = await iterator.next();
    return item.done ? undefined : load(item.value, options.maxFileSize);
  };
  let pending = next();
  for (;;) {
    const loaded = await pending;
    if (!loaded) break;
    pending = next();
    if (loaded.error !== undefined) {
      problem(loaded.file, loaded.error);
      continue;
    }
    files++;
    const text = loaded.text ?? '';
    // The size on disk was checked already; re-encoding a binary file's replacement
    // characters would overstate it.
    let analysis;
    try {
      analysis =
        loaded.text === undefined
          ? tooLargeAnalysis(0, loaded.size, options.maxFileSize)
          : analyze(maskSuppressionComments(text), { maxLength: options.maxFileSize });
    } catch (error) {
      // A bug in the analysis must not stop a run over thousands of files.
      stderr.write(`claimlens: analysing '${loaded.file}' failed: ${error instanceof Error ? error.message : String(error)}\n`);
      failedAnalyses++;
      firstFailure ??= { file: loaded.file, error };
      exitCode = EXIT_USAGE;
      continue;
    }
    const absolute = path.resolve(loaded.file);
    const entry = makeEntry(pathToFileURL(absolute).href, null, /\.(md|markdown)$/i.test(loaded.file) ? 'markdown' : 'plaintext', text, analysis);
    const findings = effectiveFindings(analysis, entry.lines, options.severity);
    if (findings.length > 0) filesWithFindings++;
    for (const { finding, severity } of findings) {
      counts[severity]++;
      if (options.format === 'text') {
        const at = entry.lines.positionAt(finding.span.start);
        await output.write(`${loaded.file}:${at.line + 1}:${at.character + 1} ${severity} ${finding.code} ${finding.message}\n`);
      }
    }
    if (options.format !== 'text') exported.push({ uri: entry.uri, path: loaded.file, claims: toClaimItems(entry) });
  }

  if (options.format === 'text') {
    const total = SEVERITY_ORDER.reduce((sum, level) => sum + counts[level], 0);
    const parts = SEVERITY_ORDER.filter((level) => counts[level] > 0 || level === 'error' || level === 'warning').map(
      (level) => `${counts[level]} ${level === 'information' ? 'info' : level}${counts[level] === 1 || level === 'information' ? '' : 's'}`,
    );
    await output.write(
      `${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${filesWithFindings} of ${files} file${files === 1 ? '' : 's'}\n`,
    );
  } else {
    const format: ExportFormat = options.format === 'md' ? 'markdown' : options.format;
    await output.write(exportClaims(exported, format, { generator: GENERATOR }).content);
  }
  await output.flush();

  if (options.out !== undefined) {
    // Write atomically: a temporary file renamed into place.
    const temporary = `${options.out}.${process.pid}.tmp`;
    try {
      await fs.writeFile(temporary, output.collected.join(''), { flag: options.force ? 'w' : 'wx' });
      if (!options.force && (await fs.access(options.out).then(() => true, () => false))) {
        throw Object.assign(new Error('file appeared while writing'), { code: 'EEXIST' });
      }
      await fs.rename(temporary, options.out);
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      stderr.write(`claimlens: cannot write '${options.out}': ${describeFileError(error)}\n`);
      return EXIT_USAGE;
    }
  }

  if (firstFailure) {
    const { file, error } = firstFailure;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    stderr.write(`claimlens: could not analyse ${failedAnalyses} of ${files} file${files === 1 ? '' : 's'}; the first failure, '${file}': ${detail}\n`);
  }
  if (exitCode !== EXIT_OK) return exitCode;
  return counts.error > 0 ? EXIT_ERROR_FINDINGS : EXIT_OK;
}

export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? stderr : stdout).write(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '-v' || command === '--version') {
    stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (command !== 'analyze') {
    stderr.write(`claimlens: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    stdout.write(USAGE);
    return EXIT_OK;
  }
  try {
    return await runAnalyze(parseAnalyzeArgs(rest), stdout, stderr);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`claimlens: ${error.message}\n\nRun "claimlens --help" for usage.\n`);
      return EXIT_USAGE;
    }
    stderr.write(`claimlens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // `claimlens analyze … | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`claimlens: ${String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
