// The outline: people, organisations, places, other entities and quotes, grouped.
import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { EntityKind } from '../analysis/types';
import type { AnalysisEntry } from '../analysisStore';
import { truncate } from '../common/markdown';
import type { Range } from '../common/positions';
import { offsetIndex } from './lookup';

export const ENTITY_SYMBOL: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Struct,
  place: SymbolKind.Package,
  other: SymbolKind.Variable,
};

const GROUPS: { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'organization', label: 'Organisations' },
  { kind: 'place', label: 'Places' },
  { kind: 'other', label: 'Other names' },
];

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A container whose range covers all its children, as the protocol requires. */
function group(name: string, children: DocumentSymbol[]): DocumentSymbol {
  let start = children[0].range.start;
  let end = children[0].range.end;
  for (const child of children) {
    if (before(child.range.start, start)) start = child.range.start;
    if (before(end, child.range.end)) end = child.range.end;
  }
  return {
    name,
    detail: `${children.length}`,
    kind: SymbolKind.Namespace,
    range: { start, end },
    selectionRange: children[0].selectionRange,
    children,
  };
}

export function documentSymbols(entry: AnalysisEntry): DocumentSymbol[] {
  const { analysis, lines } = entry;
  const result: DocumentSymbol[] = [];
  for (const { kind, label } of GROUPS) {
    const children: DocumentSymbol[] = [];
    for (const entity of analysis.entities) {
      if (entity.kind !== kind || entity.mentions.length === 0) continue;
      let first = entity.mentions[0];
      let last = entity.mentions[0];
      for (const mention of entity.mentions) {
        if (mention.start < first.start) first = mention;
        if (mention.end > last.end) last = mention;
      }
      const detail = entity.role ?? (entity.aliases.length > 0 ? entity.aliases.join(', ') : undefined);
      const symbol: DocumentSymbol = {
        name: entity.name,
        kind: ENTITY_SYMBOL[entity.kind],
        range: lines.rangeOf({ start: first.start, end: last.end }),
        selectionRange: lines.rangeOf(first),
      };
      if (detail) symbol.detail = truncate(detail, 80);
      children.push(symbol);
    }
    if (children.length > 0) {
      children.sort((a, b) => (before(a.selectionRange.start, b.selectionRange.start) ? -1 : 1));
      result.push(group(label, children));
    }
  }
  const index = offsetIndex(analysis);
  const quotes: DocumentSymbol[] = analysis.quotes.map((quote) => {
    const speaker = quote.source
      ? (quote.source.entity ? index.entitiesById.get(quote.source.entity)?.name : undefined) ?? quote.source.text
      : 'no speaker';
    const range = lines.rangeOf(quote.span);
    return {
      name: `${speaker}: “${truncate(quote.text, 60)}”`,
      detail: quote.kind,
      kind: SymbolKind.String,
      range,
      selectionRange: range,
    };
  });
  if (quotes.length > 0) result.push(group('Quotes', quotes));
  return result;
}

/** The same outline as flat SymbolInformation, for clients without hierarchical symbols. */
export function flattenSymbols(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const symbol of symbols) {
    const information: SymbolInformation = { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.selectionRange } };
    if (container !== undefined) information.containerName = container;
    flat.push(information);
    if (symbol.children) flat.push(...flattenSymbols(symbol.children, uri, symbol.name));
  }
  return flat;
}
