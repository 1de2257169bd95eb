// The commands' quick picks are shown through here, so that each is announced with the
// picker itself (ClaimLensApi.onDidShowQuickPick): the extension's tests answer them in the
// real workbench, through its quick-input commands, once they are on screen.
import * as vscode from 'vscode';

const shownEmitter = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
export const onDidShowQuickPick = shownEmitter.event;

export function showQuickPick<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>): void {
  pick.show();
  shownEmitter.fire(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
}

/** One of `items`, or undefined when dismissed: `window.showQuickPick` for a single choice. */
export function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string; placeHolder: string }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeHolder;
  pick.items = items;
  return new Promise((resolve) => {
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    showQuickPick(pick);
  });
}
