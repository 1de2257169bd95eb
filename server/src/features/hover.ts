// Hover cards for entity mentions, figures and quotes, in Markdown.
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { AttributionHow, DocumentAnalysis, Entity, Figure, Quote, Source } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import { escapeMarkdown, truncate } from '../common/markdown';
import { itemAt, offsetIndex, prepareLookups, quoteCounts, type SpanTable } from './lookup';

const KIND_LABEL: Record<string, string> = {
  person: 'person',
  organization: 'organisation',
  place: 'place',
  other: 'other entity',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function entityMarkdown(entity: Entity, analysis: DocumentAnalysis): string {
  const quotes = quoteCounts(analysis).get(entity.id) ?? { all: 0, direct: 0 };
  const lines = [`**${escapeMarkdown(entity.name)}** — ${KIND_LABEL[entity.kind] ?? entity.kind}`, ''];
  if (entity.role) lines.push(`- Role: ${escapeMarkdown(entity.role)}`);
  if (entity.aliases.length > 0) lines.push(`- Also: ${entity.aliases.map(escapeMarkdown).join(', ')}`);
  const direct = quotes.direct !== quotes.all ? ` (${quotes.direct} direct)` : '';
  lines.push(`- ${plural(entity.mentions.length, 'mention')}, ${plural(quotes.all, 'quote')}${direct}`);
  return lines.join('\n');
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatFigureValue(figure: Figure): string | undefined {
  if (figure.value === undefined) return undefined;
  const format = (value: number): string => {
    // Years and dates are labels, not amounts: no thousands separator.
    if (figure.kind === 'year' || figure.kind === 'date') return String(value);
    if (figure.kind === 'money' && figure.unit && /^[A-Z]{3}$/.test(figure.unit)) {
      try {
        return new Intl.NumberFormat('en-US', {
          style: 'currency',
          currency: figure.unit,
          minimumFractionDigits: 0,
          maximumFractionDigits: 2,
        }).format(value);
      } catch {
        // Unknown currency code: fall through to a plain number.
      }
    }
    return number.format(value);
  };
  const range = figure.valueMax !== undefined ? `${format(figure.value)}–${format(figure.valueMax)}` : format(figure.value);
  return range;
}

function sourceName(source: Source, analysis: DocumentAnalysis): string {
  const entity = source.entity ? offsetIndex(analysis).entitiesById.get(source.entity) : undefined;
  return entity ? entity.name : source.text;
}

/** "Todd Robinson (from 'he', the last named speaker)". */
export function describeSource(source: Source, analysis: DocumentAnalysis): string {
  const name = escapeMarkdown(sourceName(source, analysis));
  const written = `'${escapeMarkdown(source.text)}'`;
  const cue = source.cue ? ` '${escapeMarkdown(source.cue)}'` : '';
  const how: Record<AttributionHow, string> = {
    explicit: `named with the cue${cue || ` ${written}`}`,
    pronoun: `from ${written}, the last named speaker`,
    continuation: 'continues the previous quoted paragraph',
    'role-noun': `from ${written}, the person who holds that role`,
  };
  const vague = source.vague ? ' — vague: it names nobody a reader can check' : '';
  return `${name} (${how[source.how] ?? source.how})${vague}`;
}

function figureMarkdown(figure: Figure, analysis: DocumentAnalysis): string {
  const lines = [`**Figure** — ${figure.kind}: “${escapeMarkdown(figure.text)}”`, ''];
  const value = formatFigureValue(figure);
  if (value !== undefined) lines.push(`- Value: ${escapeMarkdown(value)}`);
  if (figure.unit) lines.push(`- Unit: ${escapeMarkdown(figure.unit)}`);
  if (figure.qualifier) lines.push(`- Qualifier: ${escapeMarkdown(figure.qualifier)}`);
  lines.push(figure.source ? `- Source: ${describeSource(figure.source, analysis)}` : '- Source: **no source**');
  return lines.join('\n');
}

const QUOTE_KIND: Record<string, string> = { direct: 'Direct quote', partial: 'Partial quote', indirect: 'Reported speech' };

function quoteMarkdown(quote: Quote, analysis: DocumentAnalysis): string {
  const lines = [`**${QUOTE_KIND[quote.kind] ?? 'Quote'}** — “${escapeMarkdown(truncate(quote.text, 80))}”`, ''];
  lines.push(quote.source ? `speaker: ${describeSource(quote.source, analysis)}` : 'speaker: **none found**');
  return lines.join('\n');
}

/** On the words that name a quote's source: who they resolve to. */
function sourceMarkdown(quote: Quote, analysis: DocumentAnalysis): string {
  const source = quote.source!;
  return [
    `**Source** of ${QUOTE_KIND[quote.kind]?.toLowerCase() ?? 'a quote'}: “${escapeMarkdown(truncate(quote.text, 60))}”`,
    '',
    `speaker: ${describeSource(source, analysis)}`,
  ].join('\n');
}

export function hoverAt(entry: AnalysisEntry, position: Position): Hover | null {
  const offset = entry.lines.offsetAt(position);
  const { analysis } = entry;
  const index = offsetIndex(analysis);
  const figure = itemAt(index.figures, offset);
  if (figure) return hover(figureMarkdown(figure.item, analysis), entry, figure.span);
  const mention = itemAt(index.mentions, offset);
  if (mention) return hover(entityMarkdown(mention.item, analysis), entry, mention.span);
  const source = itemAt(index.sources, offset);
  if (source?.item.source) return hover(sourceMarkdown(source.item, analysis), entry, source.span);
  const quote = itemAt(index.quotes, offset);
  if (quote) return hover(quoteMarkdown(quote.item, analysis), entry, quote.span);
  return null;
}

function hover(markdown: string, entry: AnalysisEntry, span?: { start: number; end: number }): Hover {
  const result: Hover = { contents: { kind: MarkupKind.Markdown, value: markdown } };
  if (span) result.range = entry.lines.rangeOf(span);
  return result;
}

/** Makes what hovers on this entry read (prepareLookups), then hovers once on the first
 * figure, mention, quote source and quote: the first hover of each kind otherwise pays for
 * compiling its code (up to several ms, ~10 on a busy machine), long after the analysis
 * arrived. Returns those hovers (null where the document has no item of that kind). */
export function prepareHovers(entry: AnalysisEntry): (Hover | null)[] {
  const { analysis } = entry;
  prepareLookups(analysis);
  const index = offsetIndex(analysis);
  const first = (table: SpanTable<unknown>): Hover | null =>
    table.starts.length > 0 ? hoverAt(entry, entry.lines.positionAt(table.starts[0])) : null;
  return [first(index.figures), first(index.mentions), first(index.sources), first(index.quotes)];
}
