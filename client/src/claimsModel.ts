// How the Claims view arranges the server's claims. Plain data only (no `vscode`), so
// that it can be tested without an editor.
import type { ClaimItem, ClaimKind, DocumentClaims } from '../../protocol/requests';

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
