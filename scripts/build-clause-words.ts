// Writes a list of lower-case word forms of the verbs and nouns that take
// a clause in the GUM corpus's dependency trees — a clausal complement (ccomp: "said
// [that] …", "asked whether …"), an open clausal complement (xcomp: "plans to …", "was
// accused of …"), or a noun's "that"-clause ("the claim that …") — plus the verbs that
// report a clause set off beside them ("…, she said", parataxis or a ccomp before its
// head). The attribution tagger's training (scripts/train-attribution.ts --clause-words)
// takes these words as cue-like unless the PolNeAR training text says otherwise, so that
// the tagger's cue features reach reporting words its own corpus never marked.
//
// Nothing shipped uses the list yet (tried as extra cue words, as word-class features and
// with word dropout, none changed PolNeAR dev beyond the spread between training seeds):
// write it outside the repository. A model that ships built with it must name GUM in NOTICE.
//
//   npx tsx scripts/build-clause-words.ts --gum <gum>/dep --gum-dev <gum>/dev-docs.txt \
//     --genres news,interview,academic,court,bio,voyage --out /tmp/clause-words.json \
//     [--min-count 2] [--min-rate 0.05] [--verbose]
//
// Only the train documents of the listed genres are read (those whose texts are CC BY or
// CC BY-SA, see NOTICE); the output holds single words, no sentence of the corpus. A lemma
// counts when it heads such a clause at least --min-count times and in at least
// --min-rate of its occurrences; its forms are those GUM shows plus the regular
// inflections (-s, -ed, -ing), sorted. Deterministic.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clauseWords, countClauseHeads, emptyClauseCounts, readConllu } from './clause-words';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const gumDir = arg('gum');
const devList = arg('gum-dev');
const genres = (arg('genres', 'news,interview,academic,court,bio,voyage') ?? '').split(',').filter(Boolean);
const outPath = arg('out');
const minCount = Number(arg('min-count', '2'));
const minRate = Number(arg('min-rate', '0.05'));
if (!gumDir || !outPath) {
  console.error('usage: build-clause-words.ts --gum GUM_DEP_DIR --out FILE [--gum-dev DEV_DOCS] [--genres a,b]');
  process.exit(2);
}

const devDocs = new Set(
  devList
    ? fs
        .readFileSync(devList, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [],
);

const counts = emptyClauseCounts();
let used = 0;
for (const f of fs.readdirSync(gumDir).filter((f) => f.endsWith('.conllu')).sort()) {
  const doc = f.replace(/\.conllu$/, '');
  if (devDocs.has(doc) || !genres.includes(doc.split('_')[1])) continue;
  used++;
  countClauseHeads(readConllu(fs.readFileSync(path.join(gumDir, f), 'utf8')), counts);
}
const { lemmas, words } = clauseWords(counts, minCount, minRate);
const artifact = {
  format: 'claimlens-clause-words/1',
  derivedFrom: `GUM (train documents of ${genres.join(', ')}: ${used} documents); verbs and nouns heading a clause ≥ ${minCount} times and in ≥ ${minRate} of their uses, with their regular inflections`,
  words,
};
fs.writeFileSync(outPath, JSON.stringify(artifact) + '\n');
console.error(`${used} documents, ${lemmas.length} lemmas, ${words.length} word forms → ${outPath}`);
if (process.argv.includes('--verbose')) console.error(lemmas.join('\n'));
