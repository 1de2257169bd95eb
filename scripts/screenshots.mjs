// `npm run screenshots`: the README's screenshots from the real workbench
// (test/vscode/screenshots.ts, compiled to out/ by `tsc -p .`), into docs/screenshots/.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(repoRoot, 'out', 'test', 'vscode', 'screenshots.js');
if (!existsSync(compiled) || !existsSync(join(repoRoot, 'dist', 'client', 'extension.js'))) {
  console.error('Build first: node scripts/build.mjs && npx tsc -p .');
  process.exit(1);
}
// Installs code-server into its cache on first use.
execFileSync('bash', [join(repoRoot, 'scripts', 'setup-code-server.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
const require = createRequire(import.meta.url);
const { main } = require(compiled);
try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
}
