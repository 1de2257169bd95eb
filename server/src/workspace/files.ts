// Which files of a workspace folder are indexed: the include globs, minus the exclude
// globs, `files.exclude` and every .gitignore on the way (nested ones apply below their
// folder). Walks the folder without following symbolic links.
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface SelectionRules {
  include: string[];
  exclude: string[];
  /** `files.exclude` entries that are on (a `when` clause counts as on). */
  filesExclude: string[];
}

/** `files.exclude` as VS Code sends it: { glob: true | false | { when } }. */
export function enabledGlobs(filesExclude: unknown): string[] {
  if (typeof filesExclude !== 'object' || filesExclude === null) return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, value]) => value === true || (typeof value === 'object' && value !== null))
    .map(([glob]) => glob);
}

function matcher(globs: string[]): (relative: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

export class FileSelection {
  private readonly included: (relative: string) => boolean;
  private readonly excluded: (relative: string) => boolean;
  /** .gitignore rules by the folder (relative, '' for the root) that holds them; null: none there. */
  private readonly gitignores = new Map<string, Ignore | null>();

  constructor(
    readonly root: string,
    rules: SelectionRules,
  ) {
    this.included = matcher(rules.include);
    this.excluded = matcher([...rules.exclude, ...rules.filesExclude]);
  }

  private async gitignoreIn(relativeDir: string): Promise<Ignore | null> {
    const known = this.gitignores.get(relativeDir);
    if (known !== undefined) return known;
    let rules: Ignore | null = null;
    try {
      const content = await readFile(path.join(this.root, relativeDir, '.gitignore'), 'utf8');
      rules = ignore().add(content);
    } catch {
      rules = null;
    }
    this.gitignores.set(relativeDir, rules);
    return rules;
  }

  /** gitIgnored without waiting, when every .gitignore on the way is known already (the
   * walk has read them on its way down); undefined when one still has to be read. */
  private knownGitIgnored(relative: string, isDir: boolean): boolean | undefined {
    let slash = -1;
    do {
      const base = slash < 0 ? '' : relative.slice(0, slash);
      const rules = this.gitignores.get(base);
      if (rules === undefined) return undefined;
      if (rules && rules.ignores(relative.slice(slash + 1) + (isDir ? '/' : ''))) return true;
      slash = relative.indexOf('/', slash + 1);
    } while (slash >= 0);
    return false;
  }

  /** Whether a .gitignore in `relative`'s ancestors ignores it (`isDir`: test as a folder). */
  private async gitIgnored(relative: string, isDir: boolean): Promise<boolean> {
    const known = this.knownGitIgnored(relative, isDir);
    if (known !== undefined) return known;
    const parts = relative.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join('/');
      const rules = await this.gitignoreIn(base);
      if (!rules) continue;
      const below = parts.slice(depth).join('/') + (isDir ? '/' : '');
      if (rules.ignores(below)) return true;
    }
    return false;
  }

  private excludedDir(relative: string): boolean {
    // "**/node_modules/**" names the folder's contents; test the folder and a child.
    return this.excluded(relative) || this.excluded(`${relative}/`) || this.excluded(`${relative}/x`);
  }

  /** Whether a file (path relative to the root, '/'-separated) is selected, .gitignore included. */
  async selects(relative: string): Promise<boolean> {
    if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    if (!this.included(relative) || this.excluded(relative)) return false;
    const parts = relative.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (this.excludedDir(dir) || (await this.gitIgnored(dir, true))) return false;
    }
    return !(await this.gitIgnored(relative, false));
  }

  selectsPath(absolute: string): Promise<boolean> {
    return this.selects(toPosix(path.relative(this.root, absolute)));
  }

  /** Forgets cached .gitignore rules (one changed). */
  resetGitignores(): void {
    this.gitignores.clear();
  }

  /** Every selected file under the root, as absolute paths, in a stable order. Stops early
   * when `cancelled` says so. `onFound` hears each folder's files as soon as that folder is
   * read (in the same order), so that indexing can start before the walk ends. */
  async walk(cancelled: () => boolean = () => false, onFound?: (files: string[]) => void): Promise<string[]> {
    const files: string[] = [];
    let reported = 0;
    // path.join(root, relative) by concatenation: the root (normalised, ending in one
    // separator) once, then names that readdir gives (never '.', '..' or separators), so
    // that each file costs one string rather than path.join's normalisation.
    const rootPrefix = path.join(this.root, 'x').slice(0, -1);
    const absolute = path.sep === '/' ? (relative: string) => rootPrefix + relative : (relative: string) => rootPrefix + relative.split('/').join(path.sep);
    const visit = async (relativeDir: string): Promise<void> => {
      if (cancelled()) return;
      let entries;
      try {
        entries = await readdir(path.join(this.root, relativeDir), { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      let sinceYield = 0;
      for (const entry of entries) {
        // Matching is synchronous work: let requests (hovers) in every few hundred entries.
        if (++sinceYield === 256) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
          if (cancelled()) return;
        }
        const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (this.excludedDir(relative)) continue;
          if (this.knownGitIgnored(relative, true) ?? (await this.gitIgnored(relative, true))) continue;
          subdirs.push(relative);
        } else if (entry.isFile()) {
          if (!this.included(relative) || this.excluded(relative)) continue;
          // Without waiting where the rules are known: a promise per file adds up over 10,000.
          if (this.knownGitIgnored(relative, false) ?? (await this.gitIgnored(relative, false))) continue;
          files.push(absolute(relative));
        }
      }
      if (onFound && files.length > reported) {
        onFound(files.slice(reported));
        reported = files.length;
      }
      for (const dir of subdirs) await visit(dir);
    };
    await visit('');
    return files;
  }
}

/** A file name that a file: URL holds as it is (no percent-encoding). */
const URL_SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** pathToFileURL(file).href of each file, with each folder's URL made once: a folder of
 * 10,000 articles then costs 100 URL parses, not 10,000. */
export function fileUris(files: readonly string[]): string[] {
  const folderHrefs = new Map<string, string>();
  return files.map((file) => {
    const name = path.basename(file);
    if (!URL_SAFE_NAME.test(name)) return pathToFileURL(file).href;
    const folder = path.dirname(file);
    let href = folderHrefs.get(folder);
    if (href === undefined) {
      href = pathToFileURL(folder).href;
      if (!href.endsWith('/')) href += '/';
      folderHrefs.set(folder, href);
    }
    return href + name;
  });
}
