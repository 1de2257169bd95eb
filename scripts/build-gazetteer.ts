// Builds models/gazetteer.json, the word lists behind the name tagger's gazetteer features
// (server/src/analysis/tagger/gazetteer.ts): each lower-case single word with a bit mask of
// the classes it belongs to — first name, surname, place, organisation, demonym,
// organisation keyword, title, common word. Sources: the lexicon of the compromise package
// (MIT licence, a dev dependency: only its word lists are used) and our own lexicon.ts.
// Deterministic: words sorted within each mask.
//
//   npx tsx scripts/build-gazetteer.ts [--out models/gazetteer.json]
//
// Retrain the tagger (scripts/train-tagger.ts) after changing the lists: its features read them.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { COUNTRIES, CITIES, DEMONYMS, KNOWN_ORGS, ORG_KEYWORDS, TITLES } from '../server/src/analysis/lexicon';
import { GAZ, type GazetteerArtifact } from '../server/src/analysis/tagger/gazetteer';

const outIndex = process.argv.indexOf('--out');
const outPath = outIndex >= 0 ? process.argv[outIndex + 1] : 'models/gazetteer.json';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const nlp = require('compromise');
const lexicon: Record<string, string | string[]> = nlp.world().model.one.lexicon;
const version: string = nlp.version ?? 'unknown';

const masks = new Map<string, number>();
const add = (word: string, bit: number) => {
  const w = word.toLowerCase();
  if (!w || w.includes(' ') || w.length > 24) return;
  masks.set(w, (masks.get(w) ?? 0) | bit);
};

const CLASS_BY_TAG: Record<string, number> = {
  FemaleName: GAZ.FIRST, MaleName: GAZ.FIRST, FirstName: GAZ.FIRST,
  LastName: GAZ.LAST,
  City: GAZ.PLACE, Country: GAZ.PLACE, Region: GAZ.PLACE, Place: GAZ.PLACE,
  Organization: GAZ.ORG, SportsTeam: GAZ.ORG,
  Demonym: GAZ.DEMONYM,
  Honorific: GAZ.TITLE,
};
// Tags of proper names or of no word class: everything else is a common word.
const NOT_COMMON = new Set([...Object.keys(CLASS_BY_TAG), 'ProperNoun', 'Person', 'Actor', 'Abbreviation', 'Acronym', 'Expression', 'Emoticon', 'Unit', 'Currency']);
for (const [word, value] of Object.entries(lexicon)) {
  const tags = Array.isArray(value) ? value : [value];
  let bits = 0;
  let common = false;
  for (const t of tags) {
    bits |= CLASS_BY_TAG[t] ?? 0;
    if (!NOT_COMMON.has(t)) common = true;
  }
  if (common && bits === 0) bits = GAZ.COMMON;
  if (bits) add(word, bits);
}
for (const w of COUNTRIES) add(w, GAZ.PLACE);
for (const w of CITIES) add(w, GAZ.PLACE);
for (const w of KNOWN_ORGS) add(w, GAZ.ORG);
for (const w of DEMONYMS) add(w, GAZ.DEMONYM);
for (const w of ORG_KEYWORDS) add(w, GAZ.ORG_KEYWORD);
for (const w of TITLES) add(w, GAZ.TITLE);

const byMask = new Map<number, string[]>();
for (const [w, m] of masks) {
  if (w.includes('|')) continue;
  let list = byMask.get(m);
  if (!list) byMask.set(m, (list = []));
  list.push(w);
}
const artifact: GazetteerArtifact = {
  format: 'claimlens-gazetteer/1',
  source: `compromise ${version} lexicon (MIT) + server/src/analysis/lexicon.ts`,
  words: {},
};
for (const m of [...byMask.keys()].sort((a, b) => a - b)) artifact.words[String(m)] = byMask.get(m)!.sort().join('|');
const json = JSON.stringify(artifact);
fs.writeFileSync(outPath, json + '\n');
console.error(`wrote ${outPath}: ${masks.size} words, ${json.length} bytes`);
