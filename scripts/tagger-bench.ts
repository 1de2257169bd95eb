// Micro-benchmark of the attribution tagger alone: word lookup (sentenceWords) and the
// emission scores + Viterbi (tagSentence) of every sentence of profile-core's corpus that
// has a cue-like word, no quote flags, mention or rule codes. CPU time, best of the rounds;
// several rounds of base and head in alternation compare revisions on a busy host.
//
//   npx esbuild scripts/tagger-bench.ts --bundle --platform=node --outfile=out/prof/tagger-bench.js --log-level=warning
//   CLAIMLENS_ROOT=$PWD node out/prof/tagger-bench.js [--mb 2] [--rounds 7]
// (The bundle must sit in a checkout's out/prof/: the model files are found from it.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRng as rng } from '../bench/corpus';
import { analyzeStructure } from '../server/src/analysis/structure';
import { splitSentences, tokenizeSentences } from '../server/src/analysis/sentences';
import { attributionModel } from '../server/src/analysis/attributionModel/index';
import { sentenceWords, tagSentence } from '../server/src/analysis/attributionModel/model';

const root = process.env.CLAIMLENS_ROOT ?? path.resolve(__dirname, '..');

// profile-core's corpus (copied: importing that script would run it in a bundle).
/** Articles of ~4–5 KB: paragraphs of the sample texts, shuffled, digits and some names varied. */
function buildCorpus(targetBytes: number): string[] {
  const files = [
    ...fs.readdirSync(path.join(root, 'samples')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(root, 'samples', f)),
    path.join(root, 'test/fixtures/seed-fentanyl.txt'),
  ].sort();
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/).filter((p) => p.trim()));
  const random = rng(42);
  const suffixes = ['', '', 'son', 'ez', 'ova', 'berg'];
  const articles: string[] = [];
  let total = 0;
  let k = 0;
  while (total < targetBytes) {
    // Every other article keeps a real header (first paragraphs of a source file).
    const parts: string[] = [];
    let size = 0;
    if (k % 2 === 0) {
      const t = texts[k % texts.length];
      parts.push(t.slice(0, Math.min(t.length, 1200)));
      size += parts[0].length;
    }
    while (size < 4000 + random() * 1000) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      parts.push(p);
      size += p.length + 2;
    }
    let article = parts.join('\n\n');
    article = article.replace(/\d/g, () => String(Math.floor(random() * 10)));
    article = article.replace(/\b([A-Z][a-z]{3,})\b/g, (m) => (random() < 0.15 ? m + suffixes[Math.floor(random() * suffixes.length)] : m));
    articles.push(article);
    total += article.length;
    k++;
  }
  return articles;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const mb = Number(arg('mb', '2'));
const rounds = Number(arg('rounds', '7'));
const articles = buildCorpus(mb * 1024 * 1024);
const model = attributionModel();
const sentences = articles.flatMap((text) => tokenizeSentences(text, splitSentences(text, analyzeStructure(text))));
const flags = new Array<boolean>(4096).fill(false);
let tokens = 0;
let spans = 0;
let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const t = cpuMs();
  for (const s of sentences) {
    if (s.length === 0) continue;
    const words = sentenceWords(model, s);
    let cue = false;
    for (let k = 0; k < s.length; k++) if (s[k].word && words.table.cue[words.ids[k]] === 1) cue = true;
    if (!cue) continue;
    spans += tagSentence(model, s, flags, undefined, undefined, words).length;
    if (r === 0) tokens += s.length;
  }
  best = Math.min(best, cpuMs() - t);
}
console.log(`tagger ${best.toFixed(1)} ms CPU best of ${rounds} (${tokens} tokens tagged per round, ${spans} spans in all)`);
