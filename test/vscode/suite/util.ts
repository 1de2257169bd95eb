// Helpers shared by the real VS Code suites (not a test file: index.ts loads *.test.js only).
import * as vscode from 'vscode';

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
