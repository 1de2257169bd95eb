// Hand-built analyses for feature tests, so that they do not depend on the core's English.
import type { DocumentAnalysis, Entity, Figure, Finding, Quote, Sentence, Claim } from '../../server/src/analysis/types';
import { makeEntry, type AnalysisEntry } from '../../server/src/analysisStore';
import { emptyAnalysis as emptyAnalysisOfLength } from '../../server/src/analysis';

export function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length };
}

export function emptyAnalysis(text: string): DocumentAnalysis {
  return emptyAnalysisOfLength(text.length);
}

/** A small article with one person, one quote, one sourced and one unsourced figure. */
export const ARTICLE = [
  'Jane Doe, the mayor of Springfield, spoke on Monday.',
  '',
  '“We will build 300 homes,” she said.',
  '',
  'About 40% of residents rent.',
  '',
].join('\n');

export function articleEntry(extra: Partial<DocumentAnalysis> = {}, uri = 'file:///tmp/article.txt'): AnalysisEntry {
  const text = ARTICLE;
  const jane: Entity = {
    id: 'person:jane-doe',
    kind: 'person',
    name: 'Jane Doe',
    aliases: ['Doe'],
    role: 'the mayor of Springfield',
    mentions: [spanOf(text, 'Jane Doe')],
  };
  const springfield: Entity = {
    id: 'place:springfield',
    kind: 'place',
    name: 'Springfield',
    aliases: [],
    mentions: [spanOf(text, 'Springfield')],
  };
  const quoteSpan = spanOf(text, '“We will build 300 homes,”');
  const quote: Quote = {
    id: 'q1',
    span: quoteSpan,
    content: { start: quoteSpan.start + 1, end: quoteSpan.end - 2 },
    text: 'We will build 300 homes,',
    kind: 'direct',
    source: { entity: jane.id, text: 'she', span: spanOf(text, 'she'), cue: 'said', how: 'pronoun', vague: false },
  };
  const homes: Figure = {
    id: 'f1',
    span: spanOf(text, '300 homes'),
    text: '300 homes',
    kind: 'count',
    value: 300,
    unit: 'homes',
    source: quote.source,
  };
  const percent: Figure = {
    id: 'f2',
    span: spanOf(text, 'About 40%'),
    text: 'About 40%',
    kind: 'percent',
    value: 40,
    unit: '%',
    qualifier: 'about',
  };
  const sentences: Sentence[] = [
    { span: spanOf(text, 'Jane Doe, the mayor of Springfield, spoke on Monday.'), paragraph: 0 },
    { span: spanOf(text, '“We will build 300 homes,” she said.'), paragraph: 1 },
    { span: spanOf(text, 'About 40% of residents rent.'), paragraph: 2 },
  ];
  const claims: Claim[] = [
    {
      id: 'c-quote',
      span: sentences[1].span,
      text: '“We will build 300 homes,” she said.',
      kind: 'quote',
      source: quote.source,
      figures: ['f1'],
      entities: [jane.id],
      sourced: true,
    },
    {
      id: 'c-stat',
      span: sentences[2].span,
      text: 'About 40% of residents rent.',
      kind: 'statistic',
      figures: ['f2'],
      entities: [],
      sourced: false,
    },
  ];
  const findings: Finding[] = [
    {
      code: 'unsourced-figure',
      span: percent.span,
      message: 'No source for "About 40%".',
      severity: 'warning',
      data: { figure: 'f2' },
      related: [{ span: sentences[2].span, message: 'the sentence' }],
    },
  ];
  const analysis: DocumentAnalysis = {
    ...emptyAnalysis(text),
    sentences,
    entities: [jane, springfield],
    quotes: [quote],
    figures: [homes, percent],
    claims,
    findings,
    ...extra,
  };
  return makeEntry(uri, 1, uri.endsWith('.md') ? 'markdown' : 'plaintext', text, analysis);
}
