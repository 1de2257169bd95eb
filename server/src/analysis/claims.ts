// Stage 6: claims — the checkable assertions. A direct or partial quotation is a claim;
// a body sentence outside quotations is a claim when it states a statistic (a figure
// that is not a mere time reference) or reports what a named source said. Ids hash the
// normalised text plus its occurrence index, so they survive edits elsewhere.
import type { Claim, DocumentStructure, Entity, Figure, Quote, Sentence, Source, Span } from './types';
import type { Mention } from './entities';
import { findByOffset, firstStartingAt, IdMaker } from './text';

export const TIME_KINDS: ReadonlySet<string> = new Set(['date', 'year', 'duration']);

export function isStatisticFigure(f: Figure): boolean {
  return !TIME_KINDS.has(f.kind);
}

export function buildClaims(
  text: string,
  structure: DocumentStructure,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  entities: readonly Entity[],
  quotes: readonly Quote[],
  figures: readonly Figure[],
  sentenceSources: ReadonlyArray<Source | undefined>,
): Claim[] {
  void entities;
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  const indirect = quotes.filter((q) => q.kind === 'indirect');
  let ii = 0;
  // Ids are filled in after sorting; `id: ''` first keeps it the first key, as before.
  // Quotations' claims and sentences' claims are made apart, each list in text order, and merged.
  const quoteClaims: Claim[] = [];
  const claims: Claim[] = [];
  const within = (s: Span) => ({
    figures: idsWithin(figures, s),
    entities: uniqueEntities(mentions, s),
  });

  for (const q of direct) {
    const { figures: fs, entities: es } = within(q.span);
    if (q.source !== undefined) quoteClaims.push({ id: '', span: q.span, text: q.text, kind: 'quote', source: q.source, figures: fs, entities: es, sourced: isSourced(q.source) });
    else quoteClaims.push({ id: '', span: q.span, text: q.text, kind: 'quote', figures: fs, entities: es, sourced: false });
  }
  let qi = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (structure.paragraphs[s.paragraph]?.kind !== 'body') continue;
    while (qi < direct.length && direct[qi].span.end <= s.span.start) qi++;
    // Sentences wholly inside a quotation belong to that quotation's claim.
    if (qi < direct.length && direct[qi].span.start <= s.span.start && direct[qi].span.end >= s.span.end) continue;
    // A statistic outside quotations makes the sentence a claim: the first one found settles it.
    let statisticOutside = false;
    for (let k = firstStartingAt(figures, s.span.start); k < figures.length && figures[k].span.start < s.span.end && !statisticOutside; k++) {
      const f = figures[k];
      statisticOutside = isStatisticFigure(f) && insideQuote(direct, f.span.start) === undefined;
    }
    // A reported statement: an indirect attribution whose content lies in this sentence.
    while (ii < indirect.length && indirect[ii].span.start < s.span.start) ii++;
    const reported = ii < indirect.length && indirect[ii].span.start < s.span.end ? indirect[ii] : undefined;
    // Most sentences are no claim: their entity ids are listed only for the rest.
    if (!statisticOutside && !reported) continue;
    const source = reported?.source ?? sentenceSources[si];
    const entityIds = uniqueEntities(mentions, s.span);
    let kind: Claim['kind'] | undefined;
    if (statisticOutside) kind = 'statistic';
    else if (reported && entityIds.length > 0 && !coveredByQuote(direct, s.span)) kind = 'statement';
    if (!kind) continue;
    const claim: Claim = {
      id: '',
      span: s.span,
      text: text.slice(s.span.start, s.span.end),
      kind,
      figures: idsWithin(figures, s.span),
      entities: entityIds,
      sourced: isSourced(source),
    };
    if (source) claim.source = source;
    claims.push(claim);
  }
  const ordered = mergeInSpanOrder(quoteClaims, claims);
  const ids = new IdMaker('c');
  // A sentence claim's text is the document's own slice: hash it from the document.
  for (const c of ordered) c.id = c.kind === 'quote' ? ids.makeJoined(c.kind, c.text) : ids.makeJoinedRange(c.kind, text, c.span.start, c.span.end);
  return ordered;
}

const bySpan = (a: Claim, b: Claim): number => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * first.concat(second) stably sorted by span: a merge when each list is in span order (the
 * quotations' claims follow the quotes, the sentences' the sentences), the first list's
 * claim first on a tie as in the concatenation; sort() otherwise.
 */
export function mergeInSpanOrder(first: readonly Claim[], second: readonly Claim[]): Claim[] {
  if (!inSpanOrder(first) || !inSpanOrder(second)) return first.concat(second).sort(bySpan);
  const out: Claim[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) out.push(bySpan(first[i], second[j]) <= 0 ? first[i++] : second[j++]);
  while (i < first.length) out.push(first[i++]);
  while (j < second.length) out.push(second[j++]);
  return out;
}

function inSpanOrder(claims: readonly Claim[]): boolean {
  for (let i = 1; i < claims.length; i++) if (bySpan(claims[i - 1], claims[i]) > 0) return false;
  return true;
}

function isSourced(source: Source | undefined): boolean {
  return source !== undefined && !source.vague;
}

function idsWithin(figures: readonly Figure[], s: Span): string[] {
  const out: string[] = [];
  for (let k = firstStartingAt(figures, s.start); k < figures.length && figures[k].span.start < s.end; k++) {
    if (figures[k].span.end <= s.end) out.push(figures[k].id);
  }
  return out;
}

function uniqueEntities(mentions: readonly Mention[], s: Span): string[] {
  const out: string[] = [];
  for (let k = firstStartingAt(mentions, s.start); k < mentions.length && mentions[k].span.start < s.end; k++) {
    const id = mentions[k].entity;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function insideQuote(direct: readonly Quote[], pos: number): Quote | undefined {
  const k = findByOffset(direct, pos);
  // Quotes do not nest, but a multi-paragraph one may start earlier: check a few back.
  for (let j = k; j >= 0 && j > k - 3; j--) if (direct[j].span.start <= pos && pos < direct[j].span.end) return direct[j];
  return undefined;
}

function coveredByQuote(direct: readonly Quote[], s: Span): boolean {
  const q = insideQuote(direct, s.start);
  return q !== undefined && q.span.end >= s.end;
}
