// The harness itself: these hold in any real VS Code that runs our tests.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

describe('real VS Code harness', () => {
  it('opens the fixture workspace with the seed article', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'one workspace folder');
    const seed = vscode.Uri.joinPath(folders[0].uri, 'seed-fentanyl.txt');
    const document = await vscode.workspace.openTextDocument(seed);
    assert.match(document.getText(), /Robinson/);
    assert.strictEqual(path.basename(document.uri.fsPath), 'seed-fentanyl.txt');
  });

  it('has the extension under development loaded', () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.id.toLowerCase() === 'claimlens.claimlens');
    assert.ok(extension, `claimlens.claimlens among ${vscode.extensions.all.length} extensions`);
    assert.strictEqual(path.resolve(extension.extensionPath), path.resolve(__dirname, '..', '..', '..', '..'));
  });
});
