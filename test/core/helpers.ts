// Small helpers for the core tests: run the analysis and look things up by text.
import * as fs from 'fs';
import * as path from 'path';
import { attributionSettings } from '../../server/src/analysis/attribution';
import { analyze, DocumentAnalysis, Entity, Quote, Span } from '../../server/src/analysis';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', name), 'utf8');
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function entityNamed(a: DocumentAnalysis, name: string): Entity | undefined {
  return a.entities.find((e) => e.name === name);
}

export function entityCalled(a: DocumentAnalysis, surface: string): Entity | undefined {
  return a.entities.find((e) => e.name === surface || e.aliases.includes(surface));
}

export function speakerName(a: DocumentAnalysis, q: Quote): string | undefined {
  const id = q.source?.entity;
  return id ? a.entities.find((e) => e.id === id)?.name : undefined;
}

export function directQuotes(a: DocumentAnalysis): Quote[] {
  return a.quotes.filter((q) => q.kind !== 'indirect');
}

export function findingTexts(a: DocumentAnalysis, text: string, code: string): string[] {
  return a.findings.filter((f) => f.code === code).map((f) => slice(text, f.span));
}

export { analyze };

export type AttributionSwitch = keyof typeof attributionSettings;

/** Runs f with one attribution switch set to `on`, restoring it afterwards. */
export function withSwitch<T>(name: AttributionSwitch, on: boolean, f: () => T): T {
  const before = attributionSettings[name];
  attributionSettings[name] = on;
  try {
    return f();
  } finally {
    attributionSettings[name] = before;
  }
}

/** Each attribution as "source | cue | content" (empty where missing). */
export function triples(text: string): string[] {
  return analyze(text).quotes.map((q) =>
    [q.source?.span ? slice(text, q.source.span) : '', q.source?.cueSpan ? slice(text, q.source.cueSpan) : '', slice(text, q.span)].join(' | '),
  );
}
