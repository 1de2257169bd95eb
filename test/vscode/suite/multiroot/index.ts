// Mocha runner of the multi-root run (test/vscode/multiroot/newsdesk.code-workspace).
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
