// What the server keeps per indexed file: a compact, protocol-ready summary of its analysis
// (claims, findings, entities with mention ranges), never its text or full analysis, so
// that 10,000 articles stay small. Made in a worker for unopened files, and lazily from
// the in-process analysis for open ones. Pure.
import type { ClaimItem } from '../../../protocol/requests';
import type { EntityKind, FindingCode, Severity } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import type { Range } from '../common/positions';
import { toClaimItems } from '../features/claims';
import { unsuppressedFindings } from '../features/suppressions';

export interface EntitySummary {
  kind: EntityKind;
  name: string;
  aliases: string[];
  role?: string;
  /** Name and alias mentions in text order, packed as start line, start character, end
   * line, end character per mention: one array of small integers, not three objects each. */
  mentions: number[];
  /** Index in `mentions` of the defining one (the first full-name mention); -1 when none. */
  defining: number;
}

/** A finding after suppression comments, before the user's severity settings. */
export interface FindingSummary {
  code: FindingCode;
  range: Range;
  message: string;
  severity: Severity;
  data?: Record<string, string | number | boolean>;
  related?: { range: Range; message: string }[];
}

export interface FileSummary {
  uri: string;
  claims: ClaimItem[];
  findings: FindingSummary[];
  entities: EntitySummary[];
}

/** What the index keeps for an unopened file: claims, findings and entities as one JSON
 * string each. A handful of flat strings per file instead of hundreds of small objects:
 * 10,000 files cost the main thread's garbage collector little, and they cross from the
 * worker as a cheap copy (cloning an entity object tree costs as much as analysing it).
 * Entities are parsed only when the entity index or a request needs them. */
export interface StoredSummary {
  uri: string;
  claimCount: number;
  findingCount: number;
  claimsJson: string;
  findingsJson: string;
  entitiesJson: string;
}

/** Anything with a URI and entities: an open document's summary or a stored one. */
export type EntitiesOf = Pick<FileSummary, 'uri' | 'entities'>;

export function storeSummary(summary: FileSummary): StoredSummary {
  return {
    uri: summary.uri,
    claimCount: summary.claims.length,
    findingCount: summary.findings.length,
    claimsJson: JSON.stringify(summary.claims),
    findingsJson: JSON.stringify(summary.findings),
    entitiesJson: JSON.stringify(summary.entities),
  };
}

export function storedClaims(stored: StoredSummary): ClaimItem[] {
  return JSON.parse(stored.claimsJson) as ClaimItem[];
}

export function storedFindings(stored: StoredSummary): FindingSummary[] {
  return JSON.parse(stored.findingsJson) as FindingSummary[];
}

export function storedEntities(stored: StoredSummary): EntitySummary[] {
  return JSON.parse(stored.entitiesJson) as EntitySummary[];
}

export function summarizeEntry(entry: AnalysisEntry): FileSummary {
  const { analysis, lines, text } = entry;
  const findings: FindingSummary[] = unsuppressedFindings(analysis.findings, text, lines)
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code))
    .map((finding) => {
      const summary: FindingSummary = {
        code: finding.code,
        range: lines.rangeOf(finding.span),
        message: finding.message,
        severity: finding.severity,
      };
      if (finding.data) summary.data = { ...finding.data };
      if (finding.related && finding.related.length > 0) {
        summary.related = finding.related.map((related) => ({ range: lines.rangeOf(related.span), message: related.message }));
      }
      return summary;
    });
  const entities: EntitySummary[] = analysis.entities.map((entity) => {
    const defining = entity.mentions.findIndex((span) => text.slice(span.start, span.end) === entity.name);
    const summary: EntitySummary = {
      kind: entity.kind,
      name: entity.name,
      aliases: [...entity.aliases],
      mentions: packRanges(entity.mentions.map((span) => lines.rangeOf(span))),
      defining,
    };
    if (entity.role !== undefined) summary.role = entity.role;
    return summary;
  });
  return { uri: entry.uri, claims: toClaimItems(entry), findings, entities };
}

export function packRanges(ranges: readonly Range[]): number[] {
  const packed: number[] = [];
  for (const { start, end } of ranges) packed.push(start.line, start.character, end.line, end.character);
  return packed;
}

export function mentionCount(entity: EntitySummary): number {
  return entity.mentions.length >> 2;
}

export function mentionRange(entity: EntitySummary, index: number): Range {
  const at = index * 4;
  const m = entity.mentions;
  return { start: { line: m[at], character: m[at + 1] }, end: { line: m[at + 2], character: m[at + 3] } };
}

export function comparePositions(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** start ≤ position ≤ end: a cursor right after a name still stands on it. */
export function rangeContains(range: Range, position: { line: number; character: number }): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** The entity mentioned at `position`, and which of its mentions it is. */
export function entityAt(
  summary: EntitiesOf,
  position: { line: number; character: number },
): { entity: EntitySummary; mention: number } | undefined {
  let best: { entity: EntitySummary; mention: number } | undefined;
  for (const entity of summary.entities) {
    for (let mention = 0; mention < mentionCount(entity); mention++) {
      const range = mentionRange(entity, mention);
      if (!rangeContains(range, position)) continue;
      // Prefer a mention that holds the position strictly (end is exclusive in spans).
      if (!best || comparePositions(position, range.end) < 0) best = { entity, mention };
    }
  }
  return best;
}
