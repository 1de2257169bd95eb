// Reads a CoNLL-2003 file from disk (kept apart so the parser stays free of I/O).
import * as fs from 'fs';
import * as path from 'path';
import type { GoldDocument } from '../spans';
import { parseConll } from './conll';

export function readConll(file: string): GoldDocument[] {
  return parseConll(fs.readFileSync(file, 'utf8'), path.basename(file));
}
