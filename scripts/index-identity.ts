// Whether two server bundles build the same workspace index: each indexes the same folder
// (the bench's generated articles, or any folder), then its claims (workspace scope, no
// limit), the problems of every unopened file (the "workspace" diagnostics setting), the
// workspace symbols for a few names and the index status are hashed. Equal hashes: the
// same index, as the protocol sees it.
//   npx tsx scripts/index-identity.ts [--folder DIR] [--files N] A=path/to/server.js B=other/server.js
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InitializedNotification, InitializeRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { workspaceClaimsRequest } from '../protocol/requests';
import { TestClient } from '../test/server/lspClient';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

/** A folder with copies of the first `files` articles of `source`, in sorted order. */
function sampleFolder(source: string, files: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-identity-'));
  let n = 0;
  for (const desk of readdirSync(source).sort()) {
    if (n >= files) break;
    if (!desk.startsWith('desk-')) continue;
    for (const name of readdirSync(path.join(source, desk)).sort()) {
      if (n++ >= files) break;
      copyFileSync(path.join(source, desk, name), path.join(dir, `${desk}-${name}`));
    }
  }
  return dir;
}

async function fingerprint(serverJs: string, folder: string): Promise<Record<string, string>> {
  const client = new TestClient(['--stdio'], { serverJs });
  client.settings = { workspace: { diagnostics: 'workspace' } };
  try {
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'identity' }],
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.waitFor(() => client.progress.some((p) => p.ended) && client.indexStatus.at(-1)?.indexing === false, 'indexing', 600_000);
    const status = client.indexStatus.at(-1)!;
    // Diagnostics of every indexed file arrive as it is stored; wait until they stop coming.
    for (let count = -1; count !== client.diagnostics.size; ) {
      count = client.diagnostics.size;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const claims = await client.connection.sendRequest(workspaceClaimsRequest, { scope: 'workspace' });
    const symbols = [];
    for (const query of ['Keller', 'Council', 'Ministry', 'Robinson']) symbols.push(await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query }));
    const diagnostics = [...client.diagnostics.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
    return {
      status: `${status.files} files, ${status.claims} claims, ${status.findings} findings`,
      claims: hash(claims),
      diagnostics: `${hash(diagnostics)} (${diagnostics.length} files)`,
      symbols: hash(symbols),
    };
  } finally {
    client.kill();
  }
}

async function main(): Promise<void> {
  const source = option('--folder', path.join(os.tmpdir(), 'claimlens-index-ab-10000', 'workspace'));
  const folder = sampleFolder(source, Number(option('--files', '2000')));
  try {
    const servers = process.argv.slice(2).filter((arg) => /^\w+=/.test(arg));
    const prints: string[] = [];
    for (const server of servers) {
      const [name, file] = [server.slice(0, server.indexOf('=')), server.slice(server.indexOf('=') + 1)];
      const print = await fingerprint(path.resolve(file), folder);
      console.log(name, JSON.stringify(print));
      prints.push(JSON.stringify(print));
    }
    console.log(new Set(prints).size === 1 ? 'identical' : 'DIFFERENT');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
