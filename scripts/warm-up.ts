// A fresh process's CPU over its first 3,000 generated articles, cumulative every 500:
// the warm-up (tiering up, deoptimisations) an indexing worker pays before steady speed.
// Bundle it as the core ships, in each worktree, and run two builds side by side in pairs
// (the host is shared: a pair sees the same load; compare several pairs):
//   npx esbuild scripts/warm-up.ts --bundle --platform=node --outfile=out/warm/warm-up.js --log-level=warning
//   node out/warm/warm-up.js NAME        # prints "NAME 500:<ms> 1000:<ms> … 3000:<ms>"
//   node --trace-deopt out/warm/warm-up.js NAME 2>&1 | grep bailout   # the deoptimisations left
import { createRng, generateArticle } from '../bench/corpus';
import { analyze } from '../server/src/analysis/index';

const rng = createRng(7);
const articles: string[] = [];
for (let i = 0; i < 3000; i++) articles.push(generateArticle(rng));
const cpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const start = cpuMs();
const marks: string[] = [];
for (let i = 0; i < articles.length; i++) {
  analyze(articles[i]);
  if ((i + 1) % 500 === 0) marks.push(`${i + 1}:${Math.round(cpuMs() - start)}`);
}
console.log(process.argv[2] ?? '', marks.join(' '));
