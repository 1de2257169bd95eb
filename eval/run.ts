// Runs every system over a corpus's documents and gathers the figures.
import {
  AttributionCounts,
  EntityCounts,
  ErrorSample,
  FlagCounts,
  QuoteCounts,
  Scores,
  addAttributionCounts,
  addCounts,
  addFlagCounts,
  addQuoteCounts,
  emptyAttributionCounts,
  emptyEntityCounts,
  emptyFlagCounts,
  emptyQuoteCounts,
  entityScores,
  overlapScores,
  score,
  scoreAttributions,
  scoreEntities,
  scoreFlags,
  scoreQuotations,
} from './metrics';
import { ATTRIBUTION_ROLES, AttributionRole, ENTITY_TYPES, EntityType, GoldDocument, wordTokens } from './spans';
import type { System } from './systems';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface SystemResult {
  system: string;
  seconds: number;
  docsPerSecond: number;
  /** Megabytes (UTF-16 length / 1e6) of text per second. */
  megabytesPerSecond: number;
  entities?: Record<EntityType | 'overall', Scores>;
  attributions?: Record<AttributionRole, { exact: Scores; spanOverlap: Scores; tokenOverlap: PRF }>;
  quotes?: { span: Scores; speakerJudged: number; speakerCorrect: number; speakerAccuracy: number };
  /** The findings judged against the gold attributions (systems that make findings only). */
  flags?: { unsourcedFigure: Scores; unattributedQuote: Scores; quoteFlagsUnjudged: number };
  /** Crashes of the system on a document (the document then counts as predicting nothing). */
  failures: number;
}

export interface CorpusResult {
  corpus: string;
  path: string;
  documents: number;
  characters: number;
  gold: { entities?: Record<EntityType, number>; attributions?: Record<AttributionRole, number>; quotesInMarks?: number };
  systems: SystemResult[];
}

export interface RunOptions {
  /** Keep error samples for these systems (by name). */
  collectErrors?: Set<string>;
}

export interface RunOutput {
  result: CorpusResult;
  errors: Map<string, ErrorSample[]>;
}

export function evaluateDocuments(corpus: string, corpusPath: string, documents: GoldDocument[], systems: System[], options: RunOptions = {}): RunOutput {
  const hasEntities = documents.some((d) => d.entities !== undefined);
  const hasAttributions = documents.some((d) => d.attributions !== undefined);
  const characters = documents.reduce((n, d) => n + d.text.length, 0);
  const tokensByDoc = hasAttributions ? documents.map((d) => wordTokens(d.text)) : [];
  const errors = new Map<string, ErrorSample[]>();
  const results: SystemResult[] = [];

  for (const system of systems) {
    const errorSink = options.collectErrors?.has(system.name) ? [] : undefined;
    const entityCounts: EntityCounts = emptyEntityCounts();
    const attributionCounts: AttributionCounts = emptyAttributionCounts();
    const quoteCounts: QuoteCounts = emptyQuoteCounts();
    const flagCounts: FlagCounts = emptyFlagCounts();
    let makesFlags = false;
    let failures = 0;
    let analysisMs = 0;
    documents.forEach((document, index) => {
      const started = performance.now();
      let output;
      try {
        output = system.run(document.text);
      } catch (error) {
        failures++;
        if (failures <= 3) process.stderr.write(`${system.name} failed on ${document.id}: ${(error as Error).message}\n`);
        output = { entities: [], attributions: [], quotes: [] };
      }
      analysisMs += performance.now() - started;
      if (document.entities) {
        const counts = scoreEntities(document.id, document.entities, output.entities, errorSink);
        for (const type of ENTITY_TYPES) addCounts(entityCounts[type], counts[type]);
      }
      if (document.attributions) {
        addAttributionCounts(attributionCounts, scoreAttributions(document.id, document.text, document.attributions, output.attributions, errorSink, tokensByDoc[index]));
        addQuoteCounts(quoteCounts, scoreQuotations(document.id, document.text, document.attributions, output.quotes, errorSink));
        if (output.flags) {
          makesFlags = true;
          const quoteSpans = output.quotes.map((q) => q.span);
          addFlagCounts(flagCounts, scoreFlags(document.id, document.text, document.attributions, output.flags, output.statisticFigures ?? [], quoteSpans, errorSink));
        }
      }
    });
    const seconds = analysisMs / 1000;
    const result: SystemResult = {
      system: system.name,
      seconds,
      docsPerSecond: seconds > 0 ? documents.length / seconds : 0,
      megabytesPerSecond: seconds > 0 ? characters / 1e6 / seconds : 0,
      failures,
    };
    if (hasEntities) result.entities = entityScores(entityCounts);
    if (hasAttributions) {
      const roles = {} as NonNullable<SystemResult['attributions']>;
      for (const role of ATTRIBUTION_ROLES) {
        roles[role] = {
          exact: score(attributionCounts[role].exact),
          spanOverlap: score(attributionCounts[role].spanOverlap),
          tokenOverlap: overlapScores(attributionCounts[role].tokenOverlap),
        };
      }
      result.attributions = roles;
      result.quotes = {
        span: score(quoteCounts.span),
        speakerJudged: quoteCounts.speakerJudged,
        speakerCorrect: quoteCounts.speakerCorrect,
        speakerAccuracy: quoteCounts.speakerJudged > 0 ? quoteCounts.speakerCorrect / quoteCounts.speakerJudged : 0,
      };
      if (makesFlags) {
        result.flags = {
          unsourcedFigure: score(flagCounts.unsourcedFigure),
          unattributedQuote: score(flagCounts.unattributedQuote),
          quoteFlagsUnjudged: flagCounts.quoteFlagsUnjudged,
        };
      }
    }
    if (errorSink) errors.set(system.name, errorSink);
    results.push(result);
  }

  const gold: CorpusResult['gold'] = {};
  if (hasEntities) {
    // Counted as the metrics count them (duplicates merged): tp + fn of any system.
    const first = results[0]?.entities;
    gold.entities = { PER: 0, ORG: 0, LOC: 0 };
    for (const type of ENTITY_TYPES) gold.entities[type] = first ? first[type].tp + first[type].fn : 0;
  }
  if (hasAttributions) {
    const first = results[0];
    gold.attributions = { Source: 0, Cue: 0, Content: 0 };
    for (const role of ATTRIBUTION_ROLES) {
      const exact = first?.attributions?.[role].exact;
      gold.attributions[role] = exact ? exact.tp + exact.fn : 0;
    }
    gold.quotesInMarks = first?.quotes ? first.quotes.span.tp + first.quotes.span.fn : 0;
  }
  return { result: { corpus, path: corpusPath, documents: documents.length, characters, gold, systems: results }, errors };
}
