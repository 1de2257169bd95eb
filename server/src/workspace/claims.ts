// claimlens/workspaceClaims: claims in scope, filtered on the server, capped. Pure.
import type { ClaimItem, ClaimsFilter, DocumentClaims, WorkspaceClaimsResult } from '../../../protocol/requests';

export function claimMatches(claim: ClaimItem, filter: ClaimsFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(claim.kind)) return false;
  if (filter.sourced !== undefined && claim.sourced !== filter.sourced) return false;
  if (filter.speaker !== undefined && filter.speaker !== '' && claim.speaker?.toLowerCase() !== filter.speaker.toLowerCase()) {
    return false;
  }
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const haystacks = [claim.text, claim.speaker, claim.sourceText];
    if (!haystacks.some((value) => value !== undefined && value.toLowerCase().includes(text))) return false;
  }
  return true;
}

/** Documents in the given order, each with its matching claims, until `limit` claims. */
export async function filterClaims(
  documents: Iterable<DocumentClaims> | AsyncIterable<DocumentClaims>,
  filter: ClaimsFilter | undefined,
  limit: number,
): Promise<WorkspaceClaimsResult> {
  const result: DocumentClaims[] = [];
  let total = 0;
  let kept = 0;
  for await (const document of documents) {
    const matching = document.claims.filter((claim) => claimMatches(claim, filter));
    total += matching.length;
    const room = Math.max(0, limit - kept);
    if (matching.length === 0 || room === 0) continue;
    const claims = matching.length > room ? matching.slice(0, room) : matching;
    kept += claims.length;
    result.push({ uri: document.uri, claims });
  }
  return { documents: result, total, truncated: total > kept };
}
