// Entity micro-F1 (PER/ORG/LOC, exact span and type) on the three parts that the entity
// work is judged on, in one run: CoNLL-2003 dev, GUM dev and GUM train. GUM train is
// also split by whether the shipped name tagger was trained on the genre (NOTICE's
// --gum-genres): only the other genres are held out for the tagger as well as the rules.
//
//   npx tsx scripts/entity-scores.ts --conll <conll2003>/dev.txt --gum <gum>/dep
//
// Prints one line per part: micro P / R / F1 and per-type F1. Scores only; no corpus text.
import { readConll } from '../eval/readers/conll-file';
import { readGum } from '../eval/readers/gum';
import { ours } from '../eval/systems';
import { addCounts, emptyEntityCounts, entityScores, scoreEntities, type EntityCounts } from '../eval/metrics';
import type { GoldDocument } from '../eval/spans';
import { ENTITY_TYPES } from '../eval/spans';

const TAGGER_GENRES = new Set(['news', 'interview', 'academic', 'court', 'bio', 'voyage']);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scoreAll(documents: readonly GoldDocument[]): EntityCounts {
  const total = emptyEntityCounts();
  for (const d of documents) {
    const counts = scoreEntities(d.id, d.entities ?? [], ours.run(d.text).entities);
    for (const type of ENTITY_TYPES) addCounts(total[type], counts[type]);
  }
  return total;
}

function line(label: string, counts: EntityCounts): string {
  const s = entityScores(counts);
  const pct = (x: number) => (100 * x).toFixed(1);
  return `${label.padEnd(34)} P ${pct(s.overall.precision)} R ${pct(s.overall.recall)} F1 ${pct(s.overall.f1)}   PER ${pct(s.PER.f1)} ORG ${pct(s.ORG.f1)} LOC ${pct(s.LOC.f1)}`;
}

const conll = option('--conll');
const gum = option('--gum');
if (!conll && !gum) {
  console.error('usage: npx tsx scripts/entity-scores.ts --conll <conll2003>/dev.txt --gum <gum>/dep');
  process.exit(2);
}
if (conll) console.log(line('CoNLL-2003 dev', scoreAll(readConll(conll))));
if (gum) {
  console.log(line('GUM dev', scoreAll(readGum(gum, 'dev'))));
  const train = readGum(gum, 'train');
  const genre = (d: GoldDocument) => d.id.split('_')[1] ?? '';
  const seen = scoreAll(train.filter((d) => TAGGER_GENRES.has(genre(d))));
  const unseen = scoreAll(train.filter((d) => !TAGGER_GENRES.has(genre(d))));
  const all = emptyEntityCounts();
  for (const type of ENTITY_TYPES) {
    addCounts(all[type], seen[type]);
    addCounts(all[type], unseen[type]);
  }
  console.log(line('GUM train', all));
  console.log(line('  genres the tagger trained on', seen));
  console.log(line('  genres the tagger never saw', unseen));
}
