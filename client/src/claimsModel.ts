// How the Claims view arranges the server's claims. Plain data only (no `vscode`), so
// that it can be tested without an editor.
import type { ClaimItem, ClaimKind, ClaimsFilter, ClaimsScope, DocumentClaims, WorkspaceClaimsResult } from '../../protocol/requests';

export type Grouping = 'kind' | 'speaker';

export interface ClaimGroup {
  label: string;
  claims: ClaimItem[];
}

const KIND_ORDER: readonly ClaimKind[] = ['quote', 'statistic', 'statement'];
const KIND_LABELS: Record<ClaimKind, string> = { quote: 'Quotes', statistic: 'Statistics', statement: 'Statements' };
export const NO_SOURCE_LABEL = 'No source';
/** A claim the server counts as sourced but whose source has no name to show. */
export const UNNAMED_SOURCE_LABEL = 'Unnamed source';

export function kindLabel(kind: ClaimKind): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Who a claim is credited to, as the view shows it: the resolved speaker, else the source as written. */
export function sourceLabel(claim: ClaimItem): string | undefined {
  const name = claim.speaker?.trim() || claim.sourceText?.trim();
  return name ? name : undefined;
}

function byPosition(a: ClaimItem, b: ClaimItem): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortByPosition(claims: readonly ClaimItem[]): ClaimItem[] {
  return [...claims].sort(byPosition);
}

/**
 * Groups claims in document order. By kind: quotes, statistics, statements. By speaker:
 * speakers in order of their first claim, claims nobody is credited with last. Empty
 * groups are left out.
 */
export function groupClaims(claims: readonly ClaimItem[], grouping: Grouping): ClaimGroup[] {
  const ordered = sortByPosition(claims);
  if (grouping === 'kind') {
    const known = KIND_ORDER.map((kind) => ({ label: kindLabel(kind), claims: ordered.filter((claim) => claim.kind === kind) }));
    // A kind this client does not know yet still shows, after the known ones.
    const others = new Map<string, ClaimItem[]>();
    for (const claim of ordered) {
      if (!KIND_ORDER.includes(claim.kind)) others.set(claim.kind, [...(others.get(claim.kind) ?? []), claim]);
    }
    return [...known, ...[...others].map(([label, items]) => ({ label, claims: items }))].filter((group) => group.claims.length > 0);
  }
  const bySpeaker = new Map<string, ClaimItem[]>();
  const unsourced: ClaimItem[] = [];
  for (const claim of ordered) {
    const label = sourceLabel(claim) ?? (claim.sourced ? UNNAMED_SOURCE_LABEL : undefined);
    if (!label) {
      unsourced.push(claim);
      continue;
    }
    const group = bySpeaker.get(label);
    if (group) group.push(claim);
    else bySpeaker.set(label, [claim]);
  }
  const groups = [...bySpeaker].map(([label, items]) => ({ label, claims: items }));
  if (unsourced.length > 0) groups.push({ label: NO_SOURCE_LABEL, claims: unsourced });
  return groups;
}

/** A one-line label: whitespace collapsed, cut at a word boundary near `max` characters. */
export function shortText(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

export function countClaims(documents: readonly DocumentClaims[]): { claims: number; unsourced: number } {
  let claims = 0;
  let unsourced = 0;
  for (const document of documents) {
    claims += document.claims.length;
    for (const claim of document.claims) if (!claim.sourced) unsourced++;
  }
  return { claims, unsourced };
}

/** Documents in a stable order: the active one first, then by URI. */
export function orderDocuments(documents: readonly DocumentClaims[], activeUri?: string): DocumentClaims[] {
  return [...documents].sort((a, b) => {
    if (a.uri === activeUri && b.uri !== activeUri) return -1;
    if (b.uri === activeUri && a.uri !== activeUri) return 1;
    return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
  });
}

/** True when the filter narrows anything (an empty text or kind list does not). */
export function isActiveFilter(filter: ClaimsFilter | undefined): filter is ClaimsFilter {
  if (!filter) return false;
  return Boolean(filter.text?.trim()) || (filter.kinds?.length ?? 0) > 0 || Boolean(filter.speaker) || filter.sourced !== undefined;
}

/** The filter with empty fields dropped, or undefined when nothing is left. */
export function normaliseFilter(filter: ClaimsFilter | undefined): ClaimsFilter | undefined {
  if (!isActiveFilter(filter)) return undefined;
  const result: ClaimsFilter = {};
  const text = filter.text?.trim();
  if (text) result.text = text;
  if (filter.kinds && filter.kinds.length > 0) result.kinds = [...new Set(filter.kinds)];
  if (filter.speaker) result.speaker = filter.speaker;
  if (filter.sourced !== undefined) result.sourced = filter.sourced;
  return result;
}

/** The protocol's filter rules (the server applies the same): every field narrows. */
export function matchesFilter(claim: ClaimItem, filter: ClaimsFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(claim.kind)) return false;
  if (filter.speaker && claim.speaker?.toLowerCase() !== filter.speaker.toLowerCase()) return false;
  if (filter.sourced !== undefined && claim.sourced !== filter.sourced) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const haystacks = [claim.text, claim.speaker ?? '', claim.sourceText ?? ''];
    if (!haystacks.some((value) => value.toLowerCase().includes(text))) return false;
  }
  return true;
}

export function filterDocuments(documents: readonly DocumentClaims[], filter: ClaimsFilter | undefined): DocumentClaims[] {
  const active = normaliseFilter(filter);
  if (!active) return documents.map((document) => ({ uri: document.uri, claims: document.claims }));
  return documents
    .map((document) => ({ uri: document.uri, claims: document.claims.filter((claim) => matchesFilter(claim, active)) }))
    .filter((document) => document.claims.length > 0);
}

/** Keeps documents in URI order until `limit` claims; says how many there were in all. */
export function limitClaims(documents: readonly DocumentClaims[], limit: number | undefined): WorkspaceClaimsResult {
  const ordered = [...documents].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const total = ordered.reduce((sum, document) => sum + document.claims.length, 0);
  if (limit === undefined || total <= limit) return { documents: ordered, total, truncated: false };
  const kept: DocumentClaims[] = [];
  let room = limit;
  for (const document of ordered) {
    if (room <= 0) break;
    const claims = sortByPosition(document.claims).slice(0, room);
    kept.push({ uri: document.uri, claims });
    room -= claims.length;
  }
  return { documents: kept, total, truncated: true };
}

const SCOPE_LABELS: Record<ClaimsScope, string> = { document: 'Current file', open: 'Open files', workspace: 'Workspace' };

export function scopeLabel(scope: ClaimsScope): string {
  return SCOPE_LABELS[scope];
}

/** A short summary of a filter for the view's description ("“port” · quotes · unsourced"). */
export function describeFilter(filter: ClaimsFilter | undefined): string | undefined {
  const active = normaliseFilter(filter);
  if (!active) return undefined;
  const parts: string[] = [];
  if (active.text) parts.push(`“${shortText(active.text, 24)}”`);
  if (active.kinds) parts.push(active.kinds.map((kind) => kindLabel(kind).toLowerCase()).join(', '));
  if (active.speaker) parts.push(shortText(active.speaker, 24));
  if (active.sourced !== undefined) parts.push(active.sourced ? 'sourced' : 'unsourced');
  return parts.join(' · ');
}
