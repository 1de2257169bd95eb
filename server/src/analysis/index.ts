// The analysis core: text in, one plain DocumentAnalysis out. Knows English; knows
// nothing of LSP, VS Code or the file system. Each stage reads only what the earlier
// stages produced:
//   structure → sentences → entities → quotes → attribution → figures → claims → findings
// First, for its side effect: keeps V8 from pretenuring the analysis' short-lived objects.
import './heapTuning';
import type { AnalysisOptions, DocumentAnalysis, Figure, Quote } from './types';
import { analyzeStructure } from './structure';
import { splitSentences, tokenizeSentences } from './sentences';
import { extractEntities, type Mention } from './entities';
import { findQuoteMarks } from './quotes';
import { attribute } from './attribution';
import { findFigures } from './figures';
import { buildClaims, insideQuote } from './claims';
import { binaryContent, documentTooLarge, looksBinary, runRules } from './findings';
import { findByOffset } from './text';

export * from './types';

export const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;

/** Thrown by analyze when its `isCancelled` option says the result is no longer wanted. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** An analysis with nothing found, for texts that are not analysed. */
export function emptyAnalysis(length: number): DocumentAnalysis {
  return {
    schemaVersion: 1,
    length,
    structure: { paragraphs: [], boilerplate: [] },
    sentences: [],
    entities: [],
    quotes: [],
    figures: [],
    claims: [],
    findings: [],
  };
}

export function analyze(text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    const result = emptyAnalysis(text.length);
    result.findings.push(documentTooLarge(text.length, maxLength));
    return result;
  }
  if (looksBinary(text)) {
    const result = emptyAnalysis(text.length);
    result.findings.push(binaryContent(text));
    return result;
  }

  const structure = analyzeStructure(text);
  const stages = analyzeStages(text, structure, options.isCancelled);
  return {
    schemaVersion: 1,
    length: text.length,
    structure,
    sentences: stages.sentences,
    entities: stages.entities,
    quotes: stages.quotes,
    figures: stages.figures,
    claims: stages.claims,
    findings: stages.findings,
  };
}

/** What the stages after structure find; `mentions` are the entities' mentions in text order. */
export interface StageResults {
  sentences: DocumentAnalysis['sentences'];
  entities: DocumentAnalysis['entities'];
  mentions: Mention[];
  quotes: Quote[];
  figures: Figure[];
  claims: DocumentAnalysis['claims'];
  findings: DocumentAnalysis['findings'];
}

/** Every stage after structure, in order: for a whole document, and for the window of
 * paragraphs an edit re-analyses (incremental.ts). */
export function analyzeStages(
  text: string,
  structure: DocumentAnalysis['structure'],
  isCancelled: () => boolean = () => false,
): StageResults {
  const stopIfCancelled = (): void => {
    if (isCancelled()) throw new AnalysisCancelled();
  };
  stopIfCancelled();
  const sentences = splitSentences(text, structure);
  const sentenceTokens = tokenizeSentences(text, sentences);
  stopIfCancelled();
  const entityAnalysis = extractEntities(text, structure, sentences, sentenceTokens);
  stopIfCancelled();
  const quoteScan = findQuoteMarks(text, structure, sentences);
  const attribution = attribute(text, structure, sentences, entityAnalysis, quoteScan, sentenceTokens);
  stopIfCancelled();
  const figures = attachSources(findFigures(text), attribution.quotes, sentences, attribution.sentenceSources);
  stopIfCancelled();
  const claims = buildClaims(
    text,
    structure,
    sentences,
    entityAnalysis.mentions,
    entityAnalysis.entities,
    attribution.quotes,
    figures,
    attribution.sentenceSources,
  );
  const findings = runRules({ text, structure, sentences, quotes: attribution.quotes, figures, unbalanced: quoteScan.unbalanced });
  return {
    sentences,
    entities: entityAnalysis.entities,
    mentions: entityAnalysis.mentions,
    quotes: attribution.quotes,
    figures,
    claims,
    findings,
  };
}

/** A figure's source: the quotation it sits in, else its sentence's attribution. */
function attachSources(
  figures: Figure[],
  quotes: readonly Quote[],
  sentences: DocumentAnalysis['sentences'],
  sentenceSources: ReadonlyArray<DocumentAnalysis['quotes'][number]['source']>,
): Figure[] {
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  for (const f of figures) {
    const q = insideQuote(direct, f.span.start);
    if (q?.source) {
      f.source = q.source;
      continue;
    }
    const s = findByOffset(sentences, f.span.start);
    if (s >= 0 && f.span.start < sentences[s].span.end) {
      const src = sentenceSources[s];
      if (src) f.source = src;
    }
  }
  return figures;
}
