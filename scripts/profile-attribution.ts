// CPU cost of the attribution tagger: the attribution stage with and without it, in the
// same run, over the profile corpus of scripts/profile-core.ts (or text files given).
//
//   npx tsx scripts/profile-attribution.ts [--mb 2] [--rounds 3] [FILE...]
import * as fs from 'node:fs';
import { analyzeStructure } from '../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../server/src/analysis/sentences';
import { extractEntities } from '../server/src/analysis/entities';
import { findQuoteMarks } from '../server/src/analysis/quotes';
import { attribute, attributionSettings } from '../server/src/analysis/attribution';
import { attributionModel } from '../server/src/analysis/attributionModel/index';
import { buildCorpus } from './profile-core';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
const texts = files.length > 0 ? files.map((f) => fs.readFileSync(f, 'utf8')) : buildCorpus(Number(arg('mb', '2')) * 1024 * 1024);
const rounds = Number(arg('rounds', '3'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

const loadStart = process.cpuUsage();
attributionModel();
const load = process.cpuUsage(loadStart);
console.log(`model decode: ${((load.user + load.system) / 1000).toFixed(1)} ms CPU`);

// The stages before attribution, once per text.
const prepared = texts.map((text) => {
  const structure = analyzeStructure(text);
  const sentences = splitSentences(text, structure);
  const tokens = tokenizeSentences(text, sentences);
  return { text, structure, sentences, tokens, entities: extractEntities(text, structure, sentences, tokens), quotes: findQuoteMarks(text, structure, sentences) };
});

function cpu(tagger: boolean): number {
  attributionSettings.tagger = tagger;
  const start = process.cpuUsage();
  for (const p of prepared) attribute(p.text, p.structure, p.sentences, p.entities, p.quotes, p.tokens);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

let without = Infinity;
let withTagger = Infinity;
for (let r = 0; r < rounds; r++) {
  without = Math.min(without, cpu(false));
  withTagger = Math.min(withTagger, cpu(true));
}
attributionSettings.tagger = true;
const mb = bytes / 1024 / 1024;
console.log(`${texts.length} texts, ${mb.toFixed(2)} MB; best of ${rounds} rounds, CPU seconds`);
console.log(`attribution, rules only:    ${without.toFixed(3)} s  ${(mb / without).toFixed(2)} MB/s`);
console.log(`attribution, rules + model: ${withTagger.toFixed(3)} s  ${(mb / withTagger).toFixed(2)} MB/s`);
console.log(`tagger cost: ${(withTagger - without).toFixed(3)} s = ${(mb / (withTagger - without)).toFixed(2)} MB/s on its own`);
