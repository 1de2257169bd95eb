// The systems under test, each reduced to what the metrics compare: typed entity mention
// spans, attributions (Source / Cue / Content) and quotations with what is known of the
// speaker.
import nlp from 'compromise';
import { analyze } from '../server/src/analysis/index';
import type { EntityKind } from '../server/src/analysis/index';
import { isStatisticFigure } from '../server/src/analysis/claims';
import type { PredictedFlag, PredictedQuote } from './metrics';
import type { Attribution, CharSpan, EntityType, TypedSpan } from './spans';

export interface SystemOutput {
  entities: TypedSpan[];
  attributions: Attribution[];
  quotes: PredictedQuote[];
  /** The findings a user would see, when the system makes any. */
  flags?: PredictedFlag[];
  /** The statistic figures (counts, money, percentages, ratios, measures) it found. */
  statisticFigures?: CharSpan[];
}

export interface System {
  name: string;
  run(text: string): SystemOutput;
}

const KIND_TO_TYPE: Record<EntityKind, EntityType | undefined> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  other: undefined,
};

/** Our analysis core. A quotation's Content is its whole span: PolNeAR's Content keeps the marks. */
export const ours: System = {
  name: 'ours',
  run(text) {
    const analysis = analyze(text);
    const entities: TypedSpan[] = [];
    const mentionsById = new Map<string, CharSpan[]>();
    for (const entity of analysis.entities) {
      mentionsById.set(entity.id, entity.mentions);
      const type = KIND_TO_TYPE[entity.kind];
      if (!type) continue;
      for (const mention of entity.mentions) entities.push({ type, start: mention.start, end: mention.end });
    }
    const attributions: Attribution[] = [];
    const quotes: PredictedQuote[] = [];
    // Reported clauses in text order; `clauseEnd` is the furthest end of those begun so far.
    const clauses = analysis.quotes.filter((q) => q.kind === 'indirect').map((q) => q.span);
    let nextClause = 0;
    let clauseEnd = -1;
    for (const quote of analysis.quotes) {
      while (nextClause < clauses.length && clauses[nextClause].start <= quote.span.start) clauseEnd = Math.max(clauseEnd, clauses[nextClause++].end);
      // PolNeAR gives every token one label: a partial quotation inside a reported clause
      // of ours (Quill said the plan was “a betrayal”, where the analysis also reports the
      // clause "the plan was “a betrayal”" for the same cue) is part of that clause's
      // Content, not a second Content nested in it — a token-level (BIO) PolNeAR system
      // cannot output both, and the published counts score one span there. A partial that
      // no clause of ours holds (called it “a betrayal”) stays a Content of its own.
      if (quote.kind === 'partial' && quote.span.end <= clauseEnd) continue;
      const source = quote.source;
      // A partial quotation with no source and no cue is a quoted phrase (a title, a scare
      // quote), which the analysis does not report as anyone's words: no attribution.
      if (quote.kind === 'partial' && !source) continue;
      attributions.push({
        content: [quote.span],
        source: source?.span ? [source.span] : undefined,
        cue: source?.cueSpan ? [source.cueSpan] : undefined,
      });
      // Quotations in marks: whole quotations; partial ones are words inside a sentence.
      if (quote.kind === 'direct') {
        quotes.push({
          span: quote.span,
          sourceSpan: source?.span,
          sourceEntityMentions: source?.entity ? mentionsById.get(source.entity) : undefined,
        });
      }
    }
    const flags = analysis.findings.map((f) => ({ code: f.code, span: f.span }));
    const statisticFigures = analysis.figures.filter(isStatisticFigure).map((f) => f.span);
    return { entities, attributions, quotes, flags, statisticFigures };
  },
};

interface CompromiseTermJson {
  offset: { start: number; length: number };
}
interface CompromisePhraseJson {
  offset: { start: number; length: number };
  terms: CompromiseTermJson[];
}

/** Term offsets exclude the punctuation compromise keeps in a phrase's own offset ("New York."). */
function termSpans(phrases: CompromisePhraseJson[]): CharSpan[] {
  const spans: CharSpan[] = [];
  for (const phrase of phrases) {
    const terms = phrase.terms;
    if (!terms || terms.length === 0) continue;
    const first = terms[0].offset;
    const last = terms[terms.length - 1].offset;
    spans.push({ start: first.start, end: last.start + last.length });
  }
  return spans;
}

const MARK = /["\u201C\u201D\u2018\u2019'\u00AB\u00BB]/;
const CLOSING_PUNCTUATION = /[.,!?;:\u2014-]/;

/**
 * compromise's quotation offsets start after the opening mark and run past the closing
 * one into the following whitespace; rebuild the quotation as its words plus the marks
 * (and punctuation inside the closing mark) around them.
 */
function withQuoteMarks(text: string, words: CharSpan): CharSpan {
  let { start, end } = words;
  if (start > 0 && MARK.test(text[start - 1])) start--;
  let probe = end;
  while (probe < text.length && probe - end < 3 && CLOSING_PUNCTUATION.test(text[probe])) probe++;
  if (probe < text.length && MARK.test(text[probe])) end = probe + 1;
  return { start, end };
}

/**
 * compromise 14: people(), organizations(), places() for entities; quotations() for quotes
 * (the phrase offset, which includes the marks). It names no source and no cue.
 */
export const compromise: System = {
  name: 'compromise',
  run(text) {
    const doc = nlp(text);
    const entities: TypedSpan[] = [];
    const add = (type: EntityType, phrases: unknown) => {
      for (const span of termSpans(phrases as CompromisePhraseJson[])) entities.push({ type, ...span });
    };
    add('PER', doc.people().json({ offset: true }));
    add('ORG', doc.organizations().json({ offset: true }));
    add('LOC', doc.places().json({ offset: true }));
    const attributions: Attribution[] = [];
    const quotes: PredictedQuote[] = [];
    for (const phrase of doc.quotations().json({ offset: true }) as CompromisePhraseJson[]) {
      const [words] = termSpans([phrase]);
      if (!words) continue;
      const span = withQuoteMarks(text, words);
      attributions.push({ content: [span] });
      quotes.push({ span });
    }
    return { entities, attributions, quotes };
  },
};

export const SYSTEMS: System[] = [ours, compromise];
