// Mocha runner inside VS Code's extension host: `runTests` points extensionTestsPath here.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs every *.test.js directly in `folder` (subfolders are other runs' suites). */
export function runSuite(folder: string): Promise<void> {
  // No colours: the output travels through the workbench to a plain log.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // CLAIMLENS_VSCODE_GREP runs only the matching tests (for working on one of them).
  if (process.env.CLAIMLENS_VSCODE_GREP) {
    mocha.grep(process.env.CLAIMLENS_VSCODE_GREP);
  }
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) {
    mocha.addFile(path.join(folder, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) {
          reject(new Error(`${failures} test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(error);
    }
  });
}

/** The single-folder run: the fixture workspace test/vscode/workspace. */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
