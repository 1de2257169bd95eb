// Counting: precision/recall/F1 from counts, entity span scoring, attribution scoring
// (exact, token overlap, span overlap) and quotation scoring with speaker accuracy.
import {
  ATTRIBUTION_ROLES,
  Attribution,
  AttributionRole,
  CharSpan,
  ENTITY_TYPES,
  EntityType,
  Fragments,
  TypedSpan,
  coverTokens,
  fragmentsKey,
  fragmentsOverlap,
  isInQuotationMarks,
  normalizeFragments,
  overlaps,
  quotationKey,
  spanKey,
  wordTokens,
} from './spans';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /**
   * Gold items found, when that differs from `tp` (the predictions that are right): under
   * span overlap two predictions may hit one gold span, and one prediction two gold spans.
   * Recall is goldFound / (goldFound + fn) then.
   */
  goldFound?: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(into: Counts, more: Counts): void {
  if (into.goldFound !== undefined || more.goldFound !== undefined) into.goldFound = (into.goldFound ?? into.tp) + (more.goldFound ?? more.tp);
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
}

/** P = tp/(tp+fp), R = found/(found+fn) with found = goldFound ?? tp; 0 when a denominator is 0. */
export function score(counts: Counts): Scores {
  const found = counts.goldFound ?? counts.tp;
  const precision = counts.tp + counts.fp > 0 ? counts.tp / (counts.tp + counts.fp) : 0;
  const recall = found + counts.fn > 0 ? found / (found + counts.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}

/** A mismatch kept for error analysis. */
export interface ErrorSample {
  doc: string;
  kind: 'fp' | 'fn';
  label: string;
  span: CharSpan;
  /** The other system/gold label at the same span when there is one (type confusion). */
  note?: string;
}

// ---------------------------------------------------------------------------------------
// Entities: exact span and type, one-to-one.

export type EntityCounts = Record<EntityType, Counts>;

export function emptyEntityCounts(): EntityCounts {
  return { PER: emptyCounts(), ORG: emptyCounts(), LOC: emptyCounts() };
}

function dedupeTyped(spans: TypedSpan[]): TypedSpan[] {
  const seen = new Set<string>();
  const out: TypedSpan[] = [];
  for (const span of spans) {
    const key = `${span.type}@${spanKey(span)}`;
    if (span.end <= span.start || seen.has(key)) continue;
    seen.add(key);
    out.push(span);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
}

/**
 * Exact span-and-type matching. A prediction counts as a true positive of its type when a
 * gold mention of the same type has the same start and end; duplicates are merged first.
 */
export function scoreEntities(
  docId: string,
  gold: TypedSpan[],
  predicted: TypedSpan[],
  errors?: ErrorSample[],
): EntityCounts {
  const counts = emptyEntityCounts();
  const goldSet = dedupeTyped(gold);
  const predSet = dedupeTyped(predicted);
  const goldKeys = new Map(goldSet.map((g) => [`${g.type}@${spanKey(g)}`, g]));
  const predKeys = new Map(predSet.map((p) => [`${p.type}@${spanKey(p)}`, p]));
  const goldBySpan = new Map(goldSet.map((g) => [spanKey(g), g.type]));
  const predBySpan = new Map(predSet.map((p) => [spanKey(p), p.type]));
  for (const [key, pred] of predKeys) {
    if (goldKeys.has(key)) counts[pred.type].tp++;
    else {
      counts[pred.type].fp++;
      const goldType = goldBySpan.get(spanKey(pred));
      errors?.push({ doc: docId, kind: 'fp', label: pred.type, span: pred, note: goldType ? `gold ${goldType}` : undefined });
    }
  }
  for (const [key, g] of goldKeys) {
    if (!predKeys.has(key)) {
      counts[g.type].fn++;
      const predType = predBySpan.get(spanKey(g));
      errors?.push({ doc: docId, kind: 'fn', label: g.type, span: g, note: predType ? `predicted ${predType}` : undefined });
    }
  }
  return counts;
}

export function entityScores(counts: EntityCounts): Record<EntityType | 'overall', Scores> {
  const overall = emptyCounts();
  for (const type of ENTITY_TYPES) addCounts(overall, counts[type]);
  return { PER: score(counts.PER), ORG: score(counts.ORG), LOC: score(counts.LOC), overall: score(overall) };
}

// ---------------------------------------------------------------------------------------
// Attributions: Source, Cue and Content, each scored on its own.

export interface OverlapCounts {
  /** Tokens both predicted and gold. */
  overlap: number;
  predicted: number;
  gold: number;
}

export interface RoleCounts {
  exact: Counts;
  /** Span-level: a prediction is right when it overlaps a gold span (and vice versa for recall). */
  spanOverlap: Counts;
  /** Token-level: proportion of predicted tokens inside gold spans, and of gold tokens covered. */
  tokenOverlap: OverlapCounts;
}

export type AttributionCounts = Record<AttributionRole, RoleCounts>;

export function emptyAttributionCounts(): AttributionCounts {
  const make = (): RoleCounts => ({ exact: emptyCounts(), spanOverlap: { ...emptyCounts(), goldFound: 0 }, tokenOverlap: { overlap: 0, predicted: 0, gold: 0 } });
  return { Source: make(), Cue: make(), Content: make() };
}

export function addAttributionCounts(into: AttributionCounts, more: AttributionCounts): void {
  for (const role of ATTRIBUTION_ROLES) {
    addCounts(into[role].exact, more[role].exact);
    addCounts(into[role].spanOverlap, more[role].spanOverlap);
    into[role].tokenOverlap.overlap += more[role].tokenOverlap.overlap;
    into[role].tokenOverlap.predicted += more[role].tokenOverlap.predicted;
    into[role].tokenOverlap.gold += more[role].tokenOverlap.gold;
  }
}

export function overlapScores(counts: OverlapCounts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted > 0 ? counts.overlap / counts.predicted : 0;
  const recall = counts.gold > 0 ? counts.overlap / counts.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function roleFragments(attribution: Attribution, role: AttributionRole): Fragments | undefined {
  return role === 'Source' ? attribution.source : role === 'Cue' ? attribution.cue : attribution.content;
}

/**
 * Distinct spans of one role, in text order. Each component's fragments are normalised
 * (merged across whitespace) and every remaining fragment is a span of its own: a
 * Content split around its cue (`"…," she said, "…"`) is two Content spans, as it is in
 * the token tag sequences the published PolNeAR systems are scored on.
 */
function collectRole(text: string, attributions: Attribution[], role: AttributionRole): Fragments[] {
  const seen = new Set<string>();
  const out: Fragments[] = [];
  for (const attribution of attributions) {
    const fragments = roleFragments(attribution, role);
    if (!fragments || fragments.length === 0) continue;
    for (const fragment of normalizeFragments(text, fragments)) {
      const key = spanKey(fragment);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([fragment]);
    }
  }
  return out.sort((a, b) => a[0].start - b[0].start);
}

/**
 * Scores each attribution role independently, as the PolNeAR sequence-labelling papers
 * do (every token carries at most one of Source/Cue/Content):
 * - exact: a predicted span is a true positive when a gold span of the same role covers
 *   exactly the same characters (split components give one span per fragment, after
 *   merging fragments that only whitespace separates);
 * - span overlap: a predicted component is right when it overlaps any gold component of
 *   the role (precision); recall is the share of gold components overlapped by some
 *   prediction — counted on the gold side, so a prediction that two others already cover
 *   neither adds nor takes recall;
 * - token overlap: predicted tokens inside gold components / predicted tokens, and gold
 *   tokens covered by predictions / gold tokens (Citron's overlap metric).
 */
export function scoreAttributions(
  docId: string,
  text: string,
  gold: Attribution[],
  predicted: Attribution[],
  errors?: ErrorSample[],
  tokens: CharSpan[] = wordTokens(text),
): AttributionCounts {
  const counts = emptyAttributionCounts();
  for (const role of ATTRIBUTION_ROLES) {
    const goldRole = collectRole(text, gold, role);
    const predRole = collectRole(text, predicted, role);
    const goldKeys = new Set(goldRole.map(fragmentsKey));
    const predKeys = new Set(predRole.map(fragmentsKey));
    for (const p of predRole) {
      if (goldKeys.has(fragmentsKey(p))) counts[role].exact.tp++;
      else {
        counts[role].exact.fp++;
        errors?.push({ doc: docId, kind: 'fp', label: role, span: { start: p[0].start, end: p[p.length - 1].end } });
      }
      if (goldRole.some((g) => fragmentsOverlap(g, p))) counts[role].spanOverlap.tp++;
      else counts[role].spanOverlap.fp++;
    }
    for (const g of goldRole) {
      if (!predKeys.has(fragmentsKey(g))) {
        counts[role].exact.fn++;
        errors?.push({ doc: docId, kind: 'fn', label: role, span: { start: g[0].start, end: g[g.length - 1].end } });
      }
      if (predRole.some((p) => fragmentsOverlap(g, p))) counts[role].spanOverlap.goldFound = (counts[role].spanOverlap.goldFound ?? 0) + 1;
      else counts[role].spanOverlap.fn++;
    }
    const goldTokens = new Uint8Array(tokens.length);
    const predTokens = new Uint8Array(tokens.length);
    for (const g of goldRole) coverTokens(tokens, g, goldTokens);
    for (const p of predRole) coverTokens(tokens, p, predTokens);
    for (let i = 0; i < tokens.length; i++) {
      counts[role].tokenOverlap.gold += goldTokens[i];
      counts[role].tokenOverlap.predicted += predTokens[i];
      counts[role].tokenOverlap.overlap += goldTokens[i] & predTokens[i];
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------
// Quotations in quotation marks, and who said them.

/** A quotation as a system reports it, with what it knows of the speaker. */
export interface PredictedQuote {
  span: CharSpan;
  /** Source span as written next to the cue (or the pronoun). */
  sourceSpan?: CharSpan;
  /** Every mention of the entity the source resolves to, when it resolves to one. */
  sourceEntityMentions?: CharSpan[];
}

export interface QuoteCounts {
  span: Counts;
  /** Matched quotations whose gold attribution names a Source. */
  speakerJudged: number;
  speakerCorrect: number;
}

export function emptyQuoteCounts(): QuoteCounts {
  return { span: emptyCounts(), speakerJudged: 0, speakerCorrect: 0 };
}

export function addQuoteCounts(into: QuoteCounts, more: QuoteCounts): void {
  addCounts(into.span, more.span);
  into.speakerJudged += more.speakerJudged;
  into.speakerCorrect += more.speakerCorrect;
}

/**
 * Quotations in marks: gold = Content spans (each fragment of a split Content on its own)
 * that begin and end with a quote mark (modulo edge whitespace/punctuation); predicted = the system's quotations that do too.
 * They match when equal after trimming edge whitespace, punctuation and marks.
 * Speaker: a matched quotation's speaker is right when our source span overlaps the gold
 * Source, or our source resolves to an entity one of whose mentions overlaps it.
 */
export function scoreQuotations(
  docId: string,
  text: string,
  gold: Attribution[],
  predicted: PredictedQuote[],
  errors?: ErrorSample[],
): QuoteCounts {
  const counts = emptyQuoteCounts();
  const goldByKey = new Map<string, { attribution: Attribution; span: CharSpan }>();
  for (const attribution of gold) {
    // Each fragment of a Content split around its cue is a quotation of its own.
    for (const fragment of attribution.content ? normalizeFragments(text, attribution.content) : []) {
      if (isInQuotationMarks(text, fragment)) goldByKey.set(quotationKey(text, fragment), { attribution, span: fragment });
    }
  }
  const predByKey = new Map<string, PredictedQuote>();
  for (const quote of predicted) {
    if (!isInQuotationMarks(text, quote.span)) continue;
    const key = quotationKey(text, quote.span);
    if (!predByKey.has(key)) predByKey.set(key, quote);
  }
  for (const [key, quote] of predByKey) {
    const attribution = goldByKey.get(key)?.attribution;
    if (!attribution) {
      counts.span.fp++;
      errors?.push({ doc: docId, kind: 'fp', label: 'Quote', span: quote.span });
      continue;
    }
    counts.span.tp++;
    const goldSource = attribution.source && attribution.source.length > 0 ? attribution.source : undefined;
    if (!goldSource) continue;
    counts.speakerJudged++;
    const direct = quote.sourceSpan !== undefined && goldSource.some((g) => overlaps(g, quote.sourceSpan as CharSpan));
    const resolved = (quote.sourceEntityMentions ?? []).some((m) => goldSource.some((g) => overlaps(g, m)));
    if (direct || resolved) counts.speakerCorrect++;
    else {
      const s = goldSource[0];
      errors?.push({ doc: docId, kind: 'fn', label: 'Speaker', span: s, note: quote.sourceSpan ? `ours ${spanKey(quote.sourceSpan)}` : 'ours: none' });
    }
  }
  for (const [key, gold] of goldByKey) {
    if (predByKey.has(key)) continue;
    counts.span.fn++;
    errors?.push({ doc: docId, kind: 'fn', label: 'Quote', span: gold.span });
  }
  return counts;
}

/** A finding the system shows its user, reduced to its rule and the span it marks. */
export interface PredictedFlag {
  code: string;
  span: CharSpan;
}

/** Judged against PolNeAR's attributions, the only gold that says what has a source. */
export interface FlagCounts {
  /**
   * unsourced-figure: a flag is wrong when its figure lies inside the Content of a gold
   * attribution that names a Source; fn = a statistic figure of the system's that no
   * sourced gold Content holds and that it does not flag.
   */
  unsourcedFigure: Counts;
  /**
   * unattributed-quote: a flag is wrong when a gold attribution with a Source covers the
   * quotation, right when only sourceless ones do; fn = a quotation of the system's that
   * only sourceless gold covers and that it does not flag.
   */
  unattributedQuote: Counts;
  /** Quotation flags no gold attribution covers at all (titles, scare quotes): not judged. */
  quoteFlagsUnjudged: number;
}

export function emptyFlagCounts(): FlagCounts {
  return { unsourcedFigure: emptyCounts(), unattributedQuote: emptyCounts(), quoteFlagsUnjudged: 0 };
}

export function addFlagCounts(into: FlagCounts, more: FlagCounts): void {
  addCounts(into.unsourcedFigure, more.unsourcedFigure);
  addCounts(into.unattributedQuote, more.unattributedQuote);
  into.quoteFlagsUnjudged += more.quoteFlagsUnjudged;
}

/**
 * How far a wrong flag reaches users: the system's `unsourced-figure` and
 * `unattributed-quote` findings judged by whether the gold gives the figure or the
 * quotation a Source. `figures` are the statistic figures the rule looks at and `quotes`
 * the quotations in marks, both the system's own: recall is over what it found.
 */
export function scoreFlags(
  docId: string,
  text: string,
  gold: Attribution[],
  flags: PredictedFlag[],
  figures: CharSpan[],
  quotes: CharSpan[],
  errors?: ErrorSample[],
): FlagCounts {
  const counts = emptyFlagCounts();
  const sourced: CharSpan[] = [];
  const sourceless: CharSpan[] = [];
  for (const attribution of gold) {
    const into = attribution.source && attribution.source.length > 0 ? sourced : sourceless;
    for (const fragment of attribution.content ? normalizeFragments(text, attribution.content) : []) into.push(fragment);
  }
  const inSourced = (span: CharSpan) => sourced.some((c) => overlaps(c, span));
  const inSourceless = (span: CharSpan) => sourceless.some((c) => overlaps(c, span));

  const figureFlags = new Set(flags.filter((f) => f.code === 'unsourced-figure').map((f) => spanKey(f.span)));
  for (const flag of flags) {
    if (flag.code !== 'unsourced-figure') continue;
    if (inSourced(flag.span)) {
      counts.unsourcedFigure.fp++;
      errors?.push({ doc: docId, kind: 'fp', label: 'Flag unsourced-figure', span: flag.span });
    } else counts.unsourcedFigure.tp++;
  }
  for (const figure of figures) {
    if (inSourced(figure) || figureFlags.has(spanKey(figure))) continue;
    counts.unsourcedFigure.fn++;
    errors?.push({ doc: docId, kind: 'fn', label: 'Flag unsourced-figure', span: figure });
  }

  const quoteFlags = flags.filter((f) => f.code === 'unattributed-quote');
  for (const flag of quoteFlags) {
    if (inSourced(flag.span)) {
      counts.unattributedQuote.fp++;
      errors?.push({ doc: docId, kind: 'fp', label: 'Flag unattributed-quote', span: flag.span });
    } else if (inSourceless(flag.span)) counts.unattributedQuote.tp++;
    else counts.quoteFlagsUnjudged++;
  }
  for (const quote of quotes) {
    if (inSourced(quote) || !inSourceless(quote) || quoteFlags.some((f) => overlaps(f.span, quote))) continue;
    counts.unattributedQuote.fn++;
    errors?.push({ doc: docId, kind: 'fn', label: 'Flag unattributed-quote', span: quote });
  }
  return counts;
}
