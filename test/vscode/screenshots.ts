// Takes the README's screenshots in the real workbench (code-server + headless Chromium):
// the hover card on "Robinson", the Problems panel, the Claims view, all on the seed
// article. Run by `npm run screenshots` (scripts/screenshots.mjs); not part of `npm test`.
import * as fs from 'fs';
import * as path from 'path';
import {
  Browser,
  defaultCodeServerPath,
  launchChromium,
  Page,
  prepareWorkspace,
  repoRoot,
  RunningCodeServer,
  scratchDir,
  startCodeServer,
  workbenchUrl,
} from './codeServer';

const VIEWPORT = { width: 1280, height: 800 };
const SEED = 'seed-fentanyl.txt';

/** A calm, readable workbench: wrapped prose, nothing unrelated on screen. */
const USER_SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'window.commandCenter': false,
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'editor.hover.delay': 200,
  'editor.renderWhitespace': 'none',
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'editor.unicodeHighlight.ambiguousCharacters': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
};

async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function openSeed(page: Page): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(SEED);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: SEED }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'Robinson' }).first().waitFor({ timeout: 30_000 });
}

/** The screen rectangle of the first bare "Robinson" (not "Todd Robinson") in the editor. */
async function robinsonBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  // Runs in the page; a string because this project compiles without the DOM's types.
  const box = (await page.evaluate(`(() => {
    const lines = document.querySelector('.monaco-editor .view-lines');
    if (!lines) return null;
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent || '';
      const match = /(?<!Todd\\s)\\bRobinson\\b/.exec(text);
      if (!match) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + 'Robinson'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    return null;
  })()`)) as { x: number; y: number; width: number; height: number } | null;
  if (!box) throw new Error('no bare "Robinson" rendered in the editor');
  return box;
}

async function shoot(page: Page, name: string): Promise<string> {
  const target = path.join(repoRoot, 'docs', 'screenshots', name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(repoRoot, target)} (${Math.round(fs.statSync(target).size / 1024)} KB)`);
  return target;
}

export async function main(): Promise<void> {
  const scratch = scratchDir('claimlens-screenshots-');
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const workspace = prepareWorkspace(scratch.dir);
    const userDataDir = path.join(scratch.dir, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    server = await startCodeServer({
      codeServerPath: process.env.CLAIMLENS_CODE_SERVER || defaultCodeServerPath(),
      userDataDir,
      extensionsDir: path.join(scratch.dir, 'extensions'),
      logFile: path.join(scratch.dir, 'code-server.log'),
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.setDefaultTimeout(30_000);
    await page.goto(workbenchUrl(server, workspace, repoRoot), { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await page.locator('.monaco-workbench').waitFor();
    // The explorer's file list shows once the remote folder is connected.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).waitFor({ timeout: 60_000 });
    await runPaletteCommand(page, 'View: Close Primary Side Bar');

    await openSeed(page);
    // The language server's findings: warning squiggles on the two unsourced figures.
    await page.locator('.monaco-editor .squiggly-warning').nth(1).waitFor({ timeout: 60_000 });

    // 1. The hover card on "Robinson".
    const box = await robinsonBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Todd Robinson' }).first();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(300); // the card fades in
    await shoot(page, 'hover.png');
    await page.mouse.move(5, VIEWPORT.height - 5);
    await page.keyboard.press('Escape');

    // 2. The Problems panel with the two unsourced figures.
    await runPaletteCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'unsourced-figure' }).nth(1).waitFor();
    await shoot(page, 'problems.png');
    await runPaletteCommand(page, 'View: Hide Panel');

    // 3. The Claims view in its own activity-bar container.
    await runPaletteCommand(page, 'ClaimLens: Focus on Claims View');
    const claimRows = page.locator('.monaco-list-row', { hasText: /Unsourced|unsourced/ });
    await claimRows.first().waitFor({ timeout: 30_000 });
    // Wider, so that the claims' text shows: drag the sash at the side bar's right edge.
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    if (sideBar) {
      const edge = sideBar.x + sideBar.width;
      await page.mouse.move(edge, VIEWPORT.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge + 230, VIEWPORT.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 40);
    }
    await page.waitForTimeout(300);
    await shoot(page, 'claims-view.png');
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    scratch.remove();
  }
}
