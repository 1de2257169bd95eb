// The commands' pickers answered in the real workbench: "Filter Claims…" and "Set Rule
// Severity" run without arguments, and each quick pick they show is driven through the
// workbench's quick-input commands (move the active item, tick it, accept, close), as the
// keyboard would. The one thing not typed through the workbench is the filter's text: no
// command types into a quick input, so the test sets the picker's value, as typing does.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ClaimLensApi } from '../../../client/src/api';
import { RULE_CODES, SEVERITY_LEVELS } from '../../../protocol/requests';
import { activateClaimLens, shownClaims as listShownClaims, show, waitFor, type ShownClaim } from './util';

type Picker = vscode.QuickPick<vscode.QuickPickItem>;

describe('ClaimLens pickers answered in the real workbench', function () {
  this.timeout(120_000);

  let api: ClaimLensApi;
  let folder: vscode.WorkspaceFolder;
  const relativePath = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);

  /** Runs a command without arguments; resolves with its first quick pick once the
   * workbench shows it (its first item active there), and with the command's own result. */
  async function runWithPicker(command: string): Promise<{ picker: Picker; done: Thenable<unknown> }> {
    const shown = new Promise<Picker>((resolve) => {
      const listener = api.onDidShowQuickPick((picker) => {
        listener.dispose();
        resolve(picker);
      });
    });
    const done = vscode.commands.executeCommand(command);
    const picker = await shown;
    await onScreen(picker);
    return { picker, done };
  }

  /** The next quick pick the running command shows. */
  function nextPicker(): Promise<Picker> {
    return new Promise<Picker>((resolve) => {
      const listener = api.onDidShowQuickPick((picker) => {
        listener.dispose();
        resolve(picker);
      });
    });
  }

  /** The workbench reports an active item once it has rendered the picker's items: a
   * single-choice picker activates its first item itself; in a many-choice one the focus
   * stays in the input until the Down key, which does nothing before the items are there. */
  async function onScreen(picker: Picker): Promise<void> {
    const deadline = Date.now() + 30_000;
    const active = () => picker.activeItems.length > 0;
    if (!picker.canSelectMany) {
      await waitFor(`"${picker.title}" on screen`, () => active(), Boolean);
      return;
    }
    while (!active()) {
      if (Date.now() > deadline) assert.fail(`"${picker.title}" never showed an active item`);
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor(`an active item in "${picker.title}"`, () => active(), Boolean, 1000).catch(() => undefined);
    }
  }

  /** Moves the workbench's active item down (as the Down key does) until it is `label`. */
  async function moveTo(picker: Picker, label: string): Promise<void> {
    const labels = picker.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label);
    assert.ok(labels.includes(label), `"${label}" among ${show(labels)}`);
    for (let step = 0; step <= labels.length; step++) {
      const active = picker.activeItems[0];
      if (active?.label === label) return;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor('the active item to move', () => picker.activeItems[0], (item) => item !== active, 10_000);
    }
    assert.fail(`"${label}" never became the active item of "${picker.title}"`);
  }

  /** Ticks or unticks the active item of a many-choice picker (the Space key). */
  async function toggle(picker: Picker, label: string, ticked: boolean): Promise<void> {
    await moveTo(picker, label);
    await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
    await waitFor(`"${label}" ${ticked ? 'ticked' : 'unticked'}`, () => picker.selectedItems.map((item) => item.label), (labels) => labels.includes(label) === ticked, 10_000);
  }

  const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

  const shownClaims = (): Promise<ShownClaim[]> => listShownClaims(api.claimsView, relativePath);

  before(async () => {
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'a workspace folder is open');
    folder = first;
    api = await activateClaimLens();
    await api.claimsView.setFilter(undefined);
    await api.claimsView.setScope('workspace');
    // The picker offers the speakers of the claims shown: wait for the indexed articles.
    await waitFor(
      'Robinson among the workspace claims',
      shownClaims,
      (claims) => claims.some((item) => item.claim.speaker === 'Todd Robinson' && item.path === 'newsroom/world/border-talks.md'),
      60_000,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  after(async () => {
    await api?.claimsView.setFilter(undefined);
  });

  it('"Filter Claims…" without arguments: typed text and a ticked kind, accepted in the workbench, filter the view', async () => {
    const { picker, done } = await runWithPicker('claimlens.filterClaims');
    assert.strictEqual(picker.title, 'ClaimLens: Filter Claims');
    assert.strictEqual(picker.canSelectMany, true);
    const labels = picker.items.map((item) => item.label);
    for (const label of ['Quotes', 'Statistics', 'Statements', 'Sourced', 'Unsourced', 'Todd Robinson']) {
      assert.ok(labels.includes(label), `"${label}" is offered: ${show(labels)}`);
    }
    assert.strictEqual(picker.value, '', 'no filter yet: no text');
    assert.deepStrictEqual(picker.selectedItems, [], 'no filter yet: nothing ticked');

    picker.value = 'scanners';
    await toggle(picker, 'Quotes', true);
    await accept();
    await done;

    assert.deepStrictEqual(api.claimsView.filter, { text: 'scanners', kinds: ['quote'] });
    const claims = await shownClaims();
    assert.ok(claims.length >= 1, 'a quote mentions scanners');
    for (const { claim, path } of claims) {
      assert.strictEqual(claim.kind, 'quote', `${path}: ${claim.text}`);
      assert.match(`${claim.text} ${claim.speaker ?? ''} ${claim.sourceText ?? ''}`, /scanners/i, `${path}: ${claim.text}`);
    }
    assert.ok(
      claims.some((item) => item.path === 'newsroom/world/border-talks.md' && item.claim.speaker === 'Todd Robinson'),
      `Robinson's quote about scanners: ${show(claims)}`,
    );
  });

  it('"Filter Claims…" opens with the current filter ticked; changes replace it, Escape keeps it', async () => {
    await api.claimsView.setFilter({ text: 'scanners', kinds: ['quote'] });
    let { picker, done } = await runWithPicker('claimlens.filterClaims');
    assert.strictEqual(picker.value, 'scanners', 'the current text is in the input');
    assert.deepStrictEqual(picker.selectedItems.map((item) => item.label), ['Quotes'], 'the current kind is ticked');
    // Unticking in the workbench clears it (it was ticked there), ticking the speaker adds him.
    await toggle(picker, 'Quotes', false);
    await toggle(picker, 'Todd Robinson', true);
    picker.value = '';
    await accept();
    await done;
    assert.deepStrictEqual(api.claimsView.filter, { speaker: 'Todd Robinson' });
    const claims = await shownClaims();
    assert.ok(claims.length >= 2 && claims.every((item) => item.claim.speaker === 'Todd Robinson'), `only his claims: ${show(claims)}`);
    assert.ok(new Set(claims.map((item) => item.path)).size >= 2, 'from several articles');

    ({ picker, done } = await runWithPicker('claimlens.filterClaims'));
    assert.deepStrictEqual(picker.selectedItems.map((item) => item.label), ['Todd Robinson']);
    await toggle(picker, 'Unsourced', true);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
    assert.deepStrictEqual(api.claimsView.filter, { speaker: 'Todd Robinson' }, 'a dismissed picker changes nothing');

    ({ picker, done } = await runWithPicker('claimlens.filterClaims'));
    await toggle(picker, 'Todd Robinson', false);
    await accept();
    await done;
    assert.strictEqual(api.claimsView.filter, undefined, 'nothing ticked and no text: no filter');
  });

  it('"Set Rule Severity" without arguments: a rule and a level picked in the workbench change its diagnostics', async () => {
    const seed = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'seed-fentanyl.txt'));
    await vscode.window.showTextDocument(seed);
    const unsourcedFigures = () =>
      vscode.languages
        .getDiagnostics(seed.uri)
        .filter((diagnostic) => diagnostic.source === 'ClaimLens' && (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'unsourced-figure');
    const before = await waitFor('the unsourced figures as warnings', unsourcedFigures, (found) => found.length > 0 && found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    const configuration = () => vscode.workspace.getConfiguration('claimlens');
    assert.strictEqual(configuration().inspect('severity')?.workspaceValue, undefined, 'no workspace severity yet');

    // Escape at the first picker: nothing is written.
    let { picker, done } = await runWithPicker('claimlens.setRuleSeverity');
    assert.strictEqual(picker.title, 'ClaimLens: Set Rule Severity');
    assert.deepStrictEqual(picker.items.map((item) => item.label), [...RULE_CODES]);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
    assert.strictEqual(configuration().inspect('severity')?.workspaceValue, undefined, 'a dismissed picker writes nothing');

    try {
      ({ picker, done } = await runWithPicker('claimlens.setRuleSeverity'));
      const levels = nextPicker();
      await moveTo(picker, 'unsourced-figure');
      await accept();
      const levelPicker = await levels;
      await onScreen(levelPicker);
      assert.strictEqual(levelPicker.title, 'ClaimLens: Severity of unsourced-figure');
      assert.deepStrictEqual(levelPicker.items.map((item) => item.label), [...SEVERITY_LEVELS]);
      await moveTo(levelPicker, 'information');
      await accept();
      await done;

      assert.deepStrictEqual(configuration().inspect('severity')?.workspaceValue, { 'unsourced-figure': 'information' }, 'written to the workspace settings');
      const after = await waitFor(
        'the unsourced figures as information',
        unsourcedFigures,
        (found) => found.length === before.length && found.every((d) => d.severity === vscode.DiagnosticSeverity.Information),
      );
      assert.deepStrictEqual(after.map((d) => d.range.start.line), before.map((d) => d.range.start.line), 'the same findings, another severity');
    } finally {
      await configuration().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the unsourced figures as warnings again', unsourcedFigures, (found) => found.length === before.length && found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });
});
