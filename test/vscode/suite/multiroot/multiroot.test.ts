// Workspace analysis in a real VS Code on a multi-root workspace (issue 4): both folders
// indexed on startup, workspace symbols and references across the roots, a per-folder
// claimlens.workspace.exclude, files.exclude and .gitignore, the watcher in the second
// root, and a folder removed from (and added back to) the workspace. The fixture is
// test/vscode/multiroot: two folders, metro-desk and foreign-desk, each with an embargoed/
// subfolder that only foreign-desk excludes, in its own .vscode/settings.json (which also
// hides wire-copy/ with files.exclude), and a notes/ subfolder that only metro-desk's
// .gitignore leaves out.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ClaimLensApi, ClaimsNode } from '../../../../client/src/api';
import { activateClaimLens, shownClaims as listShownClaims, show, waitFor, type ShownClaim } from '../util';


const METRO = ['metro-desk/transit/tram-strike.txt', 'metro-desk/council/water-rates.md', 'metro-desk/embargoed/budget-leak.txt'];
const FOREIGN = ['foreign-desk/europe/summit-report.txt', 'foreign-desk/asia/port-deal.news', 'foreign-desk/notes/stringer-notes.txt'];
/** Excluded by foreign-desk's own claimlens.workspace.exclude; metro-desk's embargoed/ is indexed. */
const FOREIGN_EXCLUDED = 'foreign-desk/embargoed/summit-preview.txt';
/** Never indexed, each naming Helga Brandt: excluded by foreign-desk's settings
 * (claimlens.workspace.exclude, files.exclude) or ignored by metro-desk's .gitignore. */
const NOT_INDEXED = [FOREIGN_EXCLUDED, 'foreign-desk/wire-copy/agency-feed.txt', 'metro-desk/notes/tip-off.txt'];

describe('ClaimLens in a real VS Code multi-root workspace', function () {
  this.timeout(120_000);

  let api: ClaimLensApi;
  /** The two folders as the workspace opened them (kept after one is removed). */
  let metro: vscode.WorkspaceFolder;
  let foreign: vscode.WorkspaceFolder;

  /** "folder-name/relative/path" for a file under one of the two folders, else its URI. */
  function labelOf(uri: string | vscode.Uri): string {
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    for (const folder of [metro, foreign]) {
      const relative = path.relative(folder.uri.fsPath, target.fsPath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return `${folder.name}/${relative.split(path.sep).join('/')}`;
    }
    return target.toString();
  }
  const fileUri = (label: string) => {
    const [name, ...rest] = label.split('/');
    const folder = [metro, foreign].find((candidate) => candidate.name === name);
    assert.ok(folder, `no folder named ${name}`);
    return vscode.Uri.joinPath(folder.uri, ...rest);
  };

  async function shownDocuments(): Promise<string[]> {
    const roots = await api.claimsView.getChildren();
    return roots.flatMap((node) => (node.type === 'document' ? [labelOf(node.uri)] : []));
  }

  const shownClaims = (): Promise<ShownClaim[]> => listShownClaims(api.claimsView, labelOf);

  async function symbolFiles(query: string): Promise<Set<string>> {
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
    return new Set(symbols.map((symbol) => labelOf(symbol.location.uri)));
  }

  const includesAll = (shown: Iterable<string>, wanted: string[]) => {
    const set = new Set(shown);
    return wanted.every((label) => set.has(label));
  };

  before(async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepStrictEqual(
      folders.map((folder) => folder.name),
      ['metro-desk', 'foreign-desk'],
      'the multi-root fixture opens with its two folders',
    );
    [metro, foreign] = folders;
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('/newsdesk.code-workspace'), `workspace file: ${vscode.workspace.workspaceFile}`);
    api = await activateClaimLens();
    await api.claimsView.setFilter(undefined);
    await api.claimsView.setScope('workspace');
  });

  after(async () => {
    await api?.claimsView.setFilter(undefined);
  });

  it('indexes the files of both folders on startup, labelled by folder, without opening them', async () => {
    const status = await waitFor(
      'an idle index of both folders',
      () => api.indexStatus(),
      (value) => value !== undefined && !value.indexing && value.files >= METRO.length + FOREIGN.length,
      60_000,
    );
    assert.ok(status && status.claims > 0, `the index counts claims: ${show(status)}`);
    await vscode.commands.executeCommand('claimlens.scopeWorkspace');
    const shown = await waitFor('both folders in the workspace scope', shownDocuments, (labels) => includesAll(labels, [...METRO, ...FOREIGN]));
    const opened = vscode.workspace.textDocuments.map((document) => labelOf(document.uri));
    for (const label of [...METRO, ...FOREIGN]) assert.ok(!opened.includes(label), `${label} was opened in an editor`);
    assert.ok(shown.every((label) => label.startsWith('metro-desk/') || label.startsWith('foreign-desk/')), `only files of the two folders: ${show(shown)}`);

    // In a multi-root workspace a document is labelled with its folder's name first.
    const node = (await api.claimsView.getChildren()).find(
      (item): item is Extract<ClaimsNode, { type: 'document' }> => item.type === 'document' && labelOf(item.uri) === 'foreign-desk/asia/port-deal.news',
    );
    assert.ok(node && node.count > 0, 'port-deal.news has claims');
    assert.strictEqual(String(api.claimsView.getTreeItem(node).label), 'foreign-desk/asia/port-deal.news');
    const claims = await shownClaims();
    assert.ok(
      claims.some((item) => item.path === 'foreign-desk/asia/port-deal.news' && item.claim.kind === 'quote' && item.claim.speaker === 'Ana Ferreira'),
      `Ferreira's quote in the second folder: ${show(claims.filter((item) => item.path.startsWith('foreign-desk/')))}`,
    );
    assert.ok(
      claims.some((item) => item.path === 'metro-desk/council/water-rates.md' && item.claim.kind === 'quote' && item.claim.speaker === 'Oskar Lind'),
      `Lind's quote in the first folder: ${show(claims.filter((item) => item.path.startsWith('metro-desk/')))}`,
    );
  });

  it("applies each folder's own claimlens.workspace.exclude, files.exclude and .gitignore", async () => {
    // The fixture as VS Code resolves it: only foreign-desk excludes embargoed/.
    const excludeOf = (folder: vscode.WorkspaceFolder) => vscode.workspace.getConfiguration('claimlens', folder.uri).get<string[]>('workspace.exclude') ?? [];
    assert.ok(excludeOf(foreign).includes('**/embargoed/**'), `foreign-desk excludes embargoed/: ${show(excludeOf(foreign))}`);
    assert.ok(!excludeOf(metro).includes('**/embargoed/**'), `metro-desk does not: ${show(excludeOf(metro))}`);

    const filesExcludeOf = (folder: vscode.WorkspaceFolder) => vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    assert.strictEqual(filesExcludeOf(foreign)['**/wire-copy'], true, 'foreign-desk hides wire-copy/');
    assert.strictEqual(filesExcludeOf(metro)['**/wire-copy'], undefined, 'metro-desk does not');

    // Each folder's settings and .gitignore apply to that folder only.
    const shown = await waitFor(
      "the other folder's namesakes indexed",
      shownDocuments,
      (labels) => includesAll(labels, ['metro-desk/embargoed/budget-leak.txt', 'foreign-desk/notes/stringer-notes.txt']),
    );
    const brandt = await waitFor('Brandt in metro-desk/embargoed', () => symbolFiles('Brandt'), (files) => files.has('metro-desk/embargoed/budget-leak.txt'));
    for (const label of NOT_INDEXED) {
      assert.ok(!shown.includes(label), `${label} is excluded or ignored in its folder, yet listed`);
      assert.ok(!brandt.has(label), `${label} is excluded or ignored in its folder, yet has workspace symbols`);
    }
  });

  it('finds an entity with workspace symbols in both folders', async () => {
    const files = await waitFor(
      'workspace symbols for "Brandt" in both folders',
      () => symbolFiles('Brandt'),
      (found) => found.has('metro-desk/transit/tram-strike.txt') && found.has('foreign-desk/europe/summit-report.txt'),
    );
    for (const label of NOT_INDEXED) assert.ok(!files.has(label), `${label} is not indexed, yet found`);
    assert.ok(!files.has('foreign-desk/asia/port-deal.news'), 'an article that does not name her is not found');
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Brandt')) ?? [];
    assert.ok(symbols.every((symbol) => /Brandt/.test(symbol.name)), `symbols are named after her: ${show(symbols.map((symbol) => symbol.name))}`);
    const ferreira = await symbolFiles('Ferreira');
    assert.deepStrictEqual([...ferreira], ['foreign-desk/asia/port-deal.news'], 'a name in one folder only is found there only');
  });

  it('finds references of an entity across the two folders', async () => {
    const strike = await vscode.workspace.openTextDocument(fileUri('metro-desk/transit/tram-strike.txt'));
    await vscode.window.showTextDocument(strike);
    const text = strike.getText();
    const bare = /(?<!Helga )\bBrandt\b/.exec(text);
    assert.ok(bare, 'the article mentions "Brandt" alone');
    const position = strike.positionAt(bare.index + 2);
    const references = await waitFor(
      'references of Brandt in both folders',
      async () => (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', strike.uri, position)) ?? [],
      (found) => includesAll(found.map((location) => labelOf(location.uri)), ['metro-desk/transit/tram-strike.txt', 'foreign-desk/europe/summit-report.txt']),
    );
    const files = new Set(references.map((location) => labelOf(location.uri)));
    assert.ok(files.has('metro-desk/embargoed/budget-leak.txt'), `metro-desk's embargoed article is indexed and referenced: ${show([...files])}`);
    for (const label of NOT_INDEXED) assert.ok(!files.has(label), `${label} is not indexed, yet referenced`);
    // The references in the other folder's unopened file cover her name there.
    const report = await vscode.workspace.fs.readFile(fileUri('foreign-desk/europe/summit-report.txt'));
    const reportLines = Buffer.from(report).toString('utf8').split('\n');
    const inReport = references.filter((location) => labelOf(location.uri) === 'foreign-desk/europe/summit-report.txt');
    assert.ok(inReport.length >= 2, `her full name and "Brandt" in the summit report: ${show(inReport)}`);
    for (const location of inReport) {
      assert.strictEqual(location.range.start.line, location.range.end.line);
      const covered = reportLines[location.range.start.line].slice(location.range.start.character, location.range.end.character);
      assert.match(covered, /Brandt/, `a reference covers her name: ${show(location)}`);
    }
  });

  it('filters the claims of both folders by speaker', async () => {
    await api.claimsView.setFilter({ speaker: 'Helga Brandt', kinds: ['quote'] });
    try {
      const claims = await shownClaims();
      assert.ok(claims.length >= 3 && claims.every((item) => item.claim.speaker === 'Helga Brandt' && item.claim.kind === 'quote'), `only her quotes: ${show(claims)}`);
      const files = claims.map((item) => item.path);
      assert.ok(includesAll(files, ['metro-desk/transit/tram-strike.txt', 'foreign-desk/europe/summit-report.txt']), `her quotes in both folders: ${show(files)}`);
      for (const label of NOT_INDEXED) assert.ok(!files.includes(label), `${label} is not indexed, yet listed`);
    } finally {
      await api.claimsView.setFilter(undefined);
    }
  });

  it('keeps the second folder current: a created file is indexed, one under its excluded subfolder is not', async () => {
    const created = 'foreign-desk/asia/ferry-link.txt';
    const excluded = 'foreign-desk/embargoed/ferry-preview.txt';
    const article = (headline: string) =>
      [headline, '', 'By Staff Writer', '', 'KORMA BAY, June 9 (Local Wire) - A ferry link to Vellmar opens in July, Ana Ferreira said on Monday.', '', '"Two sailings a day is a start," Ferreira said.', ''].join('\n');
    try {
      // The excluded file first: once the later one is listed, the earlier event has been handled.
      await vscode.workspace.fs.writeFile(fileUri(excluded), Buffer.from(article('Ferry link preview'), 'utf8'));
      await vscode.workspace.fs.writeFile(fileUri(created), Buffer.from(article('Ferry link to open in July'), 'utf8'));
      await waitFor('the new file of the second folder', shownDocuments, (labels) => labels.includes(created));
      const claims = (await shownClaims()).filter((item) => item.path === created);
      assert.ok(claims.some((item) => /Two sailings/.test(item.claim.text) && item.claim.speaker === 'Ana Ferreira'), `its quote: ${show(claims)}`);
      const status = await waitFor('an idle index', () => api.indexStatus(), (value) => value !== undefined && !value.indexing);
      assert.ok(status);
      assert.ok(!(await shownDocuments()).includes(excluded), `${excluded} is under foreign-desk's excluded subfolder, yet listed`);
      assert.ok(!(await symbolFiles('Ferreira')).has(excluded), `${excluded} is excluded, yet has workspace symbols`);

      await vscode.workspace.fs.delete(fileUri(created));
      await waitFor('the deleted file gone', shownDocuments, (labels) => !labels.includes(created));
    } finally {
      for (const label of [created, excluded]) await vscode.workspace.fs.delete(fileUri(label)).then(undefined, () => undefined);
    }
  });

  it('runs "ClaimLens: Analyze Workspace" over both folders and exports both with scope "all"', async () => {
    // From an idle index, so that the run's counts are this run's own. (A forced run while a
    // pass and its follow-up are pending is covered over the protocol in
    // test/server/workspace.test.ts.)
    await waitFor('an idle index', () => api.indexStatus(), (value) => value !== undefined && !value.indexing);
    const result = await vscode.commands.executeCommand<{ files: number; analysed: number; cancelled: boolean } | undefined>('claimlens.analyzeWorkspace');
    assert.ok(result && !result.cancelled, `the run completes: ${show(result)}`);
    assert.strictEqual(result.files, METRO.length + FOREIGN.length, `the files of both folders, the excluded and ignored ones left out: ${show(result)}`);
    const target = vscode.Uri.joinPath(metro.uri, 'newsdesk-claims.json');
    try {
      await vscode.commands.executeCommand('claimlens.exportClaims', { format: 'json', scope: 'all', target: target.fsPath, overwrite: true });
      const exported = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
      const labels = (exported.documents as { uri: string }[]).map((document) => labelOf(document.uri));
      assert.ok(includesAll(labels, [...METRO, ...FOREIGN]), `both folders' articles exported: ${show(labels)}`);
      for (const label of NOT_INDEXED) assert.ok(!labels.includes(label), `${label} is not indexed, yet exported`);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('lists findings of unopened files of both folders in Problems when claimlens.workspace.diagnostics is "workspace"', async () => {
    // Unsourced figures of files no test opens, one in each folder.
    const unopened = ['metro-desk/council/water-rates.md', 'foreign-desk/asia/port-deal.news'];
    const ownDiagnostics = (label: string) => vscode.languages.getDiagnostics(fileUri(label)).filter((diagnostic) => diagnostic.source === 'ClaimLens');
    for (const label of unopened) {
      assert.ok(!vscode.workspace.textDocuments.some((document) => labelOf(document.uri) === label), `${label} is not open`);
      assert.deepStrictEqual(ownDiagnostics(label), [], `by default ${label} has no Problems`);
    }
    // A window setting: in a multi-root workspace it lives in the .code-workspace file.
    const configuration = vscode.workspace.getConfiguration('claimlens');
    await configuration.update('workspace.diagnostics', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      for (const label of unopened) {
        const found = await waitFor(`Problems of ${label}`, () => ownDiagnostics(label), (diagnostics) => diagnostics.length > 0);
        assert.ok(
          found.some((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'unsourced-figure'),
          `an unsourced-figure finding in ${label}: ${show(found)}`,
        );
      }
      for (const label of NOT_INDEXED) assert.deepStrictEqual(ownDiagnostics(label), [], `${label} is not indexed: no Problems`);
    } finally {
      await configuration.update('workspace.diagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
    for (const label of unopened) await waitFor(`no Problems for ${label} again`, () => ownDiagnostics(label), (diagnostics) => diagnostics.length === 0);
  });

  // Last: it changes the workspace's folders (the first folder stays, so the extension
  // host is not restarted).
  it('drops the files of a folder removed from the workspace, and indexes them again when it is added back', async () => {
    const before = await waitFor('both folders listed', shownDocuments, (labels) => includesAll(labels, [...METRO, ...FOREIGN]));
    const filesBefore = api.indexStatus()?.files ?? 0;
    const removedEvent = new Promise<vscode.WorkspaceFoldersChangeEvent>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        listener.dispose();
        resolve(event);
      });
    });
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1), 'VS Code accepts removing the second folder');
    const removed = await removedEvent;
    assert.deepStrictEqual(removed.removed.map((folder) => folder.name), ['foreign-desk']);
    assert.deepStrictEqual((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.name), ['metro-desk']);

    const after = await waitFor('no foreign-desk file in the workspace scope', shownDocuments, (labels) => !labels.some((label) => label.startsWith('foreign-desk/')));
    assert.ok(includesAll(after, METRO), `metro-desk's files stay: ${show(after)}`);
    assert.ok(after.length < before.length);
    const status = await waitFor('the index without the removed folder', () => api.indexStatus(), (value) => value !== undefined && !value.indexing && value.files < filesBefore);
    assert.ok(status && status.files >= METRO.length, `status: ${show(status)}`);
    const brandt = await symbolFiles('Brandt');
    assert.ok(![...brandt].some((label) => label.startsWith('foreign-desk/')), `no workspace symbol in the removed folder: ${show([...brandt])}`);
    assert.ok(brandt.has('metro-desk/transit/tram-strike.txt'), 'the remaining folder is still searched');
    assert.deepStrictEqual([...(await symbolFiles('Ferreira'))], [], 'a name only the removed folder had is found nowhere');

    const addedEvent = new Promise<vscode.WorkspaceFoldersChangeEvent>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        listener.dispose();
        resolve(event);
      });
    });
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: foreign.uri, name: foreign.name }), 'VS Code accepts adding it back');
    assert.deepStrictEqual((await addedEvent).added.map((folder) => folder.name), ['foreign-desk']);
    const again = await waitFor('the folder added back in the workspace scope', shownDocuments, (labels) => includesAll(labels, [...METRO, ...FOREIGN]));
    for (const label of NOT_INDEXED) assert.ok(!again.includes(label), `${label}: the re-added folder's own settings still apply`);
    await waitFor('Ferreira found again', () => symbolFiles('Ferreira'), (files) => files.has('foreign-desk/asia/port-deal.news'));
  });
});
