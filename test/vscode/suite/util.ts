// Helpers shared by the real VS Code suites (not a test file: index.ts loads *.test.js only).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ClaimLensApi, ClaimsViewApi } from '../../../client/src/api';
import type { ClaimItem } from '../../../protocol/requests';

/** Polls `read` until `done` holds or the time is up; returns the last value read. */
export async function waitFor<T>(what: string, read: () => T | PromiseLike<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${show(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** A value for an assertion message: JSON, URIs as strings, cut short. */
export function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner) => (inner instanceof vscode.Uri ? inner.toString() : inner))?.slice(0, 1200) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A claim as the Claims view shows it, with its document named by the suite's `label`. */
export interface ShownClaim {
  path: string;
  claim: ClaimItem;
}

/** Every claim the Claims view shows, walking documents → groups → claims. */
export async function shownClaims(view: ClaimsViewApi, label: (uri: string) => string): Promise<ShownClaim[]> {
  const claims: ShownClaim[] = [];
  for (const document of await view.getChildren()) {
    if (document.type !== 'document') continue;
    for (const group of await view.getChildren(document)) {
      for (const node of await view.getChildren(group)) {
        if (node.type === 'claim') claims.push({ path: label(node.uri), claim: node.claim });
      }
    }
  }
  return claims;
}

export const EXTENSION_ID = 'claimlens.claimlens';

/** Activates the installed extension and waits until its language client is ready. */
export async function activateClaimLens(): Promise<ClaimLensApi> {
  const extension = vscode.extensions.getExtension<ClaimLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}
