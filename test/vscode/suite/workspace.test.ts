// Workspace analysis in a real VS Code (issue 4): files indexed without opening editors,
// the Claims view's scope switch and filter, workspace symbols, references, definition,
// the file watcher, Problems for unopened files, and "ClaimLens: Analyze Workspace".
// The articles are under test/vscode/workspace/newsroom; newsroom/archive is excluded by
// the fixture's claimlens.workspace.exclude and newsroom/drafts by its .gitignore.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ClaimLensApi, ClaimsNode } from '../../../client/src/api';
import type { AnalyzeWorkspaceResult } from '../../../protocol/requests';
import { activateClaimLens, shownClaims as listShownClaims, show, waitFor, type ShownClaim } from './util';


describe('ClaimLens workspace analysis in real VS Code', function () {
  this.timeout(120_000);

  let api: ClaimLensApi;
  let folder: vscode.WorkspaceFolder;

  const fileUri = (relative: string) => vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  const relativePath = (uri: string | vscode.Uri) =>
    vscode.workspace.asRelativePath(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, false);

  /** The Claims view's documents, by relative path, as the view lists them. */
  async function shownDocuments(): Promise<string[]> {
    const roots = await api.claimsView.getChildren();
    return roots.flatMap((node) => (node.type === 'document' ? [relativePath(node.uri)] : []));
  }

  const shownClaims = (): Promise<ShownClaim[]> => listShownClaims(api.claimsView, relativePath);

  const includesAll = (shown: string[], wanted: string[]) => wanted.every((path) => shown.includes(path));
  const INDEXED = [
    'newsroom/world/robinson-visit.txt',
    'newsroom/world/border-talks.md',
    'newsroom/city/ferry-fares.news',
    'newsroom/city/market-hall.article',
  ];
  const NOT_INDEXED = ['newsroom/archive/old-robinson-profile.txt', 'newsroom/drafts/robinson-draft.txt'];

  before(async () => {
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'a workspace folder is open');
    folder = first;
    api = await activateClaimLens();
    await api.claimsView.setFilter(undefined);
  });

  after(async () => {
    await api?.claimsView.setFilter(undefined);
    await api?.claimsView.setScope('workspace');
  });

  it('indexes unopened files on startup: the workspace scope lists them without opening editors', async () => {
    const status = await waitFor(
      'an idle workspace index',
      () => api.indexStatus(),
      (value) => value !== undefined && !value.indexing && value.files >= INDEXED.length,
      60_000,
    );
    assert.ok(status && status.claims > 0, `the index counts claims: ${show(status)}`);
    await vscode.commands.executeCommand('claimlens.scopeWorkspace');
    assert.strictEqual(api.claimsView.scope, 'workspace');
    const shown = await waitFor('the newsroom articles in the workspace scope', shownDocuments, (paths) => includesAll(paths, INDEXED));
    for (const path of NOT_INDEXED) assert.ok(!shown.includes(path), `${path} is excluded, yet listed: ${show(shown)}`);
    // Documents are listed by path.
    const sorted = [...shown].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepStrictEqual(shown, sorted, 'documents sorted by path');
    const opened = vscode.workspace.textDocuments.map((document) => relativePath(document.uri));
    for (const path of INDEXED) assert.ok(!opened.includes(path), `${path} was opened in an editor: the index must not need that`);

    // A document node is labelled with its relative path and can be expanded to its claims.
    const node = (await api.claimsView.getChildren()).find(
      (item): item is Extract<ClaimsNode, { type: 'document' }> => item.type === 'document' && relativePath(item.uri) === 'newsroom/world/border-talks.md',
    );
    assert.ok(node && node.count > 0, 'border-talks.md has claims');
    assert.strictEqual(String(api.claimsView.getTreeItem(node).label), 'newsroom/world/border-talks.md');
    const claims = (await shownClaims()).filter((item) => item.path === 'newsroom/world/border-talks.md');
    assert.ok(
      claims.some((item) => item.claim.kind === 'quote' && item.claim.speaker === 'Todd Robinson'),
      `Robinson's quote in border-talks.md: ${show(claims)}`,
    );
  });

  it('switches scope: current file, open files, workspace', async () => {
    const visit = await vscode.workspace.openTextDocument(fileUri('newsroom/world/robinson-visit.txt'));
    await vscode.window.showTextDocument(visit);

    await vscode.commands.executeCommand('claimlens.scopeDocument');
    assert.strictEqual(api.claimsView.scope, 'document');
    const current = await waitFor('only the active file', shownDocuments, (paths) => paths.length === 1 && paths[0] === 'newsroom/world/robinson-visit.txt');

    await vscode.commands.executeCommand('claimlens.scopeOpen');
    assert.strictEqual(api.claimsView.scope, 'open');
    const open = await waitFor('the open files', shownDocuments, (paths) => paths.includes('newsroom/world/robinson-visit.txt'));
    const openPaths = new Set(vscode.workspace.textDocuments.map((document) => relativePath(document.uri)));
    for (const path of open) assert.ok(openPaths.has(path), `${path} is listed under "open files" but is not open`);
    assert.ok(!open.includes('newsroom/city/market-hall.article'), 'an unopened file is not among the open files');

    await vscode.commands.executeCommand('claimlens.scopeWorkspace');
    assert.strictEqual(api.claimsView.scope, 'workspace');
    const workspace = await waitFor('the whole workspace', shownDocuments, (paths) => includesAll(paths, INDEXED));
    assert.ok(workspace.length > open.length, `workspace (${workspace.length}) lists more than the open files (${open.length})`);
    assert.ok(open.length >= current.length);
    for (const path of open) assert.ok(workspace.includes(path), `${path} (open) is in the workspace scope too`);

    await api.claimsView.setScope('document');
    await assert.rejects(() => api.claimsView.setScope('everything' as never), /unknown scope/);
    assert.strictEqual(api.claimsView.scope, 'document', 'a bad scope changes nothing');
    await api.claimsView.setScope('workspace');
  });

  it('filters by text, kind, speaker and source, and clears the filter', async () => {
    await api.claimsView.setScope('workspace');
    await waitFor('the workspace scope', shownDocuments, (paths) => includesAll(paths, INDEXED));

    await api.claimsView.setFilter({ text: 'SCANNERS' });
    let claims = await shownClaims();
    assert.ok(claims.length >= 1, 'claims mention scanners');
    for (const { claim, path } of claims) {
      assert.match(`${claim.text} ${claim.speaker ?? ''} ${claim.sourceText ?? ''}`, /scanners/i, `${path}: ${claim.text}`);
    }
    assert.ok(claims.every((item) => item.path === 'newsroom/world/border-talks.md'), `only border-talks.md: ${show(claims.map((c) => c.path))}`);

    await vscode.commands.executeCommand('claimlens.filterClaims', { kinds: ['quote'] });
    assert.deepStrictEqual(api.claimsView.filter, { kinds: ['quote'] });
    claims = await shownClaims();
    assert.ok(claims.length >= 4, `the quotes of several articles: ${claims.length}`);
    assert.ok(claims.every((item) => item.claim.kind === 'quote'), 'only quotes');
    assert.ok(new Set(claims.map((item) => item.path)).size >= 3, 'quotes from several files');

    await api.claimsView.setFilter({ sourced: false });
    claims = await shownClaims();
    assert.ok(claims.every((item) => !item.claim.sourced), 'only unsourced claims');
    assert.ok(
      claims.some((item) => item.path === 'newsroom/city/ferry-fares.news' && /2,300/.test(item.claim.text)),
      `the unsourced ridership figure of an unopened file: ${show(claims)}`,
    );

    await api.claimsView.setFilter({ speaker: 'Todd Robinson', kinds: ['quote'] });
    claims = await shownClaims();
    assert.ok(claims.every((item) => item.claim.speaker === 'Todd Robinson' && item.claim.kind === 'quote'), 'only his quotes');
    const files = new Set(claims.map((item) => item.path));
    assert.ok(files.has('newsroom/world/robinson-visit.txt') && files.has('newsroom/world/border-talks.md'), `his quotes in both files: ${show([...files])}`);

    await vscode.commands.executeCommand('claimlens.clearFilter');
    assert.strictEqual(api.claimsView.filter, undefined);
    const all = await shownClaims();
    assert.ok(all.length > claims.length, 'clearing the filter shows every claim again');
    assert.ok(all.some((item) => item.claim.sourced) && all.some((item) => !item.claim.sourced));
  });

  it('finds "Robinson" with workspace symbols in several articles, opened or not', async () => {
    const symbols = await waitFor(
      'workspace symbols for "Robinson" in several files',
      async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Robinson')) ?? [],
      (found) => new Set(found.map((symbol) => relativePath(symbol.location.uri))).size >= 2,
    );
    const files = new Set(symbols.map((symbol) => relativePath(symbol.location.uri)));
    assert.ok(files.has('newsroom/world/border-talks.md'), `an unopened article is found: ${show([...files])}`);
    assert.ok(symbols.some((symbol) => /Robinson/.test(symbol.name)), 'symbols are named after him');
    for (const path of NOT_INDEXED) assert.ok(!files.has(path), `${path} is excluded, yet found`);
    const none = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Zzyzxqj')) ?? [];
    assert.deepStrictEqual(none.filter((symbol) => symbol.location.uri.toString().startsWith(folder.uri.toString())), [], 'a name no article has finds nothing');
  });

  it('finds references of an entity across the workspace and goes to its defining mention', async () => {
    const visit = await vscode.workspace.openTextDocument(fileUri('newsroom/world/robinson-visit.txt'));
    await vscode.window.showTextDocument(visit);
    const text = visit.getText();
    // The bare "Robinson" after the quote, not the full name of the first mention.
    const bare = /(?<!Todd )\bRobinson\b/.exec(text);
    assert.ok(bare, 'the article mentions "Robinson" alone');
    const position = visit.positionAt(bare.index + 2);

    const references = await waitFor(
      'references of Robinson in several files',
      async () => (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', visit.uri, position)) ?? [],
      (found) => new Set(found.map((location) => relativePath(location.uri))).size >= 2,
    );
    const files = new Set(references.map((location) => relativePath(location.uri)));
    assert.ok(files.has('newsroom/world/robinson-visit.txt') && files.has('newsroom/world/border-talks.md'), `references: ${show([...files])}`);
    for (const path of NOT_INDEXED) assert.ok(!files.has(path), `${path} is excluded, yet referenced`);
    // Every reference in this document covers a mention of him.
    for (const location of references.filter((item) => item.uri.toString() === visit.uri.toString())) {
      assert.match(visit.getText(location.range), /Robinson/, 'a reference covers his name');
    }

    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', visit.uri, position);
    assert.ok(definitions && definitions.length >= 1, 'a definition');
    const target = definitions[0];
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const targetRange = 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.strictEqual(targetUri.toString(), visit.uri.toString(), 'the defining mention is in the same article');
    const firstFullName = text.indexOf('Todd Robinson');
    assert.ok(firstFullName >= 0 && firstFullName < bare.index);
    assert.strictEqual(targetRange.start.line, visit.positionAt(firstFullName).line, 'the definition is the first full-name mention');
    assert.match(visit.getText(targetRange), /Todd Robinson|assistant secretary/, 'the definition covers the full name or its appositive');
  });

  it('keeps the index current: created, renamed and deleted files', async () => {
    await api.claimsView.setScope('workspace');
    await api.claimsView.setFilter(undefined);
    const created = 'newsroom/world/late-arrival.txt';
    const renamed = 'newsroom/world/late-arrival-renamed.txt';
    const article = [
      'Late arrival at the crossing',
      '',
      'By Staff Writer',
      '',
      'HALVERSTON, May 13 (Local Wire) - Todd Robinson, an assistant secretary of state, returned to the crossing on Tuesday.',
      '',
      '"The queue is shorter today," Robinson said.',
      '',
    ].join('\n');
    try {
      await vscode.workspace.fs.writeFile(fileUri(created), Buffer.from(article, 'utf8'));
      await waitFor('the new file in the workspace scope', shownDocuments, (paths) => paths.includes(created));
      const claims = (await shownClaims()).filter((item) => item.path === created);
      assert.ok(claims.some((item) => /queue is shorter/.test(item.claim.text) && item.claim.speaker === 'Todd Robinson'), `its quote: ${show(claims)}`);
      assert.ok(!vscode.workspace.textDocuments.some((document) => relativePath(document.uri) === created), 'never opened');

      await vscode.workspace.fs.rename(fileUri(created), fileUri(renamed));
      await waitFor('the renamed file, without the old name', shownDocuments, (paths) => paths.includes(renamed) && !paths.includes(created));

      await vscode.workspace.fs.delete(fileUri(renamed));
      await waitFor('the deleted file gone', shownDocuments, (paths) => !paths.includes(renamed) && !paths.includes(created));
      await waitFor(
        'no workspace symbol in the deleted file',
        async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Robinson')) ?? [],
        (found) => !found.some((symbol) => /late-arrival/.test(symbol.location.uri.path)),
      );
    } finally {
      for (const path of [created, renamed]) await vscode.workspace.fs.delete(fileUri(path)).then(undefined, () => undefined);
    }
  });

  it('lists findings of unopened files in Problems only when claimlens.workspace.diagnostics is "workspace"', async () => {
    const market = fileUri('newsroom/city/market-hall.article');
    const ownDiagnostics = () => vscode.languages.getDiagnostics(market).filter((diagnostic) => diagnostic.source === 'ClaimLens');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === market.toString()), 'market-hall.article is not open');
    assert.deepStrictEqual(ownDiagnostics(), [], 'by default ("openFiles") an unopened file has no Problems');
    const configuration = vscode.workspace.getConfiguration('claimlens');
    await configuration.update('workspace.diagnostics', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      const found = await waitFor('the unsourced figure of the unopened file', ownDiagnostics, (diagnostics) => diagnostics.length > 0);
      assert.ok(
        found.some((diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'unsourced-figure'),
        `an unsourced-figure finding: ${show(found)}`,
      );
    } finally {
      await configuration.update('workspace.diagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('no Problems for the unopened file again', ownDiagnostics, (diagnostics) => diagnostics.length === 0);
  });

  it('reveals a claim of an unopened file from the view, opening it with the claim selected', async () => {
    const ferry = 'newsroom/city/ferry-fares.news';
    assert.ok(!vscode.workspace.textDocuments.some((document) => relativePath(document.uri) === ferry), `${ferry} is not open yet`);
    await api.claimsView.setScope('workspace');
    await api.claimsView.setFilter({ text: 'ridership' });
    try {
      const documents = await waitFor('the ferry article', () => api.claimsView.getChildren(), (nodes) => nodes.some((node) => node.type === 'document' && relativePath(node.uri) === ferry));
      const document = documents.find((node) => node.type === 'document' && relativePath(node.uri) === ferry)!;
      const [group] = await api.claimsView.getChildren(document);
      const [claimNode] = await api.claimsView.getChildren(group);
      assert.ok(claimNode && claimNode.type === 'claim', `a claim under ${show(group)}`);
      const command = api.claimsView.getTreeItem(claimNode).command;
      assert.ok(command, 'a claim item has a command');
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = await waitFor('the ferry article in the active editor', () => vscode.window.activeTextEditor, (value) => value !== undefined && relativePath(value.document.uri) === ferry);
      assert.ok(editor);
      assert.match(editor.document.getText(editor.selection), /Ridership fell to 2,300/, 'the claim is selected');
    } finally {
      await api.claimsView.setFilter(undefined);
    }
  });

  it('exports the whole workspace, unopened files included, with scope "all"', async () => {
    const target = vscode.Uri.joinPath(folder.uri, 'workspace-claims.json');
    try {
      await vscode.commands.executeCommand('claimlens.exportClaims', { format: 'json', scope: 'all', target: target.fsPath, overwrite: true });
      const exported = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
      const paths = (exported.documents as { uri: string }[]).map((document) => relativePath(document.uri));
      assert.ok(includesAll(paths, INDEXED), `the newsroom articles among the exported documents: ${show(paths)}`);
      for (const path of NOT_INDEXED) assert.ok(!paths.includes(path), `${path} is excluded, yet exported`);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('runs "ClaimLens: Analyze Workspace" to completion', async () => {
    const result = await vscode.commands.executeCommand<AnalyzeWorkspaceResult | undefined>('claimlens.analyzeWorkspace');
    assert.ok(result, 'the command returns the run result');
    assert.strictEqual(result.cancelled, false);
    assert.ok(result.files >= INDEXED.length, `files: ${result.files}`);
    assert.ok(result.analysed >= 1 && result.analysed <= result.files, `analysed ${result.analysed} of ${result.files}`);
    const status = await waitFor('an idle index after the run', () => api.indexStatus(), (value) => value !== undefined && !value.indexing);
    assert.ok(status && status.files >= INDEXED.length && status.done === status.files, `status: ${show(status)}`);
    // The view still lists the unopened articles afterwards.
    await api.claimsView.setScope('workspace');
    await waitFor('the newsroom articles', shownDocuments, (paths) => includesAll(paths, INDEXED));
  });
});
