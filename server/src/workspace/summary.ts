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

/** What the index keeps for an unopened file: claims, findings and entities as JSON, all
 * three in one UTF-8 byte array (claims, then findings, then entities). Bytes outside the
 * JavaScript heap instead of hundreds of small objects (or long strings) per file: 10,000
 * files cost the main thread's garbage collector nothing to scan or move, take half the
 * memory of UTF-16 strings, and cross from the worker by transfer, not by copy. The JSON is
 * decoded and parsed only when the entity index or a request needs it. */
export interface StoredSummary {
  uri: string;
  claimCount: number;
  findingCount: number;
  /** UTF-8 JSON of the claims, the findings and the entities, one after the other. */
  bytes: Uint8Array;
  /** Where the findings' JSON starts in `bytes`. */
  findingsAt: number;
  /** Where the entities' JSON starts in `bytes`. */
  entitiesAt: number;
}

/** Anything with a URI and entities: an open document's summary or a stored one. */
export type EntitiesOf = Pick<FileSummary, 'uri' | 'entities'>;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Where storeSummary encodes before copying out the exact bytes: UTF-8 takes at most 3
 * bytes per UTF-16 code unit, so encodeInto never runs short, and it reports the bytes
 * written, so no separate pass counts them (Buffer.byteLength) before encoding. Kept for
 * summaries of ordinary files (an article's is a few KB); a larger one gets its own. */
const encodeScratch = new Uint8Array(64 * 1024);

export function storeSummary(summary: FileSummary): StoredSummary {
  const claims = JSON.stringify(summary.claims);
  const findings = JSON.stringify(summary.findings);
  const entities = JSON.stringify(summary.entities);
  const worst = 3 * (claims.length + findings.length + entities.length);
  const scratch = worst <= encodeScratch.length ? encodeScratch : new Uint8Array(worst);
  const findingsAt = utf8Encoder.encodeInto(claims, scratch).written;
  const entitiesAt = findingsAt + utf8Encoder.encodeInto(findings, scratch.subarray(findingsAt)).written;
  const end = entitiesAt + utf8Encoder.encodeInto(entities, scratch.subarray(entitiesAt)).written;
  return {
    uri: summary.uri,
    claimCount: summary.claims.length,
    findingCount: summary.findings.length,
    // A copy of its own (never a view of the scratch buffer): it is transferred to the main thread.
    bytes: scratch.slice(0, end),
    findingsAt,
    entitiesAt,
  };
}

/** The claims' JSON text. */
export function storedClaimsJson(stored: StoredSummary): string {
  return utf8Decoder.decode(stored.bytes.subarray(0, stored.findingsAt));
}

export function storedClaims(stored: StoredSummary): ClaimItem[] {
  return JSON.parse(storedClaimsJson(stored)) as ClaimItem[];
}

export function storedFindings(stored: StoredSummary): FindingSummary[] {
  return JSON.parse(utf8Decoder.decode(stored.bytes.subarray(stored.findingsAt, stored.entitiesAt))) as FindingSummary[];
}

export function storedEntities(stored: StoredSummary): EntitySummary[] {
  return JSON.parse(utf8Decoder.decode(stored.bytes.subarray(stored.entitiesAt))) as EntitySummary[];
}

/** The buffers to transfer (not copy) with these summaries in a worker message. */
export function summaryTransferList(summaries: Iterable<StoredSummary | undefined>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const summary of summaries) {
    const buffer = summary?.bytes.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === summary!.bytes.byteLength) buffers.add(buffer);
  }
  return [...buffers];
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
