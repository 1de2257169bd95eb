// One entity index across documents: which documents mention an entity, keyed by kind and
// normalised canonical name, and findable by alias too ("Robinson" → Todd Robinson). Feeds
// workspace symbols, references and definitions. Pure.
import type { EntityKind } from '../analysis/types';
import type { EntitySummary } from './summary';

/** Lower case, no diacritics, no periods or apostrophes, single spaces: "U.S." ~ "us". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function entityKey(kind: EntityKind, name: string): string {
  return `${kind}:${normalizeName(name)}`;
}

export interface EntityOccurrence {
  uri: string;
  entity: EntitySummary;
}

export interface SymbolMatch extends EntityOccurrence {
  /** Lower is better: 0 whole name, 1 word prefix, 2 substring, 3 alias. */
  rank: number;
}

export class EntityIndex {
  private readonly byDocument = new Map<string, { key: string; entity: EntitySummary }[]>();
  /** key → uri → the document's entities with that key (almost always one). */
  private readonly byKey = new Map<string, Map<string, EntitySummary[]>>();
  /** Normalised alias → key → how many documents give that alias to that key. */
  private readonly byAlias = new Map<string, Map<string, number>>();

  setDocument(uri: string, entities: readonly EntitySummary[]): void {
    this.deleteDocument(uri);
    if (entities.length === 0) return;
    const entries = entities.map((entity) => ({ key: entityKey(entity.kind, entity.name), entity }));
    this.byDocument.set(uri, entries);
    for (const { key, entity } of entries) {
      let documents = this.byKey.get(key);
      if (!documents) this.byKey.set(key, (documents = new Map()));
      const list = documents.get(uri);
      if (list) list.push(entity);
      else documents.set(uri, [entity]);
      for (const alias of new Set(entity.aliases.map(normalizeName))) {
        let keys = this.byAlias.get(alias);
        if (!keys) this.byAlias.set(alias, (keys = new Map()));
        keys.set(key, (keys.get(key) ?? 0) + 1);
      }
    }
  }

  deleteDocument(uri: string): void {
    const entries = this.byDocument.get(uri);
    if (!entries) return;
    this.byDocument.delete(uri);
    for (const { key, entity } of entries) {
      const documents = this.byKey.get(key);
      if (documents) {
        documents.delete(uri);
        if (documents.size === 0) this.byKey.delete(key);
      }
      for (const alias of new Set(entity.aliases.map(normalizeName))) {
        const keys = this.byAlias.get(alias);
        if (!keys) continue;
        const count = (keys.get(key) ?? 0) - 1;
        if (count > 0) keys.set(key, count);
        else keys.delete(key);
        if (keys.size === 0) this.byAlias.delete(alias);
      }
    }
  }

  get documentCount(): number {
    return this.byDocument.size;
  }

  /** Every document's entity with this kind and canonical name, by URI. */
  occurrences(kind: EntityKind, name: string): EntityOccurrence[] {
    const documents = this.byKey.get(entityKey(kind, name));
    if (!documents) return [];
    const result: EntityOccurrence[] = [];
    for (const uri of [...documents.keys()].sort()) {
      for (const entity of documents.get(uri)!) result.push({ uri, entity });
    }
    return result;
  }

  /** Keys of entities of `kind` that carry `name` as an alias (a surname for a full name). */
  keysWithAlias(kind: EntityKind, name: string): string[] {
    const keys = this.byAlias.get(normalizeName(name));
    if (!keys) return [];
    return [...keys.keys()].filter((key) => key.startsWith(`${kind}:`)).sort();
  }

  occurrencesOfKey(key: string): EntityOccurrence[] {
    const separator = key.indexOf(':');
    const documents = this.byKey.get(key);
    if (separator < 0 || !documents) return [];
    const result: EntityOccurrence[] = [];
    for (const uri of [...documents.keys()].sort()) {
      for (const entity of documents.get(uri)!) result.push({ uri, entity });
    }
    return result;
  }

  /** The keys that name the same entity across documents, canonical first: a one-word name
   * ("Keller") that exactly one longer entity carries as an alias resolves to it, and the
   * canonical entity gathers the one-word entities of its aliases that are unambiguous. */
  related(kind: EntityKind, name: string): string[] {
    const own = entityKey(kind, name);
    let canonical = own;
    if (!normalizeName(name).includes(' ')) {
      const longer = this.keysWithAlias(kind, name).filter((key) => key !== own);
      if (longer.length === 1) canonical = longer[0];
    }
    const keys = [canonical];
    const aliases = new Set<string>();
    for (const occurrence of this.occurrencesOfKey(canonical)) {
      for (const alias of occurrence.entity.aliases) aliases.add(normalizeName(alias));
    }
    for (const alias of [...aliases].sort()) {
      const aliasKey = `${kind}:${alias}`;
      if (aliasKey === canonical || !this.byKey.has(aliasKey)) continue;
      const owners = this.keysWithAlias(kind, alias).filter((key) => key !== aliasKey);
      if (owners.length === 1 && owners[0] === canonical) keys.push(aliasKey);
    }
    if (!keys.includes(own)) keys.push(own);
    return keys;
  }

  /** Entities whose name or an alias matches `query` (each word a prefix of a name word or,
   * failing that, a substring), one per document, best first, at most `limit`. */
  search(query: string, limit: number): SymbolMatch[] {
    const words = normalizeName(query).split(' ').filter((word) => word.length > 0);
    const ranked = new Map<string, number>();
    const rankName = (name: string, alias: boolean): number | undefined => {
      if (words.length === 0) return alias ? undefined : 2;
      const nameWords = name.split(' ');
      let rank = 0;
      if (name !== words.join(' ')) rank = 1;
      for (const word of words) {
        if (nameWords.some((nameWord) => nameWord.startsWith(word))) continue;
        if (name.includes(word)) rank = 2;
        else return undefined;
      }
      return alias ? Math.max(rank, 3) : rank;
    };
    for (const key of this.byKey.keys()) {
      const rank = rankName(key.slice(key.indexOf(':') + 1), false);
      if (rank !== undefined) ranked.set(key, rank);
    }
    if (words.length > 0) {
      for (const [alias, keys] of this.byAlias) {
        const rank = rankName(alias, true);
        if (rank === undefined) continue;
        for (const key of keys.keys()) if (!ranked.has(key)) ranked.set(key, rank);
      }
    }
    const keys = [...ranked.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const result: SymbolMatch[] = [];
    for (const [key, rank] of keys) {
      for (const occurrence of this.occurrencesOfKey(key)) {
        if (result.length >= limit) return result;
        result.push({ ...occurrence, rank });
      }
    }
    return result;
  }
}
