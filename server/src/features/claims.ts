// DocumentAnalysis → the claims the sidebar and the export show.
import type { ClaimFigure, ClaimItem, DocumentClaims } from '../../../protocol/requests';
import type { AnalysisEntry } from '../analysisStore';
import { idMaps } from './lookup';

export function toClaimItems(entry: AnalysisEntry): ClaimItem[] {
  const { analysis, lines } = entry;
  const index = idMaps(analysis);
  return analysis.claims.map((claim) => {
    const source = claim.source;
    const speaker = source?.entity ? index.entitiesById.get(source.entity)?.name : undefined;
    const figures: ClaimFigure[] = [];
    for (const id of claim.figures) {
      const figure = index.figuresById.get(id);
      if (!figure) continue;
      const item: ClaimFigure = { text: figure.text, kind: figure.kind };
      if (figure.value !== undefined) item.value = figure.value;
      if (figure.unit !== undefined) item.unit = figure.unit;
      if (figure.qualifier !== undefined) item.qualifier = figure.qualifier;
      figures.push(item);
    }
    const entities: string[] = [];
    for (const id of claim.entities) {
      const name = index.entitiesById.get(id)?.name;
      if (name !== undefined && !entities.includes(name)) entities.push(name);
    }
    const item: ClaimItem = {
      id: claim.id,
      kind: claim.kind,
      text: claim.text,
      range: lines.rangeOf(claim.span),
      sourced: claim.sourced,
      figures,
      entities,
    };
    if (speaker !== undefined) item.speaker = speaker;
    if (source) {
      item.sourceText = source.text;
      item.sourceHow = source.how;
      item.vague = source.vague;
    }
    return item;
  });
}

export function toDocumentClaims(entry: AnalysisEntry): DocumentClaims {
  return { uri: entry.uri, claims: toClaimItems(entry) };
}
