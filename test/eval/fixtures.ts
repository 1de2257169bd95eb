// Where the hand-written eval fixtures live, from src (tsx) or out/ (mocha over tsc output).
import * as fs from 'fs';
import * as path from 'path';

export function fixturePath(...parts: string[]): string {
  const candidates = [path.join(__dirname, 'fixtures'), path.resolve(__dirname, '..', '..', '..', 'test', 'eval', 'fixtures')];
  const root = candidates.find((c) => fs.existsSync(path.join(c, 'mini.conll')));
  if (!root) throw new Error('test/eval/fixtures not found');
  return path.join(root, ...parts);
}
