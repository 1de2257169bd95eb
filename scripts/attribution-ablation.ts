// Exact-match Source / Cue / Content F1 on a PolNeAR folder with each attribution rule
// switch off and on, in one run (for tuning on the train part, not only dev).
//   npx tsx scripts/attribution-ablation.ts <polnear folder> [switch ...]
import { readPolnear } from '../eval/readers/polnear';
import { evaluateDocuments } from '../eval/run';
import { ours } from '../eval/systems';
import { attributionSettings } from '../server/src/analysis/attribution';

const folder = process.argv[2];
if (!folder) throw new Error('usage: tsx scripts/attribution-ablation.ts <polnear folder> [switch ...]');
const switches = process.argv.slice(3) as Array<keyof typeof attributionSettings>;
const documents = readPolnear(folder);

function run(label: string): void {
  const { result } = evaluateDocuments('polnear', folder, documents, [ours]);
  const system = result.systems[0];
  const attributions = system.attributions;
  if (!attributions) throw new Error('no attribution gold in this folder');
  const row = (['Source', 'Cue', 'Content'] as const).map((role) => (100 * attributions[role].exact.f1).toFixed(1)).join(' / ');
  const quotes = system.quotes ? `  quotes ${(100 * system.quotes.span.f1).toFixed(1)}, speakers ${(100 * system.quotes.speakerAccuracy).toFixed(1)}` : '';
  console.log(`${label.padEnd(28)} ${row}${quotes}`);
}

run('all on');
for (const name of switches) {
  const before = attributionSettings[name];
  (attributionSettings as Record<string, boolean>)[name] = false;
  run(`${name} off`);
  (attributionSettings as Record<string, boolean>)[name] = before;
}
